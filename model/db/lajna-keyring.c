/* lajna-keyring.c: a person's password for a shared server, kept in the
 * desktop keyring (the Secret Service, through libsecret), never in the
 * settings or a file. It is filed under the server, port, database and
 * login of the connection string, so that one workstation can sign in to
 * a standby or a second office's server as well. */

#include "lajna-keyring.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <libsecret/secret.h>

#include "lajna-db-private.h"
#include "lajna-text.h"

static const SecretSchema *
login_schema (void)
{
  static const SecretSchema schema = {
    "org.lajna.Lajna.Login", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword,
              const char       *fallback)
{
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (g_str_equal (o->keyword, keyword) && o->val != NULL && *o->val != '\0')
        return o->val;
    }
  return fallback;
}

/* The keyring's attributes of @conninfo, with libpq's defaults for what
 * it leaves out (the login is the account's name, the database the
 * login). */
static GHashTable *
attributes_of (const char  *conninfo,
               GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);
  GHashTable *attributes;
  const char *login;

  if (options == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The connection string is not valid: %s"), message != NULL ? message : "");
      PQfreemem (message);
      return NULL;
    }

  login = option_value (options, "user", g_get_user_name ());
  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, (gpointer) "server",
                       g_strdup (option_value (options, "host", "localhost")));
  g_hash_table_insert (attributes, (gpointer) "port",
                       g_strdup (option_value (options, "port", "5432")));
  g_hash_table_insert (attributes, (gpointer) "database",
                       g_strdup (option_value (options, "dbname", login)));
  g_hash_table_insert (attributes, (gpointer) "login", g_strdup (login));
  PQconninfoFree (options);
  return attributes;
}

/**
 * lajna_keyring_describe:
 * @conninfo: a shared server's connection string
 *
 * Returns: (transfer full): "salem on db.example", the login and server
 *   the password is kept for, each isolated for a sentence in Arabic
 */
char *
lajna_keyring_describe (const char *conninfo)
{
  g_autoptr(GHashTable) attributes = attributes_of (conninfo, NULL);
  g_autofree char *login = NULL;
  g_autofree char *server = NULL;

  if (attributes == NULL)
    return g_strdup (conninfo);
  login = lajna_isolate (g_hash_table_lookup (attributes, "login"));
  server = lajna_isolate (g_hash_table_lookup (attributes, "server"));
  /* Translators: a login name on a server's name. */
  return g_strdup_printf (_("%s on %s"), login, server);
}

/**
 * lajna_keyring_lookup:
 * @conninfo: a shared server's connection string
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, set when the keyring cannot be
 *   reached
 *
 * Blocks; call it off the main thread.
 *
 * Returns: (transfer full) (nullable): the password kept for @conninfo's
 *   login, or %NULL when none is kept (with @error unset)
 */
char *
lajna_keyring_lookup (const char    *conninfo,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GHashTable) attributes = attributes_of (conninfo, error);

  if (attributes == NULL)
    return NULL;
  return secret_password_lookupv_sync (login_schema (), attributes, cancellable, error);
}

/**
 * lajna_keyring_store:
 * @conninfo: a shared server's connection string
 * @password: the password that signed in
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Keeps @password for @conninfo's login, replacing an earlier one. Blocks.
 *
 * Returns: whether it was kept
 */
gboolean
lajna_keyring_store (const char    *conninfo,
                     const char    *password,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GHashTable) attributes = attributes_of (conninfo, error);
  g_autofree char *label = NULL;

  if (attributes == NULL)
    return FALSE;
  label = g_strdup_printf (_("Lajna: %s on %s"), (char *) g_hash_table_lookup (attributes, "login"),
                           (char *) g_hash_table_lookup (attributes, "server"));
  return secret_password_storev_sync (login_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                      label, password, cancellable, error);
}

/**
 * lajna_keyring_forget:
 * @conninfo: a shared server's connection string
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes the password kept for @conninfo's login, if any. Blocks.
 *
 * Returns: %FALSE if the keyring could not be reached
 */
gboolean
lajna_keyring_forget (const char    *conninfo,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GHashTable) attributes = attributes_of (conninfo, error);
  g_autoptr(GError) local_error = NULL;

  if (attributes == NULL)
    return FALSE;
  secret_password_clearv_sync (login_schema (), attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
