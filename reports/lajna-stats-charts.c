/* lajna-stats-charts.c: the charts of a committee's oversight figures, the
 * same on the dashboard and in the printed statistics report: files
 * received and decided month by month, decisions by outcome, files pending
 * by status, and the files waiting on documents by the type lacking and by
 * how long they have waited. */

#include "lajna-stats-charts.h"

#include <glib/gi18n-lib.h>

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
