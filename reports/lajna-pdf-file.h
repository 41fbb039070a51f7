#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points, as every Lajna page. */
#define LAJNA_PDF_PAGE_WIDTH 595.276
#define LAJNA_PDF_PAGE_HEIGHT 841.89
/* The page's margins. */
#define LAJNA_PDF_MARGIN 56.0

cairo_surface_t *lajna_pdf_file_new           (const char       *path,
                                               const char       *title);
cairo_surface_t *lajna_pdf_file_new_in_memory (GByteArray       *bytes,
                                               const char       *title);
gboolean         lajna_pdf_file_finish        (cairo_surface_t  *surface,
                                               const char       *name,
                                               GError          **error);
gboolean         lajna_pdf_file_write         (const char       *path,
                                               GBytes           *pdf,
                                               GError          **error);
gboolean         lajna_pdf_file_archive       (const char       *path,
                                               const char       *title,
                                               GError          **error);
gboolean         lajna_pdf_file_commit        (const char       *partial,
                                               const char       *path,
                                               GError          **error);

G_END_DECLS
