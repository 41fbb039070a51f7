/* lajna-users.c: a person's login, password and name. On a shared server
 * the password is turned into a SCRAM-SHA-256 verifier here, on the
 * workstation, so that the password itself never reaches the server, its
 * log or its statistics. A person is shown by their full name, which they
 * (or their committee's administrator) keep; the embedded database's own
 * account takes the name the computer knows it by. */

#include "lajna-users.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-account.h"
#include "lajna-db-private.h"

/**
 * lajna_users_check_password:
 * @password: a password as typed
 * @error: return location for a #GError
 *
 * Returns: whether @password is long enough to be given
 */
gboolean
lajna_users_check_password (const char  *password,
                            GError     **error)
{
  if (g_utf8_strlen (password, -1) >= LAJNA_PASSWORD_MIN_LENGTH)
    return TRUE;
  g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
               ngettext ("A password has at least %d character.",
                         "A password has at least %d characters.",
                         LAJNA_PASSWORD_MIN_LENGTH), LAJNA_PASSWORD_MIN_LENGTH);
  return FALSE;
}

/**
 * lajna_users_set_password:
 * @db: a connection as someone who may change @login (the server's
 *   administrator, or an administrator of every committee where @login
 *   holds a role)
 * @login: a person's login role
 * @password: their new password, at least %LAJNA_PASSWORD_MIN_LENGTH
 *   characters
 * @error: return location for a #GError; %LAJNA_DB_ERROR_DENIED when the
 *   person connected may not set @login's password
 *
 * Sets the password as its verifier, a parameter of
 * lajna_person_set_password(), which records in the audit trail that it
 * was set.
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
  const char *params[] = { login, NULL };
  gboolean set;
  char *verifier;

  if (!lajna_users_check_password (password, error))
    return FALSE;
  verifier = PQencryptPasswordConn (conn, password, login, "scram-sha-256");
  if (verifier == NULL)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_FAILED,
                   _("Cannot prepare the password: %s"), PQerrorMessage (conn));
      return FALSE;
    }
  params[1] = verifier;
  set = lajna_db_run_params (db, "SELECT lajna_person_set_password($1, $2)",
                             G_N_ELEMENTS (params), params, error);
  PQfreemem (verifier);
  return set;
}

/**
 * lajna_users_use_passwords:
 * @db: a connection
 *
 * Returns: whether the server asks people for passwords, as a shared
 *   server does: @db signed in with one (on the embedded database, the
 *   computer's account signs in as itself, without)
 */
gboolean
lajna_users_use_passwords (LajnaDb *db)
{
  return PQconnectionUsedPassword (lajna_db_get_conn (db)) == 1;
}

/**
 * lajna_users_add:
 * @db: a connection as the server's administrator
 * @login: the person's login
 * @full_name: their full name; ignored when @login is a person already
 * @role: the role to give them
 * @committee_id: on which committee, an active one
 * @password: (nullable): their password, or %NULL to leave it
 * @error: return location for a #GError; %LAJNA_DB_ERROR_NOT_FOUND when
 *   there is no such active committee
 *
 * Adds a person with a role, or a role to a person, and sets their
 * password, in one transaction.
 *
 * Returns: whether the person holds the role now
 */
gboolean
lajna_users_add (LajnaDb     *db,
                 const char  *login,
                 const char  *full_name,
                 const char  *role,
                 int          committee_id,
                 const char  *password,
                 GError     **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { login, full_name, role, committee };
  g_autoptr(PGresult) active = lajna_db_exec_params (db,
      "SELECT FROM committee WHERE id = $1::integer AND active", 1, &params[3], error);

  if (active == NULL)
    return FALSE;
  if (PQntuples (active) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("There is no active committee %d."), committee_id);
      return FALSE;
    }
  if (!lajna_db_run (db, "BEGIN", error))
    return FALSE;
  if (!lajna_db_run_params (db, "SELECT lajna_user_add($1, $2, $3, $4::integer)", 4, params,
                            error)
      || (password != NULL && !lajna_users_set_password (db, login, password, error))
      || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_users_set_full_name:
 * @db: a connection as @login themselves, an administrator of a committee
 *   @login holds a role on, or the server's administrator
 * @login: (nullable): a person's login, or %NULL for the person connected
 * @full_name: their name as it is to be shown, on one line
 * @error: return location for a #GError; %LAJNA_DB_ERROR_DENIED when the
 *   person connected may not rename @login
 *
 * Returns: whether the name was set
 */
gboolean
lajna_users_set_full_name (LajnaDb     *db,
                           const char  *login,
                           const char  *full_name,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (full_name));
  const char *params[] = { login, trimmed };
  g_autoptr(PGresult) result = NULL;

  if (*trimmed == '\0' || strpbrk (trimmed, "\n\r\t") != NULL)
    {
      g_set_error_literal (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                           _("Write the full name on one line."));
      return FALSE;
    }
  result = lajna_db_exec_params (db,
      "SELECT lajna_user_set_full_name(coalesce($1, lajna_actor()), $2)", 2, params, error);
  return result != NULL;
}

/* A name to set: whose, and the name. */
typedef struct
{
  char *login;
  char *full_name;
} Rename;

static void
rename_free (Rename *rename)
{
  g_free (rename->login);
  g_free (rename->full_name);
  g_free (rename);
}

static gpointer
set_full_name_job (LajnaDb       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Rename *rename = data;

  return lajna_users_set_full_name (db, rename->login, rename->full_name, error)
           ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_users_set_full_name_async:
 * @worker: the database worker
 * @login: (nullable): a person's login, or %NULL for the person connected
 * @full_name: their name as it is to be shown, on one line
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once set
 * @user_data: for @callback
 *
 * Sets the person's full name (lajna_users_set_full_name()) on the worker.
 */
void
lajna_users_set_full_name_async (LajnaDbWorker        *worker,
                                 const char           *login,
                                 const char           *full_name,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  Rename *rename = g_new0 (Rename, 1);

  rename->login = g_strdup (login);
  rename->full_name = g_strdup (full_name);
  lajna_db_worker_run_async (worker, set_full_name_job, rename, (GDestroyNotify) rename_free,
                             NULL, cancellable, callback, user_data);
}

/**
 * lajna_users_set_full_name_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the name was set
 */
gboolean
lajna_users_set_full_name_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}

/**
 * lajna_users_dup_full_name:
 * @db: a connection
 * @login: (nullable): a person's login, or %NULL for the person connected
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person's full name, or their
 *   login when Lajna knows no name for it
 */
char *
lajna_users_dup_full_name (LajnaDb     *db,
                           const char  *login,
                           GError     **error)
{
  const char *params[] = { login };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_user_name(coalesce($1, lajna_actor()))", 1, params, error);

  return result != NULL ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
}

/**
 * lajna_users_register_owner:
 * @db: a connection as the embedded database's own account
 * @error: return location for a #GError
 *
 * Makes the account known to Lajna by the name the computer gives it (the
 * first part of its GECOS field, or its login), the first time only: a
 * name changed later stays.
 *
 * Returns: whether the account is known
 */
gboolean
lajna_users_register_owner (LajnaDb  *db,
                            GError  **error)
{
  g_autofree char *name = lajna_account_describe ();
  const char *params[] = { name };
  g_autoptr(PGresult) acting = lajna_db_exec (db, "SELECT lajna_acting_superuser()", error);
  g_autoptr(PGresult) result = NULL;

  /* Not while the account acts as one of the committees' people (a role
   * set for the session): they are known by their own names. */
  if (acting == NULL || strcmp (PQgetvalue (acting, 0, 0), "t") != 0)
    return acting != NULL;
  result = lajna_db_exec_params (db, "SELECT lajna_user_register_owner($1)", 1, params, error);
  return result != NULL;
}
