/* test-scan.c: scanning with SANE's test backend (SANE_CONFIG_DIR points
 * at a dll.conf of our own that lists `test`): three pages from the
 * feeder become one three-page PDF in the file's passport slot, the
 * flatbed gives one page, a scanner that is not there is a clear error
 * that stores nothing, `lajnactl scan` does the same from the command
 * line, and a scan cancelled stops within the page being read. */

#include <check.h>
#include <poppler.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-document-image.h"
#include "lajna-document-store.h"
#include "lajna-scanner.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static gint64 case_id;

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autofree char *config = NULL;

  lajna_test_shared_start_with ("INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
                                " VALUES ('marriage', 'sc-m', 'لجنة', 'S', 'س')");
  config = g_build_filename (lajna_test_shared_data_dir (), "sane", NULL);
  g_mkdir_with_parents (config, 0700);
  {
    g_autofree char *dll = g_build_filename (config, "dll.conf", NULL);

    ck_assert (g_file_set_contents (dll, "test\n", -1, NULL));
  }
  g_setenv ("SANE_CONFIG_DIR", config, TRUE);

  db = lajna_test_shared_connect ();
  case_id = lajna_test_register_file (db, "marriage", "sc-m");
}

static GPtrArray *
scan (gboolean   feeder,
      guint      pages,
      GError   **error)
{
  g_autoptr(LajnaScanner) scanner = lajna_scanner_new ();
  LajnaScanSettings settings = { "test:0", feeder, pages, 75, FALSE };

  return lajna_scanner_scan_sync (scanner, &settings, error);
}

START_TEST (test_feeder_pages_become_one_pdf)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = scan (TRUE, 3, &error);
  g_autoptr(LajnaDocumentFile) file = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GBytes) original = NULL;
  LajnaDocument *document;
  PopplerDocument *pdf;
  gboolean already = TRUE;
  gint64 id;

  ck_assert_msg (pages != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (pages->len, 3);
  file = lajna_document_file_from_pages (pages, &error);
  ck_assert_msg (file != NULL, "%s", MESSAGE (error));
  id = lajna_document_attach (db, case_id, "passport", "", "scan", file, &already, &error);
  ck_assert_msg (id > 0, "%s", MESSAGE (error));

  documents = lajna_document_list (db, case_id, &error);
  ck_assert (documents != NULL && documents->len >= 1);
  document = g_ptr_array_index (documents, documents->len - 1);
  ck_assert_int_eq (document->id, id);
  ck_assert_str_eq (document->type_code, "passport");
  ck_assert_str_eq (document->source, "scan");
  ck_assert_str_eq (document->mime_type, "application/pdf");
  ck_assert_int_eq (document->pages, 3);

  original = lajna_document_original (db, id, &error);
  ck_assert_msg (original != NULL, "%s", MESSAGE (error));
  pdf = poppler_document_new_from_bytes (original, NULL, &error);
  ck_assert_msg (pdf != NULL, "%s", MESSAGE (error));
  ck_assert_int_eq (poppler_document_get_n_pages (pdf), 3);
  g_object_unref (pdf);
}
END_TEST

START_TEST (test_flatbed_gives_one_page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = scan (FALSE, 0, &error);
  LajnaImagePage *page;

  ck_assert_msg (pages != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (pages->len, 1);
  page = g_ptr_array_index (pages, 0);
  ck_assert_int_gt (cairo_image_surface_get_width (page->surface), 100);
  ck_assert (page->dpi == 75);
}
END_TEST

START_TEST (test_missing_scanner)
{
  g_autoptr(LajnaScanner) scanner = lajna_scanner_new ();
  LajnaScanSettings settings = { "test:7", TRUE, 0, 75, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = lajna_scanner_scan_sync (scanner, &settings, &error);

  ck_assert (pages == NULL);
  ck_assert (g_error_matches (error, LAJNA_SCAN_ERROR, LAJNA_SCAN_ERROR_NO_DEVICE));
  ck_assert_msg (strstr (error->message, "test:7") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_cli_scan)
{
  g_autofree char *case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(PGresult) stored = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT pages, source FROM document WHERE case_id = %s"
                                          " AND type_code = 'birth_certificate'", case_text);

  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                            ARGS ("scan", "--device", "test:0", "--case", case_text,
                                                  "--type", "birth_certificate", "--source", "adf",
                                                  "--pages", "2", "--resolution", "75", "--mode",
                                                  "gray"), &out, &err), 0);
  ck_assert_msg (strstr (out, "2 pages") != NULL, "%s %s", out, err);
  stored = lajna_db_exec (db, sql, NULL);
  ck_assert (stored != NULL && PQntuples (stored) == 1);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "2");
  ck_assert_str_eq (PQgetvalue (stored, 0, 1), "scan");

  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                            ARGS ("scan", "--device", "test:0", "--case", case_text,
                                                  "--source", "tray"), NULL, &err), 2);
}
END_TEST

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

START_TEST (test_devices_listed)
{
  g_autoptr(LajnaScanner) scanner = lajna_scanner_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  lajna_scanner_devices_async (scanner, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  devices = lajna_scanner_devices_finish (scanner, result, &error);
  ck_assert_msg (devices != NULL, "%s", MESSAGE (error));
  for (guint i = 0; i < devices->len; i++)
    {
      LajnaScanDevice *device = g_ptr_array_index (devices, i);

      found |= g_str_equal (device->name, "test:0");
      ck_assert (*device->label != '\0');
    }
  ck_assert (found);
}
END_TEST

/* SANE's test backend sending a page slowly: a 64 KiB block each 200 ms,
 * some six seconds for a page of 80 × 100 mm at 400 dpi. */
#define SLOW_PAGE "read-delay true\nread-delay-duration 200000\n"
#define SLOW_DPI 400

#define CANCEL_MS 600

/* When the scan was cancelled: a loaded machine may run the timeout late. */
static gint64 cancelled_at;

static gboolean
cancel_cb (gpointer data)
{
  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelling stops the sheet being read, not only the batch: the scan
 * and the scanner's thread end within a second of it, long before the
 * page would. */
START_TEST (test_cancelled_within_page)
{
  g_autofree char *config = g_build_filename (lajna_test_shared_data_dir (), "sane-slow", NULL);
  g_autofree char *dll = g_build_filename (config, "dll.conf", NULL);
  g_autofree char *conf = g_build_filename (config, "test.conf", NULL);
  g_autoptr(LajnaScanner) scanner = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  LajnaScanSettings settings = { "test:0", FALSE, 1, SLOW_DPI, FALSE };
  gint64 ended;

  g_mkdir_with_parents (config, 0700);
  ck_assert (g_file_set_contents (dll, "test\n", -1, NULL));
  ck_assert (g_file_set_contents (conf, SLOW_PAGE, -1, NULL));
  /* This check runs in a process of its own: the other checks keep
   * their fast scanner. */
  g_setenv ("SANE_CONFIG_DIR", config, TRUE);
  scanner = lajna_scanner_new ();
  lajna_scanner_scan_async (scanner, &settings, cancellable, result_cb, &result);
  g_timeout_add (CANCEL_MS, cancel_cb, cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pages = lajna_scanner_scan_finish (scanner, result, &error);
  ck_assert (pages == NULL);
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), "%s",
                 MESSAGE (error));
  g_clear_object (&result);
  g_clear_object (&scanner);
  ended = g_get_monotonic_time ();
  ck_assert_msg (ended - cancelled_at < G_USEC_PER_SEC,
                 "the scan ended %" G_GINT64_FORMAT " ms after it was cancelled",
                 (ended - cancelled_at) / 1000);
}
END_TEST

/* A 3 × 2 page of distinct pixels, turned each way. */
START_TEST (test_pages_turned)
{
  LajnaImagePage page = { cairo_image_surface_create (CAIRO_FORMAT_RGB24, 3, 2), 100 };
  guint32 *pixels;
  int stride = cairo_image_surface_get_stride (page.surface) / 4;

  cairo_surface_flush (page.surface);
  pixels = (guint32 *) cairo_image_surface_get_data (page.surface);
  for (int y = 0; y < 2; y++)
    for (int x = 0; x < 3; x++)
      pixels[y * stride + x] = 0xff000000u | (guint32) (y * 3 + x);
  cairo_surface_mark_dirty (page.surface);

  for (guint turns = 0; turns < 4; turns++)
    {
      LajnaImagePage *turned = lajna_image_page_turned (&page, turns);
      int width = cairo_image_surface_get_width (turned->surface);
      int out_stride = cairo_image_surface_get_stride (turned->surface) / 4;
      const guint32 *out = (const guint32 *) cairo_image_surface_get_data (turned->surface);
      /* Where the top-left pixel went: clockwise, the top right first. */
      static const int corner[4][2] = { { 0, 0 }, { 1, 0 }, { 2, 1 }, { 0, 2 } };

      ck_assert_int_eq (width, turns % 2 ? 2 : 3);
      ck_assert_int_eq (cairo_image_surface_get_height (turned->surface), turns % 2 ? 3 : 2);
      ck_assert (turned->dpi == 100);
      ck_assert_uint_eq (out[corner[turns][1] * out_stride + corner[turns][0]] & 0xffffff, 0);
      if (turns == 0)
        ck_assert_ptr_eq (turned->surface, page.surface);
      if (turns == 1)
        {
          /* The bottom-left pixel (3) is now the top-left one. */
          ck_assert_uint_eq (out[0] & 0xffffff, 3);
          ck_assert_uint_eq (out[2 * out_stride + 0] & 0xffffff, 5);
        }
      lajna_image_page_free (turned);
    }
  cairo_surface_destroy (page.surface);
}
END_TEST

/* The checklist's slots for a scan: missing ones first, "other" last. */
START_TEST (test_slots)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = lajna_document_slots (db, case_id, &error);
  gboolean seen_held = FALSE;

  ck_assert_msg (slots != NULL, "%s", MESSAGE (error));
  ck_assert_uint_gt (slots->len, 2);
  for (guint i = 0; i < slots->len; i++)
    {
      LajnaDocumentSlot *slot = g_ptr_array_index (slots, i);

      ck_assert (*slot->name != '\0');
      ck_assert_msg (!(slot->missing && seen_held), "%s missing after a held slot", slot->code);
      seen_held |= !slot->missing;
      ck_assert (g_str_equal (slot->code, "other") == (i == slots->len - 1));
    }
}
END_TEST

static Suite *
scan_suite (void)
{
  Suite *suite = suite_create ("scan");
  TCase *tc = tcase_create ("/scan");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_feeder_pages_become_one_pdf);
  tcase_add_test (tc, test_flatbed_gives_one_page);
  tcase_add_test (tc, test_missing_scanner);
  tcase_add_test (tc, test_cli_scan);
  tcase_add_test (tc, test_devices_listed);
  tcase_add_test (tc, test_pages_turned);
  tcase_add_test (tc, test_slots);
  tcase_add_test (tc, test_cancelled_within_page);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (scan_suite ());
}
