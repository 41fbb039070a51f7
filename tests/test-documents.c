/* test-documents.c: attaching documents to a file. Each format (PDF, JPEG,
 * PNG, multi-page TIFF) is read by its content, stored with its PDF and a
 * preview a page, and given back byte for byte; the same bytes twice are
 * stored once and flagged; a corpus of bad files (empty, random bytes
 * named .pdf, cut short, encrypted, a 40,000 × 40,000 PNG, a TIFF that
 * declares 100,000 × 100,000) is refused with its reason, storing
 * nothing; so are hostile files that would take the application's time
 * or memory (forms drawing each other 2⁴⁰ times, a Type 3 glyph drawing
 * itself, a PNG that decodes to 800 MB), read in a process of their own,
 * and broken page trees. The files are made here, with cairo, GdkPixbuf,
 * libtiff and qpdf. */

#include <check.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>
#include <string.h>
#include <tiffio.h>

#include "lajna-db-private.h"
#include "lajna-document-store.h"
#include "lajna-document-sandbox.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'dc-m', 'لجنة', 'D', 'د')";

static gint64 case_id;

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  case_id = lajna_test_register_file (db, "marriage", "dc-m");
}

static cairo_surface_t *
picture (int width,
         int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.85, 0.7);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.2, 0.5);
  cairo_rectangle (cr, width / 4.0, height / 4.0, width / 2.0, height / 8.0);
  cairo_fill (cr);
  cairo_destroy (cr);
  return surface;
}

static GBytes *
make_png (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = picture (620, 877);

  cairo_surface_write_to_png_stream (surface, lajna_test_append_bytes, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
make_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 620, 877);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  ck_assert_msg (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, NULL), "%s",
                 MESSAGE (error));
  return g_bytes_new_take (buffer, size);
}

/* A TIFF of @pages grey pages, written to a file and read back. */
static GBytes *
make_tiff (guint pages)
{
  g_autofree char *path = g_build_filename (lajna_test_shared_data_dir (), "pages.tif", NULL);
  TIFF *tiff = TIFFOpen (path, "w");
  guint8 row[300];
  char *data = NULL;
  gsize size = 0;

  ck_assert (tiff != NULL);
  for (guint page = 0; page < pages; page++)
    {
      TIFFSetField (tiff, TIFFTAG_IMAGEWIDTH, 300);
      TIFFSetField (tiff, TIFFTAG_IMAGELENGTH, 400);
      TIFFSetField (tiff, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField (tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
      TIFFSetField (tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
      TIFFSetField (tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
      TIFFSetField (tiff, TIFFTAG_XRESOLUTION, 100.0);
      TIFFSetField (tiff, TIFFTAG_YRESOLUTION, 100.0);
      TIFFSetField (tiff, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
      TIFFSetField (tiff, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
      TIFFSetField (tiff, TIFFTAG_PAGENUMBER, page, pages);
      memset (row, 40 + 60 * page, sizeof row);
      for (guint32 y = 0; y < 400; y++)
        TIFFWriteScanline (tiff, row, y, 0);
      TIFFWriteDirectory (tiff);
    }
  TIFFClose (tiff);
  ck_assert (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

static GBytes *
make_encrypted_pdf (void)
{
  g_autofree char *plain = g_build_filename (lajna_test_shared_data_dir (), "plain.pdf", NULL);
  g_autofree char *locked = g_build_filename (lajna_test_shared_data_dir (), "locked.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (1);
  char *data = NULL;
  gsize size = 0;

  ck_assert (qpdf != NULL);
  ck_assert (g_file_set_contents (plain, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                  NULL));
  ck_assert_int_eq (lajna_test_run_program (qpdf, ARGS ("--encrypt", "user", "owner", "256", "--",
                                                        plain, locked), NULL, NULL), 0);
  ck_assert (g_file_get_contents (locked, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

static GBytes *
prefix (GBytes *bytes,
        double  share)
{
  return g_bytes_new_from_bytes (bytes, 0, (gsize) (g_bytes_get_size (bytes) * share));
}

static GBytes *
random_bytes (void)
{
  guint8 *data = g_malloc (4096);

  for (guint i = 0; i < 4096; i++)
    data[i] = g_random_int_range (0, 256);
  return g_bytes_new_take (data, 4096);
}

/* A PNG that declares 40,000 × 40,000 pixels (with one small chunk of
 * data and its end): refused from its header. */
static GBytes *
huge_png (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0x9c, 0x40, 0, 0, 0x9c, 0x40, 8, 2, 0, 0, 0,
    0, 0, 0, 0,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };

  return g_bytes_new_static (png, sizeof png);
}

/* A TIFF whose only page declares 100,000 × 100,000 pixels, in one strip
 * of ten bytes. */
static GBytes *
huge_tiff (void)
{
  static const guint8 tiff[] = {
    0x49, 0x49, 0x2a, 0x00, 0x18, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x09, 0x00, 0x00, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0xa0, 0x86,
    0x01, 0x00, 0x01, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0xa0, 0x86,
    0x01, 0x00, 0x02, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x00,
    0x00, 0x00, 0x03, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x11, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x00,
    0x00, 0x00, 0x15, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x16, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0xa0, 0x86,
    0x01, 0x00, 0x17, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  };

  return g_bytes_new_static (tiff, sizeof tiff);
}

static int
count (LajnaDb    *db,
       const char *sql)
{
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, NULL);

  ck_assert (result != NULL);
  return atoi (PQgetvalue (result, 0, 0));
}

static int
stored_pdf_pages (LajnaDb *db,
                  gint64   id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *values[] = { text };
  const int formats[] = { 0 };
  g_autoptr(PGresult) result = lajna_db_exec_binary (db,
      "SELECT coalesce(b.pdf, b.original) FROM document_blob b WHERE b.document_id = $1",
      1, values, NULL, formats, TRUE, NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  int pages;

  ck_assert (result != NULL && PQntuples (result) == 1);
  pdf = g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  ck_assert_msg (document != NULL, "%s", MESSAGE (error));
  pages = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return pages;
}

typedef struct
{
  const char *name;
  GBytes   *(*make) (void);
  const char *mime_type;
  guint       pages;
} Good;

static GBytes *make_pdf2 (void) { return lajna_test_make_pdf (2); }
static GBytes *make_tiff3 (void) { return make_tiff (3); }

static const Good good[] = {
  { "a two-page PDF", make_pdf2, "application/pdf", 2 },
  { "a JPEG", make_jpeg, "image/jpeg", 1 },
  { "a PNG", make_png, "image/png", 1 },
  { "a three-page TIFF", make_tiff3, "image/tiff", 3 },
};

START_TEST (test_each_format)
{
  const Good *g = &good[_i];
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GBytes) bytes = g->make ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = lajna_document_sandbox_read (bytes, &error);
  g_autoptr(LajnaDocumentFile) again = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *previews = NULL;
  gboolean already = TRUE;
  gint64 id, same;
  int documents;

  ck_assert_msg (file != NULL, "%s: %s", g->name, MESSAGE (error));
  ck_assert_str_eq (file->mime_type, g->mime_type);
  ck_assert_uint_eq (file->pages, g->pages);
  id = lajna_document_attach (db, case_id, "passport", g->name, "import", file, &already, &error);
  ck_assert_msg (id > 0, "%s: %s", g->name, MESSAGE (error));
  ck_assert (!already);
  ck_assert_int_eq (stored_pdf_pages (db, id), g->pages);
  previews = g_strdup_printf ("SELECT count(*) FROM document_preview WHERE document_id = %"
                              G_GINT64_FORMAT " AND length(png) > 100", id);
  ck_assert_int_eq (count (db, previews), g->pages);

  original = lajna_document_original (db, id, &error);
  ck_assert_msg (original != NULL, "%s", MESSAGE (error));
  ck_assert (g_bytes_equal (original, bytes));

  /* The same bytes again: flagged, not stored. */
  documents = count (db, "SELECT count(*) FROM document");
  again = lajna_document_sandbox_read (bytes, &error);
  same = lajna_document_attach (db, case_id, "other", "again", "import", again, &already, &error);
  ck_assert_int_eq (same, id);
  ck_assert (already);
  ck_assert_int_eq (count (db, "SELECT count(*) FROM document"), documents);
}
END_TEST

/* A PNG named .pdf (or anything) is read as the PNG it is. */
START_TEST (test_content_not_name)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = lajna_document_sandbox_read (png, &error);

  ck_assert_msg (file != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (file->mime_type, "image/png");
}
END_TEST

typedef struct
{
  const char         *name;
  GBytes           *(*make) (void);
  LajnaDocumentError  code;
} Bad;

static GBytes *empty (void) { return g_bytes_new_static ("", 0); }
static GBytes *cut_pdf (void) { g_autoptr(GBytes) b = lajna_test_make_pdf (3); return prefix (b, 0.6); }
static GBytes *cut_jpeg (void) { g_autoptr(GBytes) b = make_jpeg (); return prefix (b, 0.5); }
static GBytes *cut_png (void) { g_autoptr(GBytes) b = make_png (); return prefix (b, 0.5); }
static GBytes *cut_tiff (void) { g_autoptr(GBytes) b = make_tiff (2); return prefix (b, 0.3); }

#define CATALOG "<< /Type /Catalog /Pages 2 0 R >>"
#define A4 "/MediaBox [0 0 595 842]"

static GBytes *drawing_forms (void) { return lajna_test_make_drawing_forms (FALSE); }

/* A Type 3 font whose one glyph shows itself twice. */
static GBytes *
glyph_drawing_itself (void)
{
  static const char * const objects[] = {
    CATALOG,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R " A4 " /Contents 4 0 R /Resources << /Font << /T 5 0 R >> >> >>",
    "<< /Length 34 >>\nstream\nBT /T 100 Tf 100 400 Td (aa) Tj ET\nendstream",
    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
    " /CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >>"
    " /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /Font << /T 5 0 R >> >> >>",
    "<< /Length 56 >>\nstream\n1000 0 d0 BT /T 1000 Tf 0 0 Td (aa) Tj ET 0 0 m 100 100 l S\n"
    "endstream",
    NULL,
  };

  return lajna_test_pdf_of (objects);
}

/* A page tree whose second leaf is a number. */
static GBytes *
leaf_not_a_page (void)
{
  static const char * const objects[] = {
    CATALOG, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R " A4 " >>", "42", NULL,
  };

  return lajna_test_pdf_of (objects);
}

/* A page tree that holds itself. */
static GBytes *
tree_holding_itself (void)
{
  static const char * const objects[] = {
    CATALOG, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R " A4 " >>", NULL,
  };

  return lajna_test_pdf_of (objects);
}

static guint32
crc32_of (const guint8 *data,
          gsize         length,
          guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

static void
png_chunk (GByteArray   *png,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 be = GUINT32_TO_BE (length);

  g_byte_array_append (png, (const guint8 *) &be, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, length);
  be = GUINT32_TO_BE (crc32_of (data, length, crc32_of ((const guint8 *) type, 4, 0)));
  g_byte_array_append (png, (const guint8 *) &be, 4);
}

/* A 10,950 × 10,950 PNG (under the pixel limit) of 350 KB that decodes to
 * over 800 MB. */
static GBytes *
png_bomb (void)
{
  const guint32 side = 10950;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) deflate = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  g_autofree guint8 *row = g_malloc0 (1 + 3 * side);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) data = NULL;
  guint8 header[] = { 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0 };
  const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  for (guint32 y = 0; y < side; y++)
    ck_assert (g_output_stream_write_all (deflate, row, 1 + 3 * side, NULL, NULL, NULL));
  ck_assert (g_output_stream_close (deflate, NULL, NULL));
  data = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  *(guint32 *) header = GUINT32_TO_BE (side);
  *(guint32 *) (header + 4) = GUINT32_TO_BE (side);
  g_byte_array_append (png, signature, sizeof signature);
  png_chunk (png, "IHDR", header, sizeof header);
  png_chunk (png, "IDAT", g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  png_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static const Bad bad[] = {
  { "an empty file", empty, LAJNA_DOCUMENT_ERROR_EMPTY },
  { "random bytes named .pdf", random_bytes, LAJNA_DOCUMENT_ERROR_UNKNOWN },
  { "a PDF cut short", cut_pdf, LAJNA_DOCUMENT_ERROR_DAMAGED },
  { "an encrypted PDF", make_encrypted_pdf, LAJNA_DOCUMENT_ERROR_ENCRYPTED },
  { "a JPEG cut short", cut_jpeg, LAJNA_DOCUMENT_ERROR_DAMAGED },
  { "a PNG cut short", cut_png, LAJNA_DOCUMENT_ERROR_DAMAGED },
  { "a TIFF cut short", cut_tiff, LAJNA_DOCUMENT_ERROR_DAMAGED },
  { "a 40,000 × 40,000 PNG", huge_png, LAJNA_DOCUMENT_ERROR_TOO_MANY_PIXELS },
  { "a TIFF declaring 100,000 × 100,000", huge_tiff, LAJNA_DOCUMENT_ERROR_TOO_MANY_PIXELS },
  { "forms drawing each other 2⁴⁰ times", drawing_forms, LAJNA_DOCUMENT_ERROR_TOO_COSTLY },
  { "a Type 3 glyph drawing itself", glyph_drawing_itself, LAJNA_DOCUMENT_ERROR_TOO_COSTLY },
  { "a page tree leaf that is no page", leaf_not_a_page, LAJNA_DOCUMENT_ERROR_DAMAGED },
  { "a page tree holding itself", tree_holding_itself, LAJNA_DOCUMENT_ERROR_DAMAGED },
  { "a 10,950 × 10,950 PNG of 350 KB", png_bomb, LAJNA_DOCUMENT_ERROR_TOO_COSTLY },
};

START_TEST (test_bad_file_refused)
{
  const Bad *b = &bad[_i];
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GBytes) bytes = b->make ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = NULL;
  int documents = count (db, "SELECT count(*) FROM document");

  file = lajna_document_sandbox_read (bytes, &error);
  ck_assert_msg (file == NULL, "%s was read", b->name);
  ck_assert_msg (g_error_matches (error, LAJNA_DOCUMENT_ERROR, b->code), "%s: %s (code %d)",
                 b->name, error->message, error->code);
  ck_assert_int_eq (count (db, "SELECT count(*) FROM document"), documents);
}
END_TEST

/* lajnactl doc import: one bad file among good ones is reported, the
 * others are attached; exit 1. */
START_TEST (test_cli_import)
{
  g_autofree char *good_path = g_build_filename (lajna_test_shared_data_dir (), "scan.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (lajna_test_shared_data_dir (), "noise.pdf", NULL);
  g_autofree char *out_path = g_build_filename (lajna_test_shared_data_dir (), "back.pdf", NULL);
  g_autofree char *case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (4);
  g_autoptr(GBytes) noise = random_bytes ();
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *back = NULL;
  gsize back_size = 0;
  int exports = count (db, "SELECT count(*) FROM audit_event WHERE action = 'document.export'");

  ck_assert (g_file_set_contents (good_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                  NULL));
  ck_assert (g_file_set_contents (bad_path, g_bytes_get_data (noise, NULL),
                                  g_bytes_get_size (noise), NULL));
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                            ARGS ("doc", "import", "--case", case_text, "--type",
                                                  "birth_certificate", bad_path, good_path),
                                            &out, &err), 1);
  ck_assert_msg (strstr (err, "noise.pdf") != NULL, "%s", err);
  ck_assert_msg (strstr (out, "scan.pdf") != NULL && strstr (out, "(4 pages)") != NULL, "%s", out);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                            ARGS ("doc", "list", "--case", case_text, "--json"),
                                            &listed, NULL), 0);
  ck_assert_msg (strstr (listed, "\"birth_certificate\"") != NULL, "%s", listed);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM document WHERE case_id = %s"
                                            " AND type_code = 'birth_certificate'", case_text);
    g_autofree char *id = g_strdup_printf ("%d", count (db, sql));

    ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                              ARGS ("doc", "export", id, "-o", out_path),
                                              NULL, NULL), 0);
  }
  ck_assert (g_file_get_contents (out_path, &back, &back_size, NULL));
  ck_assert (back_size == g_bytes_get_size (pdf)
             && memcmp (back, g_bytes_get_data (pdf, NULL), back_size) == 0);
  ck_assert_int_eq (count (db, "SELECT count(*) FROM audit_event WHERE action = 'document.export'"),
                    exports + 1);
}
END_TEST

/* A document of a megabyte and more, read through its stream in slices
 * that straddle the stream's blocks, and from a position sought, is its
 * stored PDF byte for byte. */
START_TEST (test_read_in_slices)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  cairo_surface_t *noise = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 700);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) png_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) read = g_byte_array_new ();
  g_autofree char *id_text = NULL;
  g_autoptr(PGresult) stored = NULL;
  guint8 chunk[100000];
  gboolean already;
  goffset length = 0;
  gssize n;
  gint64 id;
  guint32 *pixels;

  cairo_surface_flush (noise);
  pixels = (guint32 *) cairo_image_surface_get_data (noise);
  for (int i = 0; i < 700 * 700; i++)
    pixels[i] = g_random_int ();
  cairo_surface_mark_dirty (noise);
  cairo_surface_write_to_png_stream (noise, lajna_test_append_bytes, png);
  cairo_surface_destroy (noise);
  png_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  file = lajna_document_sandbox_read (png_bytes, &error);
  ck_assert_msg (file != NULL, "%s", MESSAGE (error));
  id = lajna_document_attach (db, lajna_test_register_file (db, "marriage", "dc-m"), "other", "",
                              "import", file, &already, &error);
  ck_assert_msg (id > 0, "%s", MESSAGE (error));

  stream = lajna_document_open (db, lajna_test_shared_connect (), id, &length, &error);
  ck_assert_msg (stream != NULL, "%s", MESSAGE (error));
  ck_assert_int_eq (length, g_bytes_get_size (file->pdf));
  ck_assert_int_gt (length, 1024 * 1024);
  while ((n = g_input_stream_read (stream, chunk, sizeof chunk, NULL, &error)) > 0)
    g_byte_array_append (read, chunk, n);
  ck_assert_msg (n == 0, "%s", MESSAGE (error));
  ck_assert_uint_eq (read->len, length);
  ck_assert (memcmp (read->data, g_bytes_get_data (file->pdf, NULL), length) == 0);

  ck_assert (g_seekable_seek (G_SEEKABLE (stream), -300000, G_SEEK_END, NULL, NULL));
  ck_assert_int_eq (g_input_stream_read (stream, chunk, sizeof chunk, NULL, NULL), sizeof chunk);
  ck_assert (memcmp (chunk, read->data + length - 300000, sizeof chunk) == 0);
  ck_assert (!g_seekable_seek (G_SEEKABLE (stream), length + 1, G_SEEK_SET, NULL, NULL));

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  stored = lajna_db_exec_params (db, "SELECT count(*) FROM audit_event WHERE action = 'document.open'"
                                     " AND object_id = $1", 1, (const char *[]) { id_text }, NULL);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "1");
}
END_TEST

/* Opening a document gives its pages as a PDF and records who read it;
 * a document nobody opened has no readers. */
START_TEST (test_readers)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GBytes) first_bytes = lajna_test_make_pdf (1);
  g_autoptr(GBytes) second_bytes = make_jpeg ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) first = lajna_document_sandbox_read (first_bytes, &error);
  g_autoptr(LajnaDocumentFile) second = NULL;
  g_autoptr(GInputStream) opened = NULL;
  g_autoptr(GHashTable) readers = NULL;
  char start[5];
  goffset length;
  g_autoptr(PGresult) me = lajna_db_exec (db, "SELECT lajna_user_name(current_user)", NULL);
  g_autofree char *first_key = NULL;
  g_autofree char *second_key = NULL;
  GPtrArray *logins;
  gboolean already;
  gint64 case_with_two = lajna_test_register_file (db, "marriage", "dc-m");
  gint64 first_id, second_id;

  ck_assert (first != NULL);
  second = lajna_document_sandbox_read (second_bytes, &error);
  ck_assert (second != NULL);
  first_id = lajna_document_attach (db, case_with_two, "passport", "", "import", first, &already,
                                    &error);
  second_id = lajna_document_attach (db, case_with_two, "photo", "", "import", second, &already,
                                     &error);
  ck_assert (first_id > 0 && second_id > 0);

  opened = lajna_document_open (db, lajna_test_shared_connect (), second_id, &length, &error);
  ck_assert_msg (opened != NULL, "%s", MESSAGE (error));
  ck_assert (g_input_stream_read (opened, start, 5, NULL, NULL) == 5
             && memcmp (start, "%PDF-", 5) == 0);

  readers = lajna_document_readers (db, case_with_two, &error);
  ck_assert_msg (readers != NULL, "%s", MESSAGE (error));
  first_key = g_strdup_printf ("%" G_GINT64_FORMAT, first_id);
  second_key = g_strdup_printf ("%" G_GINT64_FORMAT, second_id);
  ck_assert (g_hash_table_lookup (readers, first_key) == NULL);
  logins = g_hash_table_lookup (readers, second_key);
  ck_assert (logins != NULL && logins->len == 1);
  ck_assert_str_eq (g_ptr_array_index (logins, 0), PQgetvalue (me, 0, 0));
}
END_TEST

static Suite *
documents_suite (void)
{
  Suite *suite = suite_create ("documents");
  TCase *tc = tcase_create ("/documents");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_each_format, 0, G_N_ELEMENTS (good));
  tcase_add_test (tc, test_content_not_name);
  tcase_add_loop_test (tc, test_bad_file_refused, 0, G_N_ELEMENTS (bad));
  tcase_add_test (tc, test_cli_import);
  tcase_add_test (tc, test_readers);
  tcase_add_test (tc, test_read_in_slices);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (documents_suite ());
}
