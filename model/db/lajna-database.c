/* lajna-database.c: which database Lajna works on, and getting it ready.
 *
 * With a connection string it is a shared server; without one, the
 * embedded cluster of this user, started on open. Opening also applies
 * pending migrations.
 */

#include "lajna-database.h"

#include <string.h>

#include "lajna-account.h"
#include "lajna-keyring.h"
#include "lajna-schema.h"
#include "lajna-users.h"

struct _LajnaDatabase
{
  GObject       parent_instance;

  char         *conninfo;
  LajnaCluster *cluster;

  /* A shared server's password: given, or read once from the keyring. */
  GMutex        password_lock;
  char         *password;
  gboolean      password_looked_up;
};

G_DEFINE_TYPE (LajnaDatabase, lajna_database, G_TYPE_OBJECT)

static void
lajna_database_dispose (GObject *object)
{
  LajnaDatabase *self = LAJNA_DATABASE (object);

  g_clear_object (&self->cluster);

  G_OBJECT_CLASS (lajna_database_parent_class)->dispose (object);
}

static void
lajna_database_finalize (GObject *object)
{
  LajnaDatabase *self = LAJNA_DATABASE (object);

  g_free (self->conninfo);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_mutex_clear (&self->password_lock);

  G_OBJECT_CLASS (lajna_database_parent_class)->finalize (object);
}

static void
lajna_database_class_init (LajnaDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_database_dispose;
  object_class->finalize = lajna_database_finalize;
}

static void
lajna_database_init (LajnaDatabase *self)
{
  g_mutex_init (&self->password_lock);
}

/**
 * lajna_database_new:
 * @conninfo: (nullable): a libpq connection string of a shared server, or
 *   %NULL or "" for the embedded database of this user
 *
 * Returns: (transfer full): a database, not opened yet
 */
LajnaDatabase *
lajna_database_new (const char *conninfo)
{
  LajnaDatabase *self = g_object_new (LAJNA_TYPE_DATABASE, NULL);

  if (conninfo != NULL && *conninfo != '\0')
    {
      self->conninfo = g_strdup (conninfo);
    }
  else
    {
      self->cluster = lajna_cluster_new (NULL);
      self->conninfo = lajna_cluster_dup_conninfo (self->cluster);
    }
  return self;
}

gboolean
lajna_database_is_embedded (LajnaDatabase *self)
{
  g_return_val_if_fail (LAJNA_IS_DATABASE (self), FALSE);

  return self->cluster != NULL;
}

/**
 * lajna_database_get_cluster:
 * @self: a #LajnaDatabase
 *
 * Returns: (transfer none) (nullable): the embedded cluster, %NULL for a
 *   shared server
 */
LajnaCluster *
lajna_database_get_cluster (LajnaDatabase *self)
{
  g_return_val_if_fail (LAJNA_IS_DATABASE (self), NULL);

  return self->cluster;
}

/**
 * lajna_database_open:
 * @self: a #LajnaDatabase
 * @migrate: whether to apply pending migrations
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Starts the embedded server when there is one, and brings the schema up
 * to date; the embedded database's own account becomes known by its
 * name, so that what it does reads as done by a person. Blocks.
 *
 * Returns: %TRUE when the database can be used
 */
gboolean
lajna_database_open (LajnaDatabase  *self,
                     gboolean        migrate,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(LajnaDb) db = NULL;

  g_return_val_if_fail (LAJNA_IS_DATABASE (self), FALSE);

  if (self->cluster != NULL && !lajna_cluster_start (self->cluster, cancellable, error))
    return FALSE;

  if (!migrate)
    return TRUE;

  db = lajna_database_connect (self, error);
  return db != NULL && lajna_schema_migrate (db, NULL, error)
         && (self->cluster == NULL || lajna_users_register_owner (db, error));
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (lajna_database_open (source_object, TRUE, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lajna_database_open_async:
 * @self: a #LajnaDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Like lajna_database_open() with migrations, on a worker thread.
 */
void
lajna_database_open_async (LajnaDatabase       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, lajna_database_open_async);
  g_task_run_in_thread (task, open_thread);
}

gboolean
lajna_database_open_finish (LajnaDatabase  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The password to sign in with: the one given, else the keyring's. */
static char *
dup_password (LajnaDatabase *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->password_lock);

  if (self->cluster != NULL)
    return NULL;
  if (self->password == NULL && !self->password_looked_up)
    {
      g_autoptr(GError) error = NULL;

      self->password = lajna_keyring_lookup (self->conninfo, NULL, &error);
      if (error != NULL)
        g_debug ("No password from the keyring: %s", error->message);
      self->password_looked_up = TRUE;
    }
  return g_strdup (self->password);
}

/**
 * lajna_database_connect:
 * @self: an opened #LajnaDatabase
 * @error: return location for a #GError; %LAJNA_DB_ERROR_PASSWORD when a
 *   shared server wants a password that was not given and the keyring
 *   does not hold, or refused the one it had
 *
 * Returns: (transfer full) (nullable): a new connection
 */
LajnaDb *
lajna_database_connect (LajnaDatabase  *self,
                        GError        **error)
{
  g_autofree char *password = NULL;
  LajnaDb *db;

  g_return_val_if_fail (LAJNA_IS_DATABASE (self), NULL);

  password = dup_password (self);
  db = lajna_db_connect (self->conninfo, password, error);
  if (password != NULL)
    memset (password, 0, strlen (password));
  return db;
}

/**
 * lajna_database_set_password:
 * @self: a #LajnaDatabase of a shared server
 * @password: (nullable): the person's password, or %NULL to forget it
 *
 * Signs the connections that follow in with @password (it is kept in
 * memory only; lajna_keyring_store() keeps it for the next start).
 */
void
lajna_database_set_password (LajnaDatabase *self,
                             const char    *password)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->password_lock);

  g_return_if_fail (LAJNA_IS_DATABASE (self));

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);
  self->password_looked_up = TRUE;
}

/**
 * lajna_database_close:
 * @self: a #LajnaDatabase
 * @stop_server: whether to stop an embedded server even when it was
 *   already running before this program started it
 * @error: return location for a #GError
 *
 * Stops the embedded server this program started. Connections must be
 * closed first.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_database_close (LajnaDatabase  *self,
                      gboolean        stop_server,
                      GError        **error)
{
  g_return_val_if_fail (LAJNA_IS_DATABASE (self), FALSE);

  if (self->cluster == NULL)
    return TRUE;
  if (!stop_server && !lajna_cluster_get_started_here (self->cluster))
    return TRUE;
  return lajna_cluster_stop (self->cluster, error);
}

/**
 * lajna_database_get_conninfo:
 * @self: a #LajnaDatabase
 *
 * Returns: the connection string, secrets included: for the PostgreSQL
 *   tools Lajna runs, never to show
 */
const char *
lajna_database_get_conninfo (LajnaDatabase *self)
{
  g_return_val_if_fail (LAJNA_IS_DATABASE (self), NULL);

  return self->conninfo;
}

/* One try of a password, on a thread: signing in to @conninfo, or, with
 * none, the account's password; wiped once tried. */
typedef struct
{
  char     *conninfo;
  char     *password;
  gboolean  keep;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->conninfo);
  memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_free (attempt);
}

static void
attempt_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  g_autoptr(LajnaDb) db = NULL;
  GError *error = NULL;

  if (attempt->conninfo == NULL)
    {
      if (lajna_account_check_password (attempt->password, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  db = lajna_db_connect (attempt->conninfo, attempt->password, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (attempt->keep && !lajna_keyring_store (attempt->conninfo, attempt->password, NULL, &error))
    {
      g_warning ("The password was not kept in the keyring: %s", error->message);
      g_clear_error (&error);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * lajna_database_check_password_async:
 * @self: a #LajnaDatabase
 * @password: the password typed, copied and wiped once tried
 * @account: whether it is the computer account's password (unlocking the
 *   embedded database), rather than a login to the server
 * @keep: whether a server's password is kept in the keyring once it works
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once tried
 * @user_data: for @callback
 *
 * Tries the password on a thread: through PAM for the account, else by
 * signing in to the server.
 */
void
lajna_database_check_password_async (LajnaDatabase        *self,
                                     const char           *password,
                                     gboolean              account,
                                     gboolean              keep,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Attempt *attempt = g_new0 (Attempt, 1);

  g_return_if_fail (LAJNA_IS_DATABASE (self));

  attempt->conninfo = account ? NULL : g_strdup (self->conninfo);
  attempt->password = g_strdup (password);
  attempt->keep = keep;
  g_task_set_source_tag (task, lajna_database_check_password_async);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, attempt_thread);
}

/**
 * lajna_database_check_password_finish:
 * @self: a #LajnaDatabase
 * @result: the result given to the callback
 * @error: return location for a #GError; %LAJNA_DB_ERROR_PASSWORD or
 *   %LAJNA_ACCOUNT_ERROR_REFUSED when the password is wrong
 *
 * A server's password that works is the one the database connects with
 * from now on.
 *
 * Returns: whether the password is right
 */
gboolean
lajna_database_check_password_finish (LajnaDatabase  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  Attempt *attempt;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  attempt = g_task_get_task_data (G_TASK (result));
  if (attempt->conninfo != NULL)
    lajna_database_set_password (self, attempt->password);
  return TRUE;
}
