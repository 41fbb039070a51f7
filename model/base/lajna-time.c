/* lajna-time.c: moments as a person reads them, in the desktop's time
 * zone (TZ, else the system's), whatever zone the database server keeps:
 * a shared server may run on UTC, two hours behind Libya. The server
 * gives seconds since the epoch, which no zone setting of a session
 * changes. */

#include "lajna-time.h"

static char *
format_local (GDateTime *moment)
{
  return g_date_time_format (moment, "%Y-%m-%d %H:%M");
}

/**
 * lajna_time_local_text:
 * @epoch: (nullable): seconds since 1970-01-01 UTC, as a decimal text
 *   (LAJNA_TIME_EPOCH() of a column)
 *
 * Returns: (transfer full) (nullable): the moment as 2026-11-23 14:05 in
 *   the local time zone, or %NULL for no moment
 */
char *
lajna_time_local_text (const char *epoch)
{
  g_autoptr(GDateTime) moment = NULL;
  gint64 seconds;

  if (epoch == NULL
      || !g_ascii_string_to_signed (epoch, 10, G_MININT64, G_MAXINT64, &seconds, NULL))
    return NULL;
  moment = g_date_time_new_from_unix_local (seconds);
  return moment != NULL ? format_local (moment) : NULL;
}

/**
 * lajna_time_now_text:
 *
 * Returns: (transfer full): now, as lajna_time_local_text() writes a moment
 */
char *
lajna_time_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return format_local (now);
}
