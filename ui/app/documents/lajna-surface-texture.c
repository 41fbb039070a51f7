/* lajna-surface-texture.c: cairo image surfaces made into textures without
 * copying their pixels (cairo's ARGB32 is GDK_MEMORY_DEFAULT, premultiplied
 * B8G8R8A8 here, which the cairo renderer draws without converting), and
 * scaled down for a smaller picture. Safe on any thread. */

#include "lajna-surface-texture.h"

/**
 * lajna_surface_texture_new:
 * @surface: (transfer full): an image surface of 32 bits a pixel
 *
 * Returns: (transfer full): a texture of @surface's pixels, which keeps
 *   @surface for as long as it lives
 */
GdkTexture *
lajna_surface_texture_new (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) pixels = NULL;

  cairo_surface_flush (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) stride * height,
                                       (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, pixels, stride);
}

/**
 * lajna_surface_scaled:
 * @surface: an image surface
 * @scale: how much smaller, from 0 to 1
 *
 * Returns: (transfer full): a new ARGB32 surface of @surface scaled
 */
cairo_surface_t *
lajna_surface_scaled (cairo_surface_t *surface,
                      double           scale)
{
  cairo_surface_t *scaled = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32,
      MAX (1, (int) (cairo_image_surface_get_width (surface) * scale + 0.5)),
      MAX (1, (int) (cairo_image_surface_get_height (surface) * scale + 0.5)));
  cairo_t *cr = cairo_create (scaled);

  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  return scaled;
}
