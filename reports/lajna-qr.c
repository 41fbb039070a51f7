/* lajna-qr.c: a QR code (libqrencode, error correction M; a ruling's code
 * is alphanumeric, which libqrencode packs tightest) drawn with cairo as
 * an image of a few pixels a module, scaled without smoothing (one small
 * image in a PDF, where a thousand squares would cost milliseconds a
 * page), on white, with the margin of four modules a reader needs.
 *
 * A printed page scanned again comes back blurred, and a reader such as
 * zbar tells dark from light by the mean of a wide window around each
 * pixel: near the code's edge that window is mostly white paper, so a
 * light module between dark ones, blurred, reads dark. Each dark area is
 * therefore drawn a seventh of a module short on every side that faces a
 * light module (as printers compensate the spread of their ink): the
 * modules keep their places and their size, and a code that stopped
 * reading at a blur of 1.6 pixels at 150 dpi still reads at 2. */

#include "lajna-qr.h"

#include <qrencode.h>

#define PIXELS_A_MODULE 7
/* What a dark area gives up on a side that faces a light one, in pixels. */
#define INSET 1
#define QUIET_ZONE 4

static gboolean
is_dark (const QRcode *code,
         int           row,
         int           column)
{
  return row >= 0 && column >= 0 && row < code->width && column < code->width
         && (code->data[row * code->width + column] & 1);
}

/* Paints the module at @row, @column of the image (counted from the
 * margin's corner): white, or dark but for INSET pixels on each side that
 * faces a light module. */
static void
paint_module (const QRcode *code,
              guint8       *pixels,
              int           stride,
              int           row,
              int           column)
{
  int r = row - QUIET_ZONE, c = column - QUIET_ZONE;
  gboolean dark = is_dark (code, r, c);
  int top = dark && !is_dark (code, r - 1, c) ? INSET : 0;
  int bottom = PIXELS_A_MODULE - (dark && !is_dark (code, r + 1, c) ? INSET : 0);
  int left = dark && !is_dark (code, r, c - 1) ? INSET : 0;
  int right = PIXELS_A_MODULE - (dark && !is_dark (code, r, c + 1) ? INSET : 0);

  for (int y = 0; y < PIXELS_A_MODULE; y++)
    {
      guint32 *line = (guint32 *) (pixels + (row * PIXELS_A_MODULE + y) * stride)
                      + column * PIXELS_A_MODULE;

      for (int x = 0; x < PIXELS_A_MODULE; x++)
        line[x] = dark && y >= top && y < bottom && x >= left && x < right ? 0x000000 : 0xffffff;
    }
}

/**
 * lajna_qr_draw:
 * @cr: the context
 * @text: what the code holds
 * @x: the left of the square, margin included
 * @bottom: its bottom
 * @module: the side of a module, at least %LAJNA_QR_MODULE on paper
 *
 * Draws @text as a QR code; nothing when it cannot be encoded.
 *
 * Returns: the square's side, margin included; 0 when nothing was drawn
 */
double
lajna_qr_draw (cairo_t    *cr,
               const char *text,
               double      x,
               double      bottom,
               double      module)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  cairo_surface_t *image;
  cairo_pattern_t *pattern;
  guint8 *pixels;
  int modules, side, stride;
  double size;

  if (code == NULL)
    return 0;
  modules = code->width + 2 * QUIET_ZONE;
  side = modules * PIXELS_A_MODULE;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  stride = cairo_image_surface_get_stride (image);
  pixels = cairo_image_surface_get_data (image);
  for (int row = 0; row < modules; row++)
    for (int column = 0; column < modules; column++)
      paint_module (code, pixels, stride, row, column);
  cairo_surface_mark_dirty (image);
  size = modules * module;
  cairo_save (cr);
  cairo_translate (cr, x, bottom - size);
  cairo_scale (cr, size / side, size / side);
  cairo_set_source_surface (cr, image, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  QRcode_free (code);
  return size;
}
