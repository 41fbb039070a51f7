/* lajna-people-change.c: what an administrator changes of a person (their
 * full name, whether their account is on, their roles and standing on each
 * committee, a new password), or a new person, written on the database
 * worker in one transaction through the database's functions
 * (lajna-people.c, lajna-users.c): all of it, or nothing. */

#include "lajna-people-change.h"

#include <string.h>

#include "lajna-users.h"

static void
role_change_free (LajnaPeopleRoleChange *change)
{
  g_free (change->role);
  g_free (change);
}

/**
 * lajna_people_change_new:
 *
 * Returns: (transfer full): a change of nothing yet: no login, its lists
 *   empty, the account's state kept
 */
LajnaPeopleChange *
lajna_people_change_new (void)
{
  LajnaPeopleChange *change = g_new0 (LajnaPeopleChange, 1);

  change->active = -1;
  change->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) role_change_free);
  change->standings = g_ptr_array_new_with_free_func ((GDestroyNotify) role_change_free);
  return change;
}

void
lajna_people_change_free (LajnaPeopleChange *change)
{
  g_free (change->login);
  g_free (change->full_name);
  g_ptr_array_unref (change->roles);
  g_ptr_array_unref (change->standings);
  if (change->password != NULL)
    explicit_bzero (change->password, strlen (change->password));
  g_free (change->password);
  g_free (change);
}

static gpointer
write_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LajnaPeopleChange *change = data;

  /* A new person's name goes with their first role. */
  if (change->full_name != NULL && !change->is_new
      && !lajna_users_set_full_name (db, change->login, change->full_name, error))
    return NULL;
  for (guint i = 0; i < change->roles->len; i++)
    {
      LajnaPeopleRoleChange *role = g_ptr_array_index (change->roles, i);
      gboolean done = role->held
        ? lajna_people_add (db, change->login, change->is_new ? change->full_name : NULL,
                            role->role, role->committee_id, error)
        : lajna_people_end_role (db, change->login, role->role, role->committee_id, error);

      if (!done)
        return NULL;
    }
  for (guint i = 0; i < change->standings->len; i++)
    {
      LajnaPeopleRoleChange *standing = g_ptr_array_index (change->standings, i);

      if (!lajna_people_set_standing (db, change->login, standing->committee_id, standing->held,
                                      error))
        return NULL;
    }
  /* Once a new person holds a role here, which lets this administrator
   * give them a password. */
  if (change->password != NULL
      && !lajna_users_set_password (db, change->login, change->password, error))
    return NULL;
  return change->active < 0 || lajna_people_set_active (db, change->login, change->active, error)
           ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_people_change_write_async:
 * @worker: the database worker
 * @change: (transfer full): the change, its password wiped once written
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once written
 * @user_data: for @callback
 *
 * Writes the whole change in one transaction on the worker: the name,
 * the roles given or ended (lajna_people_add(), lajna_people_end_role()),
 * the committees the person takes part in (lajna_people_set_standing()),
 * the password (lajna_users_set_password()), then whether the account is
 * on (lajna_people_set_active()).
 */
void
lajna_people_change_write_async (LajnaDbWorker        *worker,
                                 LajnaPeopleChange    *change,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  lajna_db_worker_run_in_transaction_async (worker, write_job, change,
                                            (GDestroyNotify) lajna_people_change_free, NULL,
                                            cancellable, callback, user_data);
}

/**
 * lajna_people_change_write_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the change was written
 */
gboolean
lajna_people_change_write_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_in_transaction_finish (worker, result, error) != NULL;
}
