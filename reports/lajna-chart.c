/* lajna-chart.c: a chart described by data (a title, categories, one or
 * more series of values, bars or lines, the values' unit) drawn with
 * cairo and Pango into a rectangle, the same on screen and on paper.
 *
 * Everything is laid out in the rectangle's own units, the fonts at 72
 * units an inch, so that a caller scales the whole chart with cairo's
 * matrix: a screen at 1× or 2×, a PDF page in points. The direction is
 * the caller's, never guessed from the text: right to left, the first
 * category stands on the right and the value axis on the right. Labels
 * are in Amiri, as every page of the reports, written with
 * lajna_pdf_show_layout() so that PDF readers give them back; each is
 * isolated, so that a date reads 2026-11-23 in an Arabic chart. A label
 * too long for its room is cut with an ellipsis, and when the rooms are
 * too narrow for any label only every second, fifth… category is named:
 * labels never overlap. The series' colours differ in lightness, so that
 * a chart printed in grey still tells them apart. */

#include "lajna-chart.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lajna-pdf-text.h"
#include "lajna-text.h"

#define FONT "Amiri 9"
#define TITLE_FONT "Amiri Bold 11"
/* Units an inch: a font's size is in the rectangle's units. */
#define RESOLUTION 72.0
/* The gap between the parts of a chart. */
#define GAP 4.0
#define SWATCH 8.0
/* The least room a category's label is given before labels are thinned:
 * a few letters and the ellipsis. */
#define LABEL_ROOM_MIN 30.0
/* The distance between two value ticks that the axis aims at. */
#define TICK_SPACING 40.0
/* A share of each category's room left between two groups of bars. */
#define GROUP_SHARE 0.8
/* The rectangle's least size for the plot. */
#define PLOT_MIN 16.0
/* The most decimals of a tick. */
#define DECIMALS_MAX 6
#define ELLIPSIS "…"
#define LRI "\u2066" /* LEFT-TO-RIGHT ISOLATE */

typedef struct
{
  char   *name;
  GArray *values; /* double, NAN where missing */
} Series;

struct _LajnaChart
{
  LajnaChartKind kind;
  char          *title;
  char          *unit;
  GPtrArray     *categories; /* char * */
  GPtrArray     *series;     /* Series * */
};

G_DEFINE_BOXED_TYPE (LajnaChart, lajna_chart, lajna_chart_ref, lajna_chart_unref)

/* Dark blue, orange, middle blue, pale sand: lightness 25, 71, 50 and 86
 * (CIE L*), the first two the furthest apart. */
static const double colours[LAJNA_CHART_N_COLOURS][3] = {
  { 0x1c / 255.0, 0x3d / 255.0, 0x5a / 255.0 },
  { 0xe6 / 255.0, 0x9f / 255.0, 0x00 / 255.0 },
  { 0x3f / 255.0, 0x7c / 255.0, 0xac / 255.0 },
  { 0xf2 / 255.0, 0xd4 / 255.0, 0x9b / 255.0 },
};

/* A line's dashes, by series, for lines that cross to stay apart in grey. */
static const double dashes[][2] = { { 0, 0 }, { 6, 3 }, { 2, 2 }, { 8, 2 } };

/* What one drawing knows: where the plot is, its scale, its direction. */
typedef struct
{
  LajnaChart      *chart;
  cairo_t         *cr;
  PangoLayout     *layout;
  PangoDirection   direction;
  LajnaChartDigits digits;
  double           left, top, right, bottom; /* the rectangle */
  double           plot_left, plot_top, plot_right, plot_bottom;
  double           low, high, step;
  int              decimals;
} Drawing;

static void
series_free (Series *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
chart_clear (LajnaChart *self)
{
  g_free (self->title);
  g_free (self->unit);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
}

static PangoLayout *
new_layout (Drawing *drawing, const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (drawing->cr);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (font);
  PangoContext *context = pango_layout_get_context (layout);

  pango_cairo_context_set_resolution (context, RESOLUTION);
  pango_context_set_base_dir (context, drawing->direction);
  pango_layout_context_changed (layout);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_font_description (layout, description);
  return layout;
}

static double
text_width (PangoLayout *layout, const char *text)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

static double
line_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

static char *
isolate_cut (const char *text, gsize length, gboolean cut)
{
  return g_strdup_printf (LAJNA_FSI "%.*s%s" LAJNA_PDI, (int) length, text, cut ? ELLIPSIS : "");
}

/* @label isolated, cut at a character with an ellipsis when it is wider
 * than @room; %NULL when not even the ellipsis fits. */
static char *
fit_text (PangoLayout *layout, const char *label, double room)
{
  g_autofree char    *text = lajna_chart_isolate_label (label);
  g_autofree char    *whole = isolate_cut (text, strlen (text), FALSE);
  const PangoLogAttr *attributes;
  g_autofree int     *offsets = NULL;
  int                 n_attributes, n_cuts = 0, low = 0, high;

  if (text_width (layout, whole) <= room)
    return g_steal_pointer (&whole);
  if (text_width (layout, ELLIPSIS) > room)
    return NULL;
  pango_layout_set_text (layout, text, -1);
  attributes = pango_layout_get_log_attrs_readonly (layout, &n_attributes);
  offsets = g_new (int, n_attributes);
  for (int i = 0, offset = 0; i < n_attributes; i++)
    {
      if (attributes[i].is_cursor_position)
        offsets[n_cuts++] = offset;
      if (text[offset] != '\0')
        offset = g_utf8_next_char (text + offset) - text;
    }
  /* The longest start of @text that fits beside the ellipsis. */
  high = n_cuts - 1;
  while (low < high)
    {
      int              middle = (low + high + 1) / 2;
      g_autofree char *cut = isolate_cut (text, offsets[middle], TRUE);

      if (text_width (layout, cut) <= room)
        low = middle;
      else
        high = middle - 1;
    }
  return isolate_cut (text, n_cuts > 0 ? offsets[low] : 0, TRUE);
}

/* Shows @text with @layout at @x, @y (its top), its left edge at @x
 * when @align is 0, its middle when 0.5, its right edge when 1. */
static void
show_text (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, double align)
{
  double width = text_width (layout, text);

  cairo_move_to (cr, x - align * width, y);
  lajna_pdf_show_layout (cr, layout);
}

static gboolean
right_to_left (Drawing *drawing)
{
  return drawing->direction == PANGO_DIRECTION_RTL;
}

/* Where a text starting at the rectangle's start edge begins, and how
 * it aligns there: 0 its left edge, 1 its right edge. */
static double
start_edge (Drawing *drawing, double *align)
{
  *align = right_to_left (drawing) ? 1 : 0;
  return right_to_left (drawing) ? drawing->right : drawing->left;
}

static void
set_colour (cairo_t *cr, guint series)
{
  const double *colour = colours[series % LAJNA_CHART_N_COLOURS];

  cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
}

/* Draws a line of text at the top, from the start edge; returns its
 * height. */
static double
draw_heading (Drawing *drawing, const char *text, const char *font)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *fitted = NULL;
  double           align, x = start_edge (drawing, &align), height;

  if (*text == '\0')
    return 0;
  layout = new_layout (drawing, font);
  height = line_height (layout);
  fitted = fit_text (layout, text, drawing->right - drawing->left);
  if (fitted != NULL && drawing->top + height <= drawing->bottom)
    {
      cairo_set_source_rgb (drawing->cr, 0, 0, 0);
      show_text (drawing->cr, layout, fitted, x, drawing->top, align);
    }
  return height;
}

/* Draws the series' names beside their colours, from the start edge,
 * flowing onto a new line when one is full; returns their height. */
static double
draw_legend (Drawing *drawing)
{
  double height = line_height (drawing->layout), width = drawing->right - drawing->left;
  double along = 0, down = 0, align, start = start_edge (drawing, &align);
  double sign = right_to_left (drawing) ? -1 : 1;

  for (guint i = 0; i < drawing->chart->series->len; i++)
    {
      Series          *series = g_ptr_array_index (drawing->chart->series, i);
      g_autofree char *name = fit_text (drawing->layout, series->name, width - SWATCH - GAP);
      double item = SWATCH + GAP + (name != NULL ? text_width (drawing->layout, name) : 0);
      double x;

      if (along > 0 && along + item > width)
        {
          along = 0;
          down += height;
        }
      x = start + sign * along;
      set_colour (drawing->cr, i);
      cairo_rectangle (drawing->cr, right_to_left (drawing) ? x - SWATCH : x,
                       drawing->top + down + (height - SWATCH) / 2, SWATCH, SWATCH);
      cairo_fill_preserve (drawing->cr);
      cairo_set_source_rgb (drawing->cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (drawing->cr, 0.5);
      cairo_stroke (drawing->cr);
      if (name != NULL)
        {
          cairo_set_source_rgb (drawing->cr, 0, 0, 0);
          show_text (drawing->cr, drawing->layout, name, x + sign * (SWATCH + GAP),
                     drawing->top + down, align);
        }
      along += item + 2 * GAP;
    }
  return down + height;
}

/* The value axis: from the lowest value (or 0) to the highest (or 0),
 * in steps of 1, 2 or 5 × 10ⁿ; whole steps when every value is whole. */
static gboolean
scale_values (Drawing *drawing)
{
  double   low = 0, high = 0, raw, magnitude, fraction;
  gboolean found = FALSE, whole = TRUE;
  int      ticks = MAX (2, (int) ((drawing->plot_bottom - drawing->plot_top) / TICK_SPACING));

  for (guint s = 0; s < drawing->chart->series->len; s++)
    for (guint c = 0; c < drawing->chart->categories->len; c++)
      {
        double value = lajna_chart_get_value (drawing->chart, s, c);

        if (isnan (value))
          continue;
        found = TRUE;
        low = MIN (low, value);
        high = MAX (high, value);
        whole &= value == floor (value);
      }
  if (!found)
    return FALSE;
  if (high == low)
    high = low + 1;
  raw = (high - low) / ticks;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  drawing->step = magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
  if (whole)
    drawing->step = MAX (drawing->step, 1);
  drawing->low = floor (low / drawing->step) * drawing->step;
  drawing->high = ceil (high / drawing->step) * drawing->step;
  drawing->decimals = CLAMP ((int) ceil (-log10 (drawing->step) - 1e-9), 0, DECIMALS_MAX);
  return TRUE;
}

static double
value_y (Drawing *drawing, double value)
{
  return drawing->plot_bottom
         - (value - drawing->low) / (drawing->high - drawing->low)
             * (drawing->plot_bottom - drawing->plot_top);
}

static guint
n_ticks (Drawing *drawing)
{
  return (guint) round ((drawing->high - drawing->low) / drawing->step) + 1;
}

static char *
tick_text (Drawing *drawing, guint tick)
{
  return lajna_chart_digits_format (drawing->digits, drawing->low + tick * drawing->step,
                                    drawing->decimals);
}

/* The widest of the value axis' labels. */
static double
ticks_width (Drawing *drawing)
{
  double widest = 0;

  for (guint i = 0; i < n_ticks (drawing); i++)
    {
      g_autofree char *text = tick_text (drawing, i);

      widest = MAX (widest, text_width (drawing->layout, text));
    }
  return widest;
}

/* The value axis beside the plot, on the start side, and the grid. */
static void
draw_value_axis (Drawing *drawing)
{
  double   half = line_height (drawing->layout) / 2;
  gboolean rtl = right_to_left (drawing);

  cairo_set_line_width (drawing->cr, 0.5);
  for (guint i = 0; i < n_ticks (drawing); i++)
    {
      g_autofree char *text = tick_text (drawing, i);
      double           y = value_y (drawing, drawing->low + i * drawing->step);

      cairo_set_source_rgb (drawing->cr, 0.85, 0.85, 0.85);
      cairo_move_to (drawing->cr, drawing->plot_left, y);
      cairo_line_to (drawing->cr, drawing->plot_right, y);
      cairo_stroke (drawing->cr);
      cairo_set_source_rgb (drawing->cr, 0.2, 0.2, 0.2);
      show_text (drawing->cr, drawing->layout, text,
                 rtl ? drawing->plot_right + GAP : drawing->plot_left - GAP, y - half, rtl ? 0 : 1);
    }
  cairo_set_line_width (drawing->cr, 1);
  cairo_move_to (drawing->cr, rtl ? drawing->plot_right : drawing->plot_left, drawing->plot_top);
  cairo_line_to (drawing->cr, rtl ? drawing->plot_right : drawing->plot_left, drawing->plot_bottom);
  cairo_move_to (drawing->cr, drawing->plot_left, value_y (drawing, 0));
  cairo_line_to (drawing->cr, drawing->plot_right, value_y (drawing, 0));
  cairo_stroke (drawing->cr);
}

static double
slot_width (Drawing *drawing)
{
  return (drawing->plot_right - drawing->plot_left) / drawing->chart->categories->len;
}

/* The middle of category @category's room: the first on the start side. */
static double
slot_middle (Drawing *drawing, guint category)
{
  double along = (category + 0.5) * slot_width (drawing);

  return right_to_left (drawing) ? drawing->plot_right - along : drawing->plot_left + along;
}

/* The categories' labels under the plot, every one when they have the
 * room, else every second, fifth…, each cut to its room. */
static void
draw_category_axis (Drawing *drawing)
{
  double slot = slot_width (drawing);
  guint  every = MAX (1, (guint) ceil ((LABEL_ROOM_MIN + GAP) / slot));
  double low = right_to_left (drawing) ? drawing->left : drawing->plot_left;
  double high = right_to_left (drawing) ? drawing->plot_right : drawing->right;

  cairo_set_source_rgb (drawing->cr, 0, 0, 0);
  for (guint i = 0; i < drawing->chart->categories->len; i += every)
    {
      double middle = slot_middle (drawing, i);
      /* Clear of the next label, and of the value axis' labels on its
       * side of the plot. */
      double           room = MIN (every * slot - GAP, 2 * MIN (middle - low, high - middle));
      g_autofree char *label
        = fit_text (drawing->layout, g_ptr_array_index (drawing->chart->categories, i), room);

      if (label != NULL)
        show_text (drawing->cr, drawing->layout, label, middle, drawing->plot_bottom + GAP / 2,
                   0.5);
    }
}

/* A bar's value above it, when every value fits its bar's width with a
 * gap to the next bar's. */
static gboolean
values_fit (Drawing *drawing, double bar)
{
  for (guint s = 0; s < drawing->chart->series->len; s++)
    for (guint c = 0; c < drawing->chart->categories->len; c++)
      {
        g_autofree char *text = lajna_chart_digits_format_value (
          drawing->digits, lajna_chart_get_value (drawing->chart, s, c));

        if (text_width (drawing->layout, text) > bar - GAP / 2)
          return FALSE;
      }
  return TRUE;
}

static void
draw_bars (Drawing *drawing)
{
  guint    n_series = drawing->chart->series->len;
  double   group = slot_width (drawing) * GROUP_SHARE, bar = group / n_series;
  double   sign = right_to_left (drawing) ? -1 : 1, zero = value_y (drawing, 0);
  double   height = line_height (drawing->layout);
  gboolean labelled = values_fit (drawing, bar);

  for (guint c = 0; c < drawing->chart->categories->len; c++)
    for (guint s = 0; s < n_series; s++)
      {
        double           value = lajna_chart_get_value (drawing->chart, s, c), y;
        double           middle = slot_middle (drawing, c) + sign * (-group / 2 + (s + 0.5) * bar);
        g_autofree char *text = NULL;

        if (isnan (value))
          continue;
        y = value_y (drawing, value);
        cairo_rectangle (drawing->cr, middle - bar / 2, MIN (y, zero), bar, fabs (zero - y));
        set_colour (drawing->cr, s);
        cairo_fill_preserve (drawing->cr);
        cairo_set_source_rgb (drawing->cr, 0.2, 0.2, 0.2);
        cairo_set_line_width (drawing->cr, 0.5);
        cairo_stroke (drawing->cr);
        /* A value written above its bar, or under it when negative, and
         * clear of the title and of the categories' labels. */
        if (!labelled || (value >= 0 && y - height < drawing->top)
            || (value < 0 && y + height > drawing->plot_bottom))
          continue;
        text = lajna_chart_digits_format_value (drawing->digits, value);
        cairo_set_source_rgb (drawing->cr, 0, 0, 0);
        show_text (drawing->cr, drawing->layout, text, middle, value >= 0 ? y - height : y, 0.5);
      }
}

static void
draw_lines (Drawing *drawing)
{
  cairo_t *cr = drawing->cr;

  cairo_set_line_width (cr, 1.5);
  for (guint s = 0; s < drawing->chart->series->len; s++)
    {
      gboolean drawn = FALSE;

      set_colour (cr, s);
      cairo_set_dash (cr, dashes[s % G_N_ELEMENTS (dashes)], s % G_N_ELEMENTS (dashes) ? 2 : 0, 0);
      /* A missing value breaks the line. */
      for (guint c = 0; c < drawing->chart->categories->len; c++)
        {
          double value = lajna_chart_get_value (drawing->chart, s, c);

          if (isnan (value))
            drawn = FALSE;
          else if (drawn)
            cairo_line_to (cr, slot_middle (drawing, c), value_y (drawing, value));
          else
            {
              cairo_move_to (cr, slot_middle (drawing, c), value_y (drawing, value));
              drawn = TRUE;
            }
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint c = 0; c < drawing->chart->categories->len; c++)
        {
          double value = lajna_chart_get_value (drawing->chart, s, c);

          if (isnan (value))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, slot_middle (drawing, c), value_y (drawing, value), 2 + s % 2, 0,
                     2 * G_PI);
        }
      cairo_fill (cr);
    }
}

static void
draw_no_data (Drawing *drawing)
{
  const char *text = _ ("No data");
  double      width = text_width (drawing->layout, text);

  if (width > drawing->right - drawing->left)
    return;
  cairo_set_source_rgb (drawing->cr, 0.4, 0.4, 0.4);
  show_text (drawing->cr, drawing->layout, text, (drawing->left + drawing->right) / 2,
             (drawing->top + drawing->bottom - line_height (drawing->layout)) / 2, 0.5);
}

/* The plot beside the value axis' labels, above the categories'. */
static void
draw_plot (Drawing *drawing)
{
  double label_height = line_height (drawing->layout), ticks;

  drawing->plot_top = drawing->top + label_height / 2;
  drawing->plot_bottom = drawing->bottom - label_height - GAP;
  /* No room left for a plot: what there is has been drawn, and saying
   * "No data" would be wrong. */
  if (drawing->plot_bottom - drawing->plot_top < PLOT_MIN)
    return;
  if (!scale_values (drawing))
    {
      draw_no_data (drawing);
      return;
    }
  ticks = ticks_width (drawing) + GAP;
  drawing->plot_left = drawing->left + (right_to_left (drawing) ? 0 : ticks);
  drawing->plot_right = drawing->right - (right_to_left (drawing) ? ticks : 0);
  if (drawing->plot_right - drawing->plot_left < PLOT_MIN)
    return;
  draw_value_axis (drawing);
  if (drawing->chart->kind == LAJNA_CHART_BARS)
    draw_bars (drawing);
  else
    draw_lines (drawing);
  draw_category_axis (drawing);
}

/**
 * lajna_chart_new:
 * @kind: bars or lines
 * @title: (nullable): what the chart shows
 * @unit: (nullable): what its values count, as the value axis names it
 *
 * Returns: (transfer full): a chart without categories or series
 */
LajnaChart *
lajna_chart_new (LajnaChartKind kind, const char *title, const char *unit)
{
  LajnaChart *self = g_atomic_rc_box_new0 (LajnaChart);

  self->kind = kind;
  self->title = g_strdup (title != NULL ? title : "");
  self->unit = g_strdup (unit != NULL ? unit : "");
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  return self;
}

LajnaChart *
lajna_chart_ref (LajnaChart *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
lajna_chart_unref (LajnaChart *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) chart_clear);
}

/* Adds a category, named @label, after the others. */
void
lajna_chart_add_category (LajnaChart *self, const char *label)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_add (self->categories, g_strdup (label != NULL ? label : ""));
}

/**
 * lajna_chart_add_series:
 * @self: a chart
 * @name: what the series counts, as the legend names it
 * @values: (array length=n_values): a value for each category, in their
 *   order
 * @n_values: how many
 *
 * Adds a series. A value that is not a number, or beyond 10¹⁵, is
 * missing: neither drawn nor counted.
 */
void
lajna_chart_add_series (LajnaChart *self, const char *name, const double *values, guint n_values)
{
  Series *series = g_new0 (Series, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  series->name = g_strdup (name != NULL ? name : "");
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  for (guint i = 0; i < n_values; i++)
    {
      double value
        = isfinite (values[i]) && fabs (values[i]) <= LAJNA_CHART_VALUE_MAX ? values[i] : NAN;

      g_array_append_val (series->values, value);
    }
  g_ptr_array_add (self->series, series);
}

LajnaChartKind
lajna_chart_get_kind (LajnaChart *self)
{
  return self->kind;
}

const char *
lajna_chart_get_title (LajnaChart *self)
{
  return self->title;
}

const char *
lajna_chart_get_unit (LajnaChart *self)
{
  return self->unit;
}

guint
lajna_chart_get_n_categories (LajnaChart *self)
{
  return self->categories->len;
}

const char *
lajna_chart_get_category (LajnaChart *self, guint category)
{
  g_return_val_if_fail (category < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, category);
}

guint
lajna_chart_get_n_series (LajnaChart *self)
{
  return self->series->len;
}

const char *
lajna_chart_get_series_name (LajnaChart *self, guint series)
{
  g_return_val_if_fail (series < self->series->len, NULL);

  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

/* Returns: the value of @series for @category, NAN when it has none */
double
lajna_chart_get_value (LajnaChart *self, guint series, guint category)
{
  GArray *values;

  g_return_val_if_fail (series < self->series->len, NAN);

  values = ((Series *) g_ptr_array_index (self->series, series))->values;
  return category < values->len ? g_array_index (values, double, category) : NAN;
}

/* The colour of @series' bars, lines and legend, each of red, green,
 * blue from 0 to 1. */
void
lajna_chart_get_colour (guint series, double *red, double *green, double *blue)
{
  const double *colour = colours[series % LAJNA_CHART_N_COLOURS];

  *red = colour[0];
  *green = colour[1];
  *blue = colour[2];
}

/**
 * lajna_chart_isolate_label:
 * @label: a category's or a series' name
 *
 * Within an Arabic label, 2026-11-23 would read 23-11-2026: each date or
 * time in @label is isolated left to right, for a chart or a table.
 *
 * Returns: (transfer full): @label with its dates isolated
 */
char *
lajna_chart_isolate_label (const char *label)
{
  g_autoptr (GRegex) regex = g_regex_new ("[0-9٠-٩]+([-/.:][0-9٠-٩]+)+", 0, 0, NULL);

  return g_regex_replace (regex, label, -1, 0, LRI "\\0" LAJNA_PDI, 0, NULL);
}

/**
 * lajna_chart_draw:
 * @self: a chart
 * @cr: where to draw it
 * @x: the rectangle's left edge, in @cr's units
 * @y: its top edge
 * @width: its width
 * @height: its height
 * @direction: %PANGO_DIRECTION_RTL for a chart that reads right to left
 *   (the interface's direction), else %PANGO_DIRECTION_LTR
 * @digits: the digits of the axis and the values
 *
 * Draws the chart within the rectangle: its title and, for more than one
 * series, a legend at the top; "No data" when it has no value. A
 * rectangle too small for anything stays empty.
 */
void
lajna_chart_draw (LajnaChart *self, cairo_t *cr, double x, double y, double width, double height,
                  PangoDirection direction, LajnaChartDigits digits)
{
  Drawing drawing = { self, cr, NULL, direction, digits, x, y, x + width, y + height };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (!isfinite (x) || !isfinite (y) || !(width >= PLOT_MIN) || !(height >= PLOT_MIN)
      || !isfinite (width) || !isfinite (height))
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  drawing.layout = new_layout (&drawing, FONT);
  drawing.top += draw_heading (&drawing, self->title, TITLE_FONT);
  if (self->series->len > 1 && self->categories->len > 0)
    drawing.top += draw_legend (&drawing) + GAP;
  if (self->categories->len == 0 || self->series->len == 0)
    draw_no_data (&drawing);
  else
    {
      drawing.top += draw_heading (&drawing, self->unit, FONT);
      draw_plot (&drawing);
    }
  g_object_unref (drawing.layout);
  cairo_restore (cr);
}
