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

G_END_DECLS
