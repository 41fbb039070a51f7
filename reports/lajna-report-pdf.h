#pragma once

#include "lajna-db.h"
#include "lajna-report.h"

G_BEGIN_DECLS

GBytes  *lajna_report_pdf_render (LajnaDb            *db,
                                  const LajnaReport  *report,
                                  const char         *watermark,
                                  GError            **error);
gboolean lajna_report_pdf_export (LajnaDb            *db,
                                  gint64              report_id,
                                  const char         *path,
                                  GError            **error);
gint64   lajna_report_pdf_submit (LajnaDb            *db,
                                  LajnaReport        *report,
                                  GError            **error);
void     lajna_report_pdf_submit_async  (LajnaDbWorker        *worker,
                                         LajnaReport          *report,
                                         gboolean              save,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean lajna_report_pdf_submit_finish (LajnaDbWorker        *worker,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
