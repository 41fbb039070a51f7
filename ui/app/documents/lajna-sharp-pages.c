/* lajna-sharp-pages.c: the viewer's pages rendered at the size shown, kept
 * within a budget of bytes of pixels. A page put in beyond the budget
 * makes the pages farthest from it go, so that paging through a long scan
 * holds only the pages around the one read; the viewer shows their
 * previews again. */

#include "lajna-sharp-pages.h"

#include "lajna-surface-texture.h"

typedef struct
{
  GdkTexture *texture;
  double      scale;
  gsize       bytes;
} Sharp;

struct _LajnaSharpPages
{
  GArray *pages;
  gsize   bytes;
  gsize   budget;
};

#define SHARP(self, i) (&g_array_index ((self)->pages, Sharp, (i)))

/**
 * lajna_sharp_pages_new:
 * @n_pages: the document's pages
 * @budget: the bytes of pixels kept at most
 *
 * Returns: (transfer full): no sharp page yet
 */
LajnaSharpPages *
lajna_sharp_pages_new (guint n_pages,
                       gsize budget)
{
  LajnaSharpPages *self = g_new0 (LajnaSharpPages, 1);

  self->pages = g_array_new (FALSE, TRUE, sizeof (Sharp));
  g_array_set_size (self->pages, n_pages);
  self->budget = budget;
  return self;
}

void
lajna_sharp_pages_free (LajnaSharpPages *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    g_clear_object (&SHARP (self, i)->texture);
  g_array_unref (self->pages);
  g_free (self);
}

/**
 * lajna_sharp_pages_get:
 *
 * Returns: (transfer none) (nullable): the page's sharp picture
 */
GdkTexture *
lajna_sharp_pages_get (LajnaSharpPages *self,
                       guint            page)
{
  g_return_val_if_fail (page < self->pages->len, NULL);

  return SHARP (self, page)->texture;
}

/* The scale of the page's sharp picture, 0 for none. */
double
lajna_sharp_pages_get_scale (LajnaSharpPages *self,
                             guint            page)
{
  g_return_val_if_fail (page < self->pages->len, 0);

  return SHARP (self, page)->scale;
}

static void
drop (LajnaSharpPages *self,
      guint            page)
{
  Sharp *sharp = SHARP (self, page);

  self->bytes -= sharp->bytes;
  g_clear_object (&sharp->texture);
  *sharp = (Sharp) { NULL, 0, 0 };
}

/**
 * lajna_sharp_pages_put:
 * @self: the sharp pages
 * @page: a page
 * @surface: (transfer full): the page rendered at @scale
 * @scale: the scale it was rendered at
 *
 * Keeps @surface as the page's sharp picture, then gives up the pages
 * farthest from @page until the budget holds.
 *
 * Returns: (transfer full) (element-type guint): the pages given up
 */
GArray *
lajna_sharp_pages_put (LajnaSharpPages *self,
                       guint            page,
                       cairo_surface_t *surface,
                       double           scale)
{
  GArray *dropped = g_array_new (FALSE, FALSE, sizeof (guint));
  Sharp *sharp;

  g_return_val_if_fail (page < self->pages->len, dropped);

  drop (self, page);
  sharp = SHARP (self, page);
  sharp->bytes = (gsize) cairo_image_surface_get_stride (surface)
                 * cairo_image_surface_get_height (surface);
  sharp->scale = scale;
  sharp->texture = lajna_surface_texture_new (surface);
  self->bytes += sharp->bytes;
  while (self->bytes > self->budget)
    {
      guint farthest = page;

      for (guint i = 0; i < self->pages->len; i++)
        if (SHARP (self, i)->bytes > 0
            && ABS ((int) i - (int) page) > ABS ((int) farthest - (int) page))
          farthest = i;
      if (farthest == page)
        break;
      drop (self, farthest);
      g_array_append_val (dropped, farthest);
    }
  return dropped;
}
