/* bench-scan-file.c: writes the bench's long scan, a PDF of N colour pages
 * at 300 dpi, each page its own JPEG of about 1 MB (a grey page with
 * text-like lines and a scanner's noise), as a feeder would give it.
 * usage: bench-scan-file PAGES FILE.pdf */

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

#define WIDTH 2480
#define HEIGHT 3508

static GBytes *
page_jpeg (guint page)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, WIDTH, HEIGHT);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  GRand *rand = g_rand_new_with_seed (page);
  char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < HEIGHT; y++)
    {
      /* Lines of "text" every 60 pixels, broken into words. */
      gboolean text_row = y % 60 > 20 && y % 60 < 45 && y > 300 && y < HEIGHT - 300;

      for (int x = 0; x < WIDTH; x++)
        {
          guint8 *p = pixels + (gsize) y * stride + x * 3;
          int ink = text_row && x > 200 && x < WIDTH - 200 && (x / 90 + y / 60 + page) % 5 != 0
                    && (x % 90) < 75 ? 150 : 0;
          int noise = g_rand_int_range (rand, -5, 6);

          p[0] = CLAMP (238 - ink + noise, 0, 255);
          p[1] = CLAMP (232 - ink + noise, 0, 255);
          p[2] = CLAMP (220 - ink + noise, 0, 255);
        }
    }
  g_rand_free (rand);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, "quality", "75", NULL))
    g_error ("Cannot make a JPEG");
  return g_bytes_new_take (buffer, size);
}

int
main (int   argc,
      char *argv[])
{
  guint pages;
  cairo_surface_t *pdf;
  cairo_t *cr;

  if (argc != 3)
    {
      g_printerr ("usage: bench-scan-file PAGES FILE.pdf\n");
      return 2;
    }
  pages = atoi (argv[1]);
  pdf = cairo_pdf_surface_create (argv[2], WIDTH * 72.0 / 300, HEIGHT * 72.0 / 300);
  cr = cairo_create (pdf);
  cairo_scale (cr, 72.0 / 300, 72.0 / 300);
  for (guint i = 0; i < pages; i++)
    {
      g_autoptr(GBytes) jpeg = page_jpeg (i);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      gsize size;
      const guint8 *data = g_bytes_get_data (jpeg, &size);

      /* The PDF holds the JPEG as it is; the pixels are never drawn. */
      cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, data, size,
                                   (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (jpeg));
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  return 0;
}
