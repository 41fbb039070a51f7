#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "lajna-chart-digits.h"

G_BEGIN_DECLS

/**
 * LajnaChartKind:
 * @LAJNA_CHART_BARS: a group of bars for each category, one bar a series
 * @LAJNA_CHART_LINES: a line for each series through its categories
 */
typedef enum
{
  LAJNA_CHART_BARS,
  LAJNA_CHART_LINES,
} LajnaChartKind;

/* The number of series colours that differ in lightness, so that they
 * stay apart printed in grey; more series take them again. */
#define LAJNA_CHART_N_COLOURS 4

typedef struct _LajnaChart LajnaChart;

#define LAJNA_TYPE_CHART (lajna_chart_get_type ())
GType lajna_chart_get_type (void);

LajnaChart *lajna_chart_new (LajnaChartKind kind, const char *title, const char *unit);
LajnaChart *lajna_chart_ref (LajnaChart *self);
void        lajna_chart_unref (LajnaChart *self);
void        lajna_chart_add_category (LajnaChart *self, const char *label);
void        lajna_chart_add_series (LajnaChart *self, const char *name, const double *values,
                                    guint n_values);

LajnaChartKind lajna_chart_get_kind (LajnaChart *self);
const char    *lajna_chart_get_title (LajnaChart *self);
const char    *lajna_chart_get_unit (LajnaChart *self);
guint          lajna_chart_get_n_categories (LajnaChart *self);
const char    *lajna_chart_get_category (LajnaChart *self, guint category);
guint          lajna_chart_get_n_series (LajnaChart *self);
const char    *lajna_chart_get_series_name (LajnaChart *self, guint series);
double         lajna_chart_get_value (LajnaChart *self, guint series, guint category);

char *lajna_chart_isolate_label (const char *label);
void  lajna_chart_get_colour (guint series, double *red, double *green, double *blue);
void  lajna_chart_draw (LajnaChart *self, cairo_t *cr, double x, double y, double width,
                        double height, PangoDirection direction, LajnaChartDigits digits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaChart, lajna_chart_unref)

G_END_DECLS
