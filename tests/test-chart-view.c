/* test-chart-view.c: a chart on screen and the table beside it read the
 * same figures, in Arabic and in English: every figure of the table is
 * one that pdftotext reads from the chart as the view drew it, in the
 * digits of the settings, and follows them when they change; each row
 * is named for a screen reader by its category and values; the
 * Preferences' digits row sets the key. Runs under Xvfb. */

#include <cairo-pdf.h>
#include <check.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lajna-test-util.h"
#include "lajna-test-widgets.h"
#include "prefs/lajna-preferences-window.h"
#include "stats/lajna-chart-view.h"

static const char *const languages[] = { "ar", "en" };

typedef struct
{
  const char *title;
  const char *categories[4];
  const char *series[2];
} Words;

static const Words words_ar = {
  "الملفات حسب الشهر",
  { "يناير", "فبراير", "جلسة 2026-11-23", "مارس" },
  { "واردة", "مقررة" },
};

static const Words words_en = {
  "Files by month",
  { "January", "February", "Sitting 2026-11-23", "March" },
  { "Received", "Decided" },
};

static const double received[] = { 10, 20, 40, 1250 };
static const double decided[] = { 3, NAN, 7, 900 };

static LajnaChart *
new_chart (const Words *words)
{
  LajnaChart *chart = lajna_chart_new (LAJNA_CHART_BARS, words->title, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words->categories); i++)
    lajna_chart_add_category (chart, words->categories[i]);
  lajna_chart_add_series (chart, words->series[0], received, 4);
  lajna_chart_add_series (chart, words->series[1], decided, 4);
  return chart;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 100;
}

/* A view of the chart in the interface's language, its digits bound to
 * @settings as the app binds them, shown in a window. */
static LajnaChartView *
show_view (const char *language, GSettings *settings)
{
  g_autoptr (LajnaChart) chart = new_chart (strcmp (language, "ar") == 0 ? &words_ar : &words_en);
  GtkWidget *window;
  GtkWidget *view;

  lajna_test_widgets_init (language);
  window = gtk_window_new ();
  view = lajna_chart_view_new ();
  g_settings_bind (settings, "digits", view, "digits", G_SETTINGS_BIND_GET);
  lajna_chart_view_set_chart (LAJNA_CHART_VIEW (view), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  lajna_test_wait_for (drawn, lajna_test_template_child (view, LAJNA_TYPE_CHART_VIEW, "area"),
                       "the chart drawn");
  return LAJNA_CHART_VIEW (view);
}

static gboolean
count_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  guint *ticks = data;

  return ++*ticks < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
ticked_twice (gpointer data)
{
  return *(guint *) data >= 2;
}

/* The chart as the view draws it, after what changed has been drawn,
 * put on a PDF page; its path. */
static char *
draw_area_pdf (LajnaChartView *view, const char *dir)
{
  GtkWidget *area = lajna_test_template_child (view, LAJNA_TYPE_CHART_VIEW, "area");
  int        width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (area);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  char            *path = g_build_filename (dir, "view.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t         *cr = cairo_create (surface);
  guint            ticks = 0;

  gtk_widget_add_tick_callback (area, count_tick_cb, &ticks, NULL);
  lajna_test_wait_for (ticked_twice, &ticks, "two frames");
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_msg (node != NULL, "nothing drawn");
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ck_assert_int_eq (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* The figures' cells of the table, in their rows' order. */
static GPtrArray *
table_figures (LajnaChartView *view)
{
  GtkWidget *table = lajna_test_template_child (view, LAJNA_TYPE_CHART_VIEW, "table");
  g_autoptr (GPtrArray) labels = lajna_test_find_all (table, GTK_TYPE_LABEL);
  GPtrArray *figures = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "numeric")
        && !gtk_widget_has_css_class (g_ptr_array_index (labels, i), "heading"))
      g_ptr_array_add (figures, (gpointer) gtk_label_get_text (g_ptr_array_index (labels, i)));
  return figures;
}

/* Every figure of the table is written on the chart, as a word of its
 * own, in the digits whose zero is @zero. */
static void
assert_same_figures (LajnaChartView *view, gunichar zero)
{
  g_autofree char *dir = g_dir_make_tmp ("lajna-test-chart-view-XXXXXX", NULL);
  g_autofree char *path = draw_area_pdf (view, dir);
  g_autofree char *text = lajna_test_tool_output ("pdftotext", ARGS ("-layout", path, "-"), NULL);
  g_auto (GStrv) lines = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autoptr (GPtrArray) chart_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) figures = table_figures (view);

  /* Without the direction marks pdftotext adds. */
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (chart_words, lajna_test_flat_text (lines[i]));
  g_ptr_array_add (chart_words, NULL);
  ck_assert_uint_eq (figures->len, 2 * 4);
  for (guint i = 0; i < figures->len; i++)
    {
      const char *figure = g_ptr_array_index (figures, i);

      if (strcmp (figure, "—") == 0)
        continue;
      ck_assert_msg (lajna_test_has_digits (figure, zero), "%s", figure);
      ck_assert_msg (g_strv_contains ((const char *const *) chart_words->pdata, figure),
                     "%s is in the table, not on the chart: %s", figure, text);
    }
  ck_assert_msg (lajna_test_has_digits (text, zero), "%s", text);
  lajna_test_remove_dir (dir);
}

static GSettings *
new_settings (const char *digits)
{
  GSettings *settings = g_settings_new ("org.lajna.Lajna");

  g_settings_set_string (settings, "digits", digits);
  return settings;
}

START_TEST (test_same_figures)
{
  const char *language = languages[_i];
  g_autoptr (GSettings) settings
    = new_settings (strcmp (language, "ar") == 0 ? "arabic-indic" : "latin");
  LajnaChartView *view = show_view (language, settings);

  assert_same_figures (view, strcmp (language, "ar") == 0 ? 0x0660 : '0');
}
END_TEST

/* The digits setting changed while the chart is shown: both the chart
 * and the table follow. */
START_TEST (test_follows_digits)
{
  g_autoptr (GSettings) settings = new_settings ("latin");
  LajnaChartView *view = show_view (languages[_i], settings);

  assert_same_figures (view, '0');
  g_settings_set_string (settings, "digits", "arabic-indic");
  ck_assert_int_eq (lajna_chart_view_get_digits (view), LAJNA_CHART_DIGITS_ARABIC_INDIC);
  assert_same_figures (view, 0x0660);
}
END_TEST

/* Each row is named by its category and its values, the heading by the
 * series; the table and the chart by the title. */
START_TEST (test_accessible_names)
{
  const char  *language = languages[_i];
  const Words *words = strcmp (language, "ar") == 0 ? &words_ar : &words_en;
  g_autoptr (GSettings) settings = new_settings ("arabic-indic");
  LajnaChartView *view = show_view (language, settings);
  GtkWidget      *table = lajna_test_template_child (view, LAJNA_TYPE_CHART_VIEW, "table");
  GtkWidget      *area = lajna_test_template_child (view, LAJNA_TYPE_CHART_VIEW, "area");
  g_autoptr (GPtrArray) rows = lajna_test_find_all (table, GTK_TYPE_LIST_BOX_ROW);
  g_autofree char *heading
    = g_strconcat (words->series[0], C_ ("list", ", "), words->series[1], NULL);
  char *error;

  ck_assert_uint_eq (rows->len, 1 + 4);
  error = gtk_test_accessible_check_property (g_ptr_array_index (rows, 0),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, heading);
  ck_assert_msg (error == NULL, "heading: %s", error);
  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *label = lajna_chart_isolate_label (words->categories[c]);
      g_autofree char *first
        = lajna_chart_digits_format_value (LAJNA_CHART_DIGITS_ARABIC_INDIC, received[c]);
      g_autofree char *second
        = lajna_chart_digits_format_value (LAJNA_CHART_DIGITS_ARABIC_INDIC, decided[c]);
      g_autofree char *one
        = g_strdup_printf (C_ ("chart table", "%1$s %2$s"), words->series[0], first);
      g_autofree char *other
        = g_strdup_printf (C_ ("chart table", "%1$s %2$s"), words->series[1], second);
      g_autofree char *values = g_strconcat (one, C_ ("list", ", "), other, NULL);
      g_autofree char *name = g_strdup_printf (C_ ("chart table", "%1$s: %2$s"), label, values);

      error = gtk_test_accessible_check_property (g_ptr_array_index (rows, c + 1),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      ck_assert_msg (error == NULL, "row %u: %s", c, error);
    }
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              words->title);
  ck_assert_msg (error == NULL, "table: %s", error);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              words->title);
  ck_assert_msg (error == NULL, "chart: %s", error);
  ck_assert (gtk_test_accessible_has_role (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_ROLE_IMG));
}
END_TEST

/* No chart, or one without categories: no table, no critical. */
START_TEST (test_empty)
{
  g_autoptr (GSettings) settings = new_settings ("latin");
  LajnaChartView *view = show_view ("ar", settings);
  GtkWidget      *table = lajna_test_template_child (view, LAJNA_TYPE_CHART_VIEW, "table");
  g_autoptr (LajnaChart) empty = lajna_chart_new (LAJNA_CHART_LINES, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("lajna-test-chart-view-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  lajna_chart_view_set_chart (view, empty);
  ck_assert (!gtk_widget_get_visible (table));
  path = draw_area_pdf (view, dir);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  ck_assert_msg (strstr (text, _ ("No data")) != NULL, "%s", text);
  lajna_chart_view_set_chart (view, NULL);
  ck_assert (!gtk_widget_get_visible (table));
  ck_assert_ptr_null (lajna_chart_view_get_chart (view));
  lajna_test_remove_dir (dir);
}
END_TEST

/* The Preferences' digits row writes the key, and shows it. */
START_TEST (test_preferences_digits)
{
  g_autoptr (GSettings) settings = new_settings ("latin");
  GtkWidget *parent;
  GtkWidget *prefs;
  GtkWidget *row;

  lajna_test_widgets_init (languages[_i]);
  parent = gtk_window_new ();
  prefs = lajna_preferences_window_new (GTK_WINDOW (parent), settings, NULL);
  row = lajna_test_template_child (prefs, LAJNA_TYPE_PREFERENCES_WINDOW, "digits");
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  ck_assert_int_eq (g_settings_get_enum (settings, "digits"), LAJNA_CHART_DIGITS_ARABIC_INDIC);
  g_settings_set_string (settings, "digits", "latin");
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (parent));
}
END_TEST

static Suite *
chart_view_suite (void)
{
  Suite *suite = suite_create ("chart-view");
  TCase *tc = tcase_create ("/chart-view");

  tcase_add_loop_test (tc, test_same_figures, 0, G_N_ELEMENTS (languages));
  tcase_add_loop_test (tc, test_follows_digits, 0, G_N_ELEMENTS (languages));
  tcase_add_loop_test (tc, test_accessible_names, 0, G_N_ELEMENTS (languages));
  tcase_add_test (tc, test_empty);
  tcase_add_loop_test (tc, test_preferences_digits, 0, G_N_ELEMENTS (languages));
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  /* GTK's own accessibility backend for tests: it keeps the names given,
   * with no accessibility bus to talk to. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  return lajna_test_run (chart_view_suite ());
}
