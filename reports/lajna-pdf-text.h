#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

void lajna_pdf_show_layout (cairo_t     *cr,
                            PangoLayout *layout);

G_END_DECLS
