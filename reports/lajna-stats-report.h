#pragma once

#include "lajna-chart-digits.h"
#include "lajna-db.h"
#include "lajna-stats.h"

G_BEGIN_DECLS

gboolean lajna_stats_report_write (LajnaDb           *db,
                                   const LajnaStats  *stats,
                                   LajnaChartDigits   digits,
                                   const char        *path,
                                   GError           **error);

G_END_DECLS
