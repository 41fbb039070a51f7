/* lajnactl-ruling.c: `ruling render --case ID -o FILE.pdf`, the ruling of
 * the decision in force on a file as an Arabic PDF (a draft until it is
 * issued), the printing recorded in the audit trail; and `ruling sign
 * --ruling ID --key FILE.p12 [--password-file F] -o FILE.pdf`, the ruling
 * signed with the signatory's key (the password asked for when no file
 * holds it), stored once with its digest. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-ruling.h"

static gint64 case_option;
static gint64 ruling_option;
static char *output_option;
static char *key_option;
static char *password_file_option;

static const GOptionEntry render_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The file to write"),
    N_("FILE") },
  { NULL }
};

static const GOptionEntry sign_entries[] = {
  { "ruling", 0, 0, G_OPTION_ARG_INT64, &ruling_option, N_("The ruling’s id"), N_("ID") },
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_option, N_("The signatory’s PKCS#12 file"),
    N_("FILE") },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file_option,
    N_("A file whose first line is the key’s password"), N_("FILE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The file to write"),
    N_("FILE") },
  { NULL }
};

/* The key's password: the first line of --password-file, or asked for. */
static char *
read_password (GError **error)
{
  g_autofree char *text = NULL;

  if (password_file_option == NULL)
    return lajnactl_read_secret (_("Password of the key: "));
  if (!g_file_get_contents (password_file_option, &text, NULL, error))
    return NULL;
  text[strcspn (text, "\r\n")] = '\0';
  return g_steal_pointer (&text);
}

static int
sign (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *ruling = NULL;
  g_autoptr(PGresult) found = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, sign_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || ruling_option <= 0 || key_option == NULL || output_option == NULL)
    return lajnactl_usage_error (options, _("Give --ruling ID, --key FILE.p12 and -o FILE.pdf."));
  if ((password = read_password (&error)) == NULL && error != NULL)
    return lajnactl_fail (error);
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  ruling = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_option);
  found = lajna_db_exec_params (ctx->db,
      "SELECT d.case_id FROM ruling r JOIN decision d ON d.id = r.decision_id WHERE r.id = $1", 1,
      (const char *[]) { ruling }, &error);
  if (found == NULL)
    return lajnactl_fail (error);
  if (PQntuples (found) == 0)
    {
      g_printerr (_("lajnactl: ruling %s does not exist, or it is not one of your committees’.\n"),
                  ruling);
      return LAJNACTL_EXIT_FAILED;
    }
  if (!lajna_ruling_sign (ctx->db, g_ascii_strtoll (PQgetvalue (found, 0, 0), NULL, 10),
                          key_option, password, output_option, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}

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
  if (argc >= 2 && strcmp (argv[1], "sign") == 0)
    return sign (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use: ruling render --case ID -o FILE.pdf, or ruling sign "
                                       "--ruling ID --key FILE.p12 -o FILE.pdf"));
}
