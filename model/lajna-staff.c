/* lajna-staff.c: the people a juvenile file is assigned to. */

#include "lajna-staff.h"

void
lajna_staff_free (LajnaStaff *staff)
{
  g_free (staff->full_name);
  g_free (staff->profession);
  g_free (staff);
}

/**
 * lajna_staff_fetch_all:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaStaff) (nullable): the
 *   active social workers and psychologists, by name
 */
GPtrArray *
lajna_staff_fetch_all (LajnaDb  *db,
                       GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT id, full_name, profession FROM app_user"
      " WHERE active AND profession IN ('social_worker', 'psychologist')"
      " ORDER BY full_name, id", error);
  GPtrArray *staff;

  if (result == NULL)
    return NULL;

  staff = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_staff_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaStaff *person = g_new0 (LajnaStaff, 1);

      person->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      person->full_name = g_strdup (PQgetvalue (result, i, 1));
      person->profession = g_strdup (PQgetvalue (result, i, 2));
      g_ptr_array_add (staff, person);
    }
  return staff;
}
