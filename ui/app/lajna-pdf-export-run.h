#pragma once

#include <adwaita.h>

#include "lajna-export-job.h"

G_BEGIN_DECLS

void lajna_pdf_export_run (GtkWindow       *parent,
                           LajnaDbWorker   *worker,
                           const char      *title,
                           const char      *file_name,
                           LajnaExportJob  *what,
                           AdwToastOverlay *toasts);

G_END_DECLS
