#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Values beyond this are no figure a committee counts: they are taken
 * as missing rather than drawn off any scale. */
#define LAJNA_CHART_VALUE_MAX 1e15

/**
 * LajnaChartDigits:
 * @LAJNA_CHART_DIGITS_LATIN: 0–9
 * @LAJNA_CHART_DIGITS_ARABIC_INDIC: ٠–٩
 *
 * The digits a chart's figures are written in. The nicks are the values
 * of the settings' `digits` key.
 */
typedef enum
{
  LAJNA_CHART_DIGITS_LATIN,
  LAJNA_CHART_DIGITS_ARABIC_INDIC,
} LajnaChartDigits;

#define LAJNA_TYPE_CHART_DIGITS (lajna_chart_digits_get_type ())
GType lajna_chart_digits_get_type (void);

char *lajna_chart_digits_format (LajnaChartDigits digits, double value, int decimals);
char *lajna_chart_digits_format_value (LajnaChartDigits digits, double value);

G_END_DECLS
