/* lajna-page-previews.c: the small pictures stored with a document (one a
 * page, about 30 dpi), read for the viewer in two steps so that the first
 * page shows at once: the worker fetches them all (a few megabytes) and
 * decodes the first pages; a thread then decodes the rest. Every page's
 * size is read from its preview's PNG header, so the viewer can lay out
 * all pages before Poppler has read the document.
 *
 * Textures are made in cairo's own pixel format, which the cairo renderer
 * draws without converting each frame. */

#include "lajna-page-previews.h"

#include <string.h>

#include "lajna-document-file.h"
#include "lajna-document-store.h"

/* Pages decoded before the viewer shows anything. */
#define DECODED_FIRST 2

void
lajna_page_previews_free (LajnaPagePreviews *self)
{
  g_array_unref (self->sizes);
  for (guint i = 0; i < self->textures->len; i++)
    g_clear_object (&g_ptr_array_index (self->textures, i));
  g_ptr_array_unref (self->textures);
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

static GdkTexture *
decode (GBytes *png)
{
  g_autoptr(GdkTexture) loaded = gdk_texture_new_from_bytes (png, NULL);
  int width, height;
  gsize stride;
  guint8 *pixels;

  if (loaded == NULL)
    return NULL;
  width = gdk_texture_get_width (loaded);
  height = gdk_texture_get_height (loaded);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (loaded, pixels, stride);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (pixels, stride * height);

    return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  }
}

static gpointer
fetch_thread (LajnaDb       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  GPtrArray *pngs = lajna_document_previews (db, *(gint64 *) data, error);
  LajnaPagePreviews *self;

  if (pngs == NULL)
    return NULL;
  self = g_new0 (LajnaPagePreviews, 1);
  self->pngs = pngs;
  self->sizes = g_array_sized_new (FALSE, FALSE, sizeof (LajnaPageSize), pngs->len);
  /* Some are NULL: lajna_page_previews_free() unrefs the others. */
  self->textures = g_ptr_array_sized_new (pngs->len);
  for (guint i = 0; i < pngs->len; i++)
    {
      LajnaPageSize size = size_of (g_ptr_array_index (pngs, i));

      g_array_append_val (self->sizes, size);
      g_ptr_array_add (self->textures, i < DECODED_FIRST ? decode (g_ptr_array_index (pngs, i))
                                                         : NULL);
    }
  return self;
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
  lajna_db_worker_run_async (worker, fetch_thread, g_memdup2 (&document_id, sizeof document_id),
                             g_free, (GDestroyNotify) lajna_page_previews_free, cancellable,
                             callback, user_data);
}

/**
 * lajna_page_previews_fetch_finish:
 *
 * Returns: (transfer full) (nullable): the previews, the first decoded
 */
LajnaPagePreviews *
lajna_page_previews_fetch_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* What the thread decodes: the PNGs of the pages not decoded yet. */
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
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Undecoded *undecoded = data;
  GPtrArray *textures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < undecoded->pages->len; i++)
    {
      guint page = g_array_index (undecoded->pages, guint, i);

      if (g_task_return_error_if_cancelled (task))
        {
          g_ptr_array_unref (textures);
          return;
        }
      g_ptr_array_add (textures, decode (g_ptr_array_index (undecoded->pngs, page)));
    }
  g_task_return_pointer (task, textures, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * lajna_page_previews_decode_async:
 * @self: previews, some not decoded
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are
 * @user_data: data for @callback
 *
 * Decodes the other previews on a thread; @self is only changed by
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
  for (guint i = 0; i < self->textures->len; i++)
    if (g_ptr_array_index (self->textures, i) == NULL)
      g_array_append_val (undecoded->pages, i);
  g_task_set_task_data (task, undecoded, (GDestroyNotify) undecoded_free);
  g_task_run_in_thread (task, decode_thread);
}

/**
 * lajna_page_previews_decode_finish:
 *
 * Puts the previews decoded in their places.
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

      g_clear_object (&g_ptr_array_index (self->textures, page));
      g_ptr_array_index (self->textures, page) = g_ptr_array_index (textures, i);
    }
  /* Each texture now belongs to @self. */
  g_ptr_array_set_free_func (textures, NULL);
  return TRUE;
}
