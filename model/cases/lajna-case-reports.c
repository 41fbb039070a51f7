/* lajna-case-reports.c: a juvenile file's reports as its list shows
 * them, with the kinds the person signed in may begin and whether they
 * mark reports reviewed, read on the database worker. */

#include "lajna-case-reports.h"

void
lajna_case_reports_free (LajnaCaseReports *reports)
{
  g_clear_pointer (&reports->reports, g_ptr_array_unref);
  g_clear_pointer (&reports->kinds, g_ptr_array_unref);
  g_free (reports);
}

static gpointer
list_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(LajnaCaseReports) listed = g_new0 (LajnaCaseReports, 1);
  gint64 case_id = *(gint64 *) data;

  if ((listed->reports = lajna_report_list (db, case_id, error)) == NULL
      || (listed->kinds = lajna_report_kinds (db, case_id, error)) == NULL
      || !lajna_report_may_lock (db, case_id, &listed->may_lock, error))
    return NULL;
  return g_steal_pointer (&listed);
}

/**
 * lajna_case_reports_load_async:
 * @worker: the database worker
 * @case_id: a juvenile file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context once read
 * @user_data: for @callback
 *
 * Reads the file's reports, the kinds the person may begin and whether
 * they mark reports reviewed, on the worker.
 */
void
lajna_case_reports_load_async (LajnaDbWorker        *worker,
                               gint64                case_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  lajna_db_worker_run_async (worker, list_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) lajna_case_reports_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_reports_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file's reports
 */
LajnaCaseReports *
lajna_case_reports_load_finish (LajnaDbWorker  *worker,
                                GAsyncResult   *result,
                                GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
