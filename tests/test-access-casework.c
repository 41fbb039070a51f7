/* test-access-casework.c: social workers and psychologists, through real
 * logins. Each reads the juvenile files assigned to them on a committee
 * (and facility) where they hold the matching role, and what hangs from
 * those files, numbers apart; never the committee's other files, a
 * marriage file, a meeting, a decision, a ruling or a figure; and they
 * write nothing directly. A casework role on a marriage committee, a
 * committee role limited to a facility and an ended role are refused or
 * see nothing. */

#include <check.h>
#include <string.h>

#include "lajna-case-details.h"
#include "lajna-case-duplicates.h"
#include "lajna-case-query.h"
#include "lajna-committee.h"
#include "lajna-db-private.h"
#include "lajna-document-store.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static const char * const logins[] = { "social", "psych", "social_home", "social_k", "clerk_j",
                                       "social_ended", "clerk_social" };

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('juvenile', 'cw-j', 'لجنة ح', 'J', 'ح'), ('juvenile', 'cw-k', 'لجنة ك', 'K', 'ك'),"
  " ('marriage', 'cw-m', 'لجنة م', 'M', 'م');"
  "SELECT lajna_user_add('social', 'أخصائي اجتماعي', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'cw-j'));"
  "SELECT lajna_user_add('psych', 'أخصائي نفسي', 'psychologist',"
  " (SELECT id FROM committee WHERE code = 'cw-j'));"
  "SELECT lajna_user_add('social_home', 'أخصائي الدار', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'cw-j'));"
  "UPDATE committee_role SET facility = 'دار أ'"
  " WHERE user_id = (SELECT id FROM app_user WHERE login = 'social_home');"
  "SELECT lajna_user_add('social_k', 'أخصائي ك', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'cw-k'));"
  "SELECT lajna_user_add('clerk_j', 'كاتب ح', 'clerk', (SELECT id FROM committee WHERE code = 'cw-j'));"
  "SELECT lajna_user_add('social_ended', 'أخصائي سابق', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'cw-j'));"
  "UPDATE committee_role SET until = current_date - 1"
  " WHERE user_id = (SELECT id FROM app_user WHERE login = 'social_ended');"
  "SELECT lajna_user_add('clerk_social', 'كاتب ك وأخصائي ح', 'clerk',"
  " (SELECT id FROM committee WHERE code = 'cw-k'));"
  "SELECT lajna_user_add('clerk_social', '', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'cw-j'));";

/* The juvenile file assigned to social (as social worker) and psych, in
 * the facility social_home serves; and the one assigned to clerk_social,
 * a clerk of another committee, on the agenda of a meeting. */
static char *assigned;
static char *mixed;

static void
assign (LajnaDb    *db,
        gint64      file,
        const char *social_worker,
        const char *psychologist,
        const char *facility)
{
  g_autofree char *sql = g_strdup_printf (
      "UPDATE juvenile_case SET facility = '%s',"
      " social_worker_id = (SELECT id FROM app_user WHERE login = '%s'),"
      " psychologist_id = (SELECT id FROM app_user WHERE login = '%s')"
      " WHERE case_id = %" G_GINT64_FORMAT, facility, social_worker, psychologist, file);
  g_autoptr(GError) error = NULL;

  /* As history loaded: some of these assignments outlived the role. */
  ck_assert_msg (lajna_db_run (db, "SET lajna.load_history = on", &error)
                 && lajna_db_run (db, sql, &error)
                 && lajna_db_run (db, "RESET lajna.load_history", &error),
                 "%s", error != NULL ? error->message : "");
}

static void
on_agenda (LajnaDb    *db,
           const char *file)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO meeting (committee_id, year, number, held_on)"
      " SELECT id, 2026, 1, current_date FROM committee WHERE code = 'cw-j';"
      "INSERT INTO agenda_item (meeting_id, position, case_id)"
      " SELECT max(id), 1, %s FROM meeting", file);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_db_run (db, sql, &error), "%s", error != NULL ? error->message : "");
}

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  assigned = g_strdup_printf ("%" G_GINT64_FORMAT,
                              lajna_test_register_file (db, "juvenile", "cw-j"));
  assign (db, g_ascii_strtoll (assigned, NULL, 10), "social", "psych", "دار أ");
  /* social_home's by assignment, in another facility than theirs. */
  assign (db, lajna_test_register_file (db, "juvenile", "cw-j"), "social_home", "social_ended",
          "دار ب");
  mixed = g_strdup_printf ("%" G_GINT64_FORMAT, lajna_test_register_file (db, "juvenile", "cw-j"));
  assign (db, g_ascii_strtoll (mixed, NULL, 10), "clerk_social", "", "");
  on_agenda (db, mixed);
  /* social's, on a committee where social holds no role. */
  assign (db, lajna_test_register_file (db, "juvenile", "cw-k"), "social", "psych", "");
  lajna_test_register_file (db, "marriage", "cw-m");
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

static void
teardown (void)
{
  g_clear_pointer (&assigned, g_free);
  g_clear_pointer (&mixed, g_free);
  lajna_test_shared_stop ();
}

/* @login runs @sql (ID stands for the assigned file, in it and in
 * @value, MIXED for clerk_social's): its first value is @value, or, with
 * @value NULL, it is refused. */
typedef struct
{
  const char *login;
  const char *sql;
  const char *value;
} Cell;

static void
check_cell (const Cell *cell)
{
  g_auto(GStrv) mixed_parts = g_strsplit (cell->sql, "MIXED", -1);
  g_autofree char *mixed_sql = g_strjoinv (mixed, mixed_parts);
  g_auto(GStrv) parts = g_strsplit (mixed_sql, "ID", -1);
  g_autofree char *sql = g_strjoinv (assigned, parts);
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (cell->login);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);
  const char *value = g_strcmp0 (cell->value, "ID") == 0 ? assigned : cell->value;

  if (value == NULL)
    {
      ck_assert_msg (result == NULL, "%s: allowed for %s", sql, cell->login);
      return;
    }
  ck_assert_msg (result != NULL, "%s as %s: %s", sql, cell->login,
                 error != NULL ? error->message : "");
  ck_assert_msg (PQntuples (result) == 1 && g_strcmp0 (PQgetvalue (result, 0, 0), value) == 0,
                 "%s as %s: %s, not %s", sql, cell->login,
                 PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "no row", value);
}

/* What each reads of the files. */
static const Cell reads[] = {
  { "social", "SELECT string_agg(id::text, ',') FROM case_file", "ID" },
  { "psych", "SELECT string_agg(id::text, ',') FROM case_file", "ID" },
  { "social_home", "SELECT count(*) FROM case_file", "0" },
  { "social_k", "SELECT count(*) FROM case_file", "0" },
  { "social_ended", "SELECT count(*) FROM case_file", "0" },
  { "clerk_j", "SELECT count(*) FROM case_file", "3" },
  { "social", "SELECT count(*) FROM juvenile_case", "1" },
  { "social", "SELECT count(*) FROM marriage_case", "0" },
  { "social", "SELECT count(*) FROM case_history WHERE case_id <> ID", "0" },
  { "social", "SELECT count(*) > 0 FROM case_history WHERE case_id = ID", "t" },
  { "social", "SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT FROM"
              " lajna_person_cases(p.id) pc WHERE pc.case_id = ID)", "0" },
  { "social", "SELECT count(*) > 0 FROM person", "t" },
  { "social", "SELECT count(*) FROM case_follow_up WHERE case_id <> ID", "0" },
  { "social", "SELECT cardinality(lajna_my_committees())", "0" },
  { "clerk_j", "SELECT cardinality(lajna_my_committees())", "1" },
  { "clerk_j", "SELECT count(*) FROM agenda_item", "1" },
  /* A clerk of cw-k working on a file of cw-j: they read it, and write
   * nothing under it, nor read its meeting's part. */
  { "clerk_social", "SELECT count(*) FROM case_file WHERE id = MIXED", "1" },
  { "clerk_social", "SELECT count(*) FROM juvenile_case WHERE case_id = MIXED", "1" },
  { "clerk_social", "SELECT count(*) FROM agenda_item", "0" },
  { "clerk_social", "WITH u AS (UPDATE juvenile_case SET social_worker_id = NULL"
                    " WHERE case_id = MIXED RETURNING 1) SELECT count(*) FROM u", "0" },
  { "clerk_social", "WITH u AS (UPDATE case_history SET note = 'x'"
                    " WHERE case_id = MIXED RETURNING 1) SELECT count(*) FROM u", "0" },
  { "clerk_social", "WITH u AS (UPDATE person SET latin_name = 'x' WHERE id IN (SELECT juvenile_id"
                    " FROM juvenile_case WHERE case_id = MIXED) RETURNING 1)"
                    " SELECT count(*) FROM u", "0" },
  { "clerk_social", "WITH u AS (UPDATE case_file SET notes = 'x'"
                    " WHERE id = MIXED RETURNING 1) SELECT count(*) FROM u", "0" },
  { "clerk_social", "INSERT INTO case_history (case_id, to_status) VALUES (MIXED, 'registered')"
                    " RETURNING id", NULL },
};

START_TEST (test_reads_assigned_files_only)
{
  check_cell (&reads[_i]);
}
END_TEST

/* What they may not do, each tried by a social worker and a psychologist. */
static const char * const refused[] = {
  "SELECT count(*) FROM meeting",
  "SELECT count(*) FROM agenda_item",
  "SELECT count(*) FROM decision",
  "SELECT count(*) FROM ruling",
  "SELECT count(*) FROM stats_received",
  "SELECT count(*) FROM stats_waiting",
  "SELECT count(*) FROM file_number_counter",
  "SELECT national_number FROM person",
  "SELECT passport_number FROM person",
  "SELECT lajna_casework_cases('clerk_j')",
  "UPDATE case_file SET notes = 'x' WHERE id = ID RETURNING id",
  "UPDATE juvenile_case SET social_worker_id = NULL WHERE case_id = ID RETURNING case_id",
  "INSERT INTO case_history (case_id, to_status) VALUES (ID, 'registered') RETURNING id",
  "DELETE FROM document RETURNING id",
  "SET ROLE lajna_clerk",
  "UPDATE committee_role SET facility = '' RETURNING 1",
};

START_TEST (test_refused)
{
  for (guint i = 0; i < 2; i++)
    {
      Cell cell = { i == 0 ? "social" : "psych", refused[_i], NULL };

      check_cell (&cell);
    }
}
END_TEST

/* A casework role belongs to a juvenile committee, and only it is
 * limited to a facility: the server's own account is refused too. */
START_TEST (test_roles_in_their_place)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  static const char * const wrong[] = {
    "SELECT lajna_user_add('social_m', 'أخصائي', 'social_worker',"
    " (SELECT id FROM committee WHERE code = 'cw-m'))",
    "UPDATE committee_role SET facility = 'دار أ'"
    " WHERE user_id = (SELECT id FROM app_user WHERE login = 'clerk_j')",
    "UPDATE committee_role SET committee_id = (SELECT id FROM committee WHERE code = 'cw-m')"
    " WHERE user_id = (SELECT id FROM app_user WHERE login = 'psych')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!lajna_db_run (db, wrong[i], &error), "%s: allowed", wrong[i]);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID), "%s: %s",
                     wrong[i], error->message);
    }
}
END_TEST

/* What the application reads for a social worker opening their file:
 * their committee, the file, its documents, who read them, and no
 * duplicate; the view leaves out the steps and the ruling, which are
 * the committee's, as the sight of deliberations says. */
START_TEST (test_app_reads)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("social");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) committees = lajna_committee_fetch_all (db, &error);
  gint64 file = g_ascii_strtoll (assigned, NULL, 10);
  g_autoptr(LajnaCaseDetails) details = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) readers = NULL;
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GPtrArray) rows = NULL;

  ck_assert_msg (committees != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (committees->len, 1);
  ck_assert (((LajnaCommittee *) g_ptr_array_index (committees, 0))->casework_only);
  ck_assert (!lajna_db_sees (db, LAJNA_DB_SIGHT_DELIBERATIONS));
  rows = lajna_case_query_fetch (query, db, NULL, 50, &error);
  ck_assert_msg (rows != NULL && rows->len == 1, "%s", MESSAGE (error));
  details = lajna_case_details_fetch (db, file, &error);
  ck_assert_msg (details != NULL, "%s", MESSAGE (error));
  duplicates = lajna_case_duplicates_fetch (db, file, 0.5, &error);
  ck_assert_msg (duplicates != NULL && duplicates->len == 0, "%s", MESSAGE (error));
  documents = lajna_document_list (db, file, &error);
  ck_assert_msg (documents != NULL, "%s", MESSAGE (error));
  readers = lajna_document_readers (db, file, &error);
  ck_assert_msg (readers != NULL, "%s", MESSAGE (error));
}
END_TEST

/* A clerk assigns a file to a social worker or psychologist serving its
 * committee and the juvenile's facility, no one else; an assignment on
 * record stays when the facility changes. Last, as it adds a file. */
START_TEST (test_assignment)
{
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("clerk_j");
  gint64 file = lajna_test_register_file (owner, "juvenile", "cw-j");
  static const char * const wrong[] = {
    "social_worker_id = (SELECT id FROM app_user WHERE login = 'psych')",
    "psychologist_id = (SELECT id FROM app_user WHERE login = 'social')",
    "social_worker_id = (SELECT id FROM app_user WHERE login = 'social_k')",
    "social_worker_id = (SELECT id FROM app_user WHERE login = 'social_ended')",
    "social_worker_id = (SELECT id FROM app_user WHERE login = 'clerk_j')",
    "social_worker_id = (SELECT id FROM app_user WHERE login = 'social_home'),"
    " facility = 'دار ب'",
  };
  static const char * const right[] = {
    "social_worker_id = (SELECT id FROM app_user WHERE login = 'social_home'),"
    " facility = 'دار أ'",
    "facility = 'دار ب'",
    "psychologist_id = (SELECT id FROM app_user WHERE login = 'psych')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong) + G_N_ELEMENTS (right); i++)
    {
      gboolean allowed = i >= G_N_ELEMENTS (wrong);
      g_autofree char *sql = g_strdup_printf (
          "UPDATE juvenile_case SET %s WHERE case_id = %" G_GINT64_FORMAT,
          allowed ? right[i - G_N_ELEMENTS (wrong)] : wrong[i], file);
      g_autoptr(GError) error = NULL;

      if (allowed)
        {
          ck_assert_msg (lajna_db_run (db, sql, &error), "%s: %s", sql, error->message);
          continue;
        }
      ck_assert_msg (!lajna_db_run (db, sql, &error), "%s: allowed", sql);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID)
                     && strstr (error->message, "social worker or psychologist") != NULL,
                     "%s: %s", sql, error->message);
    }
}
END_TEST

static Suite *
casework_suite (void)
{
  Suite *suite = suite_create ("access-casework");
  TCase *tc = tcase_create ("/access/casework");

  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_add_loop_test (tc, test_reads_assigned_files_only, 0, G_N_ELEMENTS (reads));
  tcase_add_loop_test (tc, test_refused, 0, G_N_ELEMENTS (refused));
  tcase_add_test (tc, test_roles_in_their_place);
  tcase_add_test (tc, test_app_reads);
  tcase_add_test (tc, test_assignment);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (casework_suite ());
}
