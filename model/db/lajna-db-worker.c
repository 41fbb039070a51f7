/* lajna-db-worker.c: one thread that owns one connection.
 *
 * libpq connections block, so the app never queries on the main thread:
 * jobs are queued here in order, run on the worker's thread, and their
 * results come back as GTask completions on the caller's main context.
 * A connection that broke is dropped and made again for the next job.
 */

#include "lajna-db-worker.h"

#include "lajna-db-private.h"

struct _LajnaDbWorker
{
  GObject        parent_instance;

  GAsyncQueue   *queue;
  GThread       *thread;
  LajnaDatabase *database;
};

G_DEFINE_TYPE (LajnaDbWorker, lajna_db_worker, G_TYPE_OBJECT)

typedef struct
{
  LajnaDbJobFunc func;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_free (job);
}

/* Pushed to tell the thread to finish. */
static int stop_marker;

/* Connects; when the embedded server is gone (it crashed, or somebody
 * stopped it), starts it again first, as the app did at start. */
static LajnaDb *
reconnect (LajnaDatabase  *database,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GError) first_error = NULL;
  LajnaDb *db = lajna_database_connect (database, &first_error);

  if (db != NULL || !lajna_database_is_embedded (database))
    {
      if (db == NULL)
        g_propagate_error (error, g_steal_pointer (&first_error));
      return db;
    }
  if (!lajna_database_open (database, FALSE, cancellable, error))
    return NULL;
  return lajna_database_connect (database, error);
}

static void
run_job (GTask    *task,
         LajnaDb **db,
         LajnaDatabase *database)
{
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (*db != NULL && PQstatus (lajna_db_get_conn (*db)) != CONNECTION_OK)
    g_clear_object (db);
  if (*db == NULL && (*db = reconnect (database, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = job->func (*db, job->data, cancellable, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_UNAVAILABLE))
        g_clear_object (db);
      g_task_return_error (task, error);
    }
  else
    {
      g_task_return_pointer (task, result, job->result_free);
    }
}

/* What the thread owns, so that it never reaches into the worker object,
 * which may be finalized on that very thread (by the last task's unref). */
typedef struct
{
  GAsyncQueue   *queue;
  LajnaDatabase *database;
} ThreadData;

static gpointer
worker_thread (gpointer user_data)
{
  ThreadData *td = user_data;
  g_autoptr(LajnaDb) db = NULL;

  for (;;)
    {
      gpointer item = g_async_queue_pop (td->queue);

      if (item == &stop_marker)
        break;
      run_job (item, &db, td->database);
      g_object_unref (item);
    }

  g_async_queue_unref (td->queue);
  g_object_unref (td->database);
  g_free (td);
  return NULL;
}

static void
lajna_db_worker_dispose (GObject *object)
{
  LajnaDbWorker *self = LAJNA_DB_WORKER (object);

  if (self->thread != NULL)
    {
      g_async_queue_push_front (self->queue, &stop_marker);
      if (self->thread == g_thread_self ())
        g_clear_pointer (&self->thread, g_thread_unref);
      else
        g_clear_pointer (&self->thread, g_thread_join);
    }
  G_OBJECT_CLASS (lajna_db_worker_parent_class)->dispose (object);
}

static void
lajna_db_worker_finalize (GObject *object)
{
  LajnaDbWorker *self = LAJNA_DB_WORKER (object);

  g_async_queue_unref (self->queue);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (lajna_db_worker_parent_class)->finalize (object);
}

static void
lajna_db_worker_class_init (LajnaDbWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_db_worker_dispose;
  object_class->finalize = lajna_db_worker_finalize;
}

static void
lajna_db_worker_init (LajnaDbWorker *self)
{
  self->queue = g_async_queue_new_full (g_object_unref);
}

/**
 * lajna_db_worker_new:
 * @database: an opened #LajnaDatabase
 *
 * Returns: (transfer full): a worker with its own thread and connection
 */
LajnaDbWorker *
lajna_db_worker_new (LajnaDatabase *database)
{
  LajnaDbWorker *self = g_object_new (LAJNA_TYPE_DB_WORKER, NULL);
  ThreadData *td = g_new0 (ThreadData, 1);

  td->queue = g_async_queue_ref (self->queue);
  td->database = g_object_ref (database);
  self->database = g_object_ref (database);
  self->thread = g_thread_new ("lajna-db", worker_thread, td);
  return self;
}

/**
 * lajna_db_worker_run_async:
 * @self: a #LajnaDbWorker
 * @func: the job, run on the worker thread
 * @data: (transfer full): its input
 * @data_free: (nullable): frees @data
 * @result_free: (nullable): frees a result nobody collected
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the current thread's main context
 * @user_data: data for @callback
 *
 * Queues a job behind those already queued.
 */
void
lajna_db_worker_run_async (LajnaDbWorker       *self,
                           LajnaDbJobFunc       func,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, lajna_db_worker_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_async_queue_push (self->queue, task);
}

/**
 * lajna_db_worker_run_finish:
 * @self: a #LajnaDbWorker
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the job returned
 */
gpointer
lajna_db_worker_run_finish (LajnaDbWorker  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * lajna_db_worker_get_database:
 * @self: a #LajnaDbWorker
 *
 * Returns: (transfer none): the database the worker connects to, for a job
 *   that needs a connection of its own
 */
LajnaDatabase *
lajna_db_worker_get_database (LajnaDbWorker *self)
{
  g_return_val_if_fail (LAJNA_IS_DB_WORKER (self), NULL);

  return self->database;
}

/**
 * lajna_db_job_in_transaction:
 * @db: the job's connection
 * @func: (scope call): the job
 * @data: for @func
 * @cancellable: (nullable): for @func
 * @error: return location for a #GError
 *
 * Runs @func in a transaction of its own: all it writes, or nothing.
 *
 * Returns: (nullable): what @func returns, %NULL when it failed or the
 *   transaction could not commit
 */
gpointer
lajna_db_job_in_transaction (LajnaDb        *db,
                             LajnaDbJobFunc  func,
                             gpointer        data,
                             GCancellable   *cancellable,
                             GError        **error)
{
  gpointer result;

  if (!lajna_db_run (db, "BEGIN", error))
    return NULL;
  result = func (db, data, cancellable, error);
  if (result == NULL || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return NULL;
    }
  return result;
}

/* A job to run in a transaction of its own. */
typedef struct
{
  LajnaDbJobFunc func;
  gpointer       data;
  GDestroyNotify data_free;
} Transaction;

static void
transaction_free (Transaction *transaction)
{
  if (transaction->data_free != NULL)
    g_clear_pointer (&transaction->data, transaction->data_free);
  g_free (transaction);
}

static gpointer
transaction_job (LajnaDb       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Transaction *transaction = data;

  return lajna_db_job_in_transaction (db, transaction->func, transaction->data, cancellable,
                                      error);
}

/**
 * lajna_db_worker_run_in_transaction_async:
 * @self: a #LajnaDbWorker
 * @func: the job, run on the worker thread
 * @data: (transfer full): its input
 * @data_free: (nullable): frees @data
 * @result_free: (nullable): frees a result nobody collected
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the current thread's main context
 * @user_data: for @callback
 *
 * Queues a job, as lajna_db_worker_run_async() does, that runs in a
 * transaction of its own (lajna_db_job_in_transaction()): all it writes,
 * or nothing.
 */
void
lajna_db_worker_run_in_transaction_async (LajnaDbWorker       *self,
                                          LajnaDbJobFunc       func,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GDestroyNotify       result_free,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Transaction *transaction = g_new0 (Transaction, 1);

  transaction->func = func;
  transaction->data = data;
  transaction->data_free = data_free;
  lajna_db_worker_run_async (self, transaction_job, transaction,
                             (GDestroyNotify) transaction_free, result_free, cancellable,
                             callback, user_data);
}

/**
 * lajna_db_worker_run_in_transaction_finish:
 * @self: a #LajnaDbWorker
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the job returned, %NULL when
 *   it failed or the transaction could not commit
 */
gpointer
lajna_db_worker_run_in_transaction_finish (LajnaDbWorker  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return lajna_db_worker_run_finish (self, result, error);
}
