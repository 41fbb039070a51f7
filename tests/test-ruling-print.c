/* test-ruling-print.c: rulings printed through GtkPrintOperation (exported
 * to a PDF, as "Print to File" does) are the same pages as their PDF: as
 * many pages, the same sentences, fonts embedded. Runs under Xvfb. */

#include <check.h>
#include <gtk/gtk.h>
#include <string.h>

#include "lajna-ruling-record.h"
#include "lajna-ruling.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"
#include "rulings/lajna-ruling-print.h"

static int
pages_of (const char *path)
{
  g_autofree char *info = lajna_test_tool_output ("pdfinfo", ARGS (path), NULL);
  const char *line = strstr (info, "Pages:");

  ck_assert_ptr_nonnull (line);
  return (int) g_ascii_strtoll (line + strlen ("Pages:"), NULL, 10);
}

START_TEST (test_printed_as_rendered)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (
    (GDestroyNotify) lajna_ruling_content_free);
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *rendered = g_build_filename (dir, "rendered.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL, *expected = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  static const char * const outcomes[] = { "approve", "reject" };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      gint64 file = decided_file (db, "marriage", outcomes[i]);
      LajnaRulingContent *content;

      expect_ok (lajna_ruling_issue (db, file, "2037-06-01", lajna_ruling_pdf, &error) != 0, error);
      content = lajna_ruling_content_load (db, file, &error);
      expect_ok (content != NULL, error);
      g_ptr_array_add (contents, content);
      g_array_append_val (files, file);
    }
  operation = lajna_ruling_print_new (contents);
  gtk_print_operation_set_export_filename (operation, printed);
  ck_assert_int_eq (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                             &error), GTK_PRINT_OPERATION_RESULT_APPLY);
  expect_ok (lajna_rulings_render_all (db, files, rendered, NULL, NULL, &error), error);

  ck_assert_int_eq (pages_of (printed), pages_of (rendered));
  text = lajna_test_tool_output ("pdftotext", ARGS (printed, "-"), NULL);
  flat = lajna_test_flat_text (text);
  expected = lajna_test_flat_text ("قرار برفض طلب الزواج");
  ck_assert_msg (strstr (flat, expected) != NULL, "%s", text);
  ck_assert_msg (strstr (flat, "لسنة2037") != NULL, "%s", text);
  lajna_test_assert_fonts_embedded (printed);
  lajna_test_remove_dir (dir);
}
END_TEST

static void
setup (void)
{
  gtk_init ();
  setup_committees ();
}

static Suite *
print_suite (void)
{
  Suite *suite = suite_create ("ruling-print");
  TCase *tc = tcase_create ("print");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_printed_as_rendered);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (print_suite ());
}
