/* lajnactl-export.c: `case export ID -o FILE.pdf`: a file's summary as an
 * Arabic PDF (lajnactl speaks Arabic for it, see lajnactl.c); a juvenile
 * file's carries a watermark. The export is recorded in the audit
 * trail. */

#include "lajnactl.h"

#include <glib/gi18n.h>

#include "lajna-case-export.h"

static char *output_option;

static const GOptionEntry export_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The PDF to write"),
    N_("FILE") },
  { NULL }
};

int
lajnactl_case_export (LajnactlContext *ctx,
                      int              argc,
                      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, export_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL)
      || output_option == NULL)
    return lajnactl_usage_error (options, _("Give one file id and -o FILE.pdf."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;

  if (!lajna_case_export_pdf (ctx->db, id, output_option, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}
