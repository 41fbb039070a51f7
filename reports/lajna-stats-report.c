/* lajna-stats-report.c: the printed statistics report of a committee, or
 * of every committee the person may see, over a month, a quarter or a
 * year: A4 pages under the letterhead, the key figures, then each chart
 * of the dashboard with its figures written out under it, so that the
 * pages read the same to a screen reader and on paper in grey. */

#include "lajna-stats-report.h"

#include <glib/gi18n-lib.h>

#include "lajna-letterhead.h"
#include "lajna-pdf-writer.h"
#include "lajna-stats-charts.h"
#include "lajna-text.h"

/* A chart's height on the page, in points. */
#define CHART_HEIGHT 250.0

typedef struct
{
  LajnaChart       *chart;
  PangoDirection    direction;
  LajnaChartDigits  digits;
} Drawing;

static void
drawing_free (gpointer data)
{
  Drawing *drawing = data;

  lajna_chart_unref (drawing->chart);
  g_free (drawing);
}

static void
draw_chart (cairo_t  *cr,
            double    x,
            double    y,
            double    width,
            double    height,
            gpointer  data)
{
  Drawing *drawing = data;

  lajna_chart_draw (drawing->chart, cr, x, y, width, height, drawing->direction,
                    drawing->digits);
}

/* Under the chart, a line for each category: its values, named by their
 * series when there are several. */
static void
add_chart_figures (LajnaPdfWriter   *writer,
                   LajnaChart       *chart,
                   LajnaChartDigits  digits)
{
  guint n_series = lajna_chart_get_n_series (chart);

  for (guint c = 0; c < lajna_chart_get_n_categories (chart); c++)
    {
      g_autoptr(GString) values = g_string_new (NULL);

      for (guint s = 0; s < n_series; s++)
        {
          g_autofree char *value = lajna_chart_digits_format_value (
              digits, lajna_chart_get_value (chart, s, c));

          if (s > 0)
            g_string_append (values, _(" · "));
          if (n_series == 1)
            g_string_append (values, value);
          else
            /* Translators: a series of a chart and its value, "Received: 12". */
            g_string_append_printf (values, _("%s: %s"), lajna_chart_get_series_name (chart, s),
                                    value);
        }
      lajna_pdf_writer_add_fact (writer, lajna_chart_get_category (chart, c), values->str);
    }
}

static void
add_chart (LajnaPdfWriter   *writer,
           LajnaChart       *chart,
           LajnaChartDigits  digits)
{
  Drawing *drawing = g_new0 (Drawing, 1);

  drawing->chart = lajna_chart_ref (chart);
  drawing->direction = lajna_prefer_arabic () ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  drawing->digits = digits;
  lajna_pdf_writer_add_drawing (writer, CHART_HEIGHT, draw_chart, drawing, drawing_free);
  add_chart_figures (writer, chart, digits);
}

static char *
dup_period (const LajnaStats *stats)
{
  char first[16], last[16];
  g_autofree char *first_isolated = NULL, *last_isolated = NULL;

  g_date_strftime (first, sizeof first, "%Y-%m-%d", &stats->from);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", &stats->to);
  first_isolated = lajna_isolate (first);
  last_isolated = lajna_isolate (last);
  /* Translators: a period, from its first day to its last. */
  return g_strdup_printf (_("From %s to %s"), first_isolated, last_isolated);
}

/**
 * lajna_stats_report_write:
 * @db: a connection, for the letterhead
 * @stats: the figures, as the person printing may see them
 * @digits: the digits the figures are written in
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Prints the figures: the letterhead, the title, the committee and the
 * period, the key figures, then the charts with their figures. Nothing is
 * left at @path when it cannot be written.
 *
 * Returns: whether the PDF was written
 */
gboolean
lajna_stats_report_write (LajnaDb           *db,
                          const LajnaStats  *stats,
                          LajnaChartDigits   digits,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(LajnaCommitteeHeading) head = NULL;
  g_autoptr(LajnaPdfWriter) writer = NULL;
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *about = NULL;
  g_autofree char *period = dup_period (stats);

  g_return_val_if_fail (LAJNA_IS_DB (db), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  head = lajna_committee_heading_read (db, stats->committee_id, error);
  if (head == NULL)
    return FALSE;
  about = head->committee != NULL ? g_strdup_printf (_("Committee: %s"), head->committee)
                            : g_strdup (_("Every committee whose files you may see"));

  writer = lajna_pdf_writer_new (_("Statistics Report"));
  lajna_pdf_writer_set_left_to_right (writer, !lajna_prefer_arabic ());
  lajna_letterhead_add (writer, head);
  lajna_pdf_writer_add_title (writer, _("Statistics Report"));
  lajna_pdf_writer_add_paragraph (writer, about);
  lajna_pdf_writer_add_paragraph (writer, period);

  lajna_pdf_writer_add_heading (writer, _("Key Figures"));
  figures = lajna_stats_figures_new (stats, digits);
  for (guint i = 0; i < figures->len; i++)
    {
      const LajnaStatsFigure *figure = &g_array_index (figures, LajnaStatsFigure, i);
      g_autofree char *value = lajna_chart_digits_format_value (digits, figure->value);
      g_autofree char *line = figure->note != NULL ? g_strdup_printf ("%s\n%s", value,
                                                                      figure->note)
                                                   : g_strdup (value);

      lajna_pdf_writer_add_fact (writer, figure->title, line);
    }

  charts = lajna_stats_charts_new (stats);
  for (guint i = 0; i < charts->len; i++)
    add_chart (writer, g_ptr_array_index (charts, i), digits);
  return lajna_pdf_writer_write (writer, path, error);
}
