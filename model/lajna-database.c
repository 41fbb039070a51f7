/* lajna-database.c: which database Lajna works on, and getting it ready.
 *
 * With a connection string it is a shared server; without one, the
 * embedded cluster of this user, started on open. Opening also applies
 * pending migrations.
 */

#include "lajna-database.h"

#include "lajna-schema.h"

struct _LajnaDatabase
{
  GObject       parent_instance;

  char         *conninfo;
  LajnaCluster *cluster;
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
 * to date. Blocks.
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
  return db != NULL && lajna_schema_migrate (db, NULL, error);
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

/**
 * lajna_database_connect:
 * @self: an opened #LajnaDatabase
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new connection
 */
LajnaDb *
lajna_database_connect (LajnaDatabase  *self,
                        GError        **error)
{
  g_return_val_if_fail (LAJNA_IS_DATABASE (self), NULL);

  return lajna_db_connect (self->conninfo, error);
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
