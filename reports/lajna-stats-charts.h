#pragma once

#include "lajna-chart.h"
#include "lajna-stats.h"

G_BEGIN_DECLS

GPtrArray *lajna_stats_charts_new (const LajnaStats *stats);

G_END_DECLS
