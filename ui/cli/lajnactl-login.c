/* lajnactl-login.c: `login` and `logout`: a person's password for a
 * shared server, checked by signing in and then kept in the desktop
 * keyring (or removed from it), so that the app and lajnactl sign in by
 * themselves. The password is read from standard input, without echo on
 * a terminal. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-keyring.h"

/* The shared server's connection string; on the embedded database, or a
 * usage error, NULL with *status set. */
static char *
shared_conninfo (int   argc,
                 int  *status)
{
  g_autofree char *conninfo = lajnactl_dup_conninfo ();

  if (argc != 1)
    {
      *status = lajnactl_usage_error (NULL, _("This command takes no arguments."));
      return NULL;
    }
  if (conninfo == NULL || *conninfo == '\0')
    {
      *status = lajnactl_usage_error (NULL, _("The embedded database signs you in by your "
                                              "account; a password is for a shared server "
                                              "(--database)."));
      return NULL;
    }
  return g_steal_pointer (&conninfo);
}

int
lajnactl_login (LajnactlContext *ctx,
                int              argc,
                char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *conninfo = NULL;
  int status = LAJNACTL_EXIT_OK;

  if ((conninfo = shared_conninfo (argc, &status)) == NULL)
    return status;
  password = lajnactl_read_secret (_("Password: "));
  if (password == NULL || *password == '\0')
    return lajnactl_usage_error (NULL, _("Give the password on standard input."));

  ctx->database = lajna_database_new (conninfo);
  lajna_database_set_password (ctx->database, password);
  if ((ctx->db = lajna_database_connect (ctx->database, &error)) == NULL
      || !lajna_keyring_store (conninfo, password, NULL, &error))
    {
      memset (password, 0, strlen (password));
      return lajnactl_fail (error);
    }
  memset (password, 0, strlen (password));
  g_print ("%s\n", _("Signed in. The password is kept in the desktop keyring."));
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_logout (LajnactlContext *ctx,
                 int              argc,
                 char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  int status = LAJNACTL_EXIT_OK;

  if ((conninfo = shared_conninfo (argc, &status)) == NULL)
    return status;
  if (!lajna_keyring_forget (conninfo, NULL, &error))
    return lajnactl_fail (error);
  g_print ("%s\n", _("The password is no longer kept on this computer."));
  return LAJNACTL_EXIT_OK;
}
