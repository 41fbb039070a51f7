/* lajna-document-file.c: a file to attach, read and checked before
 * anything is stored: what it is by its bytes (not its name), within the
 * limits of size, pages and pixels, whole and not encrypted. A PDF is kept
 * as it is; an image's pages are wrapped into a PDF; every page gets a
 * small preview (about 30 dpi) for the viewer to show at once. A file from
 * outside is read in a process of its own, bounded in time and memory
 * (lajna_document_sandbox_read()); scanned pages are the scanner's own. */

#include "lajna-document-file.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "lajna-document-image.h"

/* Previews are made at this resolution. */


G_DEFINE_QUARK (lajna-document-error-quark, lajna_document_error)

void
lajna_document_file_free (LajnaDocumentFile *self)
{
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->previews, g_ptr_array_unref);
  g_free (self);
}

/* What the bytes are, whatever the file's name says. */
static const char *
sniff (const guint8 *data,
       gsize         size)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (size >= 8 && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  if (size >= 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    return "image/tiff";
  if (size >= 5 && memmem (data, MIN (size, 1024), "%PDF-", 5) != NULL)
    return "application/pdf";
  return NULL;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
png_of (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  cairo_surface_write_to_png_stream (surface, append_bytes, png);
  return g_byte_array_free_to_bytes (png);
}

/* A page of width × height points as a small picture, drawn by @draw. */
static GBytes *
preview_of (double   width,
            double   height,
            void   (*draw) (cairo_t *cr, gpointer data),
            gpointer data)
{
  double scale = LAJNA_DOCUMENT_PREVIEW_DPI / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         MAX (1, (int) (width * scale + 0.5)),
                                                         MAX (1, (int) (height * scale + 0.5)));
  cairo_t *cr = cairo_create (surface);
  GBytes *png;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  draw (cr, data);
  cairo_destroy (cr);
  png = png_of (surface);
  cairo_surface_destroy (surface);
  return png;
}

static void
draw_pdf_page (cairo_t  *cr,
               gpointer  page)
{
  poppler_page_render (page, cr);
}

/* One renderer of previews: a document of its own (one document is never
 * rendered from two threads), every n-th page from its first. */
typedef struct
{
  GBytes                       *pdf;
  GPtrArray                    *previews;
  guint                         first;
  guint                         step;
  const LajnaDocumentReadHooks *hooks;
} Renderer;

/* Tells @hooks of page @index's preview, once it is made. */
static void
report_preview (const LajnaDocumentReadHooks *hooks,
                guint                         index,
                GBytes                       *png)
{
  if (hooks != NULL && png != NULL)
    hooks->preview_made (index, png, hooks->data);
}

static gpointer
render_every_nth (gpointer data)
{
  Renderer *r = data;
  PopplerDocument *document = poppler_document_new_from_bytes (r->pdf, NULL, NULL);

  for (guint i = r->first; document != NULL && i < r->previews->len; i += r->step)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width, height;

      /* A page tree whose leaves are not pages leaves this one without a
       * preview, and the file is refused. */
      if (page == NULL)
        continue;
      poppler_page_get_size (page, &width, &height);
      r->previews->pdata[i] = preview_of (width, height, draw_pdf_page, page);
      report_preview (r->hooks, i, r->previews->pdata[i]);
      g_object_unref (page);
    }
  g_clear_object (&document);
  return NULL;
}

/* A preview of every page, rendered on as many threads as there are
 * processors (at most four): a scan's pages are JPEGs that decode whole
 * whatever the size asked for. */
static void
render_previews (LajnaDocumentFile            *file,
                 const LajnaDocumentReadHooks *hooks)
{
  guint threads = CLAMP (g_get_num_processors (), 1, 4);
  Renderer renderers[4];
  GThread *running[4] = { NULL };

  g_ptr_array_set_size (file->previews, file->pages);
  threads = MIN (threads, file->pages);
  for (guint t = 0; t < threads; t++)
    {
      renderers[t] = (Renderer) { file->original, file->previews, t, threads, hooks };
      if (t > 0)
        running[t] = g_thread_new ("lajna-preview", render_every_nth, &renderers[t]);
    }
  render_every_nth (&renderers[0]);
  for (guint t = 1; t < threads; t++)
    g_thread_join (running[t]);
}

static gboolean
read_pdf_pages (LajnaDocumentFile             *file,
                PopplerDocument               *document,
                const LajnaDocumentReadHooks  *hooks,
                GError                       **error)
{
  file->pages = poppler_document_get_n_pages (document);
  if (file->pages == 0)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                   _("The PDF has no pages."));
      return FALSE;
    }
  if (file->pages > LAJNA_DOCUMENT_MAX_PAGES)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_TOO_MANY_PAGES,
                   _("The file has more than %d pages."), LAJNA_DOCUMENT_MAX_PAGES);
      return FALSE;
    }
  if (hooks != NULL)
    hooks->pages_known (file->pages, hooks->data);
  render_previews (file, hooks);
  for (guint i = 0; i < file->pages; i++)
    {
      if (g_ptr_array_index (file->previews, i) == NULL)
        {
          g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                       _("The PDF is damaged and cannot be read. (%s)"), "page");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_pdf (LajnaDocumentFile             *file,
          const LajnaDocumentReadHooks  *hooks,
          GError                       **error)
{
  gsize size;
  const char *data = g_bytes_get_data (file->original, &size);
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  /* A PDF that was cut short lacks its end-of-file mark. */
  if (memmem (data + (size > 1024 ? size - 1024 : 0), MIN (size, 1024), "%%EOF", 5) == NULL)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                   _("The PDF is cut short. Copy or scan it again."));
      return FALSE;
    }
  document = poppler_document_new_from_bytes (file->original, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_ENCRYPTED,
                     _("The PDF is protected by a password. Save it again without one."));
      else
        g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                     _("The PDF is damaged and cannot be read. (%s)"), local_error->message);
      return FALSE;
    }
  ok = read_pdf_pages (file, document, hooks, error);
  g_object_unref (document);
  return ok;
}

static void
draw_image_page (cairo_t  *cr,
                 gpointer  data)
{
  LajnaImagePage *page = data;
  double scale = 72.0 / page->dpi;

  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, page->surface, 0, 0);
  cairo_paint (cr);
}

/* @pages, one PDF page each at its resolution, into file->pdf, with a
 * preview each. */
static gboolean
write_pages (LajnaDocumentFile             *file,
             GPtrArray                     *pages,
             const LajnaDocumentReadHooks  *hooks,
             GError                       **error)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (hooks != NULL)
    hooks->pages_known (pages->len, hooks->data);
  for (guint i = 0; i < pages->len; i++)
    {
      LajnaImagePage *page = g_ptr_array_index (pages, i);
      double width = cairo_image_surface_get_width (page->surface) * 72.0 / page->dpi;
      double height = cairo_image_surface_get_height (page->surface) * 72.0 / page->dpi;

      cairo_pdf_surface_set_size (surface, width, height);
      draw_image_page (cr, page);
      cairo_identity_matrix (cr);
      cairo_show_page (cr);
      g_ptr_array_add (file->previews, preview_of (width, height, draw_image_page, page));
      report_preview (hooks, i, g_ptr_array_index (file->previews, i));
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  file->pdf = g_byte_array_free_to_bytes (pdf);
  file->pages = pages->len;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                   _("The image cannot be turned into pages: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_document_file_set_sha256:
 * @file: a file whose original is read
 *
 * Sets the SHA-256 of its original bytes.
 */
void
lajna_document_file_set_sha256 (LajnaDocumentFile *file)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize size = sizeof file->sha256;

  g_checksum_update (checksum, g_bytes_get_data (file->original, NULL),
                     g_bytes_get_size (file->original));
  g_checksum_get_digest (checksum, file->sha256, &size);
}

/**
 * lajna_document_file_new:
 *
 * Returns: (transfer full): a file with nothing read yet
 */
static void
clear_preview (gpointer png)
{
  if (png != NULL)
    g_bytes_unref (png);
}

LajnaDocumentFile *
lajna_document_file_new (void)
{
  LajnaDocumentFile *file = g_new0 (LajnaDocumentFile, 1);

  /* A file refused half read has pages without their preview. */
  file->previews = g_ptr_array_new_with_free_func (clear_preview);
  return file;
}

/**
 * lajna_document_file_from_pages:
 * @pages: (element-type LajnaImagePage): scanned pages, in order
 * @error: return location for a #GError
 *
 * One PDF of the pages, which is the document's original.
 *
 * Returns: (transfer full) (nullable): the file ready to store
 */
LajnaDocumentFile *
lajna_document_file_from_pages (GPtrArray  *pages,
                                GError    **error)
{
  g_autoptr(LajnaDocumentFile) file = lajna_document_file_new ();

  g_return_val_if_fail (pages->len > 0, NULL);

  file->mime_type = "application/pdf";
  if (!write_pages (file, pages, NULL, error))
    return NULL;
  file->original = g_steal_pointer (&file->pdf);
  lajna_document_file_set_sha256 (file);
  return g_steal_pointer (&file);
}

/**
 * lajna_document_file_read_here:
 * @bytes: the file's contents
 * @hooks: (nullable): told of the number of pages, then of each preview as
 *   it is made (from several threads at once)
 * @error: return location for a #GError in %LAJNA_DOCUMENT_ERROR
 *
 * Reads a PDF, JPEG, PNG or TIFF (of any number of pages), whatever its
 * name says, and makes its PDF and previews, in this process, with no
 * bound on the time or memory a hostile file may take: only the document
 * check (lajna-document-sandbox.c) calls it, in a process of its own.
 *
 * Returns: (transfer full) (nullable): the file ready to store
 */
LajnaDocumentFile *
lajna_document_file_read_here (GBytes                        *bytes,
                               const LajnaDocumentReadHooks  *hooks,
                               GError                       **error)
{
  g_autoptr(LajnaDocumentFile) file = lajna_document_file_new ();
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_EMPTY,
                   _("The file is empty."));
      return NULL;
    }
  if (size > LAJNA_DOCUMENT_MAX_BYTES)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB."), LAJNA_DOCUMENT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  file->mime_type = sniff (data, size);
  if (file->mime_type == NULL)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_UNKNOWN,
                   _("The file is not a PDF, JPEG, PNG or TIFF, whatever its name says."));
      return NULL;
    }
  file->original = g_bytes_ref (bytes);
  if (g_str_equal (file->mime_type, "application/pdf"))
    {
      if (!read_pdf (file, hooks, error))
        return NULL;
    }
  else
    {
      g_autoptr(GPtrArray) pages = lajna_document_image_pages (file->mime_type, bytes, error);

      if (pages == NULL || !write_pages (file, pages, hooks, error))
        return NULL;
    }
  lajna_document_file_set_sha256 (file);
  return g_steal_pointer (&file);
}
