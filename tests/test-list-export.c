/* test-list-export.c: a follow-up list saved as CSV starts with a
 * byte-order mark and reads back through Python's csv module with its
 * Arabic names intact, a row a file in the list's order; printed, it is a
 * sound PDF (qpdf), its fonts embedded, stating the list and the files,
 * the watermark naming who printed it on every page. Each export is in
 * the audit trail with its files; one that cannot be written leaves
 * neither a file nor an audit event. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-case-list-export.h"
#include "lajna-db-private.h"
#include "lajna-demo.h"
#include "lajna-test-util.h"

#define N_CASES 800

static const char * const logins[] = { "le.member" };

static void
seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start ();
  db = lajna_database_connect (lajna_test_shared_database (), &error);
  if (db == NULL || !lajna_demo_fill (db, N_CASES, 3, NULL, NULL, &error)
      || !lajna_db_run (db,
          "SELECT lajna_user_add('le.member', 'سالم الهادي', 'member',"
          "                      (SELECT id FROM committee WHERE code = 'juvenile-tripoli'))",
          &error))
    g_error ("Cannot seed the test database: %s", error->message);
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

static int
list_exports (void)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autofree char *n = lajna_test_value (server, "SELECT count(*) FROM audit_event"
                                                 " WHERE action = 'case_list.export'");

  return atoi (n);
}

static char *
export_path (const char *name)
{
  return g_build_filename (lajna_test_shared_data_dir (), name, NULL);
}

/* The files waiting more than @days, as the member sees them. */
static GPtrArray *
waiting (LajnaDb         *db,
         guint            days,
         LajnaCaseQuery **query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  *query = lajna_case_query_new ();
  lajna_case_query_set_follow_up (*query, LAJNA_CASE_FOLLOW_UP_WAITING, days);
  rows = lajna_case_query_fetch (*query, db, NULL, 100000, &error);
  ck_assert_msg (rows != NULL && rows->len > 0, "no files waiting: %s",
                 error != NULL ? error->message : "");
  return rows;
}

/* Python's csv reads it with the BOM taken off; each row comes back as a
 * line of its fields joined by tabs. */
static const char read_csv[] =
  "import csv, sys\n"
  "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
  "    for row in csv.reader(f):\n"
  "        print('\\t'.join(row))\n";

START_TEST (test_csv_reads_back_with_arabic)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("le.member");
  g_autoptr(LajnaCaseQuery) query = NULL;
  g_autoptr(GPtrArray) rows = waiting (db, 30, &query);
  g_autofree char *path = export_path ("waiting.csv");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int before = list_exports ();

  ck_assert_msg (lajna_case_list_export_csv (db, query, path, &error), "%s",
                 error != NULL ? error->message : "");
  ck_assert_int_eq (list_exports (), before + 1);
  bytes = lajna_test_read_bytes (path);
  ck_assert (g_bytes_get_size (bytes) > 3);
  ck_assert (memcmp (g_bytes_get_data (bytes, NULL), "\xEF\xBB\xBF", 3) == 0);

  ck_assert_int_eq (lajna_test_run_program ("/usr/bin/python3", ARGS ("-c", read_csv, path),
                                            &out, NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), rows->len + 2);
  ck_assert_str_eq (lines[0], "File number\tParties\tKind\tStatus\tReceived");
  for (guint i = 0; i < rows->len; i++)
    {
      LajnaCaseSummary *row = g_ptr_array_index (rows, i);
      g_auto(GStrv) fields = g_strsplit (lines[i + 1], "\t", -1);

      ck_assert_uint_eq (g_strv_length (fields), 5);
      ck_assert_str_eq (fields[0], lajna_case_summary_get_file_number (row));
      ck_assert_str_eq (fields[1], lajna_case_summary_get_title (row));
      ck_assert_str_eq (fields[4], lajna_case_summary_get_received_on (row));
    }
  ck_assert (g_utf8_strchr (lines[1], -1, 0x0627) != NULL);
}
END_TEST

START_TEST (test_pdf_states_list_and_files)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("le.member");
  g_autoptr(LajnaCaseQuery) query = NULL;
  g_autoptr(GPtrArray) rows = waiting (db, 1, &query);
  g_autofree char *path = export_path ("waiting.pdf");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) error = NULL;
  int before = list_exports ();

  ck_assert_msg (lajna_case_list_export_pdf (db, query, path, &error), "%s",
                 error != NULL ? error->message : "");
  ck_assert_int_eq (list_exports (), before + 1);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  ck_assert_msg (strstr (text, "Waiting on documents for more than 1 day") != NULL, "%s", text);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *number = lajna_case_summary_get_file_number (g_ptr_array_index (rows, i));

      ck_assert_msg (strstr (text, strchr (number, '/') + 1) != NULL, "no %s", number);
    }
  pages = g_strsplit (text, "\f", -1);
  ck_assert_uint_gt (g_strv_length (pages), 2);
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    ck_assert_msg (strstr (pages[i], "سالم الهادي") != NULL, "page %u has no watermark", i + 1);
  lajna_test_assert_fonts_embedded (path);
  ck_assert_int_eq (lajna_test_run_program (qpdf, ARGS ("--check", path), NULL, NULL), 0);
}
END_TEST

START_TEST (test_failed_export_leaves_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("le.member");
  g_autoptr(LajnaCaseQuery) query = NULL;
  g_autoptr(GPtrArray) rows = waiting (db, 30, &query);
  g_autoptr(GError) error = NULL;
  int before = list_exports ();

  ck_assert (!lajna_case_list_export_csv (db, query, "/nonexistent-folder/list.csv", &error));
  ck_assert (error != NULL);
  g_clear_error (&error);
  ck_assert (!lajna_case_list_export_pdf (db, query, "/nonexistent-folder/list.pdf", &error));
  ck_assert (error != NULL);
  ck_assert_int_eq (list_exports (), before);
  ck_assert (!g_file_test ("/nonexistent-folder/list.pdf.partial", G_FILE_TEST_EXISTS));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("list-export");
  TCase *tc = tcase_create ("/list-export");

  tcase_set_timeout (tc, 300);
  tcase_add_unchecked_fixture (tc, seed, lajna_test_shared_stop);
  tcase_add_test (tc, test_csv_reads_back_with_arabic);
  tcase_add_test (tc, test_pdf_states_list_and_files);
  tcase_add_test (tc, test_failed_export_leaves_nothing);
  suite_add_tcase (suite, tc);
  return lajna_test_run (suite);
}
