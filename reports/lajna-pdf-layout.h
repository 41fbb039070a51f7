#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

gboolean     lajna_pdf_layout_is_left_to_right  (cairo_t     *cr);
void         lajna_pdf_layout_set_left_to_right (cairo_t     *cr,
                                                 gboolean     left_to_right);
PangoLayout *lajna_pdf_layout_new               (cairo_t     *cr,
                                                 const char  *text,
                                                 const char  *font,
                                                 double       width);
double       lajna_pdf_layout_height            (PangoLayout *layout);
void         lajna_pdf_layout_keep_lines_whole  (PangoLayout *layout,
                                                 double       width);

G_END_DECLS
