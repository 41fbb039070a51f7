#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Room for the page's number, and beside it a ruling's QR code of 45
 * modules, its margin included (lajna-qr.c). */
#define LAJNA_PDF_FOOT_HEIGHT 65.0

void lajna_pdf_page_foot_draw (cairo_t    *cr,
                               const char *watermark,
                               const char *seal,
                               gboolean    arabic,
                               guint       page,
                               guint       pages);

G_END_DECLS
