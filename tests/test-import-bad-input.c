/* test-import-bad-input.c: spreadsheet exports that cannot be read as an
 * intake sheet are refused with a message and nothing written: rows with
 * too few or too many cells or a quote left open, a header naming an
 * unknown field, a field of the other kind or a field twice, files in the
 * wrong encoding, cells and rows past their bounds, and files without
 * rows. A row whose details are wrong is test-import.c's. */

#include <check.h>
#include <string.h>

#include "lajna-test-import.h"
#include "lajna-test-util.h"

/* A file that is refused as a whole: the error, and nothing written. */
static void
assert_refused (const char *text,
                gsize       len,
                GQuark      domain,
                int         code,
                const char *message_part)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 before = count_files (db);
  g_autoptr(LajnaCaseImport) import = import_text (db, text, len, marriage_id, TRUE, &error);

  ck_assert_msg (g_error_matches (error, domain, code), "%s", MESSAGE (error));
  if (message_part != NULL)
    ck_assert_msg (strstr (error->message, message_part) != NULL, "%s", error->message);
  ck_assert (lajna_case_import_get_files (import) == NULL);
  ck_assert_int_eq (count_files (db), before);
}

START_TEST (malformed_rows)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autofree char *good = valid_row (7101);
  g_autofree char *longer = g_strndup (good, strlen (good) - 1);
  g_autofree char *csv = g_strconcat (header, good,
                                      "2026-11-20,libyan_man,أحمد\n",  /* row 3: too few */
                                      longer, ",x\n",                  /* row 4: too many */
                                      "2026-11-20,\"libyan_man\n",     /* row 5: open quote */
                                      NULL);
  gint64 before = count_files (db);
  const LajnaImportIssue *issue;

  import = import_text (db, csv, strlen (csv), marriage_id, FALSE, &error);
  ck_assert_msg (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_INVALID), "%s",
                 MESSAGE (error));
  ck_assert (strstr (error->message, "3 rows") != NULL);
  ck_assert_int_eq (count_files (db), before);

  issue = find_issue (import, 3, NULL);
  ck_assert (issue != NULL && strstr (issue->message, "3 cells") != NULL);
  issue = find_issue (import, 4, NULL);
  ck_assert (issue != NULL && strstr (issue->message, "18 cells") != NULL);
  issue = find_issue (import, 5, NULL);
  ck_assert (issue != NULL && strstr (issue->message, "not closed") != NULL);
  ck_assert_ptr_null (find_issue (import, 2, NULL));
}
END_TEST

START_TEST (header_errors)
{
  g_autofree char *unknown = g_strconcat ("received_on,libyan_party.nickname\n", NULL);
  g_autofree char *juvenile = g_strconcat ("received_on,juvenile.name\n2026-11-20,يوسف\n", NULL);
  g_autofree char *twice = g_strconcat ("received_on,notes,received_on\n", NULL);
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;

  assert_refused (unknown, strlen (unknown), LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_HEADER,
                  "“libyan_party.nickname”");
  assert_refused (juvenile, strlen (juvenile), LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_HEADER,
                  "“juvenile.name” is a field of juvenile files");
  assert_refused (twice, strlen (twice), LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_HEADER,
                  "twice");

  /* No committee chosen and no committee column: the caller's mistake. */
  import = import_text (db, header, strlen (header), 0, FALSE, &error);
  ck_assert_msg (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_NO_COMMITTEE),
                 "%s", MESSAGE (error));
}
END_TEST

START_TEST (windows_1256)
{
  g_autofree char *row = valid_row (7301);
  g_autofree char *utf8 = g_strconcat (header, row, row, NULL);
  gsize len = 0;
  g_autofree char *arabic_windows = g_convert (utf8, -1, "WINDOWS-1256", "UTF-8", NULL, &len,
                                               NULL);

  ck_assert (arabic_windows != NULL);
  assert_refused (arabic_windows, len, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_ENCODING,
                  "Windows-1256");
  assert_refused (arabic_windows, len, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_ENCODING,
                  "“CSV UTF-8”");
}
END_TEST

START_TEST (utf_16)
{
  g_autofree char *row = valid_row (7401);
  g_autofree char *utf8 = g_strconcat ("\xef\xbb\xbf", header, row, NULL);
  gsize len = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);

  /* With its byte order mark (carried over from the UTF-8 one), and
   * without. */
  ck_assert ((guchar) utf16[0] == 0xff && (guchar) utf16[1] == 0xfe);
  assert_refused (utf16, len, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_ENCODING, "UTF-16");
  assert_refused (utf16 + 2, len - 2, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_ENCODING, "UTF-16");
}
END_TEST

START_TEST (not_utf_8)
{
  g_autofree char *row = valid_row (7501);
  g_autofree char *csv = g_strconcat (header, row, "2026-11-20,\xff\xfe\n", NULL);

  assert_refused (csv, strlen (csv), LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_ENCODING, "line 3");
}
END_TEST

START_TEST (ten_mb_line)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autofree char *good = valid_row (7701);
  g_autofree char *huge = g_malloc (10 * 1000 * 1000 + 1);
  g_autofree char *many = g_malloc (2 * 1000 * 1000 + 1);
  g_autoptr(GString) csv = g_string_new (header);
  gint64 before = count_files (db);
  const LajnaImportIssue *issue;

  /* Row 3: a 10 MB cell; row 4: two million empty cells. */
  memset (huge, 'x', 10 * 1000 * 1000);
  huge[10 * 1000 * 1000] = '\0';
  memset (many, ',', 2 * 1000 * 1000);
  many[2 * 1000 * 1000] = '\0';
  g_string_append (csv, good);
  g_string_append_printf (csv, "2026-11-20,%s\n%s\n", huge, many);
  g_string_append (csv, good);

  import = import_text (db, csv->str, csv->len, marriage_id, FALSE, &error);
  ck_assert_msg (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_INVALID), "%s",
                 MESSAGE (error));
  ck_assert_int_eq (count_files (db), before);
  issue = find_issue (import, 3, "direction");
  ck_assert_msg (issue != NULL && strstr (issue->message, "longer than") != NULL, "%s",
                 describe (import));
  issue = find_issue (import, 4, NULL);
  ck_assert_msg (issue != NULL && strstr (issue->message, "longer than") != NULL, "%s",
                 describe (import));
  /* The rows after it are read where they start. */
  ck_assert_ptr_null (find_issue (import, 5, NULL));
}
END_TEST

START_TEST (empty_and_header_only)
{
  g_autofree char *blank_rows = g_strconcat (header, "\n,,,\r\n", NULL);

  assert_refused ("", 0, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_EMPTY, "no files to import");
  assert_refused ("\xef\xbb\xbf", 3, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_EMPTY, NULL);
  assert_refused (header, strlen (header), LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_EMPTY,
                  "no files to import");
  assert_refused (blank_rows, strlen (blank_rows), LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_EMPTY,
                  NULL);
}
END_TEST

static Suite *
import_bad_input_suite (void)
{
  Suite *suite = suite_create ("import-bad-input");
  TCase *tc = tcase_create ("/import-bad-input/csv");

  suite_add_tcase (suite, tc);
  tcase_add_test (tc, malformed_rows);
  tcase_add_test (tc, header_errors);
  tc = tcase_create ("/import-bad-input/encoding");
  suite_add_tcase (suite, tc);
  tcase_add_test (tc, windows_1256);
  tcase_add_test (tc, utf_16);
  tcase_add_test (tc, not_utf_8);
  tc = tcase_create ("/import-bad-input/limits");
  suite_add_tcase (suite, tc);
  tcase_add_test (tc, ten_mb_line);
  tcase_add_test (tc, empty_and_header_only);
  return suite;
}

/* One database for every test case; each test runs in its own process
 * and connects to it. */
int
main (void)
{
  int status;

  setup_import ();
  status = lajna_test_run (import_bad_input_suite ());
  lajna_test_shared_stop ();
  return status;
}
