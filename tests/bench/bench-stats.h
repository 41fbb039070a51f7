#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_percentile (GArray *ms,
                         double  p);

G_END_DECLS
