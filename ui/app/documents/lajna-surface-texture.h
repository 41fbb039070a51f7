#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkTexture      *lajna_surface_texture_new (cairo_surface_t *surface);
cairo_surface_t *lajna_surface_scaled      (cairo_surface_t *surface,
                                            double           scale);

G_END_DECLS
