/* lajna-pdf-layout.c: the Pango layouts of Lajna's pages: in the page's
 * direction (right to left on an Arabic page, whatever a line starts
 * with; left to right on an English one, as the context says), in Amiri,
 * wrapping at a width, their lines spaced for prose; a line that must not
 * break (a letterhead's) set smaller rather than broken mid-phrase. */

#include "lajna-pdf-layout.h"

#include <string.h>

/* Lines of a paragraph, as a share of the font's own spacing. */
#define LINE_SPACING 0.85
/* The smallest a line kept whole is set, in points. */
#define SMALLEST 8

/* Set on the context the pages are laid out and drawn on when they read
 * left to right. */
static const cairo_user_data_key_t left_to_right_key;

/* Whether the pages drawn on @cr read left to right. */
gboolean
lajna_pdf_layout_is_left_to_right (cairo_t *cr)
{
  return cairo_get_user_data (cr, &left_to_right_key) != NULL;
}

/* The pages drawn on @cr read left to right, or right to left. */
void
lajna_pdf_layout_set_left_to_right (cairo_t  *cr,
                                    gboolean  left_to_right)
{
  cairo_set_user_data (cr, &left_to_right_key, left_to_right ? (gpointer) &left_to_right_key
                                                             : NULL, NULL);
}

/**
 * lajna_pdf_layout_new:
 * @cr: the page's context
 * @text: what the layout holds
 * @font: its font, as Pango names it
 * @width: the width its lines wrap at, in points
 *
 * Returns: (transfer full): a layout in the page's direction, aligned
 *   where its lines start
 */
PangoLayout *
lajna_pdf_layout_new (cairo_t    *cr,
                      const char *text,
                      const char *font,
                      double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  gboolean left_to_right = lajna_pdf_layout_is_left_to_right (cr);

  /* The page's direction whatever the text starts with: right to left on
   * an Arabic page. */
  pango_context_set_base_dir (pango_layout_get_context (layout),
                              left_to_right ? PANGO_DIRECTION_LTR : PANGO_DIRECTION_RTL);
  pango_layout_context_changed (layout);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, left_to_right ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Amiri's lines are spaced for marks stacked three high; Arabic prose
   * needs less. */
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @layout's height, in points. */
double
lajna_pdf_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* Each of @layout's lines whole: one wider than @width is set smaller,
 * down to SMALLEST points, rather than broken mid-phrase. */
void
lajna_pdf_layout_keep_lines_whole (PangoLayout *layout,
                                   double       width)
{
  g_autoptr(PangoLayout) probe = pango_layout_copy (layout);
  g_auto(GStrv) lines = g_strsplit (pango_layout_get_text (layout), "\n", -1);
  int size = pango_font_description_get_size (pango_layout_get_font_description (layout));
  PangoAttrList *attributes = pango_attr_list_new ();
  guint start = 0;

  pango_layout_set_width (probe, -1);
  for (guint i = 0; lines[i] != NULL; start += strlen (lines[i++]) + 1)
    {
      PangoAttribute *smaller;
      int natural;

      pango_layout_set_text (probe, lines[i], -1);
      pango_layout_get_size (probe, &natural, NULL);
      if (natural <= pango_units_from_double (width))
        continue;
      smaller = pango_attr_size_new (MAX ((int) ((double) size * pango_units_from_double (width)
                                                 / natural),
                                          SMALLEST * PANGO_SCALE));
      smaller->start_index = start;
      smaller->end_index = start + strlen (lines[i]);
      pango_attr_list_insert (attributes, smaller);
    }
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}
