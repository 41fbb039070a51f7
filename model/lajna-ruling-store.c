/* lajna-ruling-store.c: rulings on record: issuing one gives it the next
 * number of its committee's year, in the same transaction
 * (lajna_ruling_issue() in 0019-rulings.sql), so that numbers have no gap
 * and none is given twice, whatever workstations issue at once. */

#include "lajna-ruling-store.h"

#include <glib/gi18n-lib.h>

/**
 * lajna_ruling_issue:
 * @db: a connection
 * @case_id: the file
 * @issued_on: (nullable): the day, YYYY-MM-DD; %NULL for today
 * @error: return location for a #GError
 *
 * Issues the ruling of the decision in force on the file.
 *
 * Returns: the ruling's id, 0 on failure
 */
gint64
lajna_ruling_issue (LajnaDb     *db,
                    gint64       case_id,
                    const char  *issued_on,
                    GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id, issued_on };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_ruling_issue(d.id, coalesce($2::date, current_date)) FROM decision_now d"
      " WHERE d.case_id = $1 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1", 2, params, error);

  if (result == NULL)
    return 0;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The file has no decision to issue a ruling for."));
      return 0;
    }
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}
