#pragma once

#include <adwaita.h>

#include "lajna-case-query.h"
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

/* Writes what @data says at @path, on the worker's thread. */
typedef gboolean (*LajnaExportWriteFunc) (LajnaDb     *db,
                                          gpointer     data,
                                          const char  *path,
                                          GError     **error);

void lajna_pdf_export_run_full (GtkWindow            *parent,
                                LajnaDbWorker        *worker,
                                const char           *title,
                                const char           *file_name,
                                LajnaExportWriteFunc  write,
                                gpointer              data,
                                GDestroyNotify        data_free,
                                AdwToastOverlay      *toasts);
void lajna_pdf_export_run (GtkWindow          *parent,
                           LajnaDbWorker      *worker,
                           const char         *title,
                           const char         *file_name,
                           LajnaPdfExportFunc  func,
                           gint64              id,
                           AdwToastOverlay    *toasts);
void lajna_pdf_export_run_list (GtkWindow            *parent,
                                LajnaDbWorker        *worker,
                                const char           *title,
                                const char           *file_name,
                                LajnaListExportFunc   func,
                                const LajnaCaseQuery *query,
                                AdwToastOverlay      *toasts);

G_END_DECLS
