#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

void lajna_qr_draw (cairo_t    *cr,
                    const char *text,
                    double      x,
                    double      y,
                    double      size);

G_END_DECLS
