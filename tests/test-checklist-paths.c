/* test-checklist-paths.c: a file is complete or scheduled only with its
 * checklist met, whatever way it gets there: taken off an agenda, not
 * decided at its meeting, its periodic review falling due, a step by
 * hand, a status written directly. A file whose documents lapsed waits
 * for them instead. Each person signs in with their own password, as on
 * a shared server, and the server's own account (the embedded
 * database's) is held to the rule too. */

#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "lajna-case-steps.h"
#include "lajna-db-private.h"
#include "lajna-db-rules.h"
#include "lajna-meeting-actions.h"
#include "lajna-test-meetings.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

/* A clerk, a member, the chair and a signatory of the marriage
 * committee, the juvenile committee's clerk and its administrator. */
static const char * const logins[] = { "mtm.clerk", "mtm.m1", "mtm.chair", "mtm.sig",
                                       "mtj.clerk", "mtj.admin" };

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;

  setup_committees ();
  db = lajna_test_shared_connect ();
  ck_assert (lajna_db_run (db,
      "SELECT lajna_user_add('mtm.sig', 'الموقّع', 'signatory',"
      "                      (SELECT id FROM committee WHERE code = 'mtm'));"
      "SELECT lajna_user_add('mtj.admin', 'مدير لجنة الأحداث', 'admin',"
      "                      (SELECT id FROM committee WHERE code = 'mtj'))", NULL));
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A document of @type of file @id was issued long ago: it has expired. */
static void
lapse (gint64      id,
       const char *type)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autofree char *sql = g_strdup_printf (
      "UPDATE document SET issued_on = current_date - 400"
      " WHERE case_id = " ID " AND type_code = '%s' RETURNING 1", id, type);

  g_free (lajna_test_value (server, sql));
}

static char *
status_of (gint64 id)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();

  return query_text (server, "SELECT status FROM case_file WHERE id = $1", id);
}

static void
assert_status (gint64      id,
               const char *status)
{
  g_autofree char *now = status_of (id);

  ck_assert_msg (g_str_equal (now, status), "file " ID " is %s, not %s", id, now, status);
}

/* Refused, naming @document in the refusal. */
static void
expect_documents_named (gboolean     ok,
                        GError     **error,
                        const char  *document)
{
  ck_assert_msg (!ok, "accepted, but the file lacks its %s", document);
  ck_assert_msg (g_error_matches (*error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID), "%s",
                 (*error)->message);
  ck_assert_msg (strstr ((*error)->message, document) != NULL, "“%s” does not name %s",
                 (*error)->message, document);
  g_clear_error (error);
}

/* A file taken off the agenda once its police clearance expired waits
 * for a new one, and cannot be marked complete by hand meanwhile. */
START_TEST (test_off_the_agenda)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = lajna_test_shared_sign_in ("mtm.clerk");
  g_autoptr(GError) error = NULL;
  g_autofree char *day = today ();
  gint64 file = complete_file (server, "marriage");
  gint64 meeting = new_meeting (clerk, "mtm", day);
  gint64 item = lajna_agenda_add (clerk, meeting, file, &error);

  expect_ok (item != 0, error);
  assert_status (file, "scheduled");
  lapse (file, "police_clearance");
  expect_ok (lajna_agenda_remove (clerk, item, &error), error);
  assert_status (file, "documents_pending");

  expect_documents_named (lajna_case_step_take (clerk, file, "complete", NULL, &error), &error,
                          "Police clearance certificate (Expired)");
  assert_status (file, "documents_pending");
}
END_TEST

/* Files not decided at a meeting wait again when it closes: for another
 * meeting with their documents, for their documents without. */
START_TEST (test_not_decided_at_the_meeting)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = lajna_test_shared_sign_in ("mtm.clerk");
  g_autoptr(LajnaDb) chair = lajna_test_shared_sign_in ("mtm.chair");
  g_autoptr(GError) error = NULL;
  g_autofree char *day = today ();
  g_autofree char *note = NULL;
  g_autofree char *expected = NULL;
  gint64 lapsed = complete_file (server, "marriage");
  gint64 kept = complete_file (server, "marriage");
  gint64 meeting = new_meeting (clerk, "mtm", day);

  expect_ok (lajna_agenda_add (clerk, meeting, lapsed, &error) != 0, error);
  expect_ok (lajna_agenda_add (clerk, meeting, kept, &error) != 0, error);
  mark_present (clerk, meeting, "mtm", (const char *[]) { "chair", "m1", "m2", NULL });
  expect_ok (lajna_meeting_set_state (clerk, meeting, "convened", FALSE, &error), error);
  lapse (lapsed, "medical_certificate");
  expect_ok (lajna_meeting_set_state (chair, meeting, "closed", FALSE, &error), error);

  assert_status (lapsed, "documents_pending");
  assert_status (kept, "complete");
  note = query_text (server, "SELECT note FROM case_history WHERE case_id = $1"
                             " ORDER BY id DESC LIMIT 1", lapsed);
  expected = g_strdup_printf ("not decided at meeting " ID, meeting);
  ck_assert_str_eq (note, expected);
}
END_TEST

/* A juvenile file whose periodic review falls due while a report has
 * expired waits for a new report; the meeting cannot take it, and says
 * which report it lacks. */
START_TEST (test_review_falls_due)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = lajna_test_shared_sign_in ("mtj.clerk");
  g_autoptr(GError) error = NULL;
  g_autofree char *day = today ();
  gint64 lapsed = decided_file (server, "juvenile", "continue");
  gint64 kept = decided_file (server, "juvenile", "continue");
  gint64 taken, meeting;
  g_autofree char *due = NULL;

  lapse (lapsed, "social_worker_report");
  ck_assert_int_eq (lajna_reviews_fall_due (clerk, "2033-05-01", &error), 2);
  assert_status (lapsed, "documents_pending");
  assert_status (kept, "complete");

  /* Due by the meeting's day, put straight on its agenda. */
  taken = decided_file (server, "juvenile", "continue");
  lapse (taken, "psychologist_report");
  due = g_strdup_printf ("UPDATE juvenile_case SET next_review_on = current_date"
                         " WHERE case_id = " ID " RETURNING 1", taken);
  g_free (lajna_test_value (server, due));
  meeting = new_meeting (clerk, "mtj", day);
  expect_documents_named (lajna_agenda_add (clerk, meeting, taken, &error) != 0, &error,
                          "Psychologist's report (Expired)");
  assert_status (taken, "decided");
}
END_TEST

/* @sql with the words PENDING, LAPSED and MEETING replaced by the ids. */
static char *
fill (const char *sql,
      gint64      pending,
      gint64      lapsed,
      gint64      meeting)
{
  const char *words[] = { "PENDING", "LAPSED", "MEETING" };
  const gint64 ids[] = { pending, lapsed, meeting };
  char *filled = g_strdup (sql);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_auto(GStrv) parts = g_strsplit (filled, words[i], -1);
      g_autofree char *id = g_strdup_printf (ID, ids[i]);

      g_free (filled);
      filled = g_strjoinv (id, parts);
    }
  return filled;
}

/* Each role, and another committee's administrator, tries to make a file
 * that lacks its documents complete or scheduled in every way they can
 * reach: the file stays where it is. */
START_TEST (test_every_role_refused)
{
  const char *login = logins[_i];
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (login);
  g_autofree char *day = today ();
  gint64 pending = complete_file (server, "marriage");
  gint64 lapsed = complete_file (server, "marriage");
  gint64 meeting = new_meeting (server, "mtm", day);
  g_autofree char *to_pending = g_strdup_printf (
      "SELECT lajna_case_set_status(" ID ", 'documents_pending')", pending);
  const char *attempts[] = {
    "SELECT lajna_case_set_status(PENDING, 'complete')",
    "SELECT lajna_case_set_status(LAPSED, 'scheduled')",
    "UPDATE case_file SET status = 'complete' WHERE id = PENDING RETURNING id",
    "UPDATE case_file SET status = 'scheduled' WHERE id = LAPSED RETURNING id",
    "UPDATE case_file SET status = 'scheduled' WHERE id = PENDING RETURNING id",
    "SET lajna.load_history = on;"
    " UPDATE case_file SET status = 'complete' WHERE id = PENDING RETURNING id",
    "INSERT INTO case_file (committee_id, kind, file_number, status)"
    " SELECT committee_id, kind, file_number || '-2', 'scheduled' FROM case_file"
    "  WHERE id = LAPSED RETURNING id",
    "SELECT lajna_agenda_add(MEETING, LAPSED)",
    "SELECT lajna_agenda_add(MEETING, PENDING)",
  };

  lapse (pending, "medical_certificate");
  g_free (lajna_test_value (server, to_pending));
  lapse (lapsed, "police_clearance");
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autofree char *sql = fill (attempts[i], pending, lapsed, meeting);
      g_autoptr(PGresult) result = lajna_db_exec (db, sql, NULL);

      ck_assert_msg (result == NULL || PQntuples (result) == 0, "%s: allowed for %s", sql, login);
    }
  assert_status (pending, "documents_pending");
  assert_status (lapsed, "complete");
  ck_assert_int_eq (query_for (server, "SELECT count(*) FROM agenda_item WHERE meeting_id = $1",
                               meeting), 0);
}
END_TEST

/* The server's own account, as which the app works on the embedded
 * database, is held to the rule; only loading history says otherwise. */
START_TEST (test_own_account_held_too)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = today ();
  gint64 file = complete_file (server, "marriage");
  gint64 meeting = new_meeting (server, "mtm", day);
  g_autofree char *to_pending = g_strdup_printf (
      "SELECT lajna_case_set_status(" ID ", 'documents_pending')", file);
  g_autofree char *by_hand = g_strdup_printf (
      "UPDATE case_file SET status = 'complete' WHERE id = " ID, file);
  g_autoptr(PGresult) loaded = NULL;

  lapse (file, "medical_certificate");
  g_free (lajna_test_value (server, to_pending));
  expect_documents_named (lajna_case_step_take (server, file, "complete", NULL, &error), &error,
                          "Medical certificate (Expired)");
  expect_documents_named (lajna_db_run (server, by_hand, &error), &error,
                          "Medical certificate (Expired)");
  expect_documents_named (lajna_agenda_add (server, meeting, file, &error) != 0, &error,
                          "Medical certificate (Expired)");
  assert_status (file, "documents_pending");

  loaded = lajna_test_load_history (server, by_hand, 0, NULL, &error);
  ck_assert_msg (loaded != NULL, "%s", MESSAGE (error));
  assert_status (file, "complete");
}
END_TEST

/* The refusal is in the interface's language, the documents named as the
 * person knows them. */
START_TEST (test_refusal_in_arabic)
{
  g_autoptr(LajnaDb) clerk = NULL;
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = today ();
  gint64 file = complete_file (server, "marriage");
  gint64 meeting = new_meeting (server, "mtm", day);

  g_setenv ("LANGUAGE", "ar", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LAJNA_TEST_LOCALEDIR);
  lapse (file, "police_clearance");
  clerk = lajna_test_shared_sign_in ("mtm.clerk");
  ck_assert (lajna_agenda_add (clerk, meeting, file, &error) == 0);
  ck_assert_msg (g_str_has_prefix (error->message, lajna_db_rule_message ("lajna:checklist")),
                 "%s", error->message);
  ck_assert_msg (strstr (error->message, "مستندات مطلوبة أولًا") != NULL
                   && strstr (error->message, "شهادة خلو سوابق") != NULL, "%s", error->message);
}
END_TEST

static Suite *
checklist_paths_suite (void)
{
  Suite *suite = suite_create ("checklist-paths");
  TCase *tc = tcase_create ("/checklist/paths");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_off_the_agenda);
  tcase_add_test (tc, test_not_decided_at_the_meeting);
  tcase_add_test (tc, test_review_falls_due);
  tcase_add_loop_test (tc, test_every_role_refused, 0, G_N_ELEMENTS (logins));
  tcase_add_test (tc, test_own_account_held_too);
  tcase_add_test (tc, test_refusal_in_arabic);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (checklist_paths_suite ());
}
