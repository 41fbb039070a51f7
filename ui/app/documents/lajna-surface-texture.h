#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkTexture      *lajna_surface_texture_new (cairo_surface_t *surface);
cairo_surface_t *lajna_surface_scaled      (cairo_surface_t *surface,
                                            double           scale);
void             lajna_surface_textures_async  (GPtrArray            *surfaces,
                                                int                   side,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray       *lajna_surface_textures_finish (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
