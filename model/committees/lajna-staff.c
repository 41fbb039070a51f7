/* lajna-staff.c: the people a juvenile file can be assigned to. */

#include "lajna-staff.h"

#include "lajna-db-private.h"

void
lajna_staff_free (LajnaStaff *staff)
{
  g_free (staff->full_name);
  g_free (staff->role);
  g_free (staff->facility);
  g_free (staff);
}

/**
 * lajna_staff_fetch_casework:
 * @db: a connection
 * @case_id: the file whose form offers them, or 0 for a new file
 * @error: return location for a #GError
 *
 * The social workers and psychologists of the committees of the person
 * signed in, as they serve today, and whoever @case_id is assigned to
 * now even if their role has ended since: a form never drops an
 * assignment it cannot show.
 *
 * Returns: (transfer full) (element-type LajnaStaff) (nullable): a
 *   person once a role, by name
 */
GPtrArray *
lajna_staff_fetch_casework (LajnaDb  *db,
                            gint64    case_id,
                            GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT u.id, u.full_name, s.role,"
      "       CASE WHEN bool_or(s.facility = '') THEN ''"
      "            ELSE string_agg(DISTINCT s.facility, '، ') END"
      "  FROM (SELECT r.user_id, r.role, r.facility FROM committee_role r"
      "         WHERE r.role IN ('social_worker', 'psychologist') AND r.active"
      "           AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)"
      "           AND r.committee_id = ANY (lajna_my_committees())"
      "        UNION ALL"
      "        SELECT a.user_id, a.role, '' FROM juvenile_case j,"
      "               LATERAL (VALUES (j.social_worker_id, 'social_worker'),"
      "                               (j.psychologist_id, 'psychologist')) a (user_id, role)"
      "         WHERE j.case_id = $1 AND a.user_id IS NOT NULL) s"
      "  JOIN app_user u ON u.id = s.user_id"
      " GROUP BY u.id, u.full_name, s.role"
      " ORDER BY u.full_name, u.id, s.role", 1, params, error);
  GPtrArray *staff;

  if (result == NULL)
    return NULL;

  staff = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_staff_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaStaff *person = g_new0 (LajnaStaff, 1);

      person->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      person->full_name = g_strdup (PQgetvalue (result, i, 1));
      person->role = g_strdup (PQgetvalue (result, i, 2));
      person->facility = g_strdup (PQgetvalue (result, i, 3));
      g_ptr_array_add (staff, person);
    }
  return staff;
}
