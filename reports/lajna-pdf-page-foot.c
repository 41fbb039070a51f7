/* lajna-pdf-page-foot.c: what every printed page carries beside its
 * blocks: "صفحة X من Y" at its foot, under the watermark's words (which
 * the diagonal makes hard to read, and to copy out of the PDF); a
 * ruling's seal as a QR code at the foot, on the left; and the watermark
 * across the page. */

#include "lajna-pdf-page-foot.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lajna-pdf-file.h"
#include "lajna-pdf-layout.h"
#include "lajna-pdf-text.h"
#include "lajna-qr.h"
#include "lajna-text.h"

#define PAGE_WIDTH LAJNA_PDF_PAGE_WIDTH
#define PAGE_HEIGHT LAJNA_PDF_PAGE_HEIGHT
#define MARGIN LAJNA_PDF_MARGIN
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
/* The gap under the seal's QR code to the page's edge. */
#define SEAL_BOTTOM 6.0
/* The code's white margin reaches into the page's margin. */
#define SEAL_MARGIN 6.0

/* Across the page's diagonal, centred, within the margins. */
static void
draw_watermark (const char *text,
                cairo_t    *cr)
{
  double angle = atan2 (PAGE_HEIGHT, PAGE_WIDTH);
  double width = hypot (PAGE_WIDTH, PAGE_HEIGHT) - 4 * MARGIN;
  g_autoptr(PangoLayout) layout = lajna_pdf_layout_new (cr, text, "Amiri Bold 20", width);
  PangoRectangle extents;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (layout, NULL, &extents);
  cairo_save (cr);
  cairo_translate (cr, PAGE_WIDTH / 2, PAGE_HEIGHT / 2);
  cairo_rotate (cr, -angle);
  cairo_set_source_rgba (cr, 0.7, 0.1, 0.1, 0.25);
  cairo_move_to (cr, -width / 2, -pango_units_to_double (extents.height) / 2);
  lajna_pdf_show_layout (cr, layout);
  cairo_restore (cr);
}

/* "صفحة X من Y", under the watermark's words (which the diagonal makes
 * hard to read, and to copy out of the PDF). */
static void
draw_footer (cairo_t    *cr,
             const char *watermark,
             gboolean    arabic,
             guint       page,
             guint       pages)
{
  g_autofree char *x_isolated = lajna_isolate_int (page + 1);
  g_autofree char *y_isolated = lajna_isolate_int (pages);
  /* Translators: the foot of a printed page. */
  g_autofree char *numbering = arabic ? g_strdup_printf ("صفحة %s من %s", x_isolated, y_isolated)
                                      : g_strdup_printf (_("Page %s of %s"), x_isolated, y_isolated);
  g_autofree char *text = watermark != NULL ? g_strconcat (watermark, "\n", numbering, NULL)
                                            : g_strdup (numbering);
  g_autoptr(PangoLayout) layout = lajna_pdf_layout_new (cr, text, "Amiri 9", CONTENT_WIDTH);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MARGIN - lajna_pdf_layout_height (layout));
  lajna_pdf_show_layout (cr, layout);
}

/**
 * lajna_pdf_page_foot_draw:
 * @cr: the page's context
 * @watermark: (nullable): the words across the page and at its foot
 * @seal: (nullable): a ruling's seal, printed as a QR code
 * @arabic: whether the page is numbered in Arabic whatever the language
 * @page: the page, from 0
 * @pages: how many there are
 */
void
lajna_pdf_page_foot_draw (cairo_t    *cr,
                          const char *watermark,
                          const char *seal,
                          gboolean    arabic,
                          guint       page,
                          guint       pages)
{
  draw_footer (cr, watermark, arabic, page, pages);
  if (seal != NULL)
    lajna_qr_draw (cr, seal, MARGIN - SEAL_MARGIN, PAGE_HEIGHT - SEAL_BOTTOM, LAJNA_QR_MODULE);
  if (watermark != NULL)
    draw_watermark (watermark, cr);
}
