/* lajna-document-sandbox.c: a file from outside is read in a process of
 * its own, bounded in memory and time, so that a hostile or broken file
 * (a PDF whose pages draw each other, an image that decompresses to
 * gigabytes) costs a refusal, not the application.
 *
 * The parent hands the file's bytes to lajna-document-check as fd 3 (a
 * memory file), with its address space limited to the file's size and
 * WORK_BYTES beside it (lajna-bounded-process.c); the check reads it with
 * lajna_document_file_read_here() and writes back, on fd 4 (a pipe), the
 * number of pages, each preview as it is made, the PDF of an
 * image's pages and the file's type, or why the file is refused. The
 * parent gives up on a check that says nothing for OPEN_SECONDS while it
 * opens the file, or PAGE_SECONDS between pages, or runs over
 * TOTAL_SECONDS, and kills it; a check that dies (out of memory, or
 * crashed by the file) refuses the file too.
 *
 * Records: a tag byte, then little-endian 32-bit numbers (64-bit for a
 * length of PDF bytes) and bytes:
 *   'N' pages    'P' index length png    'D' length pdf
 *   'M' length type    'E' code length message    'K' (done)
 */

#include "lajna-document-sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lajna-bounded-process.h"
#include "lajna-document-file.h"

/* Memory a check may take beside the file itself. */
#define WORK_BYTES ((guint64) 512 * 1024 * 1024)
/* Seconds a check may take to open the file (an image's pages are all
 * decoded then), to make a page's preview, and in all. */
#define OPEN_SECONDS 30
#define PAGE_SECONDS 10
#define TOTAL_SECONDS 600
/* The largest preview and message believed. */
#define MAX_PREVIEW_BYTES (16 * 1024 * 1024)
#define MAX_MESSAGE_BYTES 4096

/* The check's end of the pipe: one record at a time, from any thread. */
typedef struct
{
  int    fd;
  GMutex lock;
} Output;

/* A record: @tag, @n numbers, then @length bytes of @data. */
static void
put_record (Output        *out,
            char           tag,
            const guint32 *numbers,
            guint          n,
            const void    *data,
            gsize          length)
{
  g_autoptr(GByteArray) record = g_byte_array_sized_new (1 + 4 * n + length);

  g_byte_array_append (record, (const guint8 *) &tag, 1);
  for (guint i = 0; i < n; i++)
    {
      guint32 le = GUINT32_TO_LE (numbers[i]);

      g_byte_array_append (record, (const guint8 *) &le, 4);
    }
  if (length > 0)
    g_byte_array_append (record, data, length);
  g_mutex_lock (&out->lock);
  lajna_fd_write_all (out->fd, record->data, record->len);
  g_mutex_unlock (&out->lock);
}

static void
pages_known (guint    pages,
             gpointer data)
{
  put_record (data, 'N', (guint32[]) { pages }, 1, NULL, 0);
}

static void
preview_made (guint    index,
              GBytes  *png,
              gpointer data)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (png, &length);

  put_record (data, 'P', (guint32[]) { index, length }, 2, bytes, length);
}

static gboolean critical_logged;

/* A library's critical (Poppler's on a page tree whose leaves are not
 * pages) means the file is not what it claims to be. */
static GLogWriterOutput
note_criticals (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    critical_logged = TRUE;
  return G_LOG_WRITER_HANDLED;
}

/**
 * lajna_document_sandbox_serve:
 * @input_fd: the file's bytes
 * @output_fd: where the records go
 *
 * The check's side: reads the file and reports as it goes.
 *
 * Returns: whether the file was read
 */
gboolean
lajna_document_sandbox_serve (int input_fd,
                              int output_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new_from_fd (input_fd, FALSE, &error);
  g_autoptr(GBytes) bytes = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
  g_autoptr(LajnaDocumentFile) file = NULL;
  Output out = { output_fd };
  LajnaDocumentReadHooks hooks = { pages_known, preview_made, &out };

  g_mutex_init (&out.lock);
  g_log_set_writer_func (note_criticals, NULL, NULL);
  if (bytes != NULL)
    file = lajna_document_file_read_here (bytes, &hooks, &error);
  if (file != NULL && critical_logged)
    {
      g_clear_pointer (&file, lajna_document_file_free);
      g_set_error (&error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                   _("The PDF is damaged and cannot be read. (%s)"), "page tree");
    }
  if (file == NULL)
    {
      gsize length = strlen (error->message);
      guint32 code = error->domain == LAJNA_DOCUMENT_ERROR ? (guint32) error->code
                                                           : LAJNA_DOCUMENT_ERROR_DAMAGED;

      put_record (&out, 'E', (guint32[]) { code, length }, 2, error->message, length);
      return FALSE;
    }
  if (file->pdf != NULL)
    {
      gsize length;
      const guint8 *pdf = g_bytes_get_data (file->pdf, &length);

      g_mutex_lock (&out.lock);
      lajna_fd_write_all (output_fd, "D", 1);
      lajna_fd_put_u64 (output_fd, length);
      lajna_fd_write_all (output_fd, pdf, length);
      g_mutex_unlock (&out.lock);
    }
  put_record (&out, 'M', (guint32[]) { strlen (file->mime_type) }, 1, file->mime_type,
              strlen (file->mime_type));
  put_record (&out, 'K', NULL, 0, NULL, 0);
  return TRUE;
}

/* The parent's side. */

typedef struct
{
  int     fd;
  GPid    pid;
  gint64  quiet_until;
  gint64  deadline;
  gboolean timed_out;
} Check;

/* Reads @length bytes, waiting as long as the check may stay quiet;
 * FALSE at the end of its output or when it is too slow. */
static gboolean
read_exact (Check *check,
            void  *buffer,
            gsize  length)
{
  return lajna_fd_read_all (check->fd, buffer, length, MIN (check->quiet_until, check->deadline),
                            &check->timed_out);
}

static gboolean
read_number (Check   *check,
             guint32 *number)
{
  return lajna_fd_get_u32 (check->fd, number, MIN (check->quiet_until, check->deadline),
                           &check->timed_out);
}

static GBytes *
read_bytes (Check *check,
            gsize  length)
{
  g_autofree guint8 *data = g_try_malloc (MAX (length, 1));

  if (data == NULL || !read_exact (check, data, length))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* Reads the check's records into @file; FALSE with @error set (from the
 * check's own refusal), or FALSE alone when the output is cut short. */
static gboolean
read_records (Check              *check,
              LajnaDocumentFile  *file,
              GError            **error)
{
  for (;;)
    {
      char tag;
      guint32 a = 0, b = 0;

      if (!read_exact (check, &tag, 1))
        return FALSE;
      check->quiet_until = g_get_monotonic_time () + PAGE_SECONDS * G_USEC_PER_SEC;
      switch (tag)
        {
        case 'N':
          if (!read_number (check, &a) || a == 0 || a > LAJNA_DOCUMENT_MAX_PAGES
              || file->previews->len > 0)
            return FALSE;
          file->pages = a;
          g_ptr_array_set_size (file->previews, a);
          break;
        case 'P':
          {
            GBytes *png;

            if (!read_number (check, &a) || !read_number (check, &b) || a >= file->pages
                || b > MAX_PREVIEW_BYTES || (png = read_bytes (check, b)) == NULL)
              return FALSE;
            if (file->previews->pdata[a] != NULL)
              g_bytes_unref (file->previews->pdata[a]);
            file->previews->pdata[a] = png;
          }
          break;
        case 'D':
          {
            guint64 length;

            if (!lajna_fd_get_u64 (check->fd, &length, MIN (check->quiet_until, check->deadline),
                                   &check->timed_out)
                || length > 4 * (guint64) LAJNA_DOCUMENT_MAX_BYTES || file->pdf != NULL
                || (file->pdf = read_bytes (check, length)) == NULL)
              return FALSE;
          }
          break;
        case 'M':
          {
            static const char * const types[] = { "application/pdf", "image/jpeg",
                                                  "image/png", "image/tiff" };
            g_autoptr(GBytes) type = NULL;

            if (!read_number (check, &a) || a > 64 || (type = read_bytes (check, a)) == NULL)
              return FALSE;
            for (guint i = 0; i < G_N_ELEMENTS (types); i++)
              if (a == strlen (types[i]) && memcmp (g_bytes_get_data (type, NULL), types[i], a) == 0)
                file->mime_type = types[i];
          }
          break;
        case 'E':
          {
            g_autoptr(GBytes) message = NULL;
            g_autofree char *text = NULL;

            if (!read_number (check, &a) || !read_number (check, &b) || b > MAX_MESSAGE_BYTES
                || (message = read_bytes (check, b)) == NULL)
              return FALSE;
            text = g_strndup (g_bytes_get_data (message, NULL), b);
            g_set_error_literal (error, LAJNA_DOCUMENT_ERROR,
                                 a <= LAJNA_DOCUMENT_ERROR_TOO_COSTLY
                                   ? (int) a : LAJNA_DOCUMENT_ERROR_DAMAGED,
                                 g_utf8_validate (text, -1, NULL)
                                   ? text : _("The file is damaged and cannot be read."));
            return FALSE;
          }
        case 'K':
          for (guint i = 0; i < file->pages; i++)
            if (file->previews->pdata[i] == NULL)
              return FALSE;
          return file->mime_type != NULL && file->pages > 0;
        default:
          return FALSE;
        }
    }
}

/* A memory file holding @bytes. */
static int
memory_file_of (GBytes  *bytes,
                GError **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  int fd = memfd_create ("lajna-document", MFD_CLOEXEC);

  if (fd < 0 || !lajna_fd_write_all (fd, data, length))
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The file cannot be handed to its check: %s"), g_strerror (saved));
      return -1;
    }
  return fd;
}

/**
 * lajna_document_sandbox_read:
 * @bytes: the file's contents
 * @error: return location for a #GError in %LAJNA_DOCUMENT_ERROR
 *
 * Reads a PDF, JPEG, PNG or TIFF (of any number of pages), whatever its
 * name says, and makes its PDF and previews, in a process of its own
 * bounded in memory and time: a file that needs more is refused with
 * %LAJNA_DOCUMENT_ERROR_TOO_COSTLY. Takes seconds for a long scan: call
 * it off the main thread.
 *
 * Returns: (transfer full) (nullable): the file ready to store
 */
LajnaDocumentFile *
lajna_document_sandbox_read (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(LajnaDocumentFile) file = lajna_document_file_new ();
  int input = memory_file_of (bytes, error);
  int output[2] = { -1, -1 };
  gsize memory = (gsize) MIN ((guint64) G_MAXSIZE, g_bytes_get_size (bytes) + WORK_BYTES);
  Check check = { -1, 0 };
  g_autoptr(GError) refusal = NULL;
  gboolean read;

  if (input < 0)
    return NULL;
  if (!g_unix_open_pipe (output, FD_CLOEXEC, error)
      || !lajna_bounded_process_spawn ("check", memory, (int[]) { input, output[1] }, 2,
                                       &check.pid, error))
    {
      close (input);
      if (output[0] >= 0)
        {
          close (output[0]);
          close (output[1]);
        }
      return NULL;
    }
  close (input);
  close (output[1]);
  check.fd = output[0];
  check.quiet_until = g_get_monotonic_time () + OPEN_SECONDS * G_USEC_PER_SEC;
  check.deadline = g_get_monotonic_time () + TOTAL_SECONDS * G_USEC_PER_SEC;
  read = read_records (&check, file, &refusal);
  close (check.fd);
  lajna_bounded_process_end (check.pid, !read);
  if (read)
    {
      file->original = g_bytes_ref (bytes);
      lajna_document_file_set_sha256 (file);
      return g_steal_pointer (&file);
    }
  if (refusal != NULL)
    g_propagate_error (error, g_steal_pointer (&refusal));
  else if (check.timed_out)
    g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_TOO_COSTLY,
                 _("The file takes longer to open than a document may (a page in %d seconds): "
                   "it is refused. Scan or save it again."), PAGE_SECONDS);
  else
    g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_TOO_COSTLY,
                 _("The file needs more memory than a document may take to open (%d MB "
                   "beside its size), or it is damaged: it is refused. Scan or save it "
                   "again."), (int) (WORK_BYTES / (1024 * 1024)));
  return NULL;
}
