/* test-case-reports.c: a social worker's and a psychologist's reports,
 * through real logins: begun only by whom the file is assigned to, drafts
 * read by their author alone, submitted as the file's document of the
 * checklist, frozen, corrected as a new version that keeps the first
 * day, locked by a decision; and every way around it refused. */

#include <check.h>
#include <string.h>
#include <time.h>

#include "lajna-case-query.h"
#include "lajna-case-summary.h"
#include "lajna-db-private.h"
#include "lajna-db-rules.h"
#include "lajna-report.h"
#include "lajna-stats.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static const char * const logins[] = { "rsw", "rpsy", "rsw2", "rclerk", "rchair", "radmin" };

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('juvenile', 'rp-j', 'لجنة ح', 'J', 'ح');"
  "SELECT lajna_user_add('rsw', 'هدى الأخصائية', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'rp-j'));"
  "SELECT lajna_user_add('rpsy', 'سعاد النفسية', 'psychologist',"
  " (SELECT id FROM committee WHERE code = 'rp-j'));"
  "SELECT lajna_user_add('rsw2', 'مريم الأخصائية', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'rp-j'));"
  "SELECT lajna_user_add('rclerk', 'كاتب', 'clerk', (SELECT id FROM committee WHERE code = 'rp-j'));"
  "SELECT lajna_user_add('rchair', 'رئيس', 'chair', (SELECT id FROM committee WHERE code = 'rp-j'));"
  "SELECT lajna_user_add('radmin', 'مدير', 'admin', (SELECT id FROM committee WHERE code = 'rp-j'));";

static gint64
new_assigned_file (void)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 file = lajna_test_register_file (db, "juvenile", "rp-j");
  g_autofree char *sql = g_strdup_printf (
      "UPDATE juvenile_case SET social_worker_id = (SELECT id FROM app_user WHERE login = 'rsw'),"
      " psychologist_id = (SELECT id FROM app_user WHERE login = 'rpsy')"
      " WHERE case_id = %" G_GINT64_FORMAT, file);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_db_run (db, sql, &error), "%s", MESSAGE (error));
  return file;
}

static void
setup (void)
{
  lajna_test_shared_start_with (setup_sql);
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

static void
teardown (void)
{
  lajna_test_shared_stop ();
}

/* The first value of @sql (with ID for @id) as @login. */
static char *
value_as (const char *login,
          const char *sql,
          gint64      id)
{
  g_autoptr(LajnaDb) db = login != NULL ? lajna_test_shared_sign_in (login)
                                        : lajna_test_shared_connect ();
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_auto(GStrv) parts = g_strsplit (sql, "ID", -1);
  g_autofree char *text = g_strjoinv (number, parts);

  return lajna_test_value (db, text);
}

static void
assert_rule (const GError *error,
             const char   *rule)
{
  g_autofree char *hint = g_strconcat ("lajna:", rule, NULL);

  ck_assert_msg (error != NULL, "allowed, not refused by %s", rule);
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID)
                 && g_str_has_prefix (error->message, lajna_db_rule_message (hint)),
                 "not refused by %s: %s", rule, error->message);
}

static void
write_all (LajnaReport *report,
           const char  *text)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      LajnaReportSection *section = g_ptr_array_index (report->sections, i);

      g_free (section->body);
      section->body = g_strdup_printf ("%s %s", text, section->title_ar);
    }
}

static gint64
submit (LajnaDb     *db,
        LajnaReport *report)
{
  g_autoptr(GBytes) page = lajna_test_make_pdf (1);
  g_autofree char *tail = g_strdup_printf ("%% report %" G_GINT64_FORMAT "\n", report->id);
  GByteArray *bytes = g_bytes_unref_to_array (g_bytes_ref (page));
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document;

  /* Each report prints differently, as its version and reason do. */
  g_byte_array_append (bytes, (const guint8 *) tail, strlen (tail));
  pdf = g_byte_array_free_to_bytes (bytes);
  document = lajna_report_submit (db, report, pdf, 1, NULL, &error);

  ck_assert_msg (document > 0, "%s", MESSAGE (error));
  return document;
}

/* Who may begin which report: the assigned social worker and
 * psychologist, each their own kinds; nobody else. Who may mark one
 * reviewed: the chair. */
START_TEST (test_kinds)
{
  gint64 file = new_assigned_file ();
  static const struct { const char *login; const char *kinds; } cells[] = {
    { "rsw", "social_inquiry,periodic_progress,aftercare_follow_up" },
    { "rpsy", "psychological_assessment,periodic_progress" },
    { "rsw2", "" }, { "rclerk", "" }, { "rchair", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *kinds = value_as (cells[i].login,
          "SELECT coalesce(string_agg(code, ','), '') FROM lajna_report_kinds(ID)", file);

      ck_assert_msg (strcmp (kinds, cells[i].kinds) == 0, "%s: %s", cells[i].login, kinds);
    }
  /* Only the chair (or rapporteur) marks a report reviewed. */
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (cells[i].login);
      g_autoptr(GError) error = NULL;
      gboolean may = FALSE;

      ck_assert_msg (lajna_report_may_lock (db, file, &may, &error), "%s", MESSAGE (error));
      ck_assert_msg (may == (strcmp (cells[i].login, "rchair") == 0), "%s may lock: %d",
                     cells[i].login, may);
    }
}
END_TEST

/* Draft → submitted → locked → corrected, as the author and as the
 * others see it. */
START_TEST (test_lifecycle)
{
  gint64 file = new_assigned_file ();
  g_autoptr(LajnaDb) sw = lajna_test_shared_sign_in ("rsw");
  g_autoptr(LajnaDb) other = lajna_test_shared_sign_in ("rsw2");
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaReport) draft = NULL;
  g_autoptr(LajnaReport) stale = NULL;
  g_autoptr(LajnaReport) fix = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *audit = NULL;
  gint64 id, again, correction, document;

  ck_assert_int_eq (lajna_report_create (other, file, "social_inquiry", &error), 0);
  assert_rule (error, "not_assigned");
  g_clear_error (&error);
  id = lajna_report_create (sw, file, "social_inquiry", &error);
  ck_assert_msg (id > 0, "%s", MESSAGE (error));
  again = lajna_report_create (sw, file, "social_inquiry", &error);
  ck_assert_int_eq (again, id);

  draft = lajna_report_load (sw, id, &error);
  ck_assert_msg (draft != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (draft->state, "draft");
  ck_assert_int_eq (draft->sections->len, 5);
  ck_assert (draft->mine);
  missing = lajna_report_missing (draft);
  ck_assert_ptr_nonnull (missing);

  /* A draft is its author's alone. */
  for (guint i = 1; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *count = value_as (logins[i], "SELECT count(*) FROM case_report", 0);
      g_autofree char *sections = value_as (logins[i],
                                            "SELECT count(*) FROM case_report_section", 0);

      ck_assert_msg (strcmp (count, "0") == 0 && strcmp (sections, "0") == 0, "%s reads a draft",
                     logins[i]);
    }

  /* Saved; a save from an older copy is refused. */
  stale = lajna_report_load (sw, id, &error);
  g_free (((LajnaReportSection *) g_ptr_array_index (draft->sections, 0))->body);
  ((LajnaReportSection *) g_ptr_array_index (draft->sections, 0))->body = g_strdup ("أسرة من خمسة");
  ck_assert_msg (lajna_report_save (sw, draft, &error), "%s", MESSAGE (error));
  ck_assert (!lajna_report_save (sw, stale, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_STALE));
  g_clear_error (&error);

  /* Not before every required section is written. */
  {
    g_autoptr(GBytes) pdf = lajna_test_make_pdf (1);

    ck_assert_int_eq (lajna_report_submit (sw, draft, pdf, 1, NULL, &error), 0);
    assert_rule (error, "report_required");
    g_clear_error (&error);
  }
  write_all (draft, "نص");
  ck_assert_msg (lajna_report_save (sw, draft, &error), "%s", MESSAGE (error));
  document = submit (sw, draft);

  seen = value_as (NULL, "SELECT concat_ws('|', source, type_code, issued_on = lajna_today(),"
                         " added_by, report_id, pages) FROM document WHERE id = ID", document);
  {
    g_autofree char *expected = g_strdup_printf (
        "report|social_worker_report|t|rsw|%" G_GINT64_FORMAT "|1", id);

    ck_assert_str_eq (seen, expected);
  }
  /* On record: read by the file's people, frozen. */
  for (guint i = 1; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *count = value_as (logins[i], "SELECT count(*) FROM case_report", 0);
      const char *expected = strcmp (logins[i], "rsw2") == 0 || strcmp (logins[i], "radmin") == 0
                             ? "0" : "1";

      ck_assert_msg (strcmp (count, expected) == 0, "%s reads %s reports", logins[i], count);
    }
  ck_assert (!lajna_report_save (sw, draft, &error));
  assert_rule (error, "report_not_draft");
  g_clear_error (&error);
  ck_assert (!lajna_db_run (owner, "UPDATE case_report SET reason = 'x'", &error));
  assert_rule (error, "report_not_draft");
  g_clear_error (&error);
  ck_assert (!lajna_db_run (owner, "UPDATE case_report_section SET body = 'x'", &error));
  assert_rule (error, "report_not_draft");
  g_clear_error (&error);

  /* A correction: a reason, the same text, the first day kept. */
  ck_assert_int_eq (lajna_report_correct (sw, id, "  ", &error), 0);
  assert_rule (error, "correction_reason");
  g_clear_error (&error);
  {
    g_autoptr(LajnaDb) psy = lajna_test_shared_sign_in ("rpsy");

    ck_assert_int_eq (lajna_report_correct (psy, id, "سبب", &error), 0);
    assert_rule (error, "not_assigned");
    g_clear_error (&error);
  }
  ck_assert (lajna_db_run (owner, "SET lajna.load_history = on;"
                                  " UPDATE case_report SET submitted_on = '2026-10-01';"
                                  " RESET lajna.load_history", &error));
  correction = lajna_report_correct (sw, id, "تصحيح اسم المدرسة", &error);
  ck_assert_msg (correction > 0, "%s", MESSAGE (error));
  ck_assert_int_eq (lajna_report_correct (sw, id, "مرة أخرى", &error), 0);
  assert_rule (error, "report_superseded");
  g_clear_error (&error);
  fix = lajna_report_load (sw, correction, &error);
  ck_assert_int_eq (fix->version, 2);
  ck_assert_str_eq (((LajnaReportSection *) g_ptr_array_index (fix->sections, 0))->body,
                    ((LajnaReportSection *) g_ptr_array_index (draft->sections, 0))->body);
  document = submit (sw, fix);
  {
    g_autofree char *issued = value_as (NULL, "SELECT issued_on FROM document WHERE id = ID",
                                        document);
    g_autofree char *superseded = value_as ("rchair", "SELECT string_agg(version::text, ',')"
                                            " FROM case_report r WHERE EXISTS (SELECT FROM"
                                            " case_report n WHERE n.series_id = r.series_id"
                                            " AND n.version > r.version)", 0);

    ck_assert_str_eq (issued, "2026-10-01");
    ck_assert_str_eq (superseded, "1");
  }

  /* The committee's decision locks what it was taken on. */
  {
    g_autofree char *sql = g_strdup_printf (
        "SET lajna.load_history = on;"
        " INSERT INTO decision (case_id, outcome, decided_on, next_review_on)"
        " VALUES (%" G_GINT64_FORMAT ", 'continue', current_date, current_date + 90);"
        " RESET lajna.load_history", file);
    g_autofree char *states = NULL;

    ck_assert_msg (lajna_db_run (owner, sql, &error), "%s", MESSAGE (error));
    states = value_as (NULL, "SELECT string_agg(state || (locked_by IS NOT NULL)::text, ','"
                             " ORDER BY version) FROM case_report WHERE case_id = ID", file);
    ck_assert_str_eq (states, "lockedtrue,lockedtrue");
  }

  audit = value_as (NULL, "SELECT string_agg(action || ':' || actor, ',' ORDER BY id)"
                          " FROM audit_event WHERE action LIKE 'report.%'", 0);
  ck_assert_msg (strstr (audit, "report.create:rsw,report.save:rsw,report.save:rsw,"
                                "report.submit:rsw,report.correct:rsw,report.submit:rsw") != NULL,
                 "%s", audit);
}
END_TEST

/* A submitted report is the checklist's document, valid 90 days from
 * its day; a draft is not. */
START_TEST (test_checklist)
{
  gint64 file = new_assigned_file ();
  g_autoptr(LajnaDb) psy = lajna_test_shared_sign_in ("rpsy");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaReport) report = NULL;
  const char *sql = "SELECT state || ' ' || coalesce((valid_until - lajna_today())::text, '-')"
                    " FROM lajna_case_checklist(ID) WHERE type_code = 'psychologist_report'";
  g_autofree char *before = NULL;
  g_autofree char *drafted = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  before = value_as ("rclerk", sql, file);
  ck_assert_str_eq (before, "missing -");
  id = lajna_report_create (psy, file, "psychological_assessment", &error);
  report = lajna_report_load (psy, id, &error);
  write_all (report, "تقييم");
  ck_assert_msg (lajna_report_save (psy, report, &error), "%s", MESSAGE (error));
  drafted = value_as ("rclerk", sql, file);
  ck_assert_str_eq (drafted, "missing -");
  submit (psy, report);
  after = value_as ("rclerk", sql, file);
  ck_assert_str_eq (after, "satisfied 90");
}
END_TEST

/* Taken off the file, the author reads nothing of it any more and
 * writes no more. */
START_TEST (test_reassigned)
{
  gint64 file = new_assigned_file ();
  g_autoptr(LajnaDb) sw = lajna_test_shared_sign_in ("rsw");
  g_autoptr(LajnaDb) clerk = lajna_test_shared_sign_in ("rclerk");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaReport) report = NULL;
  g_autofree char *sql = g_strdup_printf (
      "UPDATE juvenile_case SET social_worker_id = (SELECT id FROM app_user WHERE login = 'rsw2')"
      " WHERE case_id = %" G_GINT64_FORMAT, file);
  g_autofree char *count = NULL;
  gint64 id = lajna_report_create (sw, file, "social_inquiry", &error);

  report = lajna_report_load (sw, id, &error);
  ck_assert_msg (lajna_db_run (clerk, sql, &error), "%s", MESSAGE (error));
  write_all (report, "نص");
  ck_assert (!lajna_report_save (sw, report, &error));
  assert_rule (error, "not_assigned");
  count = value_as ("rsw", "SELECT count(*) FROM case_report WHERE case_id = ID", file);
  ck_assert_str_eq (count, "0");
}
END_TEST

static gboolean
lists (GPtrArray *summaries,
       gint64     file)
{
  for (guint i = 0; i < summaries->len; i++)
    if (lajna_case_summary_get_id (g_ptr_array_index (summaries, i)) == file)
      return TRUE;
  return FALSE;
}

/* The reports due that the committee's overview counts for @login. */
static gint64
overview_due (const char *login)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (login);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaStats) stats = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  stats = lajna_stats_fetch (db, 0, &today, &today, &error);
  ck_assert_msg (stats != NULL, "%s", MESSAGE (error));
  return stats->reports_due;
}

/* Before a review within the week, a report not valid on its day is
 * due: each author is told of theirs, the committee of every one; once
 * submitted, it is no longer due, in the list and on the overview. */
START_TEST (test_reports_due)
{
  gint64 file = new_assigned_file ();
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) sw = lajna_test_shared_sign_in ("rsw");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaReport) report = NULL;
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GPtrArray) listed = NULL;
  gint64 counted;
  g_autofree char *sql = g_strdup_printf (
      "UPDATE juvenile_case SET next_review_on = current_date + 3"
      " WHERE case_id = %" G_GINT64_FORMAT, file);
  const char *due = "SELECT coalesce(string_agg(role, ',' ORDER BY role), '')"
                    " FROM lajna_reports_due(7) WHERE case_id = ID";
  static const struct { const char *login; const char *before; const char *after; } cells[] = {
    { "rsw", "social_worker", "" },
    { "rpsy", "psychologist", "psychologist" },
    { "rclerk", "psychologist,social_worker", "psychologist" },
    { "rsw2", "", "" },
  };

  ck_assert_msg (lajna_db_run (owner, sql, &error), "%s", MESSAGE (error));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *roles = value_as (cells[i].login, due, file);

      ck_assert_msg (strcmp (roles, cells[i].before) == 0, "%s before: %s", cells[i].login, roles);
    }
  counted = overview_due ("rclerk");
  ck_assert_int_ge (counted, 2);
  lajna_case_query_set_follow_up (query, LAJNA_CASE_FOLLOW_UP_REPORTS_DUE, 0);
  listed = lajna_case_query_fetch (query, sw, NULL, 100, &error);
  ck_assert_msg (listed != NULL, "%s", MESSAGE (error));
  ck_assert (lists (listed, file));

  report = lajna_report_load (sw, lajna_report_create (sw, file, "periodic_progress", &error),
                              &error);
  ck_assert_msg (report != NULL, "%s", MESSAGE (error));
  write_all (report, "تقدم");
  ck_assert_msg (lajna_report_save (sw, report, &error), "%s", MESSAGE (error));
  submit (sw, report);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *roles = value_as (cells[i].login, due, file);

      ck_assert_msg (strcmp (roles, cells[i].after) == 0, "%s after: %s", cells[i].login, roles);
    }
  ck_assert_int_eq (overview_due ("rclerk"), counted - 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = lajna_case_query_fetch (query, sw, NULL, 100, &error);
  ck_assert_msg (listed != NULL, "%s", MESSAGE (error));
  ck_assert (!lists (listed, file));
}
END_TEST

/* Every way around the functions, through the logins; ID is a draft of
 * rsw's, its file assigned to rsw and rpsy. */
static const struct
{
  const char *login;
  const char *sql;
} attacks[] = {
  { "rpsy", "SELECT lajna_report_save(ID, 1, '{}')" },
  { "rpsy", "SELECT lajna_report_discard(ID, 1)" },
  { "rpsy", "SELECT lajna_report_submit(ID, 1, '%PDF-1.4', 1, NULL)" },
  { "rclerk", "SELECT lajna_report_save(ID, 1, '{}')" },
  { "rchair", "SELECT lajna_report_lock(ID)" },
  { "rsw", "SELECT lajna_report_lock(ID)" },
  { "rsw", "SELECT lajna_report_save(ID, 1, '{\"nothing\": \"x\"}')" },
  { "rsw", "SELECT lajna_report_save(ID, 1, '{\"family\": 5}')" },
  { "rsw", "SELECT lajna_report_save(ID, 1, '[]')" },
  { "rsw", "SELECT lajna_report_save(ID, 1, jsonb_build_object('family', 'a' || chr(8238)))" },
  { "rsw", "SELECT lajna_report_save(ID, 1, NULL)" },
  { "rsw", "SELECT lajna_report_save(NULL, NULL, NULL)" },
  { "rsw", "SELECT lajna_report_create(NULL, NULL)" },
  { "rsw", "SELECT lajna_report_create((SELECT case_id FROM case_report WHERE id = ID),"
           " 'psychological_assessment')" },
  { "rsw", "SELECT lajna_report_submit(ID, 1, 'not a pdf', 1, NULL)" },
  { "rsw", "SELECT lajna_report_submit(ID, 1, NULL, NULL, NULL)" },
  { "rsw", "SELECT lajna_report_correct(ID, 'سبب')" },
  { "rsw", "SELECT lajna_casework('rpsy')" },
  { "rsw", "SELECT lajna_report_mine(ID)" },
  { "rsw", "INSERT INTO case_report (case_id, kind_code, author_id, author_role, series_id)"
           " SELECT case_id, kind_code, author_id, author_role, series_id FROM case_report"
           " WHERE id = ID RETURNING id" },
  { "rsw", "UPDATE case_report_section SET body = 'x' WHERE report_id = ID RETURNING 1" },
  { "rsw", "DELETE FROM case_report WHERE id = ID RETURNING 1" },
  { "rsw", "CREATE TEMP TABLE case_report (id bigint)" },
  { "rsw", "SET ROLE lajna_clerk" },
  { "rclerk", "INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256, source,"
              " report_id) SELECT id, 'social_worker_report', 'application/pdf', 1,"
              " sha256('x'), 'report', ID FROM case_file ORDER BY id DESC LIMIT 1 RETURNING id" },
  { "rclerk", "SELECT lajna_report_create((SELECT case_id FROM juvenile_case LIMIT 1),"
              " 'social_inquiry')" },
};

START_TEST (test_attacks)
{
  gint64 file = new_assigned_file ();
  g_autoptr(LajnaDb) sw = lajna_test_shared_sign_in ("rsw");
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (attacks[_i].login);
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_report_create (sw, file, "social_inquiry", &error);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_auto(GStrv) parts = g_strsplit (attacks[_i].sql, "ID", -1);
  g_autofree char *sql = g_strjoinv (number, parts);
  g_autofree char *state = NULL;

  ck_assert_msg (id > 0, "%s", MESSAGE (error));
  ck_assert_msg (!lajna_db_run (db, sql, &error), "%s: allowed for %s", sql, attacks[_i].login);
  state = value_as (NULL, "SELECT state || row_version FROM case_report WHERE id = ID", id);
  ck_assert_msg (strcmp (state, "draft1") == 0, "%s: %s", sql, state);
}
END_TEST

static Suite *
reports_suite (void)
{
  Suite *suite = suite_create ("case-reports");
  TCase *tc = tcase_create ("/case-reports");

  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_kinds);
  tcase_add_test (tc, test_lifecycle);
  tcase_add_test (tc, test_checklist);
  tcase_add_test (tc, test_reassigned);
  tcase_add_test (tc, test_reports_due);
  tcase_add_loop_test (tc, test_attacks, 0, G_N_ELEMENTS (attacks));
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (reports_suite ());
}
