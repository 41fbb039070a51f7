/* bench-stats.c: percentiles of timings, for the bench programs. */

#include "bench-stats.h"

#include <stdlib.h>

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p-th percentile (0–1) of the timings @ms, which it sorts. */
double
bench_percentile (GArray *ms,
                  double  p)
{
  guint i = (guint) (p * (ms->len - 1) + 0.5);

  qsort (ms->data, ms->len, sizeof (double), compare_doubles);
  return g_array_index (ms, double, i);
}
