#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_REPORT_EDITOR (lajna_report_editor_get_type ())

G_DECLARE_FINAL_TYPE (LajnaReportEditor, lajna_report_editor, LAJNA, REPORT_EDITOR, AdwWindow)

LajnaReportEditor *lajna_report_editor_new (GtkWindow     *parent,
                                            LajnaDbWorker *worker,
                                            gint64         report_id);

G_END_DECLS
