/* lajna-page-renderer.c: a document's pages rendered off the main thread,
 * in a process of their own. One thread owns the document and takes jobs
 * by priority, then in the order they came: the page on screen first, its
 * neighbours next, thumbnails last. A job cancelled while it waits is
 * dropped without rendering, so scrolling past a hundred pages costs
 * nothing for the pages no longer wanted.
 *
 * Poppler itself runs in lajna-document-check (lajna-bounded-process.c),
 * bounded to RENDER_MEMORY and given PAGE_SECONDS a page, so that a page
 * that would take the application's memory or time fails alone: the
 * process is killed, the job answers that the page cannot be shown (the
 * viewer shows an error tile), and the next job starts another process.
 * The process reads the document through this thread, a slice at a time
 * (lajna-remote-stream.c), and sends back each page's pixels.
 *
 * Over the socket: 'O' length (the document), answered 'n' pages or 'F';
 * 'R' page scale, answered 'S' width height stride pixels or 'F'; and
 * meanwhile the process's 'B' offset length, answered 'b' length bytes.
 * Numbers are little-endian, 32 bits but for lengths and offsets of the
 * document (64) and the scale (a double's 64 bits). */

#include "lajna-page-renderer.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lajna-bounded-process.h"
#include "lajna-document-file.h"
#include "lajna-remote-stream.h"

/* The render process's address space, and the seconds it may take to open
 * the document and to render a page (reading its bytes resets the
 * clock). */
#define RENDER_MEMORY ((gsize) 512 * 1024 * 1024)
#define OPEN_SECONDS 30
#define PAGE_SECONDS 10
/* The largest page believed, in pixels a side and bytes. */
#define MAX_SIDE 30000
#define MAX_PAGE_BYTES ((gsize) 400 * 1024 * 1024)

struct _LajnaPageRenderer
{
  GObject          parent_instance;

  GInputStream    *pdf;
  goffset          length;
  guint            n_pages;
  int              fd;
  GPid             pid;
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

/* The render process's side. */

/* Page @index at @scale, white where it draws nothing. */
static cairo_surface_t *
render_page (PopplerDocument *document,
             guint            index,
             double           scale)
{
  PopplerPage *page = index < (guint) poppler_document_get_n_pages (document)
                        ? poppler_document_get_page (document, index) : NULL;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (page == NULL || !(scale > 0 && scale <= 16))
    {
      g_clear_object (&page);
      return NULL;
    }
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        CLAMP ((int) (width * scale + 0.5), 1, MAX_SIDE),
                                        CLAMP ((int) (height * scale + 0.5), 1, MAX_SIDE));
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
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

static gboolean
put_surface (int              fd,
             cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  return lajna_fd_write_all (fd, "S", 1) && lajna_fd_put_u32 (fd, width)
         && lajna_fd_put_u32 (fd, height) && lajna_fd_put_u32 (fd, stride)
         && lajna_fd_write_all (fd, cairo_image_surface_get_data (surface),
                                (gsize) stride * height);
}

/**
 * lajna_page_renderer_serve:
 * @fd: the socket to the renderer
 *
 * The render process's side: opens the document the renderer holds and
 * renders the pages it asks for, until it closes the socket.
 *
 * Returns: whether the document opened
 */
gboolean
lajna_page_renderer_serve (int fd)
{
  PopplerDocument *document = NULL;
  g_autoptr(GInputStream) stream = NULL;
  guint64 length;
  guint32 n_pages;
  char tag;

  if (!lajna_fd_read_all (fd, &tag, 1, -1, NULL) || tag != 'O'
      || !lajna_fd_get_u64 (fd, &length, -1, NULL))
    return FALSE;
  stream = lajna_remote_stream_new (fd, (goffset) length);
  document = poppler_document_new_from_stream (stream, (goffset) length, NULL, NULL, NULL);
  if (document == NULL)
    {
      lajna_fd_write_all (fd, "F", 1);
      return FALSE;
    }
  /* Counting the pages may read more of the document: before the answer,
   * whose page count the renderer takes as the next bytes. */
  n_pages = poppler_document_get_n_pages (document);
  if (!lajna_fd_write_all (fd, "n", 1) || !lajna_fd_put_u32 (fd, n_pages))
    {
      g_object_unref (document);
      return FALSE;
    }
  while (lajna_fd_read_all (fd, &tag, 1, -1, NULL) && tag == 'R')
    {
      guint32 page;
      guint64 bits;
      double scale;
      cairo_surface_t *surface;
      gboolean sent;

      if (!lajna_fd_get_u32 (fd, &page, -1, NULL) || !lajna_fd_get_u64 (fd, &bits, -1, NULL))
        break;
      memcpy (&scale, &bits, sizeof scale);
      surface = render_page (document, page, scale);
      sent = surface != NULL ? put_surface (fd, surface) : lajna_fd_write_all (fd, "F", 1);
      g_clear_pointer (&surface, cairo_surface_destroy);
      if (!sent)
        break;
    }
  g_object_unref (document);
  return TRUE;
}

/* The renderer's side. */

static void
stop_process (LajnaPageRenderer *self)
{
  if (self->fd < 0)
    return;
  close (self->fd);
  self->fd = -1;
  lajna_bounded_process_end (self->pid, TRUE);
}

/* Gives the process the bytes it asks for. */
static gboolean
serve_bytes (LajnaPageRenderer *self,
             gint64             deadline)
{
  guint64 offset;
  guint32 length;
  g_autofree guint8 *bytes = NULL;
  gsize got = 0;

  if (!lajna_fd_get_u64 (self->fd, &offset, deadline, NULL)
      || !lajna_fd_get_u32 (self->fd, &length, deadline, NULL)
      || length > LAJNA_REMOTE_STREAM_MAX_REQUEST || offset > (guint64) self->length)
    return FALSE;
  bytes = g_malloc (MAX (length, 1));
  if (!g_seekable_seek (G_SEEKABLE (self->pdf), (goffset) offset, G_SEEK_SET, NULL, NULL)
      || !g_input_stream_read_all (self->pdf, bytes, MIN (length, self->length - offset), &got,
                                   NULL, NULL))
    got = 0;
  return lajna_fd_write_all (self->fd, "b", 1) && lajna_fd_put_u32 (self->fd, got)
         && lajna_fd_write_all (self->fd, bytes, got);
}

/* The process's answer: 'n', 'S' or 'F', having served its reads
 * meanwhile; 0 when it says nothing for @seconds or goes away. */
static char
await_answer (LajnaPageRenderer *self,
              guint              seconds)
{
  for (;;)
    {
      gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
      char tag;

      if (!lajna_fd_read_all (self->fd, &tag, 1, deadline, NULL))
        return 0;
      if (tag != 'B')
        return tag;
      if (!serve_bytes (self, deadline))
        return 0;
    }
}

/* Starts a render process for the document; its number of pages in
 * @n_pages. */
static gboolean
start_process (LajnaPageRenderer  *self,
               guint32            *n_pages,
               GError            **error)
{
  int pair[2];

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  if (!lajna_bounded_process_spawn ("render", RENDER_MEMORY, &pair[1], 1, &self->pid, error))
    {
      close (pair[0]);
      close (pair[1]);
      return FALSE;
    }
  close (pair[1]);
  self->fd = pair[0];
  if (lajna_fd_write_all (self->fd, "O", 1) && lajna_fd_put_u64 (self->fd, self->length)
      && await_answer (self, OPEN_SECONDS) == 'n'
      && lajna_fd_get_u32 (self->fd, n_pages,
                           g_get_monotonic_time () + OPEN_SECONDS * G_USEC_PER_SEC, NULL))
    return TRUE;
  stop_process (self);
  g_set_error_literal (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                       _("The document cannot be opened: it is damaged, or it takes more "
                         "memory or time than a document may."));
  return FALSE;
}

/* The page's pixels as the process sends them after 'S'. */
static cairo_surface_t *
receive_surface (LajnaPageRenderer *self)
{
  gint64 deadline = g_get_monotonic_time () + PAGE_SECONDS * G_USEC_PER_SEC;
  guint32 width, height, stride;
  cairo_surface_t *surface;

  if (!lajna_fd_get_u32 (self->fd, &width, deadline, NULL)
      || !lajna_fd_get_u32 (self->fd, &height, deadline, NULL)
      || !lajna_fd_get_u32 (self->fd, &stride, deadline, NULL) || width == 0 || height == 0
      || width > MAX_SIDE || height > MAX_SIDE
      || (int) stride != cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width)
      || (gsize) stride * height > MAX_PAGE_BYTES)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_stride (surface) != (int) stride
      || !lajna_fd_read_all (self->fd, cairo_image_surface_get_data (surface),
                             (gsize) stride * height, deadline, NULL))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Page @index at @scale, or NULL with @error set. */
static cairo_surface_t *
render (LajnaPageRenderer  *self,
        guint               index,
        double              scale,
        GError            **error)
{
  guint32 n_pages;
  guint64 bits;
  cairo_surface_t *surface = NULL;
  char answer;

  if (self->fd < 0 && !start_process (self, &n_pages, error))
    return NULL;
  memcpy (&bits, &scale, sizeof bits);
  answer = lajna_fd_write_all (self->fd, "R", 1) && lajna_fd_put_u32 (self->fd, index)
             && lajna_fd_put_u64 (self->fd, bits)
             ? await_answer (self, PAGE_SECONDS) : 0;
  if (answer == 'S')
    surface = receive_surface (self);
  if (answer == 'F')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The page cannot be read."));
      return NULL;
    }
  if (surface == NULL)
    {
      /* Killed, out of memory or crashed: the next page starts afresh. */
      stop_process (self);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The page takes more memory or time than a page may: it is not "
                             "shown."));
    }
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
          GError *error = NULL;
          cairo_surface_t *surface = render (self, job->page, job->scale, &error);

          if (surface != NULL)
            g_task_return_pointer (job->task, surface, (GDestroyNotify) cairo_surface_destroy);
          else
            g_task_return_error (job->task, error);
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
  stop_process (self);
  g_clear_object (&self->pdf);

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
  self->fd = -1;
}

/**
 * lajna_page_renderer_new:
 * @pdf: a seekable stream of a document's pages, as stored, which the
 *   renderer reads from here on (on its thread)
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Poppler, in the render process, reads from @pdf only what it needs: the
 * cross-reference table and each page's objects, then a page's images
 * when it is rendered.
 *
 * Returns: (transfer full) (nullable): a renderer of @pdf's pages
 */
LajnaPageRenderer *
lajna_page_renderer_new (GInputStream  *pdf,
                         goffset        length,
                         GError       **error)
{
  g_autoptr(LajnaPageRenderer) self = g_object_new (LAJNA_TYPE_PAGE_RENDERER, NULL);
  guint32 n_pages;

  self->pdf = g_object_ref (pdf);
  self->length = length;
  if (!start_process (self, &n_pages, error))
    return NULL;
  self->n_pages = n_pages;
  /* From here on only the thread reads the document, until the renderer
   * is finalized and the thread joined. */
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
