/* lajna-stats-period.c: the first and last day of a month, quarter or
 * year, counted back from a day: this month, the last quarter, the year
 * before. */

#include "lajna-stats-period.h"

/**
 * lajna_stats_period_range:
 * @period: a month, a quarter or a year
 * @day: a valid day
 * @back: how many periods before the one @day falls in (0: that one)
 * @from: (out caller-allocates): its first day
 * @to: (out caller-allocates): its last day
 */
void
lajna_stats_period_range (LajnaStatsPeriod  period,
                          const GDate      *day,
                          int               back,
                          GDate            *from,
                          GDate            *to)
{
  static const guint months[] = { 1, 3, 12 };
  guint length;
  int first;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (period <= LAJNA_STATS_YEAR && back >= 0);

  length = months[period];
  /* Months counted from January of year 1, the period's first one. */
  first = (g_date_get_year (day) - 1) * 12 + (g_date_get_month (day) - 1);
  first = first - first % length - back * (int) length;
  g_return_if_fail (first >= 0);

  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, first % 12 + 1, first / 12 + 1);
  *to = *from;
  g_date_add_months (to, length);
  g_date_subtract_days (to, 1);
}
