/* lajna-page-renderer.c: a document's pages rendered off the main thread.
 * One thread owns the document (Poppler must not render one document from
 * two threads) and takes jobs by priority, then in the order they came:
 * the page on screen first, its neighbours next, thumbnails last. A job
 * cancelled while it waits is dropped without rendering, so scrolling past
 * a hundred pages costs nothing for the pages no longer wanted. */

#include "lajna-page-renderer.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "lajna-document-file.h"

struct _LajnaPageRenderer
{
  GObject          parent_instance;

  PopplerDocument *document;
  guint            n_pages;
  GThread         *thread;
  GAsyncQueue     *jobs;
  guint64          next_sequence;
};

G_DEFINE_FINAL_TYPE (LajnaPageRenderer, lajna_page_renderer, G_TYPE_OBJECT)

typedef struct
{
  GTask               *task;
  guint                page;
  double               scale;
  LajnaRenderPriority  priority;
  guint64              sequence;
} Job;

/* The job that ends the thread. */
static Job stop_job = { NULL, 0, 0, -1, 0 };

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Job *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

static cairo_surface_t *
render (PopplerDocument *document,
        guint            index,
        double           scale)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A page whose bytes could not be read (the server went away). */
  if (page == NULL)
    return NULL;
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) (width * scale + 0.5)),
                                        MAX (1, (int) (height * scale + 0.5)));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  /* Paper is white where the page draws nothing. */
  cairo_identity_matrix (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_object_unref (page);
  return surface;
}

static gpointer
render_thread (gpointer data)
{
  LajnaPageRenderer *self = data;
  Job *job;

  while ((job = g_async_queue_pop (self->jobs)) != &stop_job)
    {
      if (!g_task_return_error_if_cancelled (job->task))
        {
          cairo_surface_t *surface = render (self->document, job->page, job->scale);

          if (surface != NULL)
            g_task_return_pointer (job->task, surface, (GDestroyNotify) cairo_surface_destroy);
          else
            g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                     _("The page cannot be read."));
        }
      g_object_unref (job->task);
      g_free (job);
    }
  return NULL;
}

static void
lajna_page_renderer_finalize (GObject *object)
{
  LajnaPageRenderer *self = LAJNA_PAGE_RENDERER (object);
  Job *job;

  /* The thread ends after the page it renders; the jobs still waiting
   * are cancelled. */
  if (self->thread != NULL)
    {
      g_async_queue_push_sorted (self->jobs, &stop_job, compare_jobs, NULL);
      g_thread_join (self->thread);
    }
  while ((job = g_async_queue_try_pop (self->jobs)) != NULL)
    {
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The document was closed."));
      g_object_unref (job->task);
      g_free (job);
    }
  g_async_queue_unref (self->jobs);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (lajna_page_renderer_parent_class)->finalize (object);
}

static void
lajna_page_renderer_class_init (LajnaPageRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lajna_page_renderer_finalize;
}

static void
lajna_page_renderer_init (LajnaPageRenderer *self)
{
  self->jobs = g_async_queue_new ();
}

/**
 * lajna_page_renderer_new:
 * @pdf: a seekable stream of a document's pages, as stored, which the
 *   renderer reads from here on (on its thread)
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Poppler reads from @pdf only what it needs: the cross-reference table and
 * each page's objects, then a page's images when it is rendered.
 *
 * Returns: (transfer full) (nullable): a renderer of @pdf's pages
 */
LajnaPageRenderer *
lajna_page_renderer_new (GInputStream  *pdf,
                         goffset        length,
                         GError       **error)
{
  g_autoptr(LajnaPageRenderer) self = g_object_new (LAJNA_TYPE_PAGE_RENDERER, NULL);
  g_autoptr(GError) local_error = NULL;

  self->document = poppler_document_new_from_stream (pdf, length, NULL, NULL, &local_error);
  if (self->document == NULL)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                   "%s", local_error->message);
      return NULL;
    }
  self->n_pages = poppler_document_get_n_pages (self->document);
  /* From here on only the thread touches the document, until the
   * renderer is finalized and the thread joined. */
  self->thread = g_thread_new ("lajna-render", render_thread, self);
  return g_steal_pointer (&self);
}

guint
lajna_page_renderer_get_n_pages (LajnaPageRenderer *self)
{
  g_return_val_if_fail (LAJNA_IS_PAGE_RENDERER (self), 0);

  return self->n_pages;
}

/**
 * lajna_page_renderer_render_async:
 * @self: a #LajnaPageRenderer
 * @page: the page, from 0
 * @scale: pixels per point
 * @priority: how soon it is wanted
 * @cancellable: (nullable): cancels the job while it waits
 * @callback: called on the caller's main context with the picture
 * @user_data: data for @callback
 */
void
lajna_page_renderer_render_async (LajnaPageRenderer   *self,
                                  guint                page,
                                  double               scale,
                                  LajnaRenderPriority  priority,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (LAJNA_IS_PAGE_RENDERER (self));
  g_return_if_fail (page < self->n_pages);

  job = g_new0 (Job, 1);
  /* The task does not hold the renderer: whoever owns it finalizes it,
   * on their own thread, never the render thread. */
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, lajna_page_renderer_render_async);
  job->page = page;
  job->scale = scale;
  job->priority = priority;
  job->sequence = self->next_sequence++;
  g_async_queue_push_sorted (self->jobs, job, compare_jobs, NULL);
}

/**
 * lajna_page_renderer_render_finish:
 *
 * Returns: (transfer full) (nullable): the page's picture; %NULL with
 *   %G_IO_ERROR_CANCELLED when the job was cancelled before it ran
 */
cairo_surface_t *
lajna_page_renderer_render_finish (LajnaPageRenderer  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
