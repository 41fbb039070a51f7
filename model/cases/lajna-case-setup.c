/* lajna-case-setup.c: what a file's form needs before it can be built,
 * read on the database worker: the countries nationalities are chosen
 * from, the staff a juvenile file may be assigned to, and the file itself
 * when it is edited. */

#include "lajna-case-setup.h"

#include "lajna-country.h"
#include "lajna-staff.h"

void
lajna_case_setup_free (LajnaCaseSetup *setup)
{
  g_clear_pointer (&setup->countries, g_ptr_array_unref);
  g_clear_pointer (&setup->staff, g_ptr_array_unref);
  g_clear_pointer (&setup->record, lajna_case_record_free);
  g_free (setup);
}

static gpointer
setup_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(LajnaCaseSetup) setup = g_new0 (LajnaCaseSetup, 1);

  if ((setup->countries = lajna_country_fetch_all (db, error)) == NULL
      || (setup->staff = lajna_staff_fetch_casework (db, id, error)) == NULL
      || (id != 0 && (setup->record = lajna_case_record_load (db, id, error)) == NULL))
    return NULL;
  return g_steal_pointer (&setup);
}

/**
 * lajna_case_setup_load_async:
 * @worker: the database worker
 * @case_id: the file to edit, or 0 for a new one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads what the file's form needs, on the worker.
 */
void
lajna_case_setup_load_async (LajnaDbWorker        *worker,
                             gint64                case_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  lajna_db_worker_run_async (worker, setup_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) lajna_case_setup_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_setup_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the form needs
 */
LajnaCaseSetup *
lajna_case_setup_load_finish (LajnaDbWorker  *worker,
                              GAsyncResult   *result,
                              GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
