#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DOCUMENT_VIEWER (lajna_document_viewer_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDocumentViewer, lajna_document_viewer, LAJNA, DOCUMENT_VIEWER,
                      AdwWindow)

LajnaDocumentViewer *lajna_document_viewer_new (GtkWindow     *parent,
                                                LajnaDbWorker *worker,
                                                gint64         document_id,
                                                const char    *title);

G_END_DECLS
