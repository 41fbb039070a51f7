/* lajna-qr.c: a QR code (libqrencode, byte mode, the lowest error
 * correction so that a ruling's seal fits a small square) drawn with cairo
 * as squares, on white, with the margin of four modules a reader needs. */

#include "lajna-qr.h"

#include <qrencode.h>

/**
 * lajna_qr_draw:
 * @cr: the context
 * @text: what the code holds
 * @x: the left of the square, margin included
 * @y: its top
 * @size: its side
 *
 * Draws @text as a QR code; nothing when it cannot be encoded.
 */
void
lajna_qr_draw (cairo_t    *cr,
               const char *text,
               double      x,
               double      y,
               double      size)
{
  QRcode *code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_L);
  double module;

  if (code == NULL)
    return;
  module = size / (code->width + 8);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (code->data[row * code->width + column] & 1)
        cairo_rectangle (cr, x + (column + 4) * module, y + (row + 4) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
}
