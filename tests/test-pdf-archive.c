/* test-pdf-archive.c: Lajna's PDFs as PDF/A-2b, clause by clause (no
 * PDF/A validator is packaged for Debian or npm): a binary header
 * comment; a trailer /ID; XMP metadata, unfiltered, naming part 2 level B
 * and saying what the information dictionary says (title without the
 * bidi isolates, creator, producer, dates); the sRGB output intent; every
 * font embedded; no encryption, JavaScript or embedded files; a file
 * qpdf and MuPDF read without complaint. Checked for a document in
 * English, an issued ruling, a signed one, and a meeting's rulings
 * printed together. */

#include <check.h>
#include <poppler.h>
#include <string.h>

#include "lajna-pdf-sign.h"
#include "lajna-pdf-update.h"
#include "lajna-pdf-writer.h"
#include "lajna-ruling-record.h"
#include "lajna-ruling.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

/* The text of XMP element @name in @xmp, or NULL. */
static char *
xmp_value (const char *xmp,
           const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("<%s>(?:<rdf:Alt><rdf:li[^>]*>)?([^<]*)<", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  return g_regex_match (regex, xmp, 0, &match) ? g_match_info_fetch (match, 1) : NULL;
}

static char *
mutool_show (const char *path,
             const char *what)
{
  int status;
  char *shown = lajna_test_tool_output ("mutool", ARGS ("show", path, what), &status);

  ck_assert_msg (status == 0, "mutool show %s: %s", what, shown);
  return shown;
}

/* Every clause of PDF/A-2b that Lajna's PDFs must meet. */
static void
check_archive (const char *path,
               const char *language)
{
  g_autofree char *contents = NULL, *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *id = NULL, *metadata = NULL, *intents = NULL, *profile = NULL;
  g_autofree char *fonts = NULL, *qpdf = NULL, *xmp = NULL, *title = NULL;
  g_autofree char *xmp_title = NULL, *xmp_created = NULL, *creator = NULL, *producer = NULL;
  g_autofree char *info_created = NULL, *lang = NULL;
  g_autofree char *xmp_creator = NULL, *xmp_producer = NULL, *xmp_modified = NULL;
  PopplerDocument *document;
  g_autoptr(GDateTime) created = NULL, created_utc = NULL;
  gsize length;
  int status;

  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  /* %PDF-1.x, then a comment of four bytes over 127. */
  ck_assert (g_str_has_prefix (contents, "%PDF-1."));
  {
    const guint8 *second = (const guint8 *) strchr (contents, '\n') + 1;

    ck_assert (second[0] == '%' && second[1] > 127 && second[2] > 127 && second[3] > 127
               && second[4] > 127);
  }
  ck_assert (memmem (contents, length, "/Encrypt", 8) == NULL);
  ck_assert (memmem (contents, length, "/JavaScript", 11) == NULL);
  ck_assert (memmem (contents, length, "/EmbeddedFiles", 14) == NULL);
  /* Nothing after the last %%EOF but an end of line. */
  ck_assert (length > 6 && memcmp (contents + length - 6, "%%EOF\n", 6) == 0);

  qpdf = lajna_test_tool_output ("qpdf", ARGS ("--check", path), &status);
  ck_assert_msg (status == 0, "%s", qpdf);
  /* The last trailer's /ID, two strings of 16 bytes. */
  {
    const char *trailer = lajna_pdf_find_last (contents, length, "trailer");
    g_autofree char *last = trailer != NULL ? g_strndup (trailer, contents + length - trailer)
                                            : NULL;

    ck_assert (last != NULL);
    ck_assert_msg (g_regex_match_simple ("/ID \\[<[0-9a-fA-F]{32}> <[0-9a-fA-F]{32}>\\]", last, 0,
                                         0), "%s", last);
  }
  id = mutool_show (path, "trailer/ID");
  ck_assert_msg (g_str_has_prefix (id, "[ "), "%s", id);
  metadata = mutool_show (path, "trailer/Root/Metadata");
  ck_assert_msg (strstr (metadata, "/Subtype /XML") != NULL && strstr (metadata, "/Filter") == NULL,
                 "%s", metadata);
  intents = mutool_show (path, "trailer/Root/OutputIntents");
  ck_assert_msg (strstr (intents, "/S /GTS_PDFA1") != NULL, "%s", intents);
  ck_assert_msg (strstr (intents, "/OutputConditionIdentifier (sRGB IEC61966-2.1)") != NULL, "%s",
                 intents);
  profile = mutool_show (path, "trailer/Root/OutputIntents/1/DestOutputProfile/N");
  ck_assert_msg (g_str_has_prefix (profile, "3"), "%s", profile);
  lang = mutool_show (path, "trailer/Root/Lang");
  ck_assert_msg (strstr (lang, language) != NULL, "%s", lang);

  fonts = lajna_test_tool_output ("pdffonts", ARGS (path), &status);
  ck_assert_int_eq (status, 0);
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

    ck_assert_uint_ge (g_strv_length (lines), 3);
    for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
      ck_assert_msg (strstr (lines[i], " yes yes ") != NULL, "not embedded: %s", lines[i]);
  }

  document = poppler_document_new_from_file (uri, NULL, NULL);
  ck_assert (document != NULL);
  xmp = poppler_document_get_metadata (document);
  ck_assert (xmp != NULL);
  ck_assert (strstr (xmp, "<pdfaid:part>2</pdfaid:part>") != NULL);
  ck_assert (strstr (xmp, "<pdfaid:conformance>B</pdfaid:conformance>") != NULL);
  title = poppler_document_get_title (document);
  xmp_title = xmp_value (xmp, "dc:title");
  ck_assert (title != NULL && xmp_title != NULL);
  ck_assert_str_eq (title, xmp_title);
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    ck_assert (g_utf8_get_char (p) < 0x2066 || g_utf8_get_char (p) > 0x2069);
  creator = poppler_document_get_creator (document);
  producer = poppler_document_get_producer (document);
  xmp_creator = xmp_value (xmp, "xmp:CreatorTool");
  xmp_producer = xmp_value (xmp, "pdf:Producer");
  ck_assert_str_eq (creator, xmp_creator);
  ck_assert_str_eq (producer, xmp_producer);
  created = poppler_document_get_creation_date_time (document);
  ck_assert (created != NULL);
  created_utc = g_date_time_to_utc (created);
  info_created = g_date_time_format (created_utc, "%Y-%m-%dT%H:%M:%SZ");
  xmp_created = xmp_value (xmp, "xmp:CreateDate");
  xmp_modified = xmp_value (xmp, "xmp:ModifyDate");
  ck_assert_str_eq (info_created, xmp_created);
  ck_assert_str_eq (xmp_modified, xmp_created);
  g_object_unref (document);
}

/* A document in English, its title with an isolated number. */
START_TEST (test_document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "export.pdf", NULL);
  g_autoptr(LajnaPdfWriter) writer = lajna_pdf_writer_new ("File \u2068MB/2026/00012\u2069");

  lajna_pdf_writer_add_title (writer, "File MB/2026/00012");
  lajna_pdf_writer_add_fact (writer, "Received", "2026-11-23");
  lajna_pdf_writer_add_paragraph (writer, "Registered & <checked>.");
  expect_ok (lajna_pdf_writer_write (writer, path, &error), error);
  check_archive (path, "en");
  lajna_test_remove_dir (dir);
}
END_TEST

/* A ruling issued, the same signed, and two printed together. */
START_TEST (test_rulings)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *issued = g_build_filename (dir, "issued.pdf", NULL);
  g_autofree char *signed_path = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *both = g_build_filename (dir, "both.pdf", NULL);
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first = decided_file (db, "marriage", "approve");
  gint64 second = decided_file (db, "juvenile", "continue");

  expect_ok (lajna_ruling_issue (db, first, "2037-06-01", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, first, issued, &error), error);
  check_archive (issued, "ar");
  expect_ok (lajna_ruling_sign (db, first, p12, "secret", NULL, signed_path, &error), error);
  check_archive (signed_path, "ar");
  g_array_append_val (files, first);
  g_array_append_val (files, second);
  expect_ok (lajna_rulings_render_all (db, files, both, NULL, NULL, &error), error);
  check_archive (both, "ar");
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
pdf_archive_suite (void)
{
  Suite *suite = suite_create ("pdf-archive");
  TCase *tc = tcase_create ("archive");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_document);
  tcase_add_test (tc, test_rulings);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (pdf_archive_suite ());
}
