/* lajna-committee-heading.c: the lines that head a printed list or
 * report: the committee's own letterhead when it concerns one committee,
 * else the state's and the ministry's lines alone, and its logo. */

#include "lajna-committee-heading.h"

#include "lajna-db-private.h"

void
lajna_committee_heading_free (LajnaCommitteeHeading *heading)
{
  g_free (heading->lines);
  g_free (heading->committee);
  g_clear_pointer (&heading->logo, g_bytes_unref);
  g_free (heading);
}

/**
 * lajna_committee_heading_read:
 * @db: a connection
 * @committee_id: the committee the pages concern, or 0 for several
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the heading, its lines empty when
 *   no committee is known; %NULL with @error set on failure
 */
LajnaCommitteeHeading *
lajna_committee_heading_read (LajnaDb  *db,
                              int       committee_id,
                              GError  **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { committee };
  g_autoptr(PGresult) head = lajna_db_exec_binary (db,
      "SELECT coalesce(CASE WHEN k.id = $1::integer THEN nullif(k.letterhead, '') END,"
      "                concat_ws(E'\\n', k.state_name, k.ministry_name,"
      "                          CASE WHEN k.id = $1::integer THEN k.name_ar END)),"
      "       CASE WHEN k.id = $1::integer THEN k.name_ar END, k.logo"
      "  FROM committee k ORDER BY k.id = $1::integer DESC, k.id LIMIT 1",
      1, params, NULL, NULL, TRUE, error);
  LajnaCommitteeHeading *heading;

  if (head == NULL)
    return NULL;
  heading = g_new0 (LajnaCommitteeHeading, 1);
  if (PQntuples (head) == 0)
    {
      heading->lines = g_strdup ("");
      return heading;
    }
  heading->lines = g_strstrip (lajna_db_dup_value (head, 0, 0));
  heading->committee = lajna_db_dup_value (head, 0, 1);
  if (!PQgetisnull (head, 0, 2))
    heading->logo = g_bytes_new (PQgetvalue (head, 0, 2), PQgetlength (head, 0, 2));
  return heading;
}
