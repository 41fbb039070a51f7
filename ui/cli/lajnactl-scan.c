/* lajnactl-scan.c: `scan --device DEV --case ID [--type TYPE]
 * [--source flatbed|adf] [--pages N] [--resolution DPI]
 * [--mode color|gray]`: scans through SANE and attaches the pages to the
 * file as one PDF, in the checklist slot of TYPE. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-document-image.h"
#include "lajna-document-store.h"
#include "lajna-scanner.h"

static char *device_option;
static gint64 case_option;
static char *type_option;
static char *source_option;
static int pages_option;
static int resolution_option = 300;
static char *mode_option;

static const GOptionEntry scan_entries[] = {
  { "device", 0, 0, G_OPTION_ARG_STRING, &device_option, N_("The scanner, as SANE names it"),
    N_("DEV") },
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &type_option,
    N_("The document’s type, such as passport (default: other)"), N_("TYPE") },
  { "source", 0, 0, G_OPTION_ARG_STRING, &source_option,
    N_("flatbed (one sheet) or adf (the document feeder)"), N_("SOURCE") },
  { "pages", 0, 0, G_OPTION_ARG_INT, &pages_option,
    N_("At most N pages (default: all the feeder holds)"), N_("N") },
  { "resolution", 0, 0, G_OPTION_ARG_INT, &resolution_option, N_("Dots per inch (default 300)"),
    N_("DPI") },
  { "mode", 0, 0, G_OPTION_ARG_STRING, &mode_option, N_("color or gray (default color)"),
    N_("MODE") },
  { NULL }
};

int
lajnactl_scan (LajnactlContext *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaScanner) scanner = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(LajnaDocumentFile) file = NULL;
  LajnaScanSettings settings = { 0 };
  gboolean already = FALSE;
  int status = LAJNACTL_EXIT_OK;
  gint64 id;

  g_option_context_add_main_entries (options, scan_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || device_option == NULL || case_option <= 0)
    return lajnactl_usage_error (options, _("Give --device DEV and --case ID."));
  if ((source_option != NULL && strcmp (source_option, "flatbed") != 0
       && strcmp (source_option, "adf") != 0)
      || (mode_option != NULL && strcmp (mode_option, "color") != 0
          && strcmp (mode_option, "gray") != 0)
      || pages_option < 0 || resolution_option < 50 || resolution_option > 1200)
    return lajnactl_usage_error (options, _("--source is flatbed or adf, --mode color or gray, "
                                            "--resolution from 50 to 1200."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;

  settings.device = device_option;
  settings.feeder = g_strcmp0 (source_option, "adf") == 0;
  settings.pages = pages_option;
  settings.dpi = resolution_option;
  settings.color = g_strcmp0 (mode_option, "gray") != 0;
  scanner = lajna_scanner_new ();
  if ((pages = lajna_scanner_scan_sync (scanner, &settings, &error)) == NULL
      || (file = lajna_document_file_from_pages (pages, &error)) == NULL)
    return lajnactl_fail (error);
  id = lajna_document_attach (ctx->db, case_option, type_option != NULL ? type_option : "other",
                              "", "scan", file, &already, &error);
  if (id == 0)
    return lajnactl_fail (error);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_print (ngettext ("Scanned %u page into document %s.\n",
                       "Scanned %u pages into document %s.\n", file->pages), file->pages, number);
  }
  return LAJNACTL_EXIT_OK;
}
