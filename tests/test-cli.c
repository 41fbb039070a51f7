/* test-cli.c: lajnactl's contract: exit 2 for usage errors, 1 for
 * failures with a message on stderr, 0 with the output scripts read. */

#include <check.h>
#include <string.h>

#include "lajna-test-util.h"

#include "lajna-db-private.h"

/* lajnactl on the suite's shared database. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  return lajna_test_run_program (LAJNACTL_PATH, args, out, err);
}

static void
assert_exit (const char * const *args,
             int                 expected,
             const char         *stderr_part)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_cli (args, &out, &err);

  ck_assert_msg (status == expected, "%s %s: exit %d, not %d (%s)", args[0],
                 args[1] != NULL ? args[1] : "", status, expected, err);
  if (stderr_part != NULL)
    ck_assert_msg (strstr (err, stderr_part) != NULL, "stderr lacks “%s”: %s", stderr_part, err);
}

START_TEST (test_usage_errors_exit_2)
{
  assert_exit (ARGS (NULL), 2, "Name a command");
  assert_exit (ARGS ("frobnicate"), 2, "Unknown command");
  assert_exit (ARGS ("--no-such-option", "db", "status"), 2, NULL);
  assert_exit (ARGS ("db"), 2, NULL);
  assert_exit (ARGS ("db", "status", "extra"), 2, NULL);
  assert_exit (ARGS ("case", "list", "--limit", "0"), 2, "--limit");
  assert_exit (ARGS ("case", "list", "--limit", "many"), 2, NULL);
  assert_exit (ARGS ("case", "list", "--status", "lost"), 2, "Unknown status");
  assert_exit (ARGS ("case", "list", "--kind", "divorce"), 2, "--kind");
  assert_exit (ARGS ("case", "list", "--from", "2026-02-30"), 2, "YYYY-MM-DD");
  assert_exit (ARGS ("case", "list", "--overdue", "--due-for-review"), 2, "--overdue");
  assert_exit (ARGS ("case", "list", "--waiting-days", "-3"), 2, "--waiting-days");
  assert_exit (ARGS ("case", "list", "--csv", "a.csv", "-o", "a.pdf"), 2, "--csv");
  assert_exit (ARGS ("case", "show"), 2, NULL);
  assert_exit (ARGS ("case", "show", "12abc"), 2, NULL);
  assert_exit (ARGS ("case", "show", "-4"), 2, NULL);
  assert_exit (ARGS ("case", "search"), 2, NULL);
  assert_exit (ARGS ("case", "search", "\xff\xfe"), 2, "UTF-8");
  assert_exit (ARGS ("demo"), 2, "--cases");
  assert_exit (ARGS ("demo", "--cases", "-5"), 2, "--cases");
  assert_exit (ARGS ("user", "add", "huda"), 2, "--role");
  assert_exit (ARGS ("user", "add", "huda", "--role", "boss", "--committee", "1"), 2, "clerk");
  assert_exit (ARGS ("user", "add", "Huda Ali", "--role", "clerk", "--committee", "1"), 2, "login");
  assert_exit (ARGS ("backup"), 2, "-o FILE");
  assert_exit (ARGS ("restore"), 2, NULL);
  assert_exit (ARGS ("audit"), 2, "audit verify");
  assert_exit (ARGS ("meeting"), 2, "meeting list");
  assert_exit (ARGS ("meeting", "list", "--committee", "-1"), 2, "--committee");
  assert_exit (ARGS ("minutes", "--meeting", "3"), 2, "-o FILE.pdf");
  assert_exit (ARGS ("minutes", "-o", "x.pdf"), 2, "--meeting");
}
END_TEST

/* A person added with a role on a committee logs in as their own role,
 * a member of the group of that role. */
START_TEST (test_user_add)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) member = NULL;

  ck_assert (lajna_db_run (db, "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
                               " VALUES ('marriage', 'cli-m', 'لجنة', 'Committee', 'ز')", NULL));
  assert_exit (ARGS ("user", "add", "huda", "--role", "clerk", "--committee", "999"), 1,
               "no active committee 999");
  member = lajna_db_exec (db, "SELECT id FROM committee WHERE code = 'cli-m'", NULL);
  assert_exit (ARGS ("user", "add", "huda", "--role", "clerk", "--committee",
                     PQgetvalue (member, 0, 0), "--full-name", "هدى"), 0, NULL);
  g_clear_pointer (&member, PQclear);
  member = lajna_db_exec (db, "SELECT pg_has_role('huda', 'lajna_clerk', 'MEMBER'),"
                              " (SELECT full_name FROM app_user WHERE login = 'huda')", NULL);
  ck_assert_str_eq (PQgetvalue (member, 0, 0), "t");
  ck_assert_str_eq (PQgetvalue (member, 0, 1), "هدى");
}
END_TEST

/* A social worker serves a juvenile committee, not a marriage one. */
START_TEST (test_user_add_casework)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *juvenile = NULL, *marriage = NULL, *member = NULL;

  ck_assert (lajna_db_run (db, "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
                               " VALUES ('juvenile', 'cli-j', 'لجنة ح', 'J', 'ح'),"
                               " ('marriage', 'cli-cm', 'لجنة م', 'M', 'م')", NULL));
  juvenile = lajna_test_value (db, "SELECT id FROM committee WHERE code = 'cli-j'");
  marriage = lajna_test_value (db, "SELECT id FROM committee WHERE code = 'cli-cm'");
  assert_exit (ARGS ("user", "add", "sara", "--role", "social_worker", "--committee", marriage,
                     "--full-name", "سارة"), 1, "juvenile committees");
  assert_exit (ARGS ("user", "add", "sara", "--role", "social_worker", "--committee", juvenile,
                     "--full-name", "سارة"), 0, NULL);
  member = lajna_test_value (db, "SELECT pg_has_role('sara', 'lajna_social_worker', 'MEMBER')");
  ck_assert_str_eq (member, "t");
}
END_TEST

/* sara's report on a file of cli-j, listed and printed (after
 * test_user_add_casework, which adds her). */
START_TEST (test_reports)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *dir = g_dir_make_tmp ("lajna-cli-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);
  g_autofree char *file = NULL, *report = NULL, *out = NULL, *err = NULL, *text = NULL;
  g_autofree char *sql = NULL;

  ck_assert (lajna_db_run (db,
    "INSERT INTO person (name, father_name, family_name, sex, nationality)"
    "  VALUES ('يوسف', 'خالد', 'التاجوري', 'm', 'LY');"
    "INSERT INTO case_file (committee_id, kind, file_number, received_on)"
    "  SELECT id, 'juvenile', 'ح/2026/00901', '2026-11-23' FROM committee WHERE code = 'cli-j';"
    "INSERT INTO juvenile_case (case_id, juvenile_id, social_worker_id)"
    "  SELECT currval('case_file_id_seq'), max(id),"
    "         (SELECT id FROM app_user WHERE login = 'sara') FROM person", NULL));
  file = lajna_test_value (db, "SELECT id FROM case_file WHERE file_number = 'ح/2026/00901'");
  sql = g_strdup_printf (
      "SET ROLE sara;"
      "SELECT lajna_report_save(lajna_report_create(%s, 'social_inquiry'), 1,"
      "  (SELECT jsonb_object_agg(code, 'نص ' || title_ar) FROM report_section"
      "    WHERE kind_code = 'social_inquiry'));"
      "SELECT lajna_report_submit(max(id), 2, '%%PDF-1.4 cli', 1, NULL) FROM case_report;"
      "RESET ROLE", file);
  ck_assert (lajna_db_run (db, sql, NULL));
  report = lajna_test_value (db, "SELECT max(id) FROM case_report");

  assert_exit (ARGS ("report"), 2, "report list");
  assert_exit (ARGS ("report", "list"), 2, "--case");
  assert_exit (ARGS ("report", "export", report), 2, "-o FILE.pdf");
  assert_exit (ARGS ("report", "export", "999999", "-o", missing), 1, NULL);
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));

  ck_assert_int_eq (run_cli (ARGS ("report", "list", "--case", file, "--json"), &out, &err), 0);
  ck_assert_msg (strstr (out, "\"kind\":\"social_inquiry\"") != NULL
                 && strstr (out, "\"state\":\"submitted\"") != NULL
                 && strstr (out, "\"author\":\"سارة\"") != NULL, "%s", out);
  g_free (out);
  g_free (err);
  ck_assert_int_eq (run_cli (ARGS ("report", "export", report, "-o", path), &out, &err), 0);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  ck_assert_msg (strstr (text, "تقرير البحث الاجتماعي") != NULL
                 && strstr (text, "نص التوصيات") != NULL && strstr (text, "سارة") != NULL,
                 "%s", text);
  lajna_test_remove_dir (dir);
}
END_TEST

START_TEST (test_unreachable_database_exits_1)
{
  assert_exit (ARGS ("--database", "host=/nonexistent/socket dbname=lajna connect_timeout=2", "db",
                     "status"), 1, "Cannot connect");
  assert_exit (ARGS ("--database", "host=/nonexistent/socket", "case", "list"), 1,
               "Cannot connect");
}
END_TEST

START_TEST (test_missing_file_exits_1)
{
  assert_exit (ARGS ("case", "show", "987654321"), 1, "987654321");
  /* No minutes of a meeting that is not there, and no file left behind. */
  assert_exit (ARGS ("minutes", "--meeting", "987654321", "-o", "/tmp/lajna-no-minutes.pdf"), 1,
               "meeting does not exist");
  ck_assert (!g_file_test ("/tmp/lajna-no-minutes.pdf", G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test ("/tmp/lajna-no-minutes.pdf.partial", G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_version_and_status)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (ARGS ("--version"), &out, &err), 0);
  ck_assert (g_str_has_prefix (out, "lajnactl "));
  g_free (out);
  g_free (err);

  ck_assert_int_eq (run_cli (ARGS ("db", "status", "--json"), &out, &err), 0);
  ck_assert_msg (strstr (out, "\"schema_version\":") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "\"embedded\":true") != NULL, "%s", out);
  ck_assert (strstr (out, lajna_test_shared_data_dir ()) != NULL);
}
END_TEST

START_TEST (test_search_and_show)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *show = NULL;
  g_auto(GStrv) fields = NULL;

  ck_assert (lajna_db_run (db,
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
    "  VALUES ('juvenile', 'cli', 'لجنة رعاية الأحداث', 'Juvenile committee', 'ح');"
    "INSERT INTO person (name, father_name, family_name, sex, nationality)"
    "  VALUES ('مُوسَى', 'عيسى', 'المقريف', 'm', 'LY');"
    "INSERT INTO case_file (committee_id, kind, file_number, received_on)"
    "  SELECT id, 'juvenile', 'ح/2026/00777', '2026-11-23' FROM committee WHERE code = 'cli';"
    "INSERT INTO juvenile_case (case_id, juvenile_id, guardian_name)"
    "  SELECT currval('case_file_id_seq'), max(id), 'عيسى المقريف' FROM person", NULL));

  ck_assert_int_eq (run_cli (ARGS ("case", "search", "موسي", "--limit", "5"), &out, &err), 0);
  fields = g_strsplit (out, "\t", -1);
  ck_assert_uint_ge (g_strv_length (fields), 6);
  ck_assert_str_eq (fields[1], "ح/2026/00777");
  ck_assert_str_eq (fields[2], "2026-11-23");
  id = g_strdup (fields[0]);
  g_free (out);
  g_free (err);

  ck_assert_int_eq (run_cli (ARGS ("case", "search", "موسي", "--json"), &out, &err), 0);
  ck_assert_msg (g_str_has_prefix (out, "[{\"id\":"), "%s", out);
  ck_assert (strstr (out, "\"file_number\":\"ح/2026/00777\"") != NULL);
  g_free (out);
  g_free (err);

  /* the file number in Arabic-Indic digits, the father's name with a
   * Persian yeh and a zero-width non-joiner */
  ck_assert_int_eq (run_cli (ARGS ("case", "search", "ح/٢٠٢٦/٠٠٧٧٧"), &out, &err), 0);
  ck_assert_msg (g_str_has_prefix (out, id), "%s", out);
  g_free (out);
  g_free (err);
  ck_assert_int_eq (run_cli (ARGS ("case", "search", "عیسی\xe2\x80\x8c"), &out, &err), 0);
  ck_assert_msg (g_str_has_prefix (out, id), "%s", out);
  g_free (out);
  g_free (err);

  ck_assert_int_eq (run_cli (ARGS ("case", "show", id, "--json"), &out, &err), 0);
  ck_assert (strstr (out, "\"guardian\":[") != NULL);
  ck_assert (strstr (out, "عيسى المقريف") != NULL);
  g_free (out);
  g_free (err);

  ck_assert_int_eq (run_cli (ARGS ("case", "list", "--status", "registered", "--json"), &out, &err), 0);
  ck_assert (strstr (out, "ح/2026/00777") != NULL);
  g_free (out);
  g_free (err);

  ck_assert_int_eq (run_cli (ARGS ("case", "list", "--kind", "juvenile", "--from", "2026-11-23",
                                   "--to", "2026-11-23", "--missing-documents"), &out, &err), 0);
  ck_assert_msg (g_str_has_prefix (out, id), "%s", out);
  g_free (out);
  g_free (err);
  ck_assert_int_eq (run_cli (ARGS ("case", "list", "--kind", "marriage"), &out, &err), 0);
  ck_assert_str_eq (out, "");
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *suite = suite_create ("cli");
  TCase *tc = tcase_create ("/cli");

  tcase_add_unchecked_fixture (tc, lajna_test_shared_start, lajna_test_shared_stop);
  tcase_add_test (tc, test_usage_errors_exit_2);
  tcase_add_test (tc, test_unreachable_database_exits_1);
  tcase_add_test (tc, test_missing_file_exits_1);
  tcase_add_test (tc, test_version_and_status);
  tcase_add_test (tc, test_user_add);
  tcase_add_test (tc, test_user_add_casework);
  tcase_add_test (tc, test_reports);
  tcase_add_test (tc, test_search_and_show);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (cli_suite ());
}
