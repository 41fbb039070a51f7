/* lajna-export-job.c: an export written on the database worker: a file's,
 * a report's, a meeting's or a ruling's PDF, a list of files, or the
 * statistics report, read afresh for what it shows when it is written.
 * Each writer records the export in the audit trail before the file takes
 * its name. */

#include "lajna-export-job.h"

#include "lajna-stats-report.h"

typedef enum
{
  JOB_PDF,
  JOB_LIST,
  JOB_STATS,
} JobKind;

struct _LajnaExportJob
{
  JobKind              kind;
  LajnaPdfExportFunc   pdf;
  gint64               id;
  LajnaListExportFunc  list;
  LajnaCaseQuery      *query;
  int                  committee_id;
  GDate                from;
  GDate                to;
  LajnaChartDigits     digits;
  char                *path;
};

/**
 * lajna_export_job_new_pdf:
 * @func: writes the PDF of @id
 * @id: the file, report, meeting or ruling's file
 *
 * Returns: (transfer full): the export
 */
LajnaExportJob *
lajna_export_job_new_pdf (LajnaPdfExportFunc func,
                          gint64             id)
{
  LajnaExportJob *job = g_new0 (LajnaExportJob, 1);

  job->kind = JOB_PDF;
  job->pdf = func;
  job->id = id;
  return job;
}

/**
 * lajna_export_job_new_list:
 * @func: writes the list, as a PDF or a spreadsheet
 * @query: which files (copied)
 *
 * Returns: (transfer full): the export
 */
LajnaExportJob *
lajna_export_job_new_list (LajnaListExportFunc   func,
                           const LajnaCaseQuery *query)
{
  LajnaExportJob *job = g_new0 (LajnaExportJob, 1);

  job->kind = JOB_LIST;
  job->list = func;
  job->query = lajna_case_query_copy (query);
  return job;
}

/**
 * lajna_export_job_new_stats:
 * @committee_id: the committee, or 0 for every one the person sees
 * @from: the period's first day
 * @to: its last day
 * @digits: the digits the figures are written in
 *
 * Returns: (transfer full): the export of the statistics report
 */
LajnaExportJob *
lajna_export_job_new_stats (int               committee_id,
                            const GDate      *from,
                            const GDate      *to,
                            LajnaChartDigits  digits)
{
  LajnaExportJob *job = g_new0 (LajnaExportJob, 1);

  job->kind = JOB_STATS;
  job->committee_id = committee_id;
  job->from = *from;
  job->to = *to;
  job->digits = digits;
  return job;
}

void
lajna_export_job_free (LajnaExportJob *job)
{
  g_clear_pointer (&job->query, lajna_case_query_free);
  g_free (job->path);
  g_free (job);
}

static gboolean
write_stats (LajnaDb         *db,
             LajnaExportJob  *job,
             GError         **error)
{
  g_autoptr(LajnaStats) stats = lajna_stats_fetch (db, job->committee_id, &job->from, &job->to,
                                                   error);

  return stats != NULL && lajna_stats_report_write (db, stats, job->digits, job->path, error);
}

static gpointer
run_job (LajnaDb       *db,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  LajnaExportJob *job = data;
  gboolean written = FALSE;

  switch (job->kind)
    {
    case JOB_PDF:
      written = job->pdf (db, job->id, job->path, error);
      break;
    case JOB_LIST:
      written = job->list (db, job->query, job->path, error);
      break;
    case JOB_STATS:
      written = write_stats (db, job, error);
      break;
    }
  return written ? g_strdup (job->path) : NULL;
}

/**
 * lajna_export_job_run_async:
 * @job: (transfer full): the export
 * @worker: the database worker
 * @path: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once written, or not
 * @user_data: for @callback
 *
 * Writes the export on the worker.
 */
void
lajna_export_job_run_async (LajnaExportJob       *job,
                            LajnaDbWorker        *worker,
                            const char           *path,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_free (job->path);
  job->path = g_strdup (path);
  lajna_db_worker_run_async (worker, run_job, job, (GDestroyNotify) lajna_export_job_free,
                             g_free, cancellable, callback, user_data);
}

/**
 * lajna_export_job_run_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the path written
 */
char *
lajna_export_job_run_finish (LajnaDbWorker  *worker,
                             GAsyncResult   *result,
                             GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
