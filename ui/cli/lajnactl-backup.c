/* lajnactl-backup.c: `backup -o FILE` and `restore FILE`. */

#include "lajnactl.h"

#include <glib/gi18n.h>

#include "lajna-audit.h"
#include "lajna-backup.h"

static char *output_option;

static const GOptionEntry backup_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The backup file to write"),
    N_("FILE") },
  { NULL }
};

int
lajnactl_backup (LajnactlContext *ctx,
                 int              argc,
                 char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_path = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, backup_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc > 1 || output_option == NULL)
    return lajnactl_usage_error (options, _("Give the backup file with -o FILE."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if (!lajna_backup_write (ctx->database, output_option, &error))
    return lajnactl_fail (error);
  sum_path = lajna_backup_checksum_path (output_option);
  g_print (_("Backup written to %s (checksum in %s).\n"), output_option, sum_path);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_restore (LajnactlContext *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  LajnaAuditReport report;
  int status = LAJNACTL_EXIT_OK;

  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lajnactl_usage_error (options, _("Give one backup file to restore."));
  /* Into an empty database: no schema is made before the backup's. */
  if (!lajnactl_connect (ctx, FALSE, &status))
    return status;
  if (!lajna_backup_restore (ctx->database, ctx->db, argv[1], &error)
      || !lajna_audit_verify (ctx->db, &report, &error))
    return lajnactl_fail (error);
  g_print (_("Restored %s.\n"), argv[1]);
  if (report.result != LAJNA_AUDIT_INTACT)
    {
      g_printerr (_("The restored audit trail is broken; run “lajnactl audit verify”.\n"));
      return LAJNACTL_EXIT_FAILED;
    }
  return LAJNACTL_EXIT_OK;
}
