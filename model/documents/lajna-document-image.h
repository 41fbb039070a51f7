#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One page of an image file: its pixels, and its resolution for the
 * page's size. */
typedef struct
{
  cairo_surface_t *surface;
  double           dpi;
} LajnaImagePage;

void            lajna_image_page_free   (LajnaImagePage       *page);
LajnaImagePage *lajna_image_page_turned (const LajnaImagePage *page,
                                         guint                 quarter_turns);
GPtrArray *lajna_document_image_pages (const char  *mime_type,
                                       GBytes      *bytes,
                                       GError     **error);

G_END_DECLS
