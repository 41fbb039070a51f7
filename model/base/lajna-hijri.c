/* lajna-hijri.c: the Hijri date of a day, for rulings whose committee
 * prints it beside the Gregorian one: the arithmetical (tabular) Islamic
 * calendar, which agrees with Umm al-Qura on most days and may differ from
 * the sighting of the moon by a day. */

#include "lajna-hijri.h"

static const char * const months[] = {
  "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
  "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
};

/**
 * lajna_hijri_from_date:
 * @date: a valid Gregorian day
 * @year: (out): its Hijri year
 * @month: (out): its Hijri month, 1 to 12
 * @day: (out): its day of the month, 1 to 30
 */
void
lajna_hijri_from_date (const GDate *date,
                       int         *year,
                       int         *month,
                       int         *day)
{
  /* GDate counts days from 0001-01-01 as day 1; the Julian day number of
   * that day is 1721426. */
  gint64 l = (gint64) g_date_get_julian (date) + 1721425 - 1948440 + 10632;
  gint64 n = (l - 1) / 10631;
  gint64 j;

  l = l - 10631 * n + 354;
  j = ((10985 - l) / 5316) * ((50 * l) / 17719) + (l / 5670) * ((43 * l) / 15238);
  l = l - ((30 - j) / 15) * ((17719 * j) / 50) - (j / 16) * ((15238 * j) / 43) + 29;
  *month = (int) ((24 * l) / 709);
  *day = (int) (l - (709 * *month) / 24);
  *year = (int) (30 * n + j - 30);
}

/**
 * lajna_hijri_text:
 * @date: a valid Gregorian day
 *
 * Returns: (transfer full): the Hijri date in Arabic words:
 *   "12 جمادى الآخرة 1448 هـ"
 */
char *
lajna_hijri_text (const GDate *date)
{
  int year, month, day;

  lajna_hijri_from_date (date, &year, &month, &day);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  return g_strdup_printf ("%d %s %d هـ", day, months[month - 1], year);
}
