#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _LajnaSharpPages LajnaSharpPages;

LajnaSharpPages *lajna_sharp_pages_new       (guint             n_pages,
                                              gsize             budget);
GdkTexture      *lajna_sharp_pages_get       (LajnaSharpPages  *self,
                                              guint             page);
double           lajna_sharp_pages_get_scale (LajnaSharpPages  *self,
                                              guint             page);
GArray          *lajna_sharp_pages_put       (LajnaSharpPages  *self,
                                              guint             page,
                                              cairo_surface_t  *surface,
                                              double            scale);
void             lajna_sharp_pages_free      (LajnaSharpPages  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaSharpPages, lajna_sharp_pages_free)

G_END_DECLS
