/* lajnactl-ruling.c: `ruling render --case ID -o FILE.pdf`, the ruling of
 * the decision in force on a file as an Arabic PDF (a draft until it is
 * issued), the printing recorded in the audit trail. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-ruling.h"

static gint64 case_option;
static char *output_option;

static const GOptionEntry render_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The file to write"),
    N_("FILE") },
  { NULL }
};

static int
render (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, render_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || case_option <= 0 || output_option == NULL)
    return lajnactl_usage_error (options, _("Give --case ID and -o FILE.pdf."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if (!lajna_ruling_render (ctx->db, case_option, output_option, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_ruling (LajnactlContext *ctx,
                 int              argc,
                 char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "render") == 0)
    return render (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use: ruling render --case ID -o FILE.pdf"));
}
