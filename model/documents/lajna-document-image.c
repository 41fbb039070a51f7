/* lajna-document-image.c: the pages of a JPEG, PNG or (multi-page) TIFF as
 * cairo surfaces. Every image's size is read from its header and checked
 * before a pixel is decoded, so that a 40,000 × 40,000 picture or a TIFF
 * that declares one is refused without allocating it; a file cut short is
 * refused rather than shown half grey. JPEG pages keep their compressed
 * bytes, for the PDF to embed as they are. */

#include "lajna-document-image.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <tiffio.h>

#include "lajna-document-file.h"

/* Scans without a stated resolution are taken to be 300 dpi. */
#define DEFAULT_DPI 300.0

void
lajna_image_page_free (LajnaImagePage *page)
{
  cairo_surface_destroy (page->surface);
  g_free (page);
}

/**
 * lajna_image_page_turned:
 * @page: a page
 * @quarter_turns: clockwise quarter turns, taken modulo 4
 *
 * Returns: (transfer full): a page of @page's pixels turned; @page is left
 *   as it is, and shared when not turned
 */
LajnaImagePage *
lajna_image_page_turned (const LajnaImagePage *page,
                         guint                 quarter_turns)
{
  LajnaImagePage *turned = g_new0 (LajnaImagePage, 1);
  int width = cairo_image_surface_get_width (page->surface);
  int height = cairo_image_surface_get_height (page->surface);
  int stride = cairo_image_surface_get_stride (page->surface);
  int out_width, out_height, out_stride;
  const guint8 *in;
  guint8 *out;

  turned->dpi = page->dpi;
  quarter_turns %= 4;
  if (quarter_turns == 0)
    {
      turned->surface = cairo_surface_reference (page->surface);
      return turned;
    }
  out_width = quarter_turns == 2 ? width : height;
  out_height = quarter_turns == 2 ? height : width;
  turned->surface = cairo_image_surface_create (cairo_image_surface_get_format (page->surface),
                                                out_width, out_height);
  cairo_surface_flush (page->surface);
  cairo_surface_flush (turned->surface);
  in = cairo_image_surface_get_data (page->surface);
  out = cairo_image_surface_get_data (turned->surface);
  out_stride = cairo_image_surface_get_stride (turned->surface);
  /* Both surfaces hold 32 bits a pixel (RGB24 or ARGB32). */
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (in + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          int to_x = quarter_turns == 1 ? height - 1 - y : quarter_turns == 2 ? width - 1 - x : y;
          int to_y = quarter_turns == 1 ? x : quarter_turns == 2 ? height - 1 - y : width - 1 - x;

          *(guint32 *) (out + (gsize) to_y * out_stride + (gsize) to_x * 4) = row[x];
        }
    }
  cairo_surface_mark_dirty (turned->surface);
  return turned;
}

static gboolean
check_size (guint64   width,
            guint64   height,
            GError  **error)
{
  if (width == 0 || height == 0)
    {
      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
                   _("The image has no pixels; the file is damaged."));
      return FALSE;
    }
  if (width > LAJNA_DOCUMENT_MAX_SIDE || height > LAJNA_DOCUMENT_MAX_SIDE
      || width * height > LAJNA_DOCUMENT_MAX_PIXELS)
    {
      g_autofree char *w = g_strdup_printf ("%" G_GUINT64_FORMAT, width);
      g_autofree char *h = g_strdup_printf ("%" G_GUINT64_FORMAT, height);

      g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_TOO_MANY_PIXELS,
                   _("The image is %s × %s pixels; at most %d pixels a side and %d million in "
                     "all can be attached. Scan it again at 300 dpi."),
                   w, h, LAJNA_DOCUMENT_MAX_SIDE, LAJNA_DOCUMENT_MAX_PIXELS / 1000000);
      return FALSE;
    }
  return TRUE;
}

static gboolean
damaged (GError **error)
{
  g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_DAMAGED,
               _("The file is cut short or damaged. Copy or scan it again."));
  return FALSE;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A PNG's size from its header, and whether it ends as a PNG does. */
static gboolean
png_header (const guint8  *data,
            gsize          size,
            guint64       *width,
            guint64       *height,
            GError       **error)
{
  static const guint8 end[] = { 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };

  if (size < 33 || memcmp (data + 12, "IHDR", 4) != 0)
    return damaged (error);
  *width = be32 (data + 16);
  *height = be32 (data + 20);
  if (!check_size (*width, *height, error))
    return FALSE;
  if (size < 45 || memcmp (data + size - sizeof end, end, sizeof end) != 0)
    return damaged (error);
  return TRUE;
}

/* A JPEG's size from its frame header, its resolution from JFIF, and
 * whether it ends as a JPEG does. */
static gboolean
jpeg_header (const guint8  *data,
             gsize          size,
             guint64       *width,
             guint64       *height,
             double        *dpi,
             GError       **error)
{
  gsize at = 2;
  gboolean ends = FALSE;

  /* The end marker, maybe followed by padding. */
  for (gsize i = size, from = size > 1024 ? size - 1024 : 0; i >= from + 2 && !ends; i--)
    ends = data[i - 2] == 0xff && data[i - 1] == 0xd9;
  while (at + 9 < size && data[at] == 0xff)
    {
      guint8 marker = data[at + 1];
      gsize length = ((gsize) data[at + 2] << 8) | data[at + 3];

      if (marker == 0xe0 && at + 16 < size && memcmp (data + at + 4, "JFIF", 5) == 0
          && data[at + 11] == 1)
        *dpi = ((data[at + 12] << 8) | data[at + 13]);
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
          && marker != 0xcc)
        {
          *height = ((guint64) data[at + 5] << 8) | data[at + 6];
          *width = ((guint64) data[at + 7] << 8) | data[at + 8];
          return check_size (*width, *height, error) && (ends || damaged (error));
        }
      at += 2 + length;
    }
  return damaged (error);
}

/* Pixels of a GdkPixbuf (RGB or RGBA) as a cairo surface. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (channels == 4 ? CAIRO_FORMAT_ARGB32
                                                                       : CAIRO_FORMAT_RGB24,
                                                         width, height);
  guint8 *out = cairo_image_surface_get_data (surface);
  int out_stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *p = pixels + (gsize) y * stride;
      guint32 *q = (guint32 *) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, p += channels)
        {
          guint a = channels == 4 ? p[3] : 255;

          q[x] = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8)
                 | (p[2] * a / 255);
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
decode_with_pixbuf (GBytes  *bytes,
                    GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error)
      || !gdk_pixbuf_loader_close (loader, &local_error)
      || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_debug ("The image does not decode: %s", local_error != NULL ? local_error->message : "");
      damaged (error);
      return NULL;
    }
  return surface_from_pixbuf (pixbuf);
}

/* libtiff reads from memory through these. */
typedef struct
{
  const guint8 *data;
  gsize         size;
  toff_t        at;
} Memory;

static tsize_t
memory_read (thandle_t handle, tdata_t buffer, tsize_t length)
{
  Memory *m = handle;
  gsize n = m->at < m->size ? MIN ((gsize) length, m->size - m->at) : 0;

  memcpy (buffer, m->data + m->at, n);
  m->at += n;
  return n;
}

static tsize_t
memory_write (thandle_t handle, tdata_t buffer, tsize_t length)
{
  return -1;
}

static toff_t
memory_seek (thandle_t handle, toff_t offset, int whence)
{
  Memory *m = handle;

  m->at = whence == SEEK_SET ? offset : whence == SEEK_CUR ? m->at + offset : m->size + offset;
  return m->at;
}

static int
memory_close (thandle_t handle)
{
  return 0;
}

static toff_t
memory_size (thandle_t handle)
{
  return ((Memory *) handle)->size;
}

static void
tiff_quiet (const char *module, const char *format, va_list args)
{
}

static gboolean
tiff_pages (GBytes     *bytes,
            GPtrArray  *pages,
            GError    **error)
{
  Memory memory = { g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0 };
  TIFF *tiff;
  gboolean ok = TRUE;

  TIFFSetErrorHandler (tiff_quiet);
  TIFFSetWarningHandler (tiff_quiet);
  tiff = TIFFClientOpen ("document", "rm", &memory, memory_read, memory_write, memory_seek,
                         memory_close, memory_size, NULL, NULL);
  if (tiff == NULL)
    return damaged (error);
  do
    {
      guint32 width = 0, height = 0;
      guint16 unit = RESUNIT_INCH;
      float resolution = 0;
      LajnaImagePage *page;
      guint32 *raster;
      guint8 *out;
      int stride;

      if (pages->len >= LAJNA_DOCUMENT_MAX_PAGES)
        {
          g_set_error (error, LAJNA_DOCUMENT_ERROR, LAJNA_DOCUMENT_ERROR_TOO_MANY_PAGES,
                       _("The file has more than %d pages."), LAJNA_DOCUMENT_MAX_PAGES);
          ok = FALSE;
          break;
        }
      TIFFGetField (tiff, TIFFTAG_IMAGEWIDTH, &width);
      TIFFGetField (tiff, TIFFTAG_IMAGELENGTH, &height);
      if (!check_size (width, height, error))
        {
          ok = FALSE;
          break;
        }
      TIFFGetFieldDefaulted (tiff, TIFFTAG_RESOLUTIONUNIT, &unit);
      if (!TIFFGetField (tiff, TIFFTAG_XRESOLUTION, &resolution) || resolution <= 0)
        resolution = DEFAULT_DPI;
      else if (unit == RESUNIT_CENTIMETER)
        resolution *= 2.54f;

      page = g_new0 (LajnaImagePage, 1);
      page->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      page->dpi = resolution;
      g_ptr_array_add (pages, page);
      raster = g_try_new (guint32, (gsize) width * height);
      if (raster == NULL || !TIFFReadRGBAImageOriented (tiff, width, height, raster,
                                                        ORIENTATION_TOPLEFT, 1))
        {
          g_free (raster);
          ok = damaged (error);
          break;
        }
      cairo_surface_flush (page->surface);
      out = cairo_image_surface_get_data (page->surface);
      stride = cairo_image_surface_get_stride (page->surface);
      for (guint32 y = 0; y < height; y++)
        {
          guint32 *q = (guint32 *) (out + (gsize) y * stride);

          for (guint32 x = 0; x < width; x++)
            {
              guint32 p = raster[(gsize) y * width + x];

              /* ABGR, premultiplied by libtiff, to ARGB. */
              q[x] = (TIFFGetA (p) << 24) | (TIFFGetR (p) << 16) | (TIFFGetG (p) << 8)
                     | TIFFGetB (p);
            }
        }
      cairo_surface_mark_dirty (page->surface);
      g_free (raster);
    }
  while (TIFFReadDirectory (tiff));
  TIFFClose (tiff);
  return ok;
}

/**
 * lajna_document_image_pages:
 * @mime_type: image/jpeg, image/png or image/tiff
 * @bytes: the file
 * @error: return location for a #GError in %LAJNA_DOCUMENT_ERROR
 *
 * Returns: (transfer full) (element-type LajnaImagePage) (nullable): the
 *   pages
 */
GPtrArray *
lajna_document_image_pages (const char  *mime_type,
                            GBytes      *bytes,
                            GError     **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_image_page_free);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint64 width = 0, height = 0;
  double dpi = DEFAULT_DPI;
  LajnaImagePage *page;

  if (g_str_equal (mime_type, "image/tiff"))
    return tiff_pages (bytes, pages, error) ? g_steal_pointer (&pages) : NULL;

  if (g_str_equal (mime_type, "image/png") ? !png_header (data, size, &width, &height, error)
                                           : !jpeg_header (data, size, &width, &height, &dpi,
                                                           error))
    return NULL;
  page = g_new0 (LajnaImagePage, 1);
  page->dpi = dpi > 0 ? dpi : DEFAULT_DPI;
  if ((page->surface = decode_with_pixbuf (bytes, error)) == NULL)
    {
      g_free (page);
      return NULL;
    }
  /* The PDF embeds a JPEG as it is, without decoding and compressing again. */
  if (g_str_equal (mime_type, "image/jpeg"))
    cairo_surface_set_mime_data (page->surface, CAIRO_MIME_TYPE_JPEG, data, size,
                                 (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (bytes));
  g_ptr_array_add (pages, page);
  return g_steal_pointer (&pages);
}
