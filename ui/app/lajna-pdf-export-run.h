#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* Writes the PDF of @id at @path, on the database worker's thread. */
typedef gboolean (*LajnaPdfExportFunc) (LajnaDb     *db,
                                        gint64       id,
                                        const char  *path,
                                        GError     **error);

void lajna_pdf_export_run (GtkWindow          *parent,
                           LajnaDbWorker      *worker,
                           const char         *title,
                           const char         *file_name,
                           LajnaPdfExportFunc  func,
                           gint64              id,
                           AdwToastOverlay    *toasts);

G_END_DECLS
