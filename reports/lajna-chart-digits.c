/* lajna-chart-digits.c: the figures of a chart, its axis' and its
 * table's, in Latin (0–9) or Arabic-Indic (٠–٩) digits as the person
 * chose, with the separators that go with them. */

#include "lajna-chart-digits.h"

#include <math.h>
#include <string.h>

#define NO_VALUE "—"
#define LRM "\u200e" /* LEFT-TO-RIGHT MARK */
#define ALM "\u061c" /* ARABIC LETTER MARK */

G_DEFINE_ENUM_TYPE (LajnaChartDigits, lajna_chart_digits,
                    G_DEFINE_ENUM_VALUE (LAJNA_CHART_DIGITS_LATIN, "latin"),
                    G_DEFINE_ENUM_VALUE (LAJNA_CHART_DIGITS_ARABIC_INDIC, "arabic-indic"))

/* The text with @digits in place of 0–9, the separators of Arabic
 * figures with Arabic-Indic ones. A minus takes the mark Unicode's
 * locale data gives it in Arabic, so that in a right-to-left line it
 * stays before Latin digits (-20, not 20-) and goes on the right of
 * Arabic-Indic ones, as Arabic writes them. */
static char *
localize_digits (const char *text, LajnaChartDigits digits)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        g_string_append (out, digits == LAJNA_CHART_DIGITS_LATIN ? LRM "-" : ALM "-");
      else if (digits == LAJNA_CHART_DIGITS_LATIN)
        g_string_append_c (out, *p);
      else if (g_ascii_isdigit (*p))
        g_string_append_unichar (out, 0x0660 + (*p - '0'));
      else if (*p == ',')
        g_string_append (out, "\u066c"); /* ARABIC THOUSANDS SEPARATOR */
      else if (*p == '.')
        g_string_append (out, "\u066b"); /* ARABIC DECIMAL SEPARATOR */
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * lajna_chart_digits_format:
 * @digits: the digits to write in
 * @value: a number
 * @decimals: how many decimals to write
 *
 * Returns: (transfer full): @value with @decimals decimals, its thousands
 *   grouped, in @digits
 */
char *
lajna_chart_digits_format (LajnaChartDigits digits, double value, int decimals)
{
  g_autofree char *plain = NULL;
  g_autoptr (GString) grouped = g_string_new (NULL);
  const char *p, *point;
  gsize       whole;

  /* −0 reads 0. */
  if (value == 0)
    value = 0;
  plain = g_strdup_printf ("%.*f", decimals, value);
  p = plain;
  if (*p == '-')
    g_string_append_c (grouped, *p++);
  point = strchr (p, '.');
  whole = point != NULL ? (gsize) (point - p) : strlen (p);
  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, p[i]);
    }
  g_string_append (grouped, p + whole);
  return localize_digits (grouped->str, digits);
}

/**
 * lajna_chart_digits_format_value:
 * @digits: the digits to write it in
 * @value: a chart's value, NAN when missing
 *
 * The figure a chart writes for @value: its thousands grouped, up to two
 * decimals, a dash when it is missing.
 *
 * Returns: (transfer full): the figure
 */
char *
lajna_chart_digits_format_value (LajnaChartDigits digits, double value)
{
  int decimals = 0;

  if (!isfinite (value) || fabs (value) > LAJNA_CHART_VALUE_MAX)
    return g_strdup (NO_VALUE);
  while (decimals < 2
         && fabs (value * pow (10, decimals) - round (value * pow (10, decimals))) > 1e-9)
    decimals++;
  return lajna_chart_digits_format (digits, value, decimals);
}
