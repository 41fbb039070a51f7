/* lajnactl-export.c: `case export ID -o FILE.pdf`: a file's summary as an
 * Arabic PDF (lajnactl speaks Arabic for it, see lajnactl.c); a juvenile
 * file's carries a watermark. The export is recorded in the audit
 * trail. */

#include "lajnactl.h"

#include <glib/gi18n.h>

#include "lajna-case-export.h"

int
lajnactl_case_export (LajnactlContext *ctx,
                      int              argc,
                      char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 id = 0;
  int status = LAJNACTL_EXIT_OK;

  if (!lajnactl_begin_output (ctx, _("Give one file id and -o FILE.pdf."), argc, argv, &id,
                              &output, &status))
    return status;
  if (!lajna_case_export_pdf (ctx->db, id, output, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output);
  return LAJNACTL_EXIT_OK;
}
