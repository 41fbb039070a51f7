#pragma once

#include <gtk/gtk.h>

#include "lajna-chart.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CHART_VIEW (lajna_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LajnaChartView, lajna_chart_view, LAJNA, CHART_VIEW, GtkWidget)

GtkWidget       *lajna_chart_view_new        (void);
LajnaChart      *lajna_chart_view_get_chart  (LajnaChartView  *self);
void             lajna_chart_view_set_chart  (LajnaChartView  *self,
                                              LajnaChart      *chart);
LajnaChartDigits lajna_chart_view_get_digits (LajnaChartView  *self);
void             lajna_chart_view_set_digits (LajnaChartView  *self,
                                              LajnaChartDigits digits);

G_END_DECLS
