/* lajna-committee.c: the committees a person works with. */

#include "lajna-committee.h"

#include "lajna-db-private.h"

void
lajna_committee_free (LajnaCommittee *committee)
{
  g_free (committee->kind);
  g_free (committee->name_ar);
  g_free (committee->name_en);
  g_free (committee->city);
  g_free (committee);
}

/**
 * lajna_committee_fetch_all:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaCommittee) (nullable): the
 *   active committees the person holds a role on, a casework role
 *   included (every one, for the server's own account), marriage
 *   committees first
 */
GPtrArray *
lajna_committee_fetch_all (LajnaDb  *db,
                           GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "WITH mine AS (SELECT lajna_acting_superuser() AS every,"
      "                     lajna_my_committees() AS own,"
      "                     lajna_my_committees(ARRAY['social_worker', 'psychologist']) AS casework)"
      "SELECT k.id, k.kind, k.name_ar, k.name_en, k.city, NOT (m.every OR k.id = ANY (m.own))"
      "  FROM committee k, mine m"
      " WHERE k.active AND (m.every OR k.id = ANY (m.own) OR k.id = ANY (m.casework))"
      " ORDER BY k.kind = 'juvenile', k.name_ar, k.id", error);
  GPtrArray *committees;

  if (result == NULL)
    return NULL;

  committees = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_committee_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaCommittee *committee = g_new0 (LajnaCommittee, 1);

      committee->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      committee->kind = g_strdup (PQgetvalue (result, i, 1));
      committee->name_ar = g_strdup (PQgetvalue (result, i, 2));
      committee->name_en = g_strdup (PQgetvalue (result, i, 3));
      committee->city = g_strdup (PQgetvalue (result, i, 4));
      committee->casework_only = *PQgetvalue (result, i, 5) == 't';
      g_ptr_array_add (committees, committee);
    }
  return committees;
}

static gpointer
fetch_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return lajna_committee_fetch_all (db, error);
}

/**
 * lajna_committee_fetch_all_async:
 * @worker: the database worker
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the committees the person works with
 * (lajna_committee_fetch_all()) on the worker.
 */
void
lajna_committee_fetch_all_async (LajnaDbWorker        *worker,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  lajna_db_worker_run_async (worker, fetch_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                             cancellable, callback, user_data);
}

/**
 * lajna_committee_fetch_all_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaCommittee) (nullable): the
 *   committees
 */
GPtrArray *
lajna_committee_fetch_all_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
