/* lajna-stats-charts.c: the key figures and the charts of a committee's
 * oversight figures, the same on the dashboard and in the printed
 * statistics report: files received, decided and pending, the days to a
 * decision and to its signed ruling, the juvenile reviews due; then files
 * received and decided month by month, decisions by outcome, files pending
 * by status, and the files waiting on documents by the type lacking and by
 * how long they have waited. */

#include "lajna-stats-charts.h"

#include <glib/gi18n-lib.h>

static gint64
total (const GArray *items)
{
  gint64 sum = 0;

  for (guint i = 0; i < items->len; i++)
    sum += g_array_index (items, LajnaStatsItem, i).value;
  return sum;
}

static void
add_figure (GArray     *figures,
            const char *title,
            double      value,
            char       *note)
{
  LajnaStatsFigure figure = { title, value, note };

  g_array_append_val (figures, figure);
}

/* The median, and under it the 90th percentile and the files measured. */
static void
add_span (GArray               *figures,
          const char           *title,
          const LajnaStatsSpan *span,
          LajnaChartDigits      digits)
{
  g_autofree char *p90 = lajna_chart_digits_format_value (digits, span->p90);
  g_autofree char *files = lajna_chart_digits_format_value (digits, (double) span->files);

  if (span->files == 0)
    add_figure (figures, title, span->median, g_strdup (_("No file in the period.")));
  else
    /* Translators: under a median number of days; the first %s is a
     * number of days, the second a number of files. */
    add_figure (figures, title, span->median,
                g_strdup_printf (_("Median. Nine in ten within %s days, of %s files."), p90,
                                 files));
}

static void
clear_figure (gpointer data)
{
  g_free (((LajnaStatsFigure *) data)->note);
}

/**
 * lajna_stats_figures_new:
 * @stats: the figures
 * @digits: the digits of the figures in the notes
 *
 * Returns: (transfer full) (element-type LajnaStatsFigure): the key
 *   figures, in the order they are shown and printed
 */
GArray *
lajna_stats_figures_new (const LajnaStats *stats,
                         LajnaChartDigits  digits)
{
  GArray *figures = g_array_new (FALSE, TRUE, sizeof (LajnaStatsFigure));

  g_array_set_clear_func (figures, clear_figure);
  g_return_val_if_fail (stats != NULL, figures);

  add_figure (figures, _("Files Received"), (double) stats->received, NULL);
  add_figure (figures, _("Files Decided"), (double) total (stats->decided), NULL);
  add_figure (figures, _("Files Pending Now"), (double) total (stats->pending), NULL);
  add_span (figures, _("Days to Decision"), &stats->to_decision, digits);
  add_span (figures, _("Days from Decision to Signed Ruling"), &stats->to_signing, digits);
  add_figure (figures, _("Reviews Due This Week"), (double) stats->reviews_due, NULL);
  add_figure (figures, _("Reviews Overdue"), (double) stats->reviews_overdue, NULL);
  add_figure (figures, _("Deferred Files Returned"), (double) stats->deferrals_returned, NULL);
  add_figure (figures, _("Reports Due Before Review"), (double) stats->reports_due, NULL);
  return figures;
}

/* A bar chart of @items (LajnaStatsItem), one bar for each. */
static LajnaChart *
items_chart (const char   *title,
             const GArray *items)
{
  LajnaChart *chart = lajna_chart_new (LAJNA_CHART_BARS, title, _("files"));
  g_autofree double *values = g_new0 (double, MAX (items->len, 1));

  for (guint i = 0; i < items->len; i++)
    {
      const LajnaStatsItem *item = &g_array_index (items, LajnaStatsItem, i);

      lajna_chart_add_category (chart, item->label);
      values[i] = (double) item->value;
    }
  if (items->len > 0)
    lajna_chart_add_series (chart, C_("chart", "Files"), values, items->len);
  return chart;
}

/* Received and decided, a line each through the months of the period. */
static LajnaChart *
monthly_chart (const GArray *months)
{
  LajnaChart *chart = lajna_chart_new (LAJNA_CHART_LINES, _("Received and Decided by Month"),
                                       _("files"));
  g_autofree double *received = g_new0 (double, MAX (months->len, 1));
  g_autofree double *decided = g_new0 (double, MAX (months->len, 1));

  for (guint i = 0; i < months->len; i++)
    {
      const LajnaStatsMonth *month = &g_array_index (months, LajnaStatsMonth, i);
      char label[16];

      g_date_strftime (label, sizeof label, "%Y-%m", &month->month);
      lajna_chart_add_category (chart, label);
      received[i] = (double) month->received;
      decided[i] = (double) month->decided;
    }
  if (months->len > 0)
    {
      lajna_chart_add_series (chart, C_("chart", "Received"), received, months->len);
      lajna_chart_add_series (chart, C_("chart", "Decided"), decided, months->len);
    }
  return chart;
}

/**
 * lajna_stats_charts_new:
 * @stats: the figures
 *
 * Returns: (transfer full) (element-type LajnaChart): the figures' charts,
 *   in the order they are shown and printed
 */
GPtrArray *
lajna_stats_charts_new (const LajnaStats *stats)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_chart_unref);

  g_return_val_if_fail (stats != NULL, charts);

  g_ptr_array_add (charts, monthly_chart (stats->monthly));
  g_ptr_array_add (charts, items_chart (_("Decisions by Outcome"), stats->decided));
  g_ptr_array_add (charts, items_chart (_("Files Pending by Status"), stats->pending));
  g_ptr_array_add (charts, items_chart (_("Waiting on Documents, by Document Lacking"),
                                        stats->waiting_by_type));
  g_ptr_array_add (charts, items_chart (_("Waiting on Documents, by Time Waited"),
                                        stats->waiting_by_age));
  return charts;
}
