#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

void lajna_case_export_run (GtkWindow       *parent,
                            LajnaDbWorker   *worker,
                            gint64           case_id,
                            const char      *file_number,
                            AdwToastOverlay *toasts);

G_END_DECLS
