/* test-audit.c: the audit trail: every write and every opening of a
 * juvenile file leaves an event in the same transaction; the trail refuses
 * UPDATE and DELETE; an administrator who disables that and rewrites or
 * removes events is caught by `audit verify` at the right event; events
 * committed just before the server is killed are all there after it
 * restarts. */

#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-audit.h"
#include "lajna-case-details.h"
#include "lajna-cluster.h"
#include "lajna-db-private.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

#define N_THREADS 4
#define EVENTS_PER_THREAD 50

static const char committees_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'au-m', 'لجنة الزواج', 'Marriage', 'ز'),"
  " ('juvenile', 'au-j', 'لجنة الأحداث', 'Juvenile', 'ح')";

static void
setup (void)
{
  lajna_test_shared_start_with (committees_sql);
}

static char *
value (LajnaDb    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, MESSAGE (error));
  return g_strdup (PQgetisnull (result, 0, 0) ? "" : PQgetvalue (result, 0, 0));
}

static void
run_ok (LajnaDb    *db,
        const char *sql)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_db_run (db, sql, &error), "%s: %s", sql, MESSAGE (error));
}

static LajnaAuditReport
verify (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  LajnaAuditReport report;

  ck_assert_msg (lajna_audit_verify (db, &report, &error), "%s", MESSAGE (error));
  return report;
}

static void
assert_intact (LajnaDb *db)
{
  LajnaAuditReport report = verify (db);

  ck_assert_msg (report.result == LAJNA_AUDIT_INTACT, "broken (%d) at %" G_GINT64_FORMAT,
                 report.result, report.event_id);
}

static gint64
append (LajnaDb    *db,
        const char *action)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_audit_append (db, action, "test", 0, &error);

  ck_assert_msg (id > 0, "%s", MESSAGE (error));
  return id;
}

static gint64
register_file (LajnaDb    *db,
               const char *kind)
{
  return lajna_test_register_file (db, kind, kind[0] == 'j' ? "au-j" : "au-m");
}

START_TEST (test_writes_and_views_are_recorded)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 marriage = register_file (db, "marriage");
  gint64 juvenile = register_file (db, "juvenile");
  g_autofree char *created = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(LajnaCaseDetails) details = NULL;
  g_autoptr(LajnaCaseDetails) marriage_details = NULL;
  g_autoptr(GError) error = NULL;

  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = 'case.create'"
                         " AND object_id = %" G_GINT64_FORMAT " AND actor = current_user"
                         " AND detail -> 'files' = '[%" G_GINT64_FORMAT "]'", marriage, marriage);
  created = value (db, sql);
  ck_assert_str_eq (created, "1");

  details = lajna_case_details_fetch (db, juvenile, &error);
  ck_assert_msg (details != NULL, "%s", MESSAGE (error));
  marriage_details = lajna_case_details_fetch (db, marriage, &error);
  ck_assert_msg (marriage_details != NULL, "%s", MESSAGE (error));
  g_free (sql);
  sql = g_strdup_printf ("SELECT string_agg(object_id::text, ' ') FROM audit_event"
                         " WHERE action = 'case.open'");
  opened = value (db, sql);
  /* A juvenile file's opening is recorded; a marriage file's is not. */
  g_free (sql);
  sql = g_strdup_printf ("%" G_GINT64_FORMAT, juvenile);
  ck_assert_str_eq (opened, sql);

  g_free (sql);
  sql = g_strdup_printf ("SELECT lajna_case_set_status(%" G_GINT64_FORMAT ", 'documents_pending')",
                         marriage);
  g_free (value (db, sql));
  g_free (created);
  created = value (db, "SELECT detail ->> 'to' FROM audit_event ORDER BY id DESC LIMIT 1");
  ck_assert_str_eq (created, "documents_pending");
  assert_intact (db);
}
END_TEST

/* Writes made past the app's functions, as with psql, are recorded too:
 * one event per statement and table, with the rows' keys. */
START_TEST (test_raw_writes_are_recorded)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 file = register_file (db, "marriage");
  g_autofree char *sql = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;

  sql = g_strdup_printf ("UPDATE case_file SET notes = 'raw' WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO case_history (case_id, to_status)"
                         "  VALUES (%" G_GINT64_FORMAT ", 'registered'), (%" G_GINT64_FORMAT
                         ", 'registered');"
                         "DELETE FROM case_history WHERE case_id = %" G_GINT64_FORMAT
                         "  AND note = '' AND id > (SELECT min(id) FROM case_history"
                         "                          WHERE case_id = %" G_GINT64_FORMAT ")",
                         file, file, file, file, file);
  run_ok (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = 'write.update'"
                         " AND object = 'case_file' AND object_id = %" G_GINT64_FORMAT
                         " AND actor = current_user AND detail ->> 'rows' = '1'", file);
  updated = value (db, sql);
  ck_assert_str_eq (updated, "1");
  added = value (db, "SELECT detail ->> 'rows' FROM audit_event WHERE action = 'write.insert'"
                     " AND object = 'case_history' ORDER BY id DESC LIMIT 1");
  ck_assert_str_eq (added, "2");
  removed = value (db, "SELECT jsonb_array_length(detail -> 'keys') FROM audit_event"
                       " WHERE action = 'write.delete' AND object = 'case_history'"
                       " ORDER BY id DESC LIMIT 1");
  ck_assert_str_eq (removed, "2");
  assert_intact (db);
}
END_TEST

START_TEST (test_rollback_leaves_no_event)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *before = value (db, "SELECT count(*) FROM audit_event");
  g_autofree char *after = NULL;

  run_ok (db, "BEGIN");
  append (db, "test.rolled_back");
  run_ok (db, "ROLLBACK");
  after = value (db, "SELECT count(*) FROM audit_event");
  ck_assert_str_eq (before, after);
  append (db, "test.after_rollback");
  assert_intact (db);
}
END_TEST

START_TEST (test_update_and_delete_refused)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  const char *attempts[] = {
    "UPDATE audit_event SET action = 'nothing happened'",
    "DELETE FROM audit_event",
    "TRUNCATE audit_event",
    "DELETE FROM audit_head",
  };

  append (db, "test.kept");
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!lajna_db_run (db, attempts[i], &error), "%s was allowed", attempts[i]);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s: %s",
                     attempts[i], error->message);
    }
  assert_intact (db);
}
END_TEST

/* As an administrator would, past the trigger; the test then puts the
 * trail back as it was, for the tests that follow. */
static void
tamper (LajnaDb    *db,
        const char *sql)
{
  g_autofree char *statement = g_strconcat ("ALTER TABLE audit_event DISABLE TRIGGER USER;", sql,
                                            ";ALTER TABLE audit_event ENABLE TRIGGER USER", NULL);

  run_ok (db, statement);
}

static void
assert_broken (LajnaDb         *db,
               LajnaAuditBreak  result,
               gint64           event_id,
               const char      *cli_says)
{
  LajnaAuditReport report = verify (db);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = g_strdup_printf (" %" G_GINT64_FORMAT, event_id);

  ck_assert_int_eq (report.result, result);
  ck_assert_int_eq (report.event_id, event_id);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("audit", "verify"), &out, &err),
                    1);
  ck_assert_msg (strstr (err, cli_says) != NULL && strstr (err, id) != NULL, "%s", err);
}

START_TEST (test_rewritten_event_is_named)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 first = append (db, "test.one");
  gint64 changed = append (db, "test.two");
  g_autofree char *sql = NULL;

  append (db, "test.three");
  (void) first;
  sql = g_strdup_printf ("UPDATE audit_event SET detail = '{\"note\": \"rewritten\"}'"
                         " WHERE id = %" G_GINT64_FORMAT, changed);
  tamper (db, sql);
  assert_broken (db, LAJNA_AUDIT_CONTENT_CHANGED, changed, "content was changed");

  g_free (sql);
  sql = g_strdup_printf ("UPDATE audit_event SET detail = '{}' WHERE id = %" G_GINT64_FORMAT,
                         changed);
  tamper (db, sql);
  assert_intact (db);
}
END_TEST

START_TEST (test_removed_event_is_named)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 removed = append (db, "test.removed");
  gint64 next = append (db, "test.next");
  g_autofree char *sql = g_strdup_printf (
      "CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE id = %" G_GINT64_FORMAT ";"
      "DELETE FROM audit_event WHERE id = %" G_GINT64_FORMAT, removed, removed);

  append (db, "test.last");
  tamper (db, sql);
  assert_broken (db, LAJNA_AUDIT_LINK_BROKEN, next, "does not follow");
  tamper (db, "INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM kept");
  assert_intact (db);
}
END_TEST

START_TEST (test_removed_end_is_noticed)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 last;
  g_autofree char *sql = NULL;

  append (db, "test.before_last");
  last = append (db, "test.last");
  sql = g_strdup_printf ("CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE id = %"
                         G_GINT64_FORMAT ";DELETE FROM audit_event WHERE id = %" G_GINT64_FORMAT,
                         last, last);
  tamper (db, sql);
  assert_broken (db, LAJNA_AUDIT_END_MISSING, last, "end");
  tamper (db, "INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM kept");
  assert_intact (db);
}
END_TEST

static gpointer
append_many (gpointer data)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (int i = 0; i < EVENTS_PER_THREAD; i++)
    {
      g_autoptr(GError) error = NULL;

      /* Each in a transaction of its own, so that commits interleave. */
      if (lajna_audit_append (db, "test.concurrent", "test", i + 1, &error) == 0)
        return g_strdup (error->message);
    }
  return NULL;
}

START_TEST (test_concurrent_appends_chain)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  GThread *threads[N_THREADS];
  g_autofree char *count = NULL;

  for (int t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("append", append_many, NULL);
  for (int t = 0; t < N_THREADS; t++)
    {
      g_autofree char *failure = g_thread_join (threads[t]);

      ck_assert_msg (failure == NULL, "%s", failure);
    }
  count = value (db, "SELECT count(*) FROM audit_event WHERE action = 'test.concurrent'");
  ck_assert_int_eq (atoi (count), N_THREADS * EVENTS_PER_THREAD);
  assert_intact (db);
}
END_TEST

/* A clerk opens a juvenile file several times; the server is killed right
 * after the last opening committed; after the restart every opening has
 * its event. */
START_TEST (test_views_survive_kill9)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autoptr(LajnaDatabase) database = lajna_test_database_start (dir);
  g_autoptr(LajnaDatabase) restarted = NULL;
  g_autoptr(LajnaDb) db = lajna_database_connect (database, NULL);
  g_autoptr(LajnaDb) after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;
  gint64 juvenile;

  ck_assert (db != NULL);
  run_ok (db, committees_sql);
  juvenile = register_file (db, "juvenile");
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaCaseDetails) details = lajna_case_details_fetch (db, juvenile, &error);

      ck_assert_msg (details != NULL, "%s", MESSAGE (error));
    }
  ck_assert_int_eq (kill (lajna_cluster_get_server_pid (lajna_database_get_cluster (database)),
                          SIGKILL), 0);
  g_clear_object (&db);

  restarted = lajna_test_database_start (dir);
  after = lajna_database_connect (restarted, NULL);
  ck_assert (after != NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = 'case.open'"
                         " AND object_id = %" G_GINT64_FORMAT, juvenile);
  count = value (after, sql);
  ck_assert_str_eq (count, "5");
  assert_intact (after);
  g_clear_object (&after);
  lajna_database_close (restarted, TRUE, NULL);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
audit_suite (void)
{
  Suite *suite = suite_create ("audit");
  TCase *chain = tcase_create ("/audit/chain");
  TCase *crash = tcase_create ("/audit/crash");

  tcase_add_unchecked_fixture (chain, setup, lajna_test_shared_stop);
  tcase_add_test (chain, test_writes_and_views_are_recorded);
  tcase_add_test (chain, test_raw_writes_are_recorded);
  tcase_add_test (chain, test_rollback_leaves_no_event);
  tcase_add_test (chain, test_update_and_delete_refused);
  tcase_add_test (chain, test_rewritten_event_is_named);
  tcase_add_test (chain, test_removed_event_is_named);
  tcase_add_test (chain, test_removed_end_is_noticed);
  tcase_add_test (chain, test_concurrent_appends_chain);
  suite_add_tcase (suite, chain);

  tcase_set_timeout (crash, 240);
  tcase_add_test (crash, test_views_survive_kill9);
  suite_add_tcase (suite, crash);
  return suite;
}

int
main (void)
{
  return lajna_test_run (audit_suite ());
}
