/* lajna-case-dossier.c: a file as its view shows it, read on the database
 * worker: its details, the steps the person may take, and the people its
 * parties may be; the steps only for those who take part in the
 * committee's work on it, not for its social worker or psychologist. */

#include "lajna-case-dossier.h"

#include "lajna-case-duplicates.h"
#include "lajna-case-steps.h"

void
lajna_case_dossier_free (LajnaCaseDossier *dossier)
{
  g_clear_pointer (&dossier->details, lajna_case_details_free);
  g_clear_pointer (&dossier->steps, g_ptr_array_unref);
  g_clear_pointer (&dossier->duplicates, g_ptr_array_unref);
  g_free (dossier);
}

/* The file, and how alike a person must be to be shown. */
typedef struct
{
  gint64 case_id;
  double threshold;
} Asked;

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  const Asked *asked = data;
  g_autoptr(LajnaCaseDossier) dossier = g_new0 (LajnaCaseDossier, 1);

  dossier->details = lajna_case_details_fetch (db, asked->case_id, error);
  if (dossier->details == NULL)
    return NULL;
  dossier->deliberates = lajna_db_sees (db, LAJNA_DB_SIGHT_DELIBERATIONS);
  dossier->steps = dossier->deliberates ? lajna_case_steps_fetch (db, asked->case_id, error)
                                        : g_ptr_array_new ();
  if (dossier->steps == NULL)
    return NULL;
  dossier->duplicates = lajna_case_duplicates_fetch (db, asked->case_id, asked->threshold,
                                                     error);
  if (dossier->duplicates == NULL)
    return NULL;
  return g_steal_pointer (&dossier);
}

/**
 * lajna_case_dossier_load_async:
 * @worker: the database worker
 * @case_id: a file
 * @threshold: how alike a person must be to be shown as a duplicate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the file as its view shows it, on the worker.
 */
void
lajna_case_dossier_load_async (LajnaDbWorker        *worker,
                               gint64                case_id,
                               double                threshold,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Asked asked = { case_id, threshold };

  lajna_db_worker_run_async (worker, load_job, g_memdup2 (&asked, sizeof asked), g_free,
                             (GDestroyNotify) lajna_case_dossier_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_dossier_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file as its view shows it
 */
LajnaCaseDossier *
lajna_case_dossier_load_finish (LajnaDbWorker  *worker,
                                GAsyncResult   *result,
                                GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
