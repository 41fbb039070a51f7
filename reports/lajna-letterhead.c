/* lajna-letterhead.c: the letterhead that heads a printed list or report:
 * the committee's own when it concerns one committee, else the state's
 * and the ministry's lines alone; the day it was printed on the other
 * side, the committee's logo between. */

#include "lajna-letterhead.h"

#include <glib/gi18n-lib.h>

#include "lajna-text.h"

/**
 * lajna_letterhead_read:
 * @db: a connection
 * @committee_id: the committee, 0 when the pages concern several
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the letterhead's lines, for
 *   lajna_letterhead_add(); %NULL with @error set on failure
 */
PGresult *
lajna_letterhead_read (LajnaDb  *db,
                       int       committee_id,
                       GError  **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { committee };

  return lajna_db_exec_params (db,
      "SELECT CASE WHEN k.id = $1::integer THEN nullif(k.letterhead, '') END,"
      "       k.state_name, k.ministry_name,"
      "       CASE WHEN k.id = $1::integer THEN k.name_ar END, k.logo"
      "  FROM committee k ORDER BY k.id = $1::integer DESC, k.id LIMIT 1", 1, params, error);
}

/**
 * lajna_letterhead_dup_committee:
 * @head: a letterhead read
 *
 * Returns: (transfer full) (nullable): the committee's name, %NULL when
 *   the pages concern several
 */
char *
lajna_letterhead_dup_committee (PGresult *head)
{
  return PQntuples (head) > 0 ? lajna_db_dup_value (head, 0, 3) : NULL;
}

/**
 * lajna_letterhead_add:
 * @writer: the pages
 * @head: a letterhead read
 *
 * Heads @writer's first page with the letterhead, dated today.
 */
void
lajna_letterhead_add (LajnaPdfWriter *writer,
                      PGresult       *head)
{
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  if (PQntuples (head) == 0)
    return;
  if (!PQgetisnull (head, 0, 0))
    start = g_strdup (PQgetvalue (head, 0, 0));
  else
    start = g_strjoin ("\n", PQgetvalue (head, 0, 1), PQgetvalue (head, 0, 2),
                       PQgetvalue (head, 0, 3), NULL);
  if (!PQgetisnull (head, 0, 4))
    {
      size_t length = 0;
      unsigned char *bytes = PQunescapeBytea ((const unsigned char *) PQgetvalue (head, 0, 4),
                                              &length);

      logo = g_bytes_new (bytes, length);
      PQfreemem (bytes);
    }
  today = lajna_isolate (day);
  end = g_strdup_printf (_("Date: %s"), today);
  lajna_pdf_writer_add_letterhead (writer, g_strstrip (start), end, logo);
}
