/* test-chart.c: a chart reads in the reader's direction and digits, to
 * readers that are not ours. pdftotext gives an Arabic chart's
 * categories from the right and an English one's from the left, its
 * figures in the digits asked for and a date unreversed; bars painted on
 * an image stand as high as their values, at 1× and 2×; the value axis
 * steps by 1, 2 or 5 × 10ⁿ and by whole numbers for counts; sixty long
 * labels never overlap; a legend names two series and only then; the
 * series' colours differ in lightness; the fonts are embedded; and no
 * figures, broken figures or no room draw what they can without a
 * critical. */

#include <cairo-pdf.h>
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lajna-chart.h"
#include "lajna-test-util.h"

#define PAGE_WIDTH 595
#define PAGE_HEIGHT 842
#define CHART_X 40.0
#define CHART_Y 40.0
#define CHART_WIDTH 500.0
#define CHART_HEIGHT 300.0

static const char *const months_ar[] = { "يناير", "فبراير", "مارس", "يونيو" };
static const char *const months_en[] = { "January", "February", "March", "June" };

/* A word pdftotext -bbox found, and where. */
typedef struct
{
  char  *text;
  double x_min, y_min, x_max, y_max;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

static LajnaChart *
new_months_chart (gboolean arabic, const double *values)
{
  LajnaChart *chart
    = lajna_chart_new (LAJNA_CHART_BARS, arabic ? "الملفات الواردة" : "Files", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (months_ar); i++)
    lajna_chart_add_category (chart, arabic ? months_ar[i] : months_en[i]);
  lajna_chart_add_series (chart, arabic ? "واردة" : "Received", values, 4);
  return chart;
}

/* Draws @chart alone, @height high, on an A4 page of a PDF in a new
 * folder, whose path it returns. */
static char *
draw_pdf_high (LajnaChart *chart, gboolean arabic, LajnaChartDigits digits, double height)
{
  g_autofree char *dir = g_dir_make_tmp ("lajna-test-chart-XXXXXX", NULL);
  char            *path = g_build_filename (dir, "chart.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t         *cr = cairo_create (surface);

  lajna_chart_draw (chart, cr, CHART_X, CHART_Y, CHART_WIDTH, height,
                    arabic ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR, digits);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ck_assert_int_eq (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static char *
draw_pdf (LajnaChart *chart, gboolean arabic, LajnaChartDigits digits)
{
  return draw_pdf_high (chart, arabic, digits, CHART_HEIGHT);
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  lajna_test_remove_dir (dir);
}

static char *
pdf_text (const char *path)
{
  return lajna_test_tool_output ("pdftotext", ARGS ("-layout", path, "-"), NULL);
}

/* The words of @path's first page, as pdftotext -bbox places them. */
static GPtrArray *
pdf_words (const char *path)
{
  g_autofree char *html = lajna_test_tool_output ("pdftotext", ARGS ("-bbox", path, "-"), NULL);
  g_autoptr (GRegex) regex = g_regex_new (
    "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)", 0,
    0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);

  for (g_regex_match (regex, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      Word   *word = g_new0 (Word, 1);
      double *edges[] = { &word->x_min, &word->y_min, &word->x_max, &word->y_max };

      for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
        {
          g_autofree char *number = g_match_info_fetch (match, i + 1);

          *edges[i] = g_ascii_strtod (number, NULL);
        }
      word->text = g_match_info_fetch (match, 5);
      g_ptr_array_add (words, word);
    }
  return words;
}

/* The word that reads @text: pdftotext -bbox gives an Arabic word's
 * letters in the order they stand on the page, from the left. */
static Word *
find_word (GPtrArray *words, const char *text)
{
  g_autofree char *reversed = g_utf8_strreverse (text, -1);

  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (strcmp (word->text, text) == 0 || strcmp (word->text, reversed) == 0)
        return word;
    }
  ck_abort_msg ("no word %s", text);
  return NULL;
}

/* No two words of a chart overlap on the page. */
static void
assert_words_apart (GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    for (guint j = i + 1; j < words->len; j++)
      {
        Word *a = g_ptr_array_index (words, i), *b = g_ptr_array_index (words, j);

        ck_assert_msg (a->x_max <= b->x_min + 0.5 || b->x_max <= a->x_min + 0.5
                         || a->y_max <= b->y_min + 0.5 || b->y_max <= a->y_min + 0.5,
                       "%s [%g, %g; %g, %g] overlaps %s [%g, %g; %g, %g]", a->text, a->x_min,
                       a->x_max, a->y_min, a->y_max, b->text, b->x_min, b->x_max, b->y_min,
                       b->y_max);
      }
}

/* How a chart must read: in a direction, with digits. */
typedef struct
{
  gboolean           arabic;
  LajnaChartDigits   digits;
  const char *const *months;
  const char        *zero;
  const char        *figure;
  gunichar           foreign_zero;
} Reading;

static const Reading readings[] = {
  { TRUE, LAJNA_CHART_DIGITS_ARABIC_INDIC, months_ar, "٠", "١٬٢٥٠", '0' },
  { FALSE, LAJNA_CHART_DIGITS_LATIN, months_en, "0", "1,250", 0x0660 },
  /* The digits are the caller's, whatever the direction. */
  { TRUE, LAJNA_CHART_DIGITS_LATIN, months_ar, "0", "1,250", 0x0660 },
};

/* The categories from the right in Arabic, from the left in English, the
 * value axis before the first; the figures in the digits asked for. */
START_TEST (test_reading_order)
{
  const Reading *reading = &readings[_i];
  const double   values[] = { 10, 20, 40, 1250 };
  g_autoptr (LajnaChart) chart = new_months_chart (reading->arabic, values);
  g_autofree char *path = draw_pdf (chart, reading->arabic, reading->digits);
  g_autoptr (GPtrArray) words = pdf_words (path);
  g_autofree char *text = pdf_text (path);
  Word            *zero = find_word (words, reading->zero);
  Word            *first = find_word (words, reading->months[0]);

  for (guint i = 1; i < G_N_ELEMENTS (months_ar); i++)
    {
      Word *next = find_word (words, reading->months[i]);
      Word *previous = find_word (words, reading->months[i - 1]);

      ck_assert_msg (reading->arabic ? next->x_max < previous->x_min
                                     : next->x_min > previous->x_max,
                     "%s does not follow %s", next->text, previous->text);
    }
  ck_assert_msg (reading->arabic ? zero->x_min > first->x_max : zero->x_max < first->x_min,
                 "the value axis is not before %s", first->text);
  ck_assert_msg (strstr (text, reading->figure) != NULL, "%s", text);
  assert_words_apart (words);
  ck_assert_msg (!lajna_test_has_digits (text, reading->foreign_zero), "%s", text);
  lajna_test_assert_fonts_embedded (path);
  remove_pdf (path);
}
END_TEST

/* A date among Arabic labels reads as written, year first. */
START_TEST (test_date_label_isolated)
{
  const double values[] = { 3, 4 };
  g_autoptr (LajnaChart) chart = lajna_chart_new (LAJNA_CHART_LINES, "الجلسات", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  lajna_chart_add_category (chart, "جلسة 2026-11-23");
  lajna_chart_add_category (chart, "2026-12-07");
  lajna_chart_add_series (chart, "ملفات", values, 2);
  path = draw_pdf (chart, TRUE, LAJNA_CHART_DIGITS_ARABIC_INDIC);
  text = pdf_text (path);
  ck_assert_msg (strstr (text, "2026-11-23") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "2026-12-07") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "23-11-2026") == NULL, "%s", text);
  remove_pdf (path);
}
END_TEST

/* A negative figure in an Arabic chart with Latin digits reads -20, with
 * Arabic-Indic ones ٢٠- (the minus on the right): pdftotext -bbox gives
 * the characters in the order they stand on the page. */
START_TEST (test_minus_placed)
{
  const double values[] = { 10, -20, 40, 5 };
  g_autoptr (LajnaChart) chart = new_months_chart (TRUE, values);
  g_autofree char *latin = draw_pdf (chart, TRUE, LAJNA_CHART_DIGITS_LATIN);
  g_autofree char *arabic = draw_pdf (chart, TRUE, LAJNA_CHART_DIGITS_ARABIC_INDIC);
  g_autoptr (GPtrArray) latin_words = pdf_words (latin);
  g_autoptr (GPtrArray) arabic_words = pdf_words (arabic);

  ck_assert_str_eq (find_word (latin_words, "-20")->text, "-20");
  ck_assert_str_eq (find_word (arabic_words, "٢٠-")->text, "٢٠-");
  remove_pdf (latin);
  remove_pdf (arabic);
}
END_TEST

/* The words of the value axis, top to bottom, as numbers. */
static GArray *
axis_numbers (GPtrArray *words, double axis_x)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < words->len; i++)
    {
      Word  *word = g_ptr_array_index (words, i);
      char  *end;
      double number = g_ascii_strtod (word->text, &end);

      if (*end == '\0' && end != word->text && word->x_max <= axis_x + 1)
        g_array_append_val (numbers, number);
    }
  return numbers;
}

/* The value axis' numbers, top to bottom, of the months' chart of
 * @values in English; its whole text in @text. */
static GArray *
draw_axis (const double *values, char **text)
{
  g_autoptr (LajnaChart) chart = new_months_chart (FALSE, values);
  g_autofree char *path = draw_pdf (chart, FALSE, LAJNA_CHART_DIGITS_LATIN);
  g_autoptr (GPtrArray) words = pdf_words (path);
  GArray *ticks = axis_numbers (words, find_word (words, "0")->x_max);

  *text = pdf_text (path);
  remove_pdf (path);
  return ticks;
}

START_TEST (test_nice_steps)
{
  const double     values[] = { 37, 12, 3, 0 };
  g_autofree char *text = NULL;
  g_autoptr (GArray) ticks = draw_axis (values, &text);
  double step;

  ck_assert_uint_ge (ticks->len, 3);
  step = g_array_index (ticks, double, 0) - g_array_index (ticks, double, 1);
  ck_assert_msg (step == 1 || step == 2 || step == 5 || step == 10 || step == 20, "%g", step);
  ck_assert_double_ge (g_array_index (ticks, double, 0), 37);
  for (guint i = 1; i < ticks->len; i++)
    ck_assert_double_eq (g_array_index (ticks, double, i - 1) - g_array_index (ticks, double, i),
                         step);
  ck_assert_double_eq (g_array_index (ticks, double, ticks->len - 1), 0);
}
END_TEST

/* Counts of three at most: the axis steps by one, never a half. */
START_TEST (test_counts_whole)
{
  const double     values[] = { 1, 3, 2, 0 };
  g_autofree char *text = NULL;
  g_autoptr (GArray) ticks = draw_axis (values, &text);

  ck_assert_uint_eq (ticks->len, 4);
  for (guint i = 0; i < ticks->len; i++)
    ck_assert_double_eq (g_array_index (ticks, double, i), 3 - i);
  ck_assert_msg (strchr (text, '.') == NULL, "%s", text);
}
END_TEST

/* The heights of the runs of the first series' colour, column by
 * column, from the left, one a bar: its middle column's. */
static GArray *
bar_heights (cairo_surface_t *image)
{
  unsigned char  *data = cairo_image_surface_get_data (image);
  int             width = cairo_image_surface_get_width (image);
  int             height = cairo_image_surface_get_height (image);
  int             stride = cairo_image_surface_get_stride (image), start = -1;
  double          red, green, blue;
  GArray         *heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree int *column = g_new0 (int, width + 1);

  lajna_chart_get_colour (0, &red, &green, &blue);
  cairo_surface_flush (image);
  for (int x = 0; x < width; x++)
    for (int y = 0; y < height; y++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);

        if (abs ((int) ((pixel >> 16) & 0xff) - (int) round (red * 255)) <= 2
            && abs ((int) ((pixel >> 8) & 0xff) - (int) round (green * 255)) <= 2
            && abs ((int) (pixel & 0xff) - (int) round (blue * 255)) <= 2)
          column[x]++;
      }
  for (int x = 0; x <= width; x++)
    {
      if (column[x] > 0 && start < 0)
        start = x;
      else if (column[x] == 0 && start >= 0)
        {
          double bar = column[(start + x) / 2];

          g_array_append_val (heights, bar);
          start = -1;
        }
    }
  return heights;
}

static GArray *
draw_bars (gboolean arabic, double scale)
{
  const double values[] = { 10, 20, 40, 25 };
  g_autoptr (LajnaChart) chart = new_months_chart (arabic, values);
  cairo_surface_t *image = cairo_image_surface_create (
    CAIRO_FORMAT_RGB24, (int) (CHART_WIDTH * scale), (int) (CHART_HEIGHT * scale));
  cairo_t *cr = cairo_create (image);
  GArray  *heights;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  lajna_chart_draw (chart, cr, 0, 0, CHART_WIDTH, CHART_HEIGHT,
                    arabic ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR, LAJNA_CHART_DIGITS_LATIN);
  heights = bar_heights (image);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return heights;
}

/* Bars stand in proportion to 10, 20, 40 and 25, from the start side. */
static void
assert_proportional (GArray *heights, gboolean arabic)
{
  const double values[] = { 10, 20, 40, 25 };

  ck_assert_uint_eq (heights->len, 4);
  for (guint i = 0; i < 4; i++)
    {
      double height = g_array_index (heights, double, arabic ? 3 - i : i);
      double expected = g_array_index (heights, double, arabic ? 1 : 2) * values[i] / 40;

      ck_assert_msg (fabs (height - expected) <= 2, "bar %u: %g pixels, not %g", i, height,
                     expected);
    }
}

START_TEST (test_bar_heights)
{
  g_autoptr (GArray) english = draw_bars (FALSE, 1);
  g_autoptr (GArray) arabic = draw_bars (TRUE, 1);
  g_autoptr (GArray) double_scale = draw_bars (TRUE, 2);

  assert_proportional (english, FALSE);
  assert_proportional (arabic, TRUE);
  assert_proportional (double_scale, TRUE);
  for (guint i = 0; i < 4; i++)
    ck_assert_double_le (
      fabs (g_array_index (double_scale, double, i) - 2 * g_array_index (arabic, double, i)), 2);
}
END_TEST

/* Sixty categories with long Arabic names: no label, value or tick
 * written overlaps another. */
START_TEST (test_long_labels_apart)
{
  g_autoptr (LajnaChart) chart = lajna_chart_new (LAJNA_CHART_BARS, "الملفات حسب الفرع", NULL);
  double           values[60];
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) words = NULL;
  guint n_labels = 0;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *label = g_strdup_printf ("لجنة الشؤون الاجتماعية بفرع %u", i + 1);

      lajna_chart_add_category (chart, label);
      values[i] = (i * 7) % 23;
    }
  lajna_chart_add_series (chart, "ملفات", values, G_N_ELEMENTS (values));
  path = draw_pdf (chart, TRUE, LAJNA_CHART_DIGITS_ARABIC_INDIC);
  words = pdf_words (path);
  /* The labels' line, under the plot. */
  for (guint i = 0; i < words->len; i++)
    if (((Word *) g_ptr_array_index (words, i))->y_min > CHART_Y + CHART_HEIGHT - 20)
      n_labels++;
  ck_assert_uint_ge (n_labels, 5);
  assert_words_apart (words);
  remove_pdf (path);
}
END_TEST

START_TEST (test_legend_for_series)
{
  const double received[] = { 10, 20, 40, 25 }, decided[] = { 5, 15, 30, 20 };
  g_autoptr (LajnaChart) chart = new_months_chart (FALSE, received);
  g_autofree char *one = draw_pdf (chart, FALSE, LAJNA_CHART_DIGITS_LATIN);
  g_autofree char *one_text = pdf_text (one);
  g_autofree char *two = NULL;
  g_autofree char *two_text = NULL;

  ck_assert_msg (strstr (one_text, "Received") == NULL, "%s", one_text);
  lajna_chart_add_series (chart, "Decided", decided, 4);
  two = draw_pdf (chart, FALSE, LAJNA_CHART_DIGITS_LATIN);
  two_text = pdf_text (two);
  ck_assert_msg (strstr (two_text, "Received") != NULL, "%s", two_text);
  ck_assert_msg (strstr (two_text, "Decided") != NULL, "%s", two_text);
  remove_pdf (one);
  remove_pdf (two);
}
END_TEST

/* CIE L* of a colour: its lightness printed in grey. */
static double
lightness (double red, double green, double blue)
{
  double channels[] = { red, green, blue }, luminance;

  for (guint i = 0; i < 3; i++)
    channels[i]
      = channels[i] <= 0.04045 ? channels[i] / 12.92 : pow ((channels[i] + 0.055) / 1.055, 2.4);
  luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  return luminance > 216.0 / 24389 ? 116 * cbrt (luminance) - 16 : luminance * 24389.0 / 27;
}

START_TEST (test_colours_apart_in_grey)
{
  double shades[LAJNA_CHART_N_COLOURS];

  for (guint i = 0; i < LAJNA_CHART_N_COLOURS; i++)
    {
      double red, green, blue;

      lajna_chart_get_colour (i, &red, &green, &blue);
      shades[i] = lightness (red, green, blue);
      for (guint j = 0; j < i; j++)
        ck_assert_msg (fabs (shades[i] - shades[j]) >= 12, "series %u and %u: L* %g and %g", i, j,
                       shades[i], shades[j]);
    }
}
END_TEST

START_TEST (test_no_categories)
{
  g_autoptr (LajnaChart) chart = lajna_chart_new (LAJNA_CHART_BARS, "Files", NULL);
  g_autofree char *path = draw_pdf (chart, FALSE, LAJNA_CHART_DIGITS_LATIN);
  g_autofree char *text = pdf_text (path);

  ck_assert_msg (strstr (text, "No data") != NULL, "%s", text);
  remove_pdf (path);
}
END_TEST

/* Missing, infinite and absurd values are left out; negative ones stand
 * below zero; a series shorter or longer than the categories is cut or
 * completed with missing values. */
START_TEST (test_broken_values)
{
  const double values[] = { NAN, -5, 1e300, INFINITY, 7, 99 };
  const double missing[] = { NAN, NAN };
  g_autoptr (LajnaChart) chart = new_months_chart (FALSE, values);
  g_autoptr (LajnaChart) empty = lajna_chart_new (LAJNA_CHART_LINES, "Files", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *empty_text = NULL;

  lajna_chart_add_series (chart, "Short", values + 4, 1);
  lajna_chart_add_series (chart, "Long", values, G_N_ELEMENTS (values));
  path = draw_pdf (chart, FALSE, LAJNA_CHART_DIGITS_LATIN);
  text = pdf_text (path);
  ck_assert_msg (strstr (text, "-5") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "99") == NULL, "%s", text);
  ck_assert_msg (strstr (text, "inf") == NULL && strstr (text, "nan") == NULL, "%s", text);
  ck_assert (isnan (lajna_chart_get_value (chart, 0, 2)));
  ck_assert (isnan (lajna_chart_get_value (chart, 1, 3)));
  remove_pdf (path);

  lajna_chart_add_category (empty, "January");
  lajna_chart_add_category (empty, "February");
  lajna_chart_add_series (empty, "Received", missing, 2);
  empty_path = draw_pdf (empty, FALSE, LAJNA_CHART_DIGITS_LATIN);
  empty_text = pdf_text (empty_path);
  ck_assert_msg (strstr (empty_text, "No data") != NULL, "%s", empty_text);
  remove_pdf (empty_path);
}
END_TEST

/* Too little room for the plot under the title and the legend: the chart
 * says what it can, never that it has no data. */
START_TEST (test_no_room_for_plot)
{
  const double values[] = { 10, 20, 40, 25 };
  g_autoptr (LajnaChart) chart = new_months_chart (FALSE, values);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  lajna_chart_add_series (chart, "Decided", values, G_N_ELEMENTS (values));
  for (double height = 40; height <= 80; height += 5)
    {
      path = draw_pdf_high (chart, FALSE, LAJNA_CHART_DIGITS_LATIN, height);
      text = pdf_text (path);
      ck_assert_msg (strstr (text, "No data") == NULL, "%g high: %s", height, text);
      remove_pdf (path);
      g_clear_pointer (&path, g_free);
      g_clear_pointer (&text, g_free);
    }
}
END_TEST

/* No room, or a rectangle that is no number: nothing is drawn. */
START_TEST (test_no_room)
{
  const double values[] = { 10, 20, 40, 25 };
  const double rectangles[][4] = {
    { 0, 0, 0, 0 },   { 10, 10, -50, 40 }, { 0, 0, NAN, 100 }, { INFINITY, 0, 100, 100 },
    { 0, 0, 3, 300 },
  };
  g_autoptr (LajnaChart) chart = new_months_chart (TRUE, values);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t         *cr = cairo_create (image);
  unsigned char   *data = cairo_image_surface_get_data (image);

  for (guint i = 0; i < G_N_ELEMENTS (rectangles); i++)
    lajna_chart_draw (chart, cr, rectangles[i][0], rectangles[i][1], rectangles[i][2],
                      rectangles[i][3], PANGO_DIRECTION_RTL, LAJNA_CHART_DIGITS_ARABIC_INDIC);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  for (int i = 0; i < cairo_image_surface_get_stride (image) * 100; i++)
    ck_assert_msg (data[i] == 0, "drawn at byte %d", i);
  /* A sliver of room: drawn within it, what fits. */
  lajna_chart_draw (chart, cr, 0, 0, 100, 20, PANGO_DIRECTION_LTR, LAJNA_CHART_DIGITS_LATIN);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}
END_TEST

START_TEST (test_format_value)
{
  const struct
  {
    double           value;
    LajnaChartDigits digits;
    const char      *text;
  } cases[] = {
    { 0, LAJNA_CHART_DIGITS_LATIN, "0" },
    { -0.0, LAJNA_CHART_DIGITS_LATIN, "0" },
    { 1234567, LAJNA_CHART_DIGITS_LATIN, "1,234,567" },
    { 2.5, LAJNA_CHART_DIGITS_LATIN, "2.5" },
    { 1.0 / 3, LAJNA_CHART_DIGITS_LATIN, "0.33" },
    { -1500, LAJNA_CHART_DIGITS_LATIN, "\u200e-1,500" },
    { -2, LAJNA_CHART_DIGITS_ARABIC_INDIC, "\u061c-٢" },
    { 1250.5, LAJNA_CHART_DIGITS_ARABIC_INDIC, "١٬٢٥٠٫٥" },
    { NAN, LAJNA_CHART_DIGITS_ARABIC_INDIC, "—" },
    { 1e300, LAJNA_CHART_DIGITS_LATIN, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lajna_chart_digits_format_value (cases[i].digits, cases[i].value);

      ck_assert_str_eq (text, cases[i].text);
    }
}
END_TEST

static Suite *
chart_suite (void)
{
  Suite *suite = suite_create ("chart");
  TCase *pdf = tcase_create ("/chart/pdf");
  TCase *drawing = tcase_create ("/chart/drawing");

  tcase_add_loop_test (pdf, test_reading_order, 0, G_N_ELEMENTS (readings));
  tcase_add_test (pdf, test_date_label_isolated);
  tcase_add_test (pdf, test_minus_placed);
  tcase_add_test (pdf, test_nice_steps);
  tcase_add_test (pdf, test_counts_whole);
  tcase_add_test (pdf, test_long_labels_apart);
  tcase_add_test (pdf, test_legend_for_series);
  tcase_add_test (pdf, test_no_categories);
  tcase_add_test (pdf, test_broken_values);
  tcase_add_test (pdf, test_no_room_for_plot);
  suite_add_tcase (suite, pdf);
  tcase_add_test (drawing, test_bar_heights);
  tcase_add_test (drawing, test_colours_apart_in_grey);
  tcase_add_test (drawing, test_no_room);
  tcase_add_test (drawing, test_format_value);
  suite_add_tcase (suite, drawing);
  return suite;
}

int
main (void)
{
  return lajna_test_run (chart_suite ());
}
