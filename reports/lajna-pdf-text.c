/* lajna-pdf-text.c: a Pango layout drawn so that PDF readers give its
 * words back when they copy, search or extract it.
 *
 * pango_cairo_show_layout() hands cairo each right-to-left run backwards,
 * cluster by cluster, and cairo writes its glyphs in the order of the
 * text, each one left of the one before. pdf.js reads a line as glyphs
 * advancing left to right (and reorders it itself): it takes each of
 * these glyphs for a piece of text of its own and loses every space.
 * Poppler, which joins glyphs by where they stand, breaks words where
 * Amiri's glyphs overlap ("التاري خ"). And a cluster of two glyphs for
 * two characters (a fatha over a shadda is a glyph of its own in Amiri)
 * gets its text only as /ActualText, which pdf.js and MuPDF ignore: the
 * glyph that is no character's own in the font maps to U+FFFD.
 *
 * Here each line is written left to right, as it is seen, every glyph
 * with its own text wherever a cluster's glyphs and characters pair up.
 * A space is written as a space, for readers not to guess it from the
 * gap (Amiri kerns some letters into it); but as U+2004, a space like
 * the others to every reader: U+0020 would put the space glyph in the
 * font's separate Latin subset, and pdf.js begins a new piece of text at
 * every change of font, which puts the words of a line in the order they
 * are seen. Every glyph is where Pango puts it: the page looks the same.
 *
 * MuPDF before 1.24 gives a line's glyphs in the order they are written,
 * which is now left to right: the order pdf.js needs to find the spaces
 * is the reverse of the one it needs. */

#include "lajna-pdf-text.h"

#include <pango/pangocairo.h>
#include <string.h>

/* The most glyphs of a cluster paired with its characters one to one. */
#define PAIRED_MAX 8
/* THREE-PER-EM SPACE, the text of a space's glyph. */
#define SPACE "\u2004"

/* What one run hands cairo. */
typedef struct
{
  GArray  *glyphs;   /* cairo_glyph_t */
  GArray  *clusters; /* cairo_text_cluster_t */
  GString *text;
} Shown;

static void
add_cluster (Shown      *shown,
             const char *text,
             gsize       length,
             int         n_glyphs)
{
  cairo_text_cluster_t cluster = { length, n_glyphs };

  g_string_append_len (shown->text, text, length);
  g_array_append_val (shown->clusters, cluster);
}

/* Gives each of the @n glyphs from @first one of the @n characters of
 * @text: a glyph that is a character's own glyph in the font takes that
 * character, the others take the rest in the order of the text. */
static void
pair_glyphs (Shown      *shown,
             hb_font_t  *font,
             const char *text,
             guint       first,
             guint       n,
             gboolean    rtl)
{
  const char *chars[PAIRED_MAX];
  int owner[PAIRED_MAX];
  gboolean taken[PAIRED_MAX] = { FALSE };
  guint next = 0;

  for (guint c = 0; c < n; c++, text = g_utf8_next_char (text))
    chars[c] = text;
  for (guint g = 0; g < n; g++)
    {
      guint index = g_array_index (shown->glyphs, cairo_glyph_t, first + g).index;

      owner[g] = -1;
      for (guint c = 0; c < n && owner[g] < 0; c++)
        {
          hb_codepoint_t own;

          if (!taken[c] && hb_font_get_nominal_glyph (font, g_utf8_get_char (chars[c]), &own)
              && own == index)
            {
              owner[g] = c;
              taken[c] = TRUE;
            }
        }
    }
  /* Right to left, the glyphs are seen in the reverse of the text's order. */
  for (guint i = 0; i < n; i++)
    {
      guint g = rtl ? n - 1 - i : i;

      if (owner[g] >= 0)
        continue;
      while (taken[next])
        next++;
      owner[g] = next;
      taken[next] = TRUE;
    }
  for (guint g = 0; g < n; g++)
    add_cluster (shown, chars[owner[g]], g_utf8_next_char (chars[owner[g]]) - chars[owner[g]], 1);
}

static gboolean
is_space (const char *text,
          gsize       length)
{
  return g_utf8_next_char (text) == text + length && g_unichar_isspace (g_utf8_get_char (text));
}

/* The glyphs of the cluster @iter is at, at (@x, @y) plus where the run
 * puts them (@advances: each glyph's distance from the run's start). */
static void
add_glyphs (Shown                    *shown,
            const PangoGlyphItemIter *iter,
            const int                *advances,
            double                    x,
            double                    y)
{
  PangoGlyphString *glyphs = iter->glyph_item->glyphs;
  gboolean rtl = iter->glyph_item->item->analysis.level % 2 == 1;
  const char *text = iter->text + iter->start_index;
  gsize length = iter->end_index - iter->start_index;
  int low = rtl ? iter->end_glyph + 1 : iter->start_glyph;
  int high = rtl ? iter->start_glyph + 1 : iter->end_glyph;
  guint first = shown->glyphs->len, n;

  if (is_space (text, length))
    {
      text = SPACE;
      length = strlen (SPACE);
    }
  for (int i = low; i < high; i++)
    {
      const PangoGlyphGeometry *geometry = &glyphs->glyphs[i].geometry;
      cairo_glyph_t glyph = {
        glyphs->glyphs[i].glyph,
        x + (double) (advances[i] + geometry->x_offset) / PANGO_SCALE,
        y + (double) geometry->y_offset / PANGO_SCALE,
      };

      if (glyph.index != PANGO_GLYPH_EMPTY)
        g_array_append_val (shown->glyphs, glyph);
    }
  n = shown->glyphs->len - first;
  /* Controls without a glyph (the isolates) are no text a reader wants. */
  if (n == 0)
    return;
  if (n > 1 && n <= PAIRED_MAX && (glong) n == g_utf8_strlen (text, length))
    pair_glyphs (shown, pango_font_get_hb_font (iter->glyph_item->item->analysis.font), text,
                 first, n, rtl);
  else
    add_cluster (shown, text, length, n);
}

static gboolean
has_unknown_glyph (const PangoGlyphString *glyphs)
{
  for (int i = 0; i < glyphs->num_glyphs; i++)
    if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      return TRUE;
  return FALSE;
}

/* One run, its glyphs from its start at (@x, @y) on the baseline, left to
 * right. */
static void
show_run (cairo_t        *cr,
          const char     *text,
          PangoGlyphItem *run,
          double          x,
          double          y,
          Shown          *shown)
{
  PangoGlyphString *glyphs = run->glyphs;
  gboolean rtl = run->item->analysis.level % 2 == 1;
  g_autofree int *advances = g_new (int, glyphs->num_glyphs);
  PangoGlyphItemIter iter;
  gboolean more;

  /* Pango draws a box with the character's code for a glyph the font
   * lacks. */
  if (has_unknown_glyph (glyphs))
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_glyph_item (cr, text, run);
      return;
    }
  for (int i = 0, advance = 0; i < glyphs->num_glyphs; i++)
    {
      advances[i] = advance;
      advance += glyphs->glyphs[i].geometry.width;
    }
  g_array_set_size (shown->glyphs, 0);
  g_array_set_size (shown->clusters, 0);
  g_string_truncate (shown->text, 0);
  /* The clusters from left to right: from the text's end when it runs
   * right to left. */
  for (more = rtl ? pango_glyph_item_iter_init_end (&iter, run, text)
                  : pango_glyph_item_iter_init_start (&iter, run, text);
       more;
       more = rtl ? pango_glyph_item_iter_prev_cluster (&iter)
                  : pango_glyph_item_iter_next_cluster (&iter))
    add_glyphs (shown, &iter, advances, x, y);
  if (shown->glyphs->len == 0)
    return;
  cairo_save (cr);
  cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (
                               PANGO_CAIRO_FONT (run->item->analysis.font)));
  cairo_show_text_glyphs (cr, shown->text->str, shown->text->len,
                          (cairo_glyph_t *) shown->glyphs->data, shown->glyphs->len,
                          (cairo_text_cluster_t *) shown->clusters->data, shown->clusters->len,
                          0);
  cairo_restore (cr);
}

/**
 * lajna_pdf_show_layout:
 * @cr: a cairo context with a current point
 * @layout: a layout made for @cr
 *
 * Draws @layout as pango_cairo_show_layout() does, its top left corner at
 * the current point, its text written for PDF readers to read back.
 */
void
lajna_pdf_show_layout (cairo_t     *cr,
                       PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  Shown shown = {
    g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t)),
    g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t)),
    g_string_new (NULL),
  };
  double x, y;

  cairo_get_current_point (cr, &x, &y);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      /* A line's end. */
      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      show_run (cr, text, run, x + (double) logical.x / PANGO_SCALE,
                y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE, &shown);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  g_array_unref (shown.glyphs);
  g_array_unref (shown.clusters);
  g_string_free (shown.text, TRUE);
}
