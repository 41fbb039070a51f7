#pragma once

#include "lajna-chart.h"
#include "lajna-stats.h"

G_BEGIN_DECLS

/**
 * LajnaStatsFigure:
 * @title: what it counts, translated
 * @value: the figure, NAN when there is none
 * @note: (nullable): how to read it, its figures in the digits asked for
 *
 * One of the key figures, a card on the dashboard, a line in the report.
 */
typedef struct
{
  const char *title;
  double      value;
  char       *note;
} LajnaStatsFigure;

GArray    *lajna_stats_figures_new (const LajnaStats *stats,
                                    LajnaChartDigits  digits);
GPtrArray *lajna_stats_charts_new  (const LajnaStats *stats);

G_END_DECLS
