#pragma once

#include "lajna-case-query.h"
#include "lajna-chart-digits.h"
#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* Writes the PDF of @id at @path, on the database worker's thread. */
typedef gboolean (*LajnaPdfExportFunc) (LajnaDb     *db,
                                        gint64       id,
                                        const char  *path,
                                        GError     **error);

/* Writes the file list @query chooses at @path, on the worker's thread. */
typedef gboolean (*LajnaListExportFunc) (LajnaDb              *db,
                                         const LajnaCaseQuery *query,
                                         const char           *path,
                                         GError              **error);

/* What an export writes, made before it is known where. */
typedef struct _LajnaExportJob LajnaExportJob;

LajnaExportJob *lajna_export_job_new_pdf    (LajnaPdfExportFunc     func,
                                             gint64                 id);
LajnaExportJob *lajna_export_job_new_list   (LajnaListExportFunc    func,
                                             const LajnaCaseQuery  *query);
LajnaExportJob *lajna_export_job_new_stats  (int                    committee_id,
                                             const GDate           *from,
                                             const GDate           *to,
                                             LajnaChartDigits       digits);
void            lajna_export_job_free       (LajnaExportJob        *job);
void            lajna_export_job_run_async  (LajnaExportJob        *job,
                                             LajnaDbWorker         *worker,
                                             const char            *path,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
char           *lajna_export_job_run_finish (LajnaDbWorker         *worker,
                                             GAsyncResult          *result,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaExportJob, lajna_export_job_free)

G_END_DECLS
