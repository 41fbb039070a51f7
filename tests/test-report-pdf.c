/* test-report-pdf.c: a social worker's report printed and submitted, read
 * back with poppler-utils and qpdf: the committee, the file, the
 * juvenile, each section in Arabic in logical order, the author and the
 * day as the ISO date; submitted, it is the file's document with its pages'
 * previews; exported, every page carries who exported it, the export is
 * in the audit trail, and a refused export leaves nothing behind. */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-report-pdf.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static const char * const logins[] = { "psw", "pchair", "psw2" };

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('juvenile', 'rpdf-j', 'لجنة الأحداث بطرابلس', 'J', 'ح');"
  "SELECT lajna_user_add('psw', 'هدى الورفلي', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'rpdf-j'));"
  "SELECT lajna_user_add('psw2', 'مريم الزاوي', 'social_worker',"
  " (SELECT id FROM committee WHERE code = 'rpdf-j'));"
  "SELECT lajna_user_add('pchair', 'سالم الهادي', 'chair',"
  " (SELECT id FROM committee WHERE code = 'rpdf-j'));";

static gint64 file;
static char *dir;

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  file = lajna_test_register_file (db, "juvenile", "rpdf-j");
  sql = g_strdup_printf ("UPDATE juvenile_case SET facility = 'دار الرعاية',"
                         " social_worker_id = (SELECT id FROM app_user WHERE login = 'psw')"
                         " WHERE case_id = %" G_GINT64_FORMAT, file);
  ck_assert_msg (lajna_db_run (db, sql, &error), "%s", MESSAGE (error));
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
  dir = g_dir_make_tmp ("lajna-report-pdf-XXXXXX", NULL);
}

static void
teardown (void)
{
  lajna_test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
  lajna_test_shared_stop ();
}

static char *
pdf_text (const char *path)
{
  return lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
}

/* The flat text of @text, one space between words. */
static void
assert_in_order (const char         *text,
                 const char * const *words)
{
  const char *at = text;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *found = strstr (at, words[i]);

      ck_assert_msg (found != NULL, "no “%s” after the words before it in:\n%s", words[i], text);
      at = found + strlen (words[i]);
    }
}

/* A draft of psw's written and submitted on 2026-11-23; its document. */
static gint64
submitted_report (LajnaDb  *sw,
                  gint64   *report_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaReport) report = NULL;
  gint64 id = lajna_report_create (sw, file, "social_inquiry", &error);
  gint64 document;

  ck_assert_msg (id > 0, "%s", MESSAGE (error));
  report = lajna_report_load (sw, id, &error);
  for (guint i = 0; i < report->sections->len; i++)
    {
      LajnaReportSection *section = g_ptr_array_index (report->sections, i);

      g_free (section->body);
      section->body = g_strcmp0 (section->code, "surroundings") == 0
                      ? g_strdup ("")
                      : g_strdup_printf ("يعيش الحدث مع والدته في قسم %s.", section->code);
    }
  ck_assert_msg (lajna_report_save (sw, report, &error), "%s", MESSAGE (error));
  document = lajna_report_pdf_submit (sw, report, &error);
  ck_assert_msg (document > 0, "%s", MESSAGE (error));
  ck_assert_str_eq (report->state, "submitted");
  *report_id = id;
  return document;
}

START_TEST (test_submitted_and_exported)
{
  g_autoptr(LajnaDb) sw = lajna_test_shared_sign_in ("psw");
  g_autoptr(LajnaDb) chair = lajna_test_shared_sign_in ("pchair");
  g_autoptr(LajnaDb) other = lajna_test_shared_sign_in ("psw2");
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = g_build_filename (dir, "stored.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *refused = g_build_filename (dir, "refused.pdf", NULL);
  g_autofree char *partial = g_strconcat (refused, ".partial", NULL);
  g_autofree char *pages = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *exports = NULL;
  g_autoptr(PGresult) blob = NULL;
  g_auto(GStrv) page_texts = NULL;
  g_autofree char *today = lajna_test_value (sw, "SELECT current_date");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *text = NULL;
  gint64 report_id;
  gint64 document;

  document = submitted_report (sw, &report_id);

  /* The stored document: the report as submitted, with a preview a page. */
  sql = g_strdup_printf ("SELECT original FROM document_blob WHERE document_id = %"
                         G_GINT64_FORMAT, document);
  blob = lajna_db_exec_binary (chair, sql, 0, NULL, NULL, NULL, TRUE, &error);
  ck_assert_msg (blob != NULL && PQntuples (blob) == 1, "%s", MESSAGE (error));
  ck_assert (g_file_set_contents (stored, PQgetvalue (blob, 0, 0), PQgetlength (blob, 0, 0),
                                  NULL));
  g_free (sql);
  sql = g_strdup_printf ("SELECT d.pages = (SELECT count(*) FROM document_preview p"
                         " WHERE p.document_id = d.id) FROM document d WHERE d.id = %"
                         G_GINT64_FORMAT, document);
  pages = lajna_test_value (chair, sql);
  ck_assert_str_eq (pages, "t");
  text = pdf_text (stored);
  assert_in_order (text, (const char * const[]) {
    "لجنة الأحداث بطرابلس", "تقرير البحث الاجتماعي", "رقم الملف", "الحدث", "دار الرعاية",
    "التاريخ", today,
    "يعيش الحدث مع والدته في قسم", "ظروف الواقعة", "التوصيات",
    "الأخصائي الاجتماعي", "هدى الورفلي", NULL });
  ck_assert_msg (strstr (text, "البيئة والأصدقاء") == NULL, "an empty optional section: %s",
                 text);
  ck_assert_msg (strstr (text, "مسودة") == NULL, "marked a draft: %s", text);
  ck_assert_msg (strstr (text, "Confidential") == NULL && strstr (text, "سري") == NULL,
                 "a watermark on the document: %s", text);
  lajna_test_assert_fonts_embedded (stored);
  ck_assert_msg (qpdf != NULL, "qpdf is not installed");
  ck_assert_int_eq (lajna_test_run_program (qpdf, ARGS ("--check", stored), NULL, NULL), 0);

  /* Exported by the chair: their name on every page, and recorded. */
  ck_assert_msg (lajna_report_pdf_export (chair, report_id, exported, &error), "%s",
                 MESSAGE (error));
  g_free (text);
  text = pdf_text (exported);
  page_texts = g_strsplit (text, "\f", -1);
  for (guint i = 0; page_texts[i] != NULL && page_texts[i + 1] != NULL; i++)
    ck_assert_msg (strstr (page_texts[i], "سالم الهادي") != NULL, "page %u: %s", i + 1,
                   page_texts[i]);
  lajna_test_assert_fonts_embedded (exported);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = 'report.export'"
                         " AND object_id = %" G_GINT64_FORMAT " AND actor = 'pchair'", report_id);
  exports = lajna_test_value (owner, sql);
  ck_assert_str_eq (exports, "1");

  /* Someone who does not read it gets nothing, and no file. */
  ck_assert (!lajna_report_pdf_export (other, report_id, refused, &error));
  ck_assert (!g_file_test (refused, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
}
END_TEST

static Suite *
report_pdf_suite (void)
{
  Suite *suite = suite_create ("report-pdf");
  TCase *tc = tcase_create ("/reports/report-pdf");

  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_submitted_and_exported);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (report_pdf_suite ());
}
