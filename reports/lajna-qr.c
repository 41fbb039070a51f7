/* lajna-qr.c: a QR code (libqrencode, error correction M, so that a
 * printed page scanned again, blurred, speckled or a little askew, still
 * reads; a ruling's code is alphanumeric, which libqrencode packs
 * tightest) drawn with cairo as an image of a few pixels a module, scaled
 * up without smoothing (one small image in a PDF, where a thousand
 * squares would cost milliseconds a page), on white, with the margin of
 * four modules a reader needs. */

#include "lajna-qr.h"

#include <qrencode.h>

#define PIXELS_A_MODULE 4

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
  int side, stride;
  double size;

  if (code == NULL)
    return 0;
  side = (code->width + 8) * PIXELS_A_MODULE;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  stride = cairo_image_surface_get_stride (image);
  pixels = cairo_image_surface_get_data (image);
  for (int row = 0; row < side; row++)
    for (int column = 0; column < side; column++)
      {
        int r = row / PIXELS_A_MODULE - 4, c = column / PIXELS_A_MODULE - 4;
        gboolean dark = r >= 0 && c >= 0 && r < code->width && c < code->width
                        && (code->data[r * code->width + c] & 1);

        *(guint32 *) (pixels + row * stride + column * 4) = dark ? 0x000000 : 0xffffff;
      }
  cairo_surface_mark_dirty (image);
  size = (code->width + 8) * module;
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
