#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaStatsPeriod:
 * @LAJNA_STATS_MONTH: a calendar month
 * @LAJNA_STATS_QUARTER: a quarter of the year (January to March, …)
 * @LAJNA_STATS_YEAR: a calendar year
 *
 * The periods the oversight figures are read and printed for.
 */
typedef enum
{
  LAJNA_STATS_MONTH,
  LAJNA_STATS_QUARTER,
  LAJNA_STATS_YEAR,
} LajnaStatsPeriod;

void lajna_stats_period_range (LajnaStatsPeriod  period,
                               const GDate      *day,
                               int               back,
                               GDate            *from,
                               GDate            *to);

G_END_DECLS
