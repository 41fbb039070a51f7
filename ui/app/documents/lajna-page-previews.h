#pragma once

#include <gtk/gtk.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* A page's size, in points. */
typedef struct
{
  double width;
  double height;
} LajnaPageSize;

/* A document's stored previews as the viewer reads them: every page's
 * size, from its preview's header, its preview as stored, and its
 * thumbnail for the sidebar (%NULL until lajna_page_previews_decode_async()
 * is done). */
typedef struct
{
  GArray    *sizes;
  GPtrArray *pngs;
  GPtrArray *thumbnails;
} LajnaPagePreviews;

void               lajna_page_previews_fetch_async   (LajnaDbWorker        *worker,
                                                      gint64                document_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LajnaPagePreviews *lajna_page_previews_fetch_finish  (LajnaDbWorker        *worker,
                                                      GAsyncResult         *result,
                                                      GError              **error);
GdkTexture        *lajna_page_previews_decode_page   (LajnaPagePreviews    *self,
                                                      guint                 page);
void               lajna_page_previews_decode_async  (LajnaPagePreviews    *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean           lajna_page_previews_decode_finish (LajnaPagePreviews    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void               lajna_page_previews_free          (LajnaPagePreviews    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaPagePreviews, lajna_page_previews_free)

G_END_DECLS
