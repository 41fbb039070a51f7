/* test-export.c: a file's summary as a PDF, checked with poppler-utils and
 * qpdf: Arabic in logical order with ISO dates, every font embedded, a
 * sound file; a juvenile file's pages carry who exported it and when, a
 * marriage file's do not; every export is in the audit trail, and a
 * failed one leaves neither a PDF nor an audit row. In English, the
 * summary reads left to right. */

#include <check.h>
#include <glib/gstdio.h>

#include "lajna-case-export.h"
#include "lajna-db-private.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "lajna-users.h"

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'ex-m', 'لجنة الزواج', 'M', 'ز'), ('juvenile', 'ex-j', 'لجنة الأحداث', 'J', 'ح');"
  "SELECT lajna_user_add('chair_x', 'سالم الهادي', 'chair', (SELECT id FROM committee WHERE code = 'ex-j'))";

static gint64 marriage_file;
static gint64 juvenile_file;

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  marriage_file = lajna_test_register_file (db, "marriage", "ex-m");
  juvenile_file = lajna_test_register_file (db, "juvenile", "ex-j");
  ck_assert (lajna_users_set_password (db, "chair_x", "password of chair_x", &error));
  lajna_test_shared_require_passwords ();
}

static LajnaDb *
connect_as_chair (void)
{
  g_autofree char *conninfo = lajna_test_shared_conninfo_as ("chair_x");
  g_autoptr(GError) error = NULL;
  LajnaDb *db = lajna_db_connect (conninfo, "password of chair_x", &error);

  ck_assert_msg (db != NULL, "%s", MESSAGE (error));
  return db;
}

static char *
pdf_text (const char *path)
{
  return lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
}

static int
exports_of (LajnaDb *db,
            gint64   case_id)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM audit_event WHERE action = 'case.export' AND object_id = %"
      G_GINT64_FORMAT, case_id);
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, NULL);

  ck_assert (result != NULL);
  return atoi (PQgetvalue (result, 0, 0));
}

static char *
export_path (const char *name)
{
  return g_build_filename (lajna_test_shared_data_dir (), name, NULL);
}

START_TEST (test_juvenile_file_carries_viewer_and_time)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) chair = connect_as_chair ();
  g_autofree char *path = export_path ("juvenile.pdf");
  g_autofree char *text = NULL;
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(PGresult) file = NULL;
  g_autoptr(PGresult) today = lajna_db_exec (admin, "SELECT current_date::text", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT file_number, title, received_on::text"
                                          "  FROM case_file WHERE id = %" G_GINT64_FORMAT,
                                          juvenile_file);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  int before = exports_of (admin, juvenile_file);

  ck_assert_msg (lajna_case_export_pdf (chair, juvenile_file, path, &error), "%s",
                 MESSAGE (error));
  ck_assert_int_eq (exports_of (admin, juvenile_file), before + 1);

  file = lajna_db_exec (admin, sql, NULL);
  text = pdf_text (path);
  /* The file number and the received date in their own order, the name
   * in logical order. */
  ck_assert_msg (strstr (text, strchr (PQgetvalue (file, 0, 0), '/') + 1) != NULL, "%s", text);
  ck_assert_msg (strstr (text, PQgetvalue (file, 0, 2)) != NULL, "no %s in %s",
                 PQgetvalue (file, 0, 2), text);
  ck_assert_msg (strstr (text, "سالم الهادي") != NULL, "no viewer in %s", text);
  /* On every page: the viewer and the day, under the diagonal. */
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    {
      ck_assert_msg (strstr (pages[i], "سالم الهادي") != NULL, "page %u: %s", i + 1, pages[i]);
      ck_assert_msg (strstr (pages[i], PQgetvalue (today, 0, 0)) != NULL, "page %u", i + 1);
    }

  lajna_test_assert_fonts_embedded (path);
  ck_assert_int_eq (lajna_test_run_program (qpdf, ARGS ("--check", path), NULL, NULL), 0);
}
END_TEST

START_TEST (test_marriage_file_has_no_watermark)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autofree char *path = export_path ("marriage.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int before = exports_of (admin, marriage_file);

  ck_assert_msg (lajna_case_export_pdf (admin, marriage_file, path, &error), "%s",
                 MESSAGE (error));
  ck_assert_int_eq (exports_of (admin, marriage_file), before + 1);
  text = pdf_text (path);
  ck_assert_msg (strstr (text, "UTC") == NULL, "%s", text);
}
END_TEST

/* Where @word first starts on page 1, from the left, in points. */
static double
left_of (const char *path,
         const char *word)
{
  g_autofree char *words = lajna_test_tool_output ("pdftotext", ARGS ("-bbox", "-l", "1", path, "-"),
                                                   NULL);
  g_autofree char *tail = g_strdup_printf (">%s</word>", word);
  const char *end = strstr (words, tail);
  const char *start;

  ck_assert_msg (end != NULL, "no “%s” on page 1", word);
  for (start = end; start > words && !g_str_has_prefix (start, "<word xMin=\""); start--)
    ;
  return g_ascii_strtod (start + strlen ("<word xMin=\""), NULL);
}

/* Exported in English (the tests' language), the summary reads left to
 * right: labels and headings start at the left margin, values after the
 * labels. */
START_TEST (test_english_left_to_right)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autofree char *path = export_path ("english.pdf");
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_case_export_pdf (admin, marriage_file, path, &error), "%s",
                 MESSAGE (error));
  ck_assert_double_lt (left_of (path, "Received"), 60);
  ck_assert_double_lt (left_of (path, "Foreign"), 60);
  ck_assert_double_lt (left_of (path, "Direction"), 60);
  /* The date after its label, at the start of the value's column. */
  ck_assert_double_lt (left_of (path, "2026-11-20"), 270);
  ck_assert_double_gt (left_of (path, "2026-11-20"), 250);
}
END_TEST

/* A PDF that cannot be written is not recorded; a file the person does
 * not see is not exported. */
START_TEST (test_failed_export_leaves_nothing)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) chair = connect_as_chair ();
  g_autofree char *hidden = export_path ("not-theirs.pdf");
  const char *unwritable = "/nonexistent-folder/summary.pdf";
  g_autoptr(GError) error = NULL;
  int before = exports_of (admin, juvenile_file);
  int marriage_before = exports_of (admin, marriage_file);

  ck_assert (!lajna_case_export_pdf (chair, juvenile_file, unwritable, &error));
  ck_assert (error != NULL);
  ck_assert_int_eq (exports_of (admin, juvenile_file), before);
  ck_assert (!g_file_test ("/nonexistent-folder/summary.pdf.partial", G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  ck_assert (!lajna_case_export_pdf (chair, marriage_file, hidden, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND));
  ck_assert (!g_file_test (hidden, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (exports_of (admin, marriage_file), marriage_before);
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *suite = suite_create ("export");
  TCase *tc = tcase_create ("/export");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_juvenile_file_carries_viewer_and_time);
  tcase_add_test (tc, test_marriage_file_has_no_watermark);
  tcase_add_test (tc, test_failed_export_leaves_nothing);
  tcase_add_test (tc, test_english_left_to_right);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (export_suite ());
}
