/* lajna-page-previews.c: the small pictures stored with a document (one a
 * page, about 30 dpi), read for the viewer so that the first page shows at
 * once: the worker fetches them all (a few megabytes, still as PNG), and
 * every page's size is read from its preview's header, so the viewer can
 * lay out all pages before Poppler has read the document. A page's preview
 * is decoded when the page comes near the view (a millisecond or two) and
 * let go when it leaves; a thread makes the sidebar's thumbnails, smaller
 * still, for every page.
 *
 * Textures are made in cairo's own pixel format, which the cairo renderer
 * draws without converting each frame. */

#include "lajna-page-previews.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lajna-document-file.h"
#include "lajna-case-documents.h"
#include "lajna-surface-texture.h"

/* The width of a thumbnail, in pixels. */
#define THUMBNAIL_WIDTH 112

void
lajna_page_previews_free (LajnaPagePreviews *self)
{
  g_array_unref (self->sizes);
  for (guint i = 0; i < self->thumbnails->len; i++)
    g_clear_object (&g_ptr_array_index (self->thumbnails, i));
  g_ptr_array_unref (self->thumbnails);
  g_ptr_array_unref (self->pngs);
  g_free (self);
}

/* The page's size from its preview's header: width and height, in
 * pixels at the preview's resolution, are at bytes 16 to 23. */
static LajnaPageSize
size_of (GBytes *png)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (png, &length);
  double points_per_pixel = 72.0 / LAJNA_DOCUMENT_PREVIEW_DPI;
  LajnaPageSize size = { 595, 842 };

  if (length >= 24 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      size.width = (double) GUINT32_FROM_BE (*(const guint32 *) (data + 16)) * points_per_pixel;
      size.height = (double) GUINT32_FROM_BE (*(const guint32 *) (data + 20)) * points_per_pixel;
    }
  return size;
}

/* A preview decoded, scaled to @width pixels (0: as stored). */
static GdkTexture *
decode (GBytes *png,
        int     width)
{
  g_autoptr(GdkTexture) loaded = gdk_texture_new_from_bytes (png, NULL);
  cairo_surface_t *full, *scaled;

  if (loaded == NULL)
    return NULL;
  full = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (loaded),
                                     gdk_texture_get_height (loaded));
  cairo_surface_flush (full);
  gdk_texture_download (loaded, cairo_image_surface_get_data (full),
                        cairo_image_surface_get_stride (full));
  cairo_surface_mark_dirty (full);
  if (width <= 0 || width >= cairo_image_surface_get_width (full))
    return lajna_surface_texture_new (full);
  scaled = lajna_surface_scaled (full, (double) width / cairo_image_surface_get_width (full));
  cairo_surface_destroy (full);
  return lajna_surface_texture_new (scaled);
}

/**
 * lajna_page_previews_decode_page:
 * @self: the previews
 * @page: a page
 *
 * Returns: (transfer full) (nullable): the page's preview, decoded now
 */
GdkTexture *
lajna_page_previews_decode_page (LajnaPagePreviews *self,
                                 guint              page)
{
  g_return_val_if_fail (page < self->pngs->len, NULL);

  return decode (g_ptr_array_index (self->pngs, page), 0);
}

/* The previews of @pngs, each page's size read from its header. */
static LajnaPagePreviews *
previews_new (GPtrArray *pngs)
{
  LajnaPagePreviews *self = g_new0 (LajnaPagePreviews, 1);

  self->pngs = pngs;
  self->sizes = g_array_sized_new (FALSE, FALSE, sizeof (LajnaPageSize), pngs->len);
  /* NULL until decoded: lajna_page_previews_free() unrefs the others. */
  self->thumbnails = g_ptr_array_new ();
  g_ptr_array_set_size (self->thumbnails, pngs->len);
  for (guint i = 0; i < pngs->len; i++)
    {
      LajnaPageSize size = size_of (g_ptr_array_index (pngs, i));

      g_array_append_val (self->sizes, size);
    }
  return self;
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *pngs = lajna_document_previews_finish (LAJNA_DB_WORKER (source), result, &error);

  if (pngs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, previews_new (pngs), (GDestroyNotify) lajna_page_previews_free);
}

/**
 * lajna_page_previews_fetch_async:
 * @worker: the database worker
 * @document_id: the document
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the previews
 * @user_data: data for @callback
 */
void
lajna_page_previews_fetch_async (LajnaDbWorker       *worker,
                                 gint64               document_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (worker, cancellable, callback, user_data);

  g_task_set_source_tag (task, lajna_page_previews_fetch_async);
  lajna_document_previews_async (worker, document_id, cancellable, fetched_cb, task);
}

/**
 * lajna_page_previews_fetch_finish:
 *
 * Returns: (transfer full) (nullable): the previews, no thumbnail yet
 */
LajnaPagePreviews *
lajna_page_previews_fetch_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, worker), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the thread decodes: the PNGs of the pages without a thumbnail. */
typedef struct
{
  GPtrArray *pngs;
  GArray    *pages;
} Undecoded;

static void
undecoded_free (Undecoded *undecoded)
{
  g_ptr_array_unref (undecoded->pngs);
  g_array_unref (undecoded->pages);
  g_free (undecoded);
}

static void
clear_texture (gpointer texture)
{
  g_clear_object (&texture);
}

/* A thread of its own, at a lower priority than the window's and the
 * renderer's: on a machine of two cores, making 200 thumbnails must not
 * take the main loop's turn. */
static gpointer
decode_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  Undecoded *undecoded = g_task_get_task_data (task);
  GPtrArray *textures = g_ptr_array_new_with_free_func (clear_texture);

  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
  for (guint i = 0; i < undecoded->pages->len; i++)
    {
      guint page = g_array_index (undecoded->pages, guint, i);

      if (g_task_return_error_if_cancelled (task))
        {
          g_ptr_array_unref (textures);
          return NULL;
        }
      g_ptr_array_add (textures, decode (g_ptr_array_index (undecoded->pngs, page),
                                         THUMBNAIL_WIDTH));
    }
  g_task_return_pointer (task, textures, (GDestroyNotify) g_ptr_array_unref);
  return NULL;
}

/**
 * lajna_page_previews_decode_async:
 * @self: previews, some not decoded
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are
 * @user_data: data for @callback
 *
 * Makes the thumbnails on a thread; @self is only changed by
 * lajna_page_previews_decode_finish().
 */
void
lajna_page_previews_decode_async (LajnaPagePreviews   *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Undecoded *undecoded = g_new0 (Undecoded, 1);

  undecoded->pngs = g_ptr_array_ref (self->pngs);
  undecoded->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->thumbnails->len; i++)
    if (g_ptr_array_index (self->thumbnails, i) == NULL)
      g_array_append_val (undecoded->pages, i);
  g_task_set_task_data (task, undecoded, (GDestroyNotify) undecoded_free);
  g_thread_unref (g_thread_new ("lajna-thumbnails", decode_thread, g_object_ref (task)));
}

/**
 * lajna_page_previews_decode_finish:
 *
 * Puts the thumbnails made in their places.
 *
 * Returns: %FALSE if they were not decoded (cancelled)
 */
gboolean
lajna_page_previews_decode_finish (LajnaPagePreviews  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  Undecoded *undecoded = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) textures = g_task_propagate_pointer (G_TASK (result), error);

  if (textures == NULL)
    return FALSE;
  for (guint i = 0; i < textures->len; i++)
    {
      guint page = g_array_index (undecoded->pages, guint, i);

      g_clear_object (&g_ptr_array_index (self->thumbnails, page));
      g_ptr_array_index (self->thumbnails, page) = g_ptr_array_index (textures, i);
    }
  /* Each texture now belongs to @self. */
  g_ptr_array_set_free_func (textures, NULL);
  return TRUE;
}
