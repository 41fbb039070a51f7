/* lajnactl-user.c: `user add NAME --role ROLE --committee ID
 * [--password]`; with --password, the person's password for signing in
 * to a shared server is read from standard input. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-users.h"

static char *role_option;
static int committee_option;
static char *full_name_option;
static gboolean password_option;

static const GOptionEntry add_entries[] = {
  { "role", 0, 0, G_OPTION_ARG_STRING, &role_option,
    N_("clerk, member, rapporteur, chair, signatory or admin"), N_("ROLE") },
  { "committee", 0, 0, G_OPTION_ARG_INT, &committee_option, N_("The committee’s id"), N_("ID") },
  { "full-name", 0, 0, G_OPTION_ARG_STRING, &full_name_option, N_("The person’s name, in Arabic"),
    N_("NAME") },
  { "password", 0, 0, G_OPTION_ARG_NONE, &password_option,
    N_("Set the person’s password, read from standard input"), NULL },
  { NULL }
};

static int
add (LajnactlContext *ctx,
     int              argc,
     char           **argv)
{
  static const char * const roles[] = { "clerk", "member", "rapporteur", "chair", "signatory",
                                        "admin", "social_worker", "psychologist", NULL };
  g_autoptr(GOptionContext) options = g_option_context_new (_("LOGIN"));
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *committee = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, add_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 2 || role_option == NULL || committee_option <= 0)
    return lajnactl_usage_error (options, _("Give a login, --role ROLE and --committee ID."));
  if (!g_strv_contains (roles, role_option))
    return lajnactl_usage_error (options, _("The role is one of clerk, member, rapporteur, "
                                            "chair, signatory, admin, social_worker or "
                                            "psychologist."));
  if (!g_regex_match_simple ("^[a-z][a-z0-9_.]{1,62}$", argv[1], 0, 0))
    return lajnactl_usage_error (options, _("A login is lower-case Latin letters, digits, _ and "
                                            "., starting with a letter."));
  if (password_option)
    {
      g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), argv[1]);

      password = lajnactl_read_secret (prompt);
      if (password == NULL || *password == '\0')
        return lajnactl_usage_error (options, _("Give the password on standard input."));
    }
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;

  if (!lajna_users_add (ctx->db, argv[1], full_name_option != NULL ? full_name_option : "",
                        role_option, committee_option, password, &error))
    return lajnactl_fail (error);
  committee = g_strdup_printf ("%d", committee_option);
  g_print (_("%s is a %s of committee %s.\n"), argv[1], role_option, committee);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_user (LajnactlContext *ctx,
               int              argc,
               char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return add (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use “user add LOGIN --role ROLE --committee ID”."));
}
