#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* How soon a page is wanted: the page on screen before its neighbours,
 * before thumbnails. */
typedef enum
{
  LAJNA_RENDER_VISIBLE = 0,
  LAJNA_RENDER_NEAR = 1,
  LAJNA_RENDER_THUMBNAIL = 2,
} LajnaRenderPriority;

#define LAJNA_TYPE_PAGE_RENDERER (lajna_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPageRenderer, lajna_page_renderer, LAJNA, PAGE_RENDERER, GObject)

LajnaPageRenderer *lajna_page_renderer_new           (GInputStream         *pdf,
                                                       goffset               length,
                                                       GError              **error);
guint              lajna_page_renderer_get_n_pages   (LajnaPageRenderer    *self);
void               lajna_page_renderer_render_async  (LajnaPageRenderer    *self,
                                                       guint                 page,
                                                       double                scale,
                                                       LajnaRenderPriority   priority,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
cairo_surface_t   *lajna_page_renderer_render_finish (LajnaPageRenderer    *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
gboolean           lajna_page_renderer_serve         (int                   fd);

G_END_DECLS
