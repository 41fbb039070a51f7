#pragma once

#include "lajna-database.h"

G_BEGIN_DECLS

/**
 * LajnaDbJobFunc:
 * @db: the worker's connection
 * @data: the job's input, copied on the calling thread
 * @cancellable: (nullable): the job's #GCancellable
 * @error: return location for a #GError
 *
 * Runs on the worker thread; must not touch anything of the main thread.
 *
 * Returns: (transfer full) (nullable): the result, %NULL with @error set
 *   on failure
 */
typedef gpointer (*LajnaDbJobFunc) (LajnaDb       *db,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

#define LAJNA_TYPE_DB_WORKER (lajna_db_worker_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDbWorker, lajna_db_worker, LAJNA, DB_WORKER, GObject)

LajnaDbWorker *lajna_db_worker_new         (LajnaDatabase       *database);
void           lajna_db_worker_run_async   (LajnaDbWorker       *self,
                                            LajnaDbJobFunc       func,
                                            gpointer             data,
                                            GDestroyNotify       data_free,
                                            GDestroyNotify       result_free,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
LajnaDatabase *lajna_db_worker_get_database (LajnaDbWorker       *self);
gpointer       lajna_db_job_in_transaction (LajnaDb             *db,
                                            LajnaDbJobFunc       func,
                                            gpointer             data,
                                            GCancellable        *cancellable,
                                            GError             **error);
gpointer       lajna_db_worker_run_finish  (LajnaDbWorker       *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void           lajna_db_worker_run_in_transaction_async  (LajnaDbWorker        *self,
                                                          LajnaDbJobFunc        func,
                                                          gpointer              data,
                                                          GDestroyNotify        data_free,
                                                          GDestroyNotify        result_free,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gpointer       lajna_db_worker_run_in_transaction_finish (LajnaDbWorker        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
