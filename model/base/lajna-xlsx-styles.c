/* lajna-xlsx-styles.c: which cells of a workbook hold dates, and which
 * day a date's number stands for.
 *
 * A workbook stores a date as a number of days, and only the cell's style
 * says that it is one: the style (styles.xml, cellXfs) names a number
 * format, either built in (14 to 22 are dates) or written out as a format
 * code, which shows a date when it has day, month or year parts and no
 * hours or seconds.
 */

#include "lajna-xlsx-styles.h"

#include <math.h>
#include <string.h>

#include "lajna-xlsx-part.h"

/* Excel's built-in number formats that show dates. */
#define FIRST_DATE_FORMAT 14
#define LAST_DATE_FORMAT 22

/* The serial numbers of 9999-12-31, the last day a workbook holds. */
#define LAST_SERIAL_1900 2958465
#define LAST_SERIAL_1904 2957003

/* The serial number Excel gives to 1900-02-29, a day that never was: Lotus
 * 1-2-3 took 1900 for a leap year, and Excel kept it so. */
#define LEAP_BUG_SERIAL 60

struct _LajnaXlsxStyles
{
  /* Each style's number format, in order; then whether it shows dates. */
  GArray     *formats;
  GArray     *dates;
  /* The custom formats that show dates, by id. */
  GHashTable *date_formats;
  gboolean    in_formats;
  gboolean    in_cell_styles;
};

/* Whether a format code shows a date: its first section (the one for
 * positive numbers) has a day, month or year part, and no hours or
 * seconds, outside quoted text, escaped characters and brackets. A
 * bracket that holds only h, m or s counts hours, minutes or seconds. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean date = FALSE;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      const char *close;

      switch (g_ascii_tolower (*p))
        {
        case '"':
          close = strchr (p + 1, '"');
          if (close == NULL)
            return date;
          p = close;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return date;
          p++;
          break;
        case '[':
          close = strchr (p, ']');
          if (close == NULL)
            return date;
          if (close > p + 1 && strspn (p + 1, "hHmMsS") == (gsize) (close - p - 1))
            return FALSE;
          p = close;
          break;
        case 'h':
        case 's':
          return FALSE;
        case 'd':
        case 'm':
        case 'y':
          date = TRUE;
          break;
        default:
          break;
        }
    }
  return date;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  LajnaXlsxStyles *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);
  const char *id = lajna_xlsx_find_attribute ("numFmtId", names, values);
  guint format = id != NULL ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

  if (strcmp (name, "numFmts") == 0)
    self->in_formats = TRUE;
  else if (strcmp (name, "cellXfs") == 0)
    self->in_cell_styles = TRUE;
  else if (strcmp (name, "xf") == 0 && self->in_cell_styles)
    g_array_append_val (self->formats, format);
  else if (strcmp (name, "numFmt") == 0 && self->in_formats && id != NULL)
    {
      const char *code = lajna_xlsx_find_attribute ("formatCode", names, values);

      if (code != NULL && format_code_is_date (code))
        g_hash_table_add (self->date_formats, GUINT_TO_POINTER (format));
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  LajnaXlsxStyles *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);

  if (strcmp (name, "numFmts") == 0)
    self->in_formats = FALSE;
  else if (strcmp (name, "cellXfs") == 0)
    self->in_cell_styles = FALSE;
}

static const GMarkupParser parser = {
  .start_element = start_element_cb,
  .end_element = end_element_cb,
};

/**
 * lajna_xlsx_styles_new:
 *
 * Returns: (transfer full): the styles of a workbook that has none: no
 *   cell shows a date
 */
LajnaXlsxStyles *
lajna_xlsx_styles_new (void)
{
  LajnaXlsxStyles *self = g_new0 (LajnaXlsxStyles, 1);

  self->formats = g_array_new (FALSE, FALSE, sizeof (guint));
  self->dates = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->date_formats = g_hash_table_new (NULL, NULL);
  return self;
}

void
lajna_xlsx_styles_free (LajnaXlsxStyles *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->formats);
  g_array_unref (self->dates);
  g_hash_table_unref (self->date_formats);
  g_free (self);
}

/**
 * lajna_xlsx_styles_read:
 * @self: styles
 * @zip: the workbook
 * @name: the name of its styles part
 * @budget: what the workbook's parts may still unpack to
 * @cancellable: (nullable): stops the reading
 * @error: return location for a #GError
 *
 * Reads the cell styles of @zip.
 *
 * Returns: whether the part was read
 */
gboolean
lajna_xlsx_styles_read (LajnaXlsxStyles  *self,
                        zip_t            *zip,
                        const char       *name,
                        gsize            *budget,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(LajnaXlsxPart) part = lajna_xlsx_part_open (zip, name, budget, &parser, self,
                                                        cancellable, error);

  if (part == NULL || !lajna_xlsx_part_read_all (part, error))
    return FALSE;
  g_array_set_size (self->dates, self->formats->len);
  for (guint i = 0; i < self->formats->len; i++)
    {
      guint format = g_array_index (self->formats, guint, i);

      g_array_index (self->dates, gboolean, i) =
        (format >= FIRST_DATE_FORMAT && format <= LAST_DATE_FORMAT)
        || g_hash_table_contains (self->date_formats, GUINT_TO_POINTER (format));
    }
  return TRUE;
}

/**
 * lajna_xlsx_styles_is_date:
 * @self: styles
 * @style: a cell's style, its `s` attribute
 *
 * Returns: whether a number in a cell of @style is a date
 */
gboolean
lajna_xlsx_styles_is_date (LajnaXlsxStyles *self,
                           guint            style)
{
  return style < self->dates->len && g_array_index (self->dates, gboolean, style);
}

/**
 * lajna_xlsx_styles_format_date:
 * @serial: a date as a workbook stores it: days, and a fraction for the
 *   time of day
 * @date1904: whether the workbook counts days from 1904-01-01 (as old Mac
 *   workbooks do) rather than from 1900-01-01 as day 1
 * @date: (out caller-allocates): the day as YYYY-MM-DD
 *
 * The time of day is left out.
 *
 * Returns: whether @serial is a day from 1900 (or 1904) to 9999
 */
gboolean
lajna_xlsx_styles_format_date (double   serial,
                               gboolean date1904,
                               char     date[LAJNA_XLSX_DATE_LEN])
{
  /* A time just before midnight, stored a hair short, is still that day. */
  double days = floor (round (serial * 86400000.0) / 86400000.0);
  GDate day;

  if (!isfinite (days) || days < (date1904 ? 0 : 1)
      || days > (date1904 ? LAST_SERIAL_1904 : LAST_SERIAL_1900))
    return FALSE;
  if (!date1904 && days == LEAP_BUG_SERIAL)
    {
      g_strlcpy (date, "1900-02-29", LAJNA_XLSX_DATE_LEN);
      return TRUE;
    }

  g_date_clear (&day, 1);
  if (date1904)
    g_date_set_dmy (&day, 1, G_DATE_JANUARY, 1904);
  else if (days < LEAP_BUG_SERIAL)
    g_date_set_dmy (&day, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&day, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&day, (guint) days);
  g_snprintf (date, LAJNA_XLSX_DATE_LEN, "%04u-%02u-%02u", g_date_get_year (&day),
              g_date_get_month (&day), g_date_get_day (&day));
  return TRUE;
}
