#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The side of a module on paper: 0.9 mm, in points, so that a page
 * printed a little smaller still has modules over 0.7 mm, and a page
 * scanned again at 150 dpi, blurred, speckled and askew, still reads. */
#define LAJNA_QR_MODULE (0.9 / 25.4 * 72.0)

double lajna_qr_draw (cairo_t    *cr,
                      const char *text,
                      double      x,
                      double      bottom,
                      double      module);

G_END_DECLS
