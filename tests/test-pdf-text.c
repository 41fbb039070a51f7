/* test-pdf-text.c: a ruling's words read back from its PDF by other
 * readers than Lajna's: pdftotext and Poppler's find (Evince), pdf.js
 * (Firefox, its text as the find bar reads it) and MuPDF. pdftotext,
 * pdf.js and MuPDF keep the words whole and the spaces between them,
 * pdf.js and MuPDF the harakat too; Evince finds each word; no reader
 * sees U+FFFD. */

#include <check.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "lajna-ruling.h"
#include "lajna-test-util.h"

/* Phrases of the ruling below, as a reader should give them back. Each
 * stops at Latin punctuation: cairo writes ".", ":" and digits in a Latin
 * subset of the font, and pdf.js takes the pieces of a line on either
 * side of a change of font in the order they are seen. */
static const char * const phrases[] = {
  "دولة ليبيا",
  "قرار بالموافقة على إتمام إجراءات الزواج",
  "أسباب القرار",
  "استيفاء المستندات المطلوبة بالتاريخ المحدد",
  "الموافقة على إتمام إجراءات زواج المواطنة فاطمة علي محمد الورفلي",
};
/* A phrase with harakat, a fatha over a shadda among them. */
#define DIACRITICS "يُعمل بهذا القرار من تاريخ صدوره، ويُبلَّغ إلى ذوي الشأن لتنفيذه"
/* Words Evince must find. */
static const char * const words[] = {
  "دولة", "ليبيا", "دولة ليبيا", "التاريخ", "بتاريخ", "الورفلي", "الاجتماعية", "يُعمل",
};

static LajnaRulingContent *
make_content (void)
{
  LajnaRulingContent *content = g_new0 (LajnaRulingContent, 1);
  LajnaSignatory *chair = g_new0 (LajnaSignatory, 1);

  content->number = 12;
  content->year = 2037;
  content->version = 1;
  content->issued_on = g_strdup ("2037-06-01");
  content->state_name = g_strdup ("دولة ليبيا");
  content->ministry_name = g_strdup ("وزارة الشؤون الاجتماعية");
  content->committee_name = g_strdup ("لجنة الزواج من الأجانب بطرابلس");
  content->title = g_strdup (phrases[1]);
  content->preamble = g_strdup ("إن لجنة الزواج من الأجانب بطرابلس، بعد الاطلاع على الملف رقم "
                                "\u2068ز/2037/00123\u2069 الوارد بتاريخ \u20682037-05-02\u2069،");
  content->articles = g_strsplit ("الموافقة على إتمام إجراءات زواج المواطنة فاطمة علي محمد الورفلي."
                                  "|أسباب القرار: استيفاء المستندات المطلوبة بالتاريخ المحدد."
                                  "|" DIACRITICS ".", "|", -1);
  chair->capacity = g_strdup ("رئيس اللجنة");
  chair->full_name = g_strdup ("أحمد محمد السنوسي");
  content->signatories = g_ptr_array_new_with_free_func (lajna_ruling_signatory_free);
  g_ptr_array_add (content->signatories, chair);
  return content;
}

/* The ruling, written in @dir. */
static char *
write_ruling (const char *dir)
{
  g_autoptr(LajnaRulingContent) content = make_content ();
  g_autoptr(LajnaPdfWriter) writer = lajna_ruling_lay_out (content);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "ruling.pdf", NULL);

  ck_assert_msg (lajna_pdf_writer_write (writer, path, &error), "%s",
                 error != NULL ? error->message : "");
  return path;
}

/* @text as a reader's words: composed (NFC), without the direction marks
 * readers add, every run of spaces one space. */
static char *
reading (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_reads (const char *reader,
              const char *text,
              const char *phrase)
{
  g_autofree char *read = reading (text);
  g_autofree char *expected = reading (phrase);

  ck_assert_msg (strstr (read, expected) != NULL, "%s does not read “%s” in:\n%s", reader,
                 phrase, text);
}

static void
assert_no_replacement (const char *reader,
                       const char *text)
{
  ck_assert_msg (strstr (text, "\uFFFD") == NULL, "%s reads U+FFFD in:\n%s", reader, text);
}

START_TEST (test_pdftotext)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = write_ruling (dir);
  g_autofree char *text = lajna_test_tool_output ("pdftotext", ARGS ("-enc", "UTF-8", path, "-"),
                                                  NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    assert_reads ("pdftotext", text, phrases[i]);
  assert_no_replacement ("pdftotext", text);
  lajna_test_remove_dir (dir);
}
END_TEST

START_TEST (test_poppler_find)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = write_ruling (dir);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  g_autofree char *text = NULL;

  ck_assert_msg (document != NULL, "%s", error != NULL ? error->message : "");
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      GList *found = poppler_page_find_text (page, words[i]);

      ck_assert_msg (found != NULL, "Poppler does not find “%s” in:\n%s", words[i], text);
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
  g_object_unref (page);
  g_object_unref (document);
  lajna_test_remove_dir (dir);
}
END_TEST

/* What the JavaScript reader @script (in tests/readers) reads off @path. */
static char *
read_with_node (const char *script,
                const char *package,
                const char *path)
{
  g_autofree char *installed = g_build_filename (LAJNA_NODE_MODULES, package, "package.json",
                                                 NULL);
  g_autofree char *program = g_build_filename (LAJNA_READERS, script, NULL);

  ck_assert_msg (g_file_test (installed, G_FILE_TEST_EXISTS),
                 "%s is not installed in %s (npm ci, at build time, needs the network or npm's "
                 "cache)", package, LAJNA_NODE_MODULES);
  g_setenv ("LAJNA_NODE_MODULES", LAJNA_NODE_MODULES, TRUE);
  return lajna_test_tool_output ("node", ARGS (program, path), NULL);
}

START_TEST (test_pdfjs)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = write_ruling (dir);
  g_autofree char *text = read_with_node ("pdfjs-text.mjs", "pdfjs-dist", path);

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    assert_reads ("pdf.js", text, phrases[i]);
  assert_reads ("pdf.js", text, DIACRITICS);
  assert_no_replacement ("pdf.js", text);
  lajna_test_remove_dir (dir);
}
END_TEST

/* MuPDF as it is today reads every phrase whole, harakat included. Debian
 * 12's mutool (MuPDF 1.21) gives a line's characters in the order they
 * are drawn, left to right, whatever their direction (MuPDF 1.24 and
 * later put right-to-left text back in order): from it, that no
 * character is lost. */
START_TEST (test_mupdf)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = write_ruling (dir);
  g_autofree char *text = read_with_node ("mupdf-text.mjs", "mupdf", path);
  g_autofree char *drawn = lajna_test_tool_output ("mutool", ARGS ("draw", "-q", "-F", "txt",
                                                                   path), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    assert_reads ("MuPDF", text, phrases[i]);
  assert_reads ("MuPDF", text, DIACRITICS);
  assert_no_replacement ("MuPDF", text);
  assert_no_replacement ("mutool", drawn);
  for (const char *mark = "\u064F\u064E\u0651"; *mark != '\0'; mark = g_utf8_next_char (mark))
    ck_assert_msg (g_utf8_strchr (drawn, -1, g_utf8_get_char (mark)) != NULL,
                   "mutool loses U+%04X in:\n%s", g_utf8_get_char (mark), drawn);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
pdf_text_suite (void)
{
  Suite *suite = suite_create ("pdf-text");
  TCase *tc = tcase_create ("readers");

  tcase_add_test (tc, test_pdftotext);
  tcase_add_test (tc, test_poppler_find);
  tcase_add_test (tc, test_pdfjs);
  tcase_add_test (tc, test_mupdf);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (pdf_text_suite ());
}
