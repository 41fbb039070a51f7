#pragma once

#include "lajna-report.h"

G_BEGIN_DECLS

/* A file's reports as its list shows them. */
typedef struct
{
  GPtrArray *reports;  /* (element-type LajnaReport) */
  GPtrArray *kinds;    /* (element-type LajnaReportKind): those the person may begin */
  gboolean   may_lock; /* whether the person marks them reviewed */
} LajnaCaseReports;

void              lajna_case_reports_load_async  (LajnaDbWorker        *worker,
                                                  gint64                case_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LajnaCaseReports *lajna_case_reports_load_finish (LajnaDbWorker        *worker,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void              lajna_case_reports_free        (LajnaCaseReports     *reports);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseReports, lajna_case_reports_free)

G_END_DECLS
