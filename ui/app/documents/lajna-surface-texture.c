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

/* Surfaces to make textures of, and the longest side these may have. */
typedef struct
{
  GPtrArray *surfaces;
  int        side;
} Wanted;

static void
wanted_free (Wanted *wanted)
{
  g_ptr_array_unref (wanted->surfaces);
  g_free (wanted);
}

static void
textures_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Wanted *wanted = data;
  GPtrArray *textures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < wanted->surfaces->len; i++)
    {
      cairo_surface_t *surface = g_ptr_array_index (wanted->surfaces, i);
      int side = MAX (cairo_image_surface_get_width (surface),
                      cairo_image_surface_get_height (surface));

      g_ptr_array_add (textures, lajna_surface_texture_new (
          lajna_surface_scaled (surface, MIN (1.0, (double) wanted->side / side))));
    }
  g_task_return_pointer (task, textures, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * lajna_surface_textures_async:
 * @surfaces: (element-type cairo_surface_t): image surfaces, such as pages
 *   scanned at 300 dpi, too large to show as they are; kept until done
 * @side: the longest side of a texture, in pixels
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once made
 * @user_data: for @callback
 *
 * Makes a texture of each surface, scaled down to @side, on a thread.
 */
void
lajna_surface_textures_async (GPtrArray            *surfaces,
                              int                   side,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Wanted *wanted = g_new0 (Wanted, 1);

  wanted->surfaces = g_ptr_array_ref (surfaces);
  wanted->side = side;
  g_task_set_source_tag (task, lajna_surface_textures_async);
  g_task_set_task_data (task, wanted, (GDestroyNotify) wanted_free);
  g_task_run_in_thread (task, textures_thread);
}

/**
 * lajna_surface_textures_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GdkTexture) (nullable): a texture
 *   a surface, in their order
 */
GPtrArray *
lajna_surface_textures_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
