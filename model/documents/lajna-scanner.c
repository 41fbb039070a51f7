/* lajna-scanner.c: scanning through SANE. SANE handles are not to be
 * shared between threads, so one thread of the scanner's own does every
 * SANE call, job after job; callers get their pages back on their main
 * loop (or wait, from the command line). A scan sets the source, the
 * resolution and the mode it was asked for, then reads sheet after sheet:
 * from the feeder until it is empty or enough pages came, one from the
 * flatbed; cancelling stops it within the sheet being read. Listing the
 * scanners is a job too. The pages come back as cairo surfaces at their
 * resolution, ready to become one PDF (lajna_document_file_from_pages()). */

#include "lajna-scanner.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <sane/sane.h>
#include <sane/saneopts.h>
#include <signal.h>
#include <string.h>

#include "lajna-document-image.h"

struct _LajnaScanner
{
  GObject      parent_instance;

  GThread     *thread;
  GAsyncQueue *jobs;
};

G_DEFINE_FINAL_TYPE (LajnaScanner, lajna_scanner, G_TYPE_OBJECT)

G_DEFINE_QUARK (lajna-scan-error-quark, lajna_scan_error)

/* Ends the thread when it is the job taken. */
static GTask *stop_job;

static gpointer
scanner_thread (gpointer data)
{
  GAsyncQueue *jobs = data;
  SANE_Int version;
  GTask *task;

  sane_init (&version, NULL);
  while ((task = g_async_queue_pop (jobs)) != stop_job)
    {
      GTaskThreadFunc func = g_object_get_data (G_OBJECT (task), "lajna-scan-func");

      func (task, g_task_get_source_object (task), g_task_get_task_data (task),
            g_task_get_cancellable (task));
      g_object_unref (task);
    }
  sane_exit ();
  g_async_queue_unref (jobs);
  return NULL;
}

static void
lajna_scanner_finalize (GObject *object)
{
  LajnaScanner *self = LAJNA_SCANNER (object);

  g_async_queue_push (self->jobs, stop_job);
  /* The last reference can go with the last job, on the thread itself. */
  if (g_thread_self () == self->thread)
    g_thread_unref (self->thread);
  else
    g_thread_join (self->thread);
  g_async_queue_unref (self->jobs);

  G_OBJECT_CLASS (lajna_scanner_parent_class)->finalize (object);
}

static void
lajna_scanner_class_init (LajnaScannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lajna_scanner_finalize;
  stop_job = g_task_new (NULL, NULL, NULL, NULL);
}

static void
lajna_scanner_init (LajnaScanner *self)
{
  self->jobs = g_async_queue_new ();
  self->thread = g_thread_new ("lajna-scanner", scanner_thread, g_async_queue_ref (self->jobs));
}

LajnaScanner *
lajna_scanner_new (void)
{
  return g_object_new (LAJNA_TYPE_SCANNER, NULL);
}

/* A task whose @func runs on the scanner's thread. The task holds a
 * reference on the scanner, so the thread outlives every job. */
static void
queue (LajnaScanner        *self,
       GTaskThreadFunc      func,
       gpointer             data,
       GDestroyNotify       data_free,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, data_free);
  g_object_set_data (G_OBJECT (task), "lajna-scan-func", func);
  g_async_queue_push (self->jobs, task);
}

static gboolean
failed (SANE_Status   status,
        GError      **error)
{
  if (status == SANE_STATUS_GOOD)
    return FALSE;
  g_set_error (error, LAJNA_SCAN_ERROR,
               status == SANE_STATUS_NO_DOCS ? LAJNA_SCAN_ERROR_FEEDER_EMPTY
               : status == SANE_STATUS_INVAL ? LAJNA_SCAN_ERROR_NO_DEVICE
               : LAJNA_SCAN_ERROR_DEVICE,
               status == SANE_STATUS_NO_DOCS ? _("The document feeder is empty.")
               : _("The scanner reports: %s"), sane_strstatus (status));
  return TRUE;
}

/* Sets option @name to the first of @choices it offers, or to @number;
 * an option the scanner lacks is left as it is. */
static void
set_option (SANE_Handle         handle,
            const char         *name,
            const char * const *choices,
            double              number)
{
  const SANE_Option_Descriptor *option;

  for (SANE_Int i = 1; (option = sane_get_option_descriptor (handle, i)) != NULL; i++)
    {
      if (option->name == NULL || strcmp (option->name, name) != 0
          || !SANE_OPTION_IS_SETTABLE (option->cap))
        continue;
      if (option->type == SANE_TYPE_STRING && choices != NULL
          && option->constraint_type == SANE_CONSTRAINT_STRING_LIST)
        {
          for (guint c = 0; choices[c] != NULL; c++)
            for (guint s = 0; option->constraint.string_list[s] != NULL; s++)
              if (g_ascii_strcasecmp (option->constraint.string_list[s], choices[c]) == 0)
                {
                  sane_control_option (handle, i, SANE_ACTION_SET_VALUE,
                                       (void *) option->constraint.string_list[s], NULL);
                  return;
                }
        }
      else if (option->type == SANE_TYPE_INT)
        {
          SANE_Int value = (SANE_Int) number;

          sane_control_option (handle, i, SANE_ACTION_SET_VALUE, &value, NULL);
        }
      else if (option->type == SANE_TYPE_FIXED)
        {
          SANE_Fixed value = SANE_FIX (number);

          sane_control_option (handle, i, SANE_ACTION_SET_VALUE, &value, NULL);
        }
      return;
    }
}

/* The bytes of the frame begun, until the scanner says it ended;
 * @cancellable stops the page between two reads. */
static GByteArray *
read_data (SANE_Handle    handle,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  SANE_Status status;
  SANE_Int length;

  while ((status = sane_read (handle, buffer, sizeof buffer, &length)) == SANE_STATUS_GOOD)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_byte_array_append (data, buffer, length);
    }
  if (status != SANE_STATUS_EOF && failed (status, error))
    return NULL;
  return g_steal_pointer (&data);
}

/* One sheet's frame, read whole, as a surface. */
static cairo_surface_t *
read_frame (SANE_Handle    handle,
            GCancellable  *cancellable,
            GError       **error)
{
  SANE_Parameters p;
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface;
  guint8 *out;
  int lines, stride, channels;

  if (failed (sane_get_parameters (handle, &p), error))
    return NULL;
  channels = p.format == SANE_FRAME_RGB ? 3 : 1;
  if ((p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB) || !p.last_frame
      || (p.depth != 1 && p.depth != 8 && p.depth != 16) || (p.depth == 1 && channels == 3))
    {
      g_set_error (error, LAJNA_SCAN_ERROR, LAJNA_SCAN_ERROR_UNSUPPORTED,
                   _("The scanner sends images in a form Lajna cannot read. Choose colour or "
                     "grey."));
      return NULL;
    }
  if ((data = read_data (handle, cancellable, error)) == NULL)
    return NULL;

  lines = p.bytes_per_line > 0 ? (int) (data->len / p.bytes_per_line) : 0;
  if (lines == 0 || p.pixels_per_line <= 0)
    {
      failed (SANE_STATUS_IO_ERROR, error);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, p.pixels_per_line, lines);
  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < lines; y++)
    {
      const guint8 *row = data->data + (gsize) y * p.bytes_per_line;
      guint32 *q = (guint32 *) (out + (gsize) y * stride);

      for (int x = 0; x < p.pixels_per_line; x++)
        {
          guint8 v[3];

          for (int c = 0; c < channels; c++)
            {
              gsize sample = (gsize) x * channels + c;

              /* Line art: a set bit is black. 16 bits: the high byte. */
              v[c] = p.depth == 1 ? ((row[sample / 8] >> (7 - sample % 8)) & 1 ? 0 : 255)
                   : p.depth == 16 ? row[sample * 2 + (G_BYTE_ORDER == G_LITTLE_ENDIAN)]
                   : row[sample];
            }
          if (channels == 1)
            v[1] = v[2] = v[0];
          q[x] = 0xff000000u | ((guint32) v[0] << 16) | ((guint32) v[1] << 8) | v[2];
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

void
lajna_scan_device_free (LajnaScanDevice *device)
{
  g_free (device->name);
  g_free (device->label);
  g_free (device);
}

static void
devices_job (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GPtrArray *devices = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_scan_device_free);
  const SANE_Device **list = NULL;
  GError *error = NULL;

  if (failed (sane_get_devices (&list, SANE_FALSE), &error))
    {
      g_ptr_array_unref (devices);
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; list[i] != NULL; i++)
    {
      LajnaScanDevice *device = g_new0 (LajnaScanDevice, 1);

      device->name = g_strdup (list[i]->name);
      device->label = g_strdup_printf ("%s %s", list[i]->vendor, list[i]->model);
      g_ptr_array_add (devices, device);
    }
  g_task_return_pointer (task, devices, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * lajna_scanner_devices_async:
 * @self: a #LajnaScanner
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the scanners found
 * @user_data: data for @callback
 *
 * Looks for scanners, local and on the network: this can take seconds.
 */
void
lajna_scanner_devices_async (LajnaScanner        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  queue (self, devices_job, NULL, NULL, lajna_scanner_devices_async, cancellable, callback,
         user_data);
}

/**
 * lajna_scanner_devices_finish:
 *
 * Returns: (transfer full) (element-type LajnaScanDevice) (nullable): the
 *   scanners found, perhaps none
 */
GPtrArray *
lajna_scanner_devices_finish (LajnaScanner  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char     *device;
  gboolean  feeder;
  guint     pages;
  guint     dpi;
  gboolean  color;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_free (job->device);
  g_free (job);
}

static void
scan_job (GTask        *task,
          gpointer      source,
          gpointer      data,
          GCancellable *cancellable)
{
  static const char * const feeder[] = { "Automatic Document Feeder", "ADF", "ADF Front",
                                         "Document Feeder", NULL };
  static const char * const flatbed[] = { "Flatbed", "FlatBed", "Normal", NULL };
  static const char * const color[] = { SANE_VALUE_SCAN_MODE_COLOR, NULL };
  static const char * const gray[] = { SANE_VALUE_SCAN_MODE_GRAY, NULL };
  ScanJob *job = data;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_image_page_free);
  SANE_Handle handle = NULL;
  GError *error = NULL;
  guint wanted = job->pages > 0 ? job->pages : job->feeder ? G_MAXUINT : 1;
  struct sigaction on_term, on_interrupt;

  /* Some backends' reader threads set SIGTERM and SIGINT back to their
   * default action for the whole process (SANE's own test backend does):
   * the app's handlers, which save and quit, are put back after the scan. */
  sigaction (SIGTERM, NULL, &on_term);
  sigaction (SIGINT, NULL, &on_interrupt);

  if (sane_open (job->device, &handle) != SANE_STATUS_GOOD)
    {
      g_task_return_new_error (task, LAJNA_SCAN_ERROR, LAJNA_SCAN_ERROR_NO_DEVICE,
                               _("The scanner “%s” cannot be opened. Check that it is on and "
                                 "connected."), job->device);
      return;
    }
  set_option (handle, SANE_NAME_SCAN_SOURCE, job->feeder ? feeder : flatbed, 0);
  set_option (handle, SANE_NAME_SCAN_MODE, job->color ? color : gray, 0);
  set_option (handle, SANE_NAME_SCAN_RESOLUTION, NULL, job->dpi);
  while (pages->len < wanted && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      SANE_Status status = sane_start (handle);
      LajnaImagePage *page;

      /* An empty feeder after some sheets is the end of the batch. */
      if (status == SANE_STATUS_NO_DOCS && pages->len > 0)
        break;
      if (failed (status, &error))
        break;
      page = g_new0 (LajnaImagePage, 1);
      page->dpi = job->dpi;
      if ((page->surface = read_frame (handle, cancellable, &error)) == NULL)
        {
          g_free (page);
          break;
        }
      g_ptr_array_add (pages, page);
    }
  sane_cancel (handle);
  sane_close (handle);
  sigaction (SIGTERM, &on_term, NULL);
  sigaction (SIGINT, &on_interrupt, NULL);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&pages), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * lajna_scanner_scan_async:
 * @self: a #LajnaScanner
 * @settings: what to scan
 * @cancellable: (nullable): stops the scan, within the sheet being read
 * @callback: called with the pages
 * @user_data: data for @callback
 */
void
lajna_scanner_scan_async (LajnaScanner            *self,
                          const LajnaScanSettings *settings,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  job->device = g_strdup (settings->device);
  job->feeder = settings->feeder;
  job->pages = settings->pages;
  job->dpi = settings->dpi > 0 ? settings->dpi : 300;
  job->color = settings->color;
  queue (self, scan_job, job, (GDestroyNotify) scan_job_free, lajna_scanner_scan_async,
         cancellable, callback, user_data);
}

/**
 * lajna_scanner_scan_finish:
 *
 * Returns: (transfer full) (element-type LajnaImagePage) (nullable): the
 *   pages in the order they were scanned
 */
GPtrArray *
lajna_scanner_scan_finish (LajnaScanner  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
scanned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * lajna_scanner_scan_sync:
 *
 * lajna_scanner_scan_async() for a program without a main loop: waits.
 *
 * Returns: (transfer full) (element-type LajnaImagePage) (nullable): the
 *   pages
 */
GPtrArray *
lajna_scanner_scan_sync (LajnaScanner             *self,
                         const LajnaScanSettings  *settings,
                         GError                  **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  lajna_scanner_scan_async (self, settings, NULL, scanned_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  return lajna_scanner_scan_finish (self, result, error);
}
