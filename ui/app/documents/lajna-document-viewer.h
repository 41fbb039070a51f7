#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* What a page of the viewer shows. */
typedef enum
{
  LAJNA_PAGE_SHOWN_NOTHING,
  LAJNA_PAGE_SHOWN_PREVIEW,
  LAJNA_PAGE_SHOWN_SHARP,
} LajnaPageShown;

#define LAJNA_TYPE_DOCUMENT_VIEWER (lajna_document_viewer_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDocumentViewer, lajna_document_viewer, LAJNA, DOCUMENT_VIEWER,
                      AdwWindow)

LajnaDocumentViewer *lajna_document_viewer_new            (GtkWindow           *parent,
                                                           LajnaDbWorker       *worker,
                                                           gint64               document_id,
                                                           const char          *title);
guint                lajna_document_viewer_get_n_pages    (LajnaDocumentViewer *self);
LajnaPageShown       lajna_document_viewer_get_page_shown (LajnaDocumentViewer *self,
                                                           guint                page);

G_END_DECLS
