/* lajna-users.c: a person's own login on a shared server. The password is
 * turned into a SCRAM-SHA-256 verifier here, on the workstation, so that
 * the password itself never reaches the server, its log or its
 * statistics. */

#include "lajna-users.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * lajna_users_set_password:
 * @db: a connection as someone who may change @login (the server's
 *   administrator, or @login themselves)
 * @login: a person's login role
 * @password: their new password, at least %LAJNA_PASSWORD_MIN_LENGTH
 *   characters
 * @error: return location for a #GError
 *
 * Returns: whether the password was set
 */
gboolean
lajna_users_set_password (LajnaDb     *db,
                          const char  *login,
                          const char  *password,
                          GError     **error)
{
  PGconn *conn = lajna_db_get_conn (db);
  g_autofree char *sql = NULL;
  char *verifier;
  char *role;
  char *literal;

  if (g_utf8_strlen (password, -1) < LAJNA_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   ngettext ("A password has at least %d character.",
                             "A password has at least %d characters.",
                             LAJNA_PASSWORD_MIN_LENGTH), LAJNA_PASSWORD_MIN_LENGTH);
      return FALSE;
    }

  verifier = PQencryptPasswordConn (conn, password, login, "scram-sha-256");
  if (verifier == NULL)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_FAILED,
                   _("Cannot prepare the password: %s"), PQerrorMessage (conn));
      return FALSE;
    }
  role = PQescapeIdentifier (conn, login, strlen (login));
  literal = PQescapeLiteral (conn, verifier, strlen (verifier));
  sql = g_strdup_printf ("ALTER ROLE %s PASSWORD %s", role, literal);
  PQfreemem (verifier);
  PQfreemem (role);
  PQfreemem (literal);
  return lajna_db_run (db, sql, error);
}
