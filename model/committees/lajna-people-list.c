/* lajna-people-list.c: the people of the committees an administrator
 * administers, with those committees and whether the server asks people
 * for passwords, read on the database worker. */

#include "lajna-people-list.h"

#include "lajna-committee-settings.h"
#include "lajna-users.h"

void
lajna_people_list_free (LajnaPeopleList *list)
{
  g_clear_pointer (&list->people, g_ptr_array_unref);
  g_clear_pointer (&list->committees, g_ptr_array_unref);
  g_free (list);
}

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(LajnaPeopleList) list = g_new0 (LajnaPeopleList, 1);

  list->passwords = lajna_users_use_passwords (db);
  if ((list->people = lajna_people_fetch_all (db, error)) == NULL
      || (list->committees = lajna_committee_settings_fetch_all (db, error)) == NULL)
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * lajna_people_list_load_async:
 * @worker: the database worker
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context once read
 * @user_data: for @callback
 *
 * Reads the people (lajna_people_fetch_all()), the committees the person
 * connected administers (lajna_committee_settings_fetch_all()) and whether
 * the server asks for passwords (lajna_users_use_passwords()) on the
 * worker.
 */
void
lajna_people_list_load_async (LajnaDbWorker        *worker,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  lajna_db_worker_run_async (worker, load_job, NULL, NULL,
                             (GDestroyNotify) lajna_people_list_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_people_list_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the people and their committees
 */
LajnaPeopleList *
lajna_people_list_load_finish (LajnaDbWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
