/* lajna-pdf-file.c: where Lajna's PDFs go: an A4 cairo PDF surface
 * writing to a file or to memory, with the document's title and creator;
 * finishing it with an error that names the file; and a PDF written
 * beside its name (".partial") given that name only once it is complete
 * and recorded, so that a half-written PDF is never left under its name. */

#include "lajna-pdf-file.h"

#include "lajna-pdf-archive.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

static void
describe (cairo_surface_t *surface,
          const char      *title)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lajna");
}

/**
 * lajna_pdf_file_new:
 * @path: the PDF to write
 * @title: the document's title, for its metadata
 *
 * Returns: (transfer full): an A4 PDF surface writing to @path
 */
cairo_surface_t *
lajna_pdf_file_new (const char *path,
                    const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, LAJNA_PDF_PAGE_WIDTH,
                                                       LAJNA_PDF_PAGE_HEIGHT);

  describe (surface, title);
  return surface;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * lajna_pdf_file_new_in_memory:
 * @bytes: where the PDF's bytes go; it must outlive the surface
 * @title: the document's title, for its metadata
 *
 * Returns: (transfer full): an A4 PDF surface writing to @bytes
 */
cairo_surface_t *
lajna_pdf_file_new_in_memory (GByteArray *bytes,
                              const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                                  LAJNA_PDF_PAGE_WIDTH,
                                                                  LAJNA_PDF_PAGE_HEIGHT);

  describe (surface, title);
  return surface;
}

/**
 * lajna_pdf_file_finish:
 * @surface: (transfer full): a surface of lajna_pdf_file_new()
 * @name: the file it writes, for the error
 * @error: return location for a #GError
 *
 * Returns: whether the whole PDF was written
 */
gboolean
lajna_pdf_file_finish (cairo_surface_t  *surface,
                       const char       *name,
                       GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_pdf_file_write:
 * @path: the PDF to write
 * @pdf: its bytes
 * @error: return location for a #GError
 *
 * Returns: whether @path holds @pdf, whole
 */
gboolean
lajna_pdf_file_write (const char  *path,
                      GBytes      *pdf,
                      GError     **error)
{
  g_autoptr(GError) failure = NULL;

  if (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                           &failure))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
               failure->message);
  return FALSE;
}

/**
 * lajna_pdf_file_archive:
 * @path: a PDF of lajna_pdf_file_new(), finished
 * @title: its title
 * @error: return location for a #GError
 *
 * Makes @path a PDF/A-2b document (lajna_pdf_archive()), by appending to
 * it, so that a PDF of many pages is never held in memory whole.
 *
 * Returns: whether @path is archived
 */
gboolean
lajna_pdf_file_archive (const char  *path,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) pdf = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GString) update = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (pdf == NULL || (update = lajna_pdf_archive (pdf, title, now, NULL, "ar", error)) == NULL
      || (out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, error)) == NULL)
    return FALSE;
  return g_output_stream_write_all (G_OUTPUT_STREAM (out), update->str, update->len, NULL, NULL,
                                    error)
         && g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/**
 * lajna_pdf_file_commit:
 * @partial: a PDF written beside @path
 * @path: its name once complete
 * @error: return location for a #GError
 *
 * Returns: whether @partial now is @path; when not, it is gone
 */
gboolean
lajna_pdf_file_commit (const char  *partial,
                       const char  *path,
                       GError     **error)
{
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      g_remove (partial);
      return FALSE;
    }
  return TRUE;
}
