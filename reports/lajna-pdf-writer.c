/* lajna-pdf-writer.c: Arabic A4 pages on a cairo PDF surface, laid out
 * with Pango right to left: a title, headings, label–value facts,
 * paragraphs and drawings (a chart) flow down the page and onto the next,
 * each page footed as lajna-pdf-page-foot.c draws it. Blocks are laid out
 * first and drawn second, so that Y is known on page 1.
 *
 * Every value is isolated (U+2068 … U+2069), so a date, a number or a
 * Latin name keeps its own order inside the Arabic line. Amiri is the
 * font: its Arabic extracts from the PDF in logical order. Where the pages
 * go (a file, or memory) is lajna-pdf-file.c's. */

#include "lajna-pdf-writer.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lajna-pdf-archive.h"
#include "lajna-pdf-file.h"
#include "lajna-pdf-layout.h"
#include "lajna-pdf-page-foot.h"
#include "lajna-pdf-text.h"
#include "lajna-text.h"

#define PAGE_WIDTH LAJNA_PDF_PAGE_WIDTH
#define PAGE_HEIGHT LAJNA_PDF_PAGE_HEIGHT
#define MARGIN LAJNA_PDF_MARGIN
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_HEIGHT LAJNA_PDF_FOOT_HEIGHT
#define LABEL_WIDTH 180.0
#define GAP 24.0
/* A row of signatures: the capacity, room to sign above the line, the
 * name; the gap between two rows. */
#define SIGNATURE_HEIGHT 76.0
#define SIGNATURE_LINE 50.0
#define SIGNATURE_ROW_GAP 8.0
#define LOGO_SIZE 64.0
/* Each column of the letterhead, beside the logo. */
#define LETTERHEAD_COLUMN ((CONTENT_WIDTH - LOGO_SIZE) / 2 - 8)

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_FACT,
  BLOCK_PARAGRAPH,
  BLOCK_SIGNATURES,
  BLOCK_LETTERHEAD,
  BLOCK_DRAWING,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  char        *text;
  char        *value;
  /* Signatures: the capacities, right to left, and the names under them. */
  GStrv        capacities;
  GStrv        names;
  /* Letterhead: the logo between its two columns (text, value). */
  cairo_surface_t *logo;
  /* Drawing: what draws it, across the page, its height given. */
  LajnaPdfDrawFunc draw;
  gpointer     draw_data;
  GDestroyNotify draw_data_free;
  /* Laid out by write(). */
  PangoLayout *layout;
  PangoLayout *value_layout;
  double       height;
  guint        page;
  double       y;
} Block;

struct _LajnaPdfWriter
{
  GObject  parent_instance;

  char    *title;
  char    *watermark;
  /* The seal, printed as a QR code on every page and kept in the keywords. */
  char    *seal;
  gboolean arabic;
  /* When the document was made: a ruling's day, so that the same ruling
   * always gives the same bytes. */
  GDateTime *created;
  gboolean left_to_right;
  GArray  *blocks;
  /* Laid out once, by lajna_pdf_writer_paginate(). */
  guint    n_pages;
};

G_DEFINE_FINAL_TYPE (LajnaPdfWriter, lajna_pdf_writer, G_TYPE_OBJECT)

static void
block_clear (Block *block)
{
  g_free (block->text);
  g_free (block->value);
  g_strfreev (block->capacities);
  g_strfreev (block->names);
  g_clear_pointer (&block->logo, cairo_surface_destroy);
  if (block->draw_data_free != NULL)
    block->draw_data_free (block->draw_data);
  g_clear_object (&block->layout);
  g_clear_object (&block->value_layout);
}

static void
lajna_pdf_writer_finalize (GObject *object)
{
  LajnaPdfWriter *self = LAJNA_PDF_WRITER (object);

  g_free (self->title);
  g_free (self->watermark);
  g_free (self->seal);
  g_date_time_unref (self->created);
  g_array_unref (self->blocks);

  G_OBJECT_CLASS (lajna_pdf_writer_parent_class)->finalize (object);
}

static void
lajna_pdf_writer_class_init (LajnaPdfWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lajna_pdf_writer_finalize;
}

static void
lajna_pdf_writer_init (LajnaPdfWriter *self)
{
  self->created = g_date_time_new_now_utc ();
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
}

/**
 * lajna_pdf_writer_new:
 * @title: the document's title, for its metadata
 *
 * Returns: (transfer full): an empty document
 */
LajnaPdfWriter *
lajna_pdf_writer_new (const char *title)
{
  LajnaPdfWriter *self = g_object_new (LAJNA_TYPE_PDF_WRITER, NULL);

  self->title = g_strdup (title);
  return self;
}

/**
 * lajna_pdf_writer_set_watermark:
 * @self: a #LajnaPdfWriter
 * @text: (nullable): what crosses every page, or %NULL for nothing
 */
void
lajna_pdf_writer_set_watermark (LajnaPdfWriter *self,
                                const char     *text)
{
  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));

  g_free (self->watermark);
  self->watermark = g_strdup (text);
}

/**
 * lajna_pdf_writer_set_seal:
 * @self: a #LajnaPdfWriter
 * @seal: (nullable): what the QR code holds (lajna_ruling_seal())
 *
 * Prints @seal as a QR code at the foot of every page, on the left, and
 * keeps it in the PDF's keywords, where a verifier reads it back.
 */
void
lajna_pdf_writer_set_seal (LajnaPdfWriter *self,
                           const char     *seal)
{
  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));

  g_free (self->seal);
  self->seal = g_strdup (seal);
}

/**
 * lajna_pdf_writer_set_created:
 * @self: a #LajnaPdfWriter
 * @day: the day the document was made, YYYY-MM-DD (its midnight, UTC)
 *
 * Dates the document: one dated, with the same content, is written with
 * the same bytes whenever it is written.
 */
void
lajna_pdf_writer_set_created (LajnaPdfWriter *self,
                              const char     *day)
{
  int year, month, date;

  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &date) != 3)
    return;
  g_date_time_unref (self->created);
  self->created = g_date_time_new_utc (year, month, date, 0, 0, 0);
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
}

/**
 * lajna_pdf_writer_set_arabic:
 * @self: a #LajnaPdfWriter
 * @arabic: whether the pages' own words (their numbering) are Arabic
 *   whatever the interface's language, as on minutes and rulings
 */
void
lajna_pdf_writer_set_arabic (LajnaPdfWriter *self,
                             gboolean        arabic)
{
  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));

  self->arabic = arabic;
}

/**
 * lajna_pdf_writer_set_left_to_right:
 * @self: a #LajnaPdfWriter
 * @left_to_right: whether the pages read left to right (a summary in
 *   English), not right to left as Arabic pages (and letterheads) do
 */
void
lajna_pdf_writer_set_left_to_right (LajnaPdfWriter *self,
                                    gboolean        left_to_right)
{
  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));

  self->left_to_right = left_to_right;
}

static void
add_block (LajnaPdfWriter *self,
           BlockKind       kind,
           const char     *text,
           const char     *value)
{
  Block block = { kind, g_strdup (text), g_strdup (value) };

  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));
  g_array_append_val (self->blocks, block);
}

void
lajna_pdf_writer_add_title (LajnaPdfWriter *self,
                            const char     *text)
{
  add_block (self, BLOCK_TITLE, text, NULL);
}

void
lajna_pdf_writer_add_heading (LajnaPdfWriter *self,
                              const char     *text)
{
  add_block (self, BLOCK_HEADING, text, NULL);
}

/* A value is isolated from the Arabic around it. */
void
lajna_pdf_writer_add_fact (LajnaPdfWriter *self,
                           const char     *label,
                           const char     *value)
{
  g_autofree char *isolated = lajna_isolate (value);

  add_block (self, BLOCK_FACT, label, isolated);
}

void
lajna_pdf_writer_add_paragraph (LajnaPdfWriter *self,
                                const char     *text)
{
  add_block (self, BLOCK_PARAGRAPH, text, NULL);
}

/**
 * lajna_pdf_writer_add_drawing:
 * @self: a #LajnaPdfWriter
 * @height: its height in points, at most a page's
 * @draw: (scope notified): draws it, across the page's width
 * @data: (closure draw): for @draw
 * @data_free: (destroy data): frees @data with the writer
 *
 * A drawing, such as a chart, kept whole on one page.
 */
void
lajna_pdf_writer_add_drawing (LajnaPdfWriter   *self,
                              double            height,
                              LajnaPdfDrawFunc  draw,
                              gpointer          data,
                              GDestroyNotify    data_free)
{
  Block block = { BLOCK_DRAWING };

  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));
  g_return_if_fail (draw != NULL && height > 0);

  block.height = height;
  block.draw = draw;
  block.draw_data = data;
  block.draw_data_free = data_free;
  g_array_append_val (self->blocks, block);
}

/**
 * lajna_pdf_writer_add_signatures:
 * @self: a #LajnaPdfWriter
 * @capacities: (array zero-terminated=1): who signs, e.g. the chair, the
 *   first on the right
 * @names: (array zero-terminated=1): their names, as many
 *
 * Side by side, a line to sign on under each capacity, the name under it.
 */
void
lajna_pdf_writer_add_signatures (LajnaPdfWriter     *self,
                                 const char * const *capacities,
                                 const char * const *names)
{
  Block block = { BLOCK_SIGNATURES };

  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));
  g_return_if_fail (g_strv_length ((GStrv) capacities) == g_strv_length ((GStrv) names));

  block.capacities = g_strdupv ((GStrv) capacities);
  block.names = g_strdupv ((GStrv) names);
  g_array_append_val (self->blocks, block);
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * lajna_pdf_writer_add_letterhead:
 * @self: a #LajnaPdfWriter
 * @start_lines: what heads the page on the right (the state, the
 *   ministry, the committee)
 * @end_lines: what heads it on the left (the number and the date)
 * @logo: (nullable): a PNG to show between them
 *
 * The head of an official page, ruled off from what follows. A logo that
 * is not a PNG is left out.
 */
void
lajna_pdf_writer_add_letterhead (LajnaPdfWriter *self,
                                 const char     *start_lines,
                                 const char     *end_lines,
                                 GBytes         *logo)
{
  Block block = { BLOCK_LETTERHEAD, g_strdup (start_lines), g_strdup (end_lines) };

  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));

  if (logo != NULL)
    {
      PngReader reader = { g_bytes_get_data (logo, &reader.left) };

      block.logo = cairo_image_surface_create_from_png_stream (read_png, &reader);
      if (cairo_surface_status (block.logo) != CAIRO_STATUS_SUCCESS)
        g_clear_pointer (&block.logo, cairo_surface_destroy);
    }
  g_array_append_val (self->blocks, block);
}

/* The height of the rows of signatures from @first on, with the gaps
 * between them. */
static double
signatures_height (LajnaPdfWriter *self,
                   guint           first)
{
  double height = SIGNATURE_HEIGHT;

  for (guint i = first + 1; i < self->blocks->len; i++)
    {
      if (g_array_index (self->blocks, Block, i).kind != BLOCK_SIGNATURES)
        break;
      height += SIGNATURE_ROW_GAP + SIGNATURE_HEIGHT;
    }
  return height;
}

/* Lays every block out and gives it a page and a place on it. */
static guint
lay_out (LajnaPdfWriter *self,
         cairo_t        *cr)
{
  static const char * const fonts[] = {
    [BLOCK_TITLE] = "Amiri Bold 18", [BLOCK_HEADING] = "Amiri Bold 14",
    [BLOCK_FACT] = "Amiri 11", [BLOCK_PARAGRAPH] = "Amiri 11",
  };
  static const double space_before[] = {
    [BLOCK_TITLE] = 0, [BLOCK_HEADING] = 12, [BLOCK_FACT] = 2, [BLOCK_PARAGRAPH] = 6,
    [BLOCK_SIGNATURES] = 24, [BLOCK_LETTERHEAD] = 0, [BLOCK_DRAWING] = 12,
  };
  guint page = 0;
  double y = MARGIN;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      Block *previous = i > 0 ? &g_array_index (self->blocks, Block, i - 1) : NULL;
      double bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
      /* The height of the rows of signatures this block begins, if it does. */
      double rows = block->kind == BLOCK_SIGNATURES && previous != NULL
                      && previous->kind != BLOCK_SIGNATURES
                      ? signatures_height (self, i) : 0;

      if (block->kind == BLOCK_SIGNATURES)
        block->height = SIGNATURE_HEIGHT;
      else if (block->kind == BLOCK_DRAWING)
        block->height = MIN (block->height, bottom - MARGIN);
      else if (block->kind == BLOCK_LETTERHEAD)
        {
          block->layout = lajna_pdf_layout_new (cr, block->text, "Amiri Bold 12",
                                                LETTERHEAD_COLUMN);
          block->value_layout = lajna_pdf_layout_new (cr, block->value, "Amiri 11",
                                                      LETTERHEAD_COLUMN);
          pango_layout_set_alignment (block->value_layout, PANGO_ALIGN_LEFT);
          lajna_pdf_layout_keep_lines_whole (block->layout, LETTERHEAD_COLUMN);
          lajna_pdf_layout_keep_lines_whole (block->value_layout, LETTERHEAD_COLUMN);
          /* The logo's room is kept with or without a logo, so that adding
           * one later moves nothing on the page. */
          block->height = MAX (MAX (lajna_pdf_layout_height (block->layout),
                                    lajna_pdf_layout_height (block->value_layout)),
                               LOGO_SIZE) + 12;
        }
      else if (block->kind == BLOCK_FACT)
        {
          block->layout = lajna_pdf_layout_new (cr, block->text, "Amiri Bold 11", LABEL_WIDTH);
          block->value_layout = lajna_pdf_layout_new (cr, block->value, fonts[BLOCK_FACT],
                                             CONTENT_WIDTH - LABEL_WIDTH - GAP);
          block->height = MAX (lajna_pdf_layout_height (block->layout),
                               lajna_pdf_layout_height (block->value_layout));
        }
      else
        {
          block->layout = lajna_pdf_layout_new (cr, block->text, fonts[block->kind], CONTENT_WIDTH);
          if (block->kind == BLOCK_TITLE)
            pango_layout_set_alignment (block->layout, PANGO_ALIGN_CENTER);
          block->height = lajna_pdf_layout_height (block->layout);
        }

      /* A second row of signatures follows the first closely. */
      y += block->kind == BLOCK_SIGNATURES && previous != NULL
             && previous->kind == BLOCK_SIGNATURES ? SIGNATURE_ROW_GAP : space_before[block->kind];
      /* The rows of signatures stay together; when they go on to the next
       * page, the paragraph before them goes too, if it can, so that no
       * page holds signatures alone. */
      if (rows > 0 && y + rows > bottom)
        {
          page++;
          y = MARGIN;
          if (previous->kind == BLOCK_PARAGRAPH && previous->page == page - 1
              && previous->y > MARGIN
              && MARGIN + previous->height + space_before[BLOCK_SIGNATURES] + rows <= bottom)
            {
              previous->page = page;
              previous->y = MARGIN;
              y = MARGIN + previous->height + space_before[BLOCK_SIGNATURES];
            }
        }
      /* A heading does not end a page alone. */
      else if (y + block->height > bottom
          || (block->kind == BLOCK_HEADING && y + block->height + 40 > bottom))
        {
          page++;
          y = MARGIN;
        }
      block->page = page;
      block->y = y;
      y += block->height;
    }
  return page + 1;
}

/* Each capacity over a space to sign in, a line, and the name under it;
 * the first on the right. */
static void
draw_signatures (const Block *block,
                 cairo_t     *cr)
{
  guint n = g_strv_length (block->capacities);
  /* Each block a third of the line at most; a row of fewer, centred. */
  double width = CONTENT_WIDTH / MAX (n, LAJNA_PDF_SIGNATURES_A_ROW);
  double inset = (CONTENT_WIDTH - n * width) / 2;

  for (guint i = 0; i < n; i++)
    {
      double x = lajna_pdf_layout_is_left_to_right (cr)
                   ? MARGIN + inset + i * width
                   : PAGE_WIDTH - MARGIN - inset - (i + 1) * width;
      g_autoptr(PangoLayout) capacity = lajna_pdf_layout_new (cr, block->capacities[i],
                                                              "Amiri Bold 12", width);
      g_autoptr(PangoLayout) name = lajna_pdf_layout_new (cr, block->names[i], "Amiri 11", width);

      pango_layout_set_alignment (capacity, PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, x, block->y);
      lajna_pdf_show_layout (cr, capacity);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x + width * 0.15, block->y + SIGNATURE_LINE);
      cairo_line_to (cr, x + width * 0.85, block->y + SIGNATURE_LINE);
      cairo_stroke (cr);
      cairo_move_to (cr, x, block->y + SIGNATURE_LINE + 4);
      lajna_pdf_show_layout (cr, name);
    }
}

/* The start lines on the right, the end lines on the left, the logo
 * centred, scaled to LOGO_SIZE, and a rule under them. */
static void
draw_letterhead (const Block *block,
                 cairo_t     *cr)
{
  cairo_move_to (cr, PAGE_WIDTH - MARGIN - LETTERHEAD_COLUMN, block->y);
  lajna_pdf_show_layout (cr, block->layout);
  cairo_move_to (cr, MARGIN, block->y);
  lajna_pdf_show_layout (cr, block->value_layout);
  if (block->logo != NULL)
    {
      double width = cairo_image_surface_get_width (block->logo);
      double height = cairo_image_surface_get_height (block->logo);
      double scale = LOGO_SIZE / MAX (MAX (width, height), 1);

      cairo_save (cr);
      cairo_translate (cr, (PAGE_WIDTH - width * scale) / 2, block->y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, block->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, MARGIN, block->y + block->height - 4);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, block->y + block->height - 4);
  cairo_stroke (cr);
}

static void
draw_block (const Block *block,
            cairo_t     *cr)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (block->kind == BLOCK_SIGNATURES)
    {
      draw_signatures (block, cr);
      return;
    }
  if (block->kind == BLOCK_LETTERHEAD)
    {
      draw_letterhead (block, cr);
      return;
    }
  if (block->kind == BLOCK_DRAWING)
    {
      cairo_save (cr);
      block->draw (cr, MARGIN, block->y, CONTENT_WIDTH, block->height, block->draw_data);
      cairo_restore (cr);
      return;
    }
  if (block->kind == BLOCK_FACT)
    {
      gboolean left_to_right = lajna_pdf_layout_is_left_to_right (cr);

      /* The label where lines start, its value after it. */
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cairo_move_to (cr, left_to_right ? MARGIN : PAGE_WIDTH - MARGIN - LABEL_WIDTH, block->y);
      lajna_pdf_show_layout (cr, block->layout);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, left_to_right ? MARGIN + LABEL_WIDTH + GAP : MARGIN, block->y);
      lajna_pdf_show_layout (cr, block->value_layout);
      return;
    }
  cairo_move_to (cr, MARGIN, block->y);
  lajna_pdf_show_layout (cr, block->layout);
  if (block->kind == BLOCK_HEADING)
    {
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, block->y + block->height + 1);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, block->y + block->height + 1);
      cairo_stroke (cr);
    }
}

/**
 * lajna_pdf_writer_paginate:
 * @self: a #LajnaPdfWriter
 * @cr: the context the pages will be drawn on (a PDF's, or a printer's)
 *
 * Lays the blocks out and gives each a page, once.
 *
 * Returns: the number of pages
 */
guint
lajna_pdf_writer_paginate (LajnaPdfWriter *self,
                           cairo_t        *cr)
{
  g_return_val_if_fail (LAJNA_IS_PDF_WRITER (self), 0);

  lajna_pdf_layout_set_left_to_right (cr, self->left_to_right);
  if (self->n_pages == 0)
    self->n_pages = lay_out (self, cr);
  return self->n_pages;
}

/**
 * lajna_pdf_writer_draw_page:
 * @self: a paginated #LajnaPdfWriter
 * @cr: the context to draw on, its origin at the page's corner, in points
 * @page: the page, from 0
 *
 * Draws one page: the same drawing makes the PDF and the printed sheet.
 */
void
lajna_pdf_writer_draw_page (LajnaPdfWriter *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_return_if_fail (LAJNA_IS_PDF_WRITER (self));
  g_return_if_fail (page < self->n_pages);

  lajna_pdf_layout_set_left_to_right (cr, self->left_to_right);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      if (block->page == page)
        draw_block (block, cr);
    }
  lajna_pdf_page_foot_draw (cr, self->watermark, self->seal, self->arabic, page, self->n_pages);
}

/* Every page of @self onto the PDF of @cr, each shown. */
void
lajna_pdf_writer_append_to (LajnaPdfWriter *self,
                            cairo_t        *cr)
{
  guint pages = lajna_pdf_writer_paginate (self, cr);

  for (guint page = 0; page < pages; page++)
    {
      lajna_pdf_writer_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
}

/**
 * lajna_pdf_writer_write_bytes:
 * @self: a #LajnaPdfWriter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the whole document, in memory, as
 *   a PDF/A-2b document (lajna-pdf-archive.c), its seal in the keywords
 */
GBytes *
lajna_pdf_writer_write_bytes (LajnaPdfWriter  *self,
                              GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) drawn = NULL;
  g_autoptr(GString) archive = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (LAJNA_IS_PDF_WRITER (self), NULL);

  surface = lajna_pdf_file_new_in_memory (bytes, self->title);
  created = g_date_time_format (self->created, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);
  lajna_pdf_writer_append_to (self, cr);
  cairo_destroy (cr);
  if (!lajna_pdf_file_finish (surface, self->title, error))
    return NULL;
  drawn = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  archive = lajna_pdf_archive (drawn, self->title, self->created, self->seal,
                               self->arabic ? "ar" : "en", error);
  if (archive == NULL)
    return NULL;
  bytes = g_bytes_unref_to_array (g_steal_pointer (&drawn));
  g_byte_array_append (bytes, (const guint8 *) archive->str, archive->len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * lajna_pdf_writer_write:
 * @self: a #LajnaPdfWriter
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Returns: whether the whole document was written
 */
gboolean
lajna_pdf_writer_write (LajnaPdfWriter  *self,
                        const char      *path,
                        GError         **error)
{
  g_autoptr(GBytes) pdf = lajna_pdf_writer_write_bytes (self, error);

  return pdf != NULL && lajna_pdf_file_write (path, pdf, error);
}

/**
 * lajna_pdf_writer_write_recorded:
 * @self: a #LajnaPdfWriter
 * @path: the PDF to write
 * @record: records the printing (in the audit trail) once the pages are
 *   written
 * @data: for @record
 * @error: return location for a #GError
 *
 * Writes the pages beside @path, records them, and only then gives them
 * their name: a PDF that could not be recorded is never left behind.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_pdf_writer_write_recorded (LajnaPdfWriter    *self,
                                 const char        *path,
                                 LajnaPdfRecordFunc record,
                                 gpointer           data,
                                 GError           **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);

  if (!lajna_pdf_writer_write (self, partial, error) || !record (data, error))
    {
      g_remove (partial);
      return FALSE;
    }
  return lajna_pdf_file_commit (partial, path, error);
}
