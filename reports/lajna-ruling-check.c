/* lajna-ruling-check.c: a ruling's PDF checked against the committees'
 * seal keys (lajna-seal.c: the file's bytes as issued and sealed, and a
 * signature that follows, read from the file itself), and whether a
 * corrected version has replaced the ruling since, on the database
 * worker. */

#include "lajna-ruling-check.h"

#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"

void
lajna_ruling_check_free (LajnaRulingCheck *check)
{
  lajna_seal_facts_clear (&check->facts);
  g_free (check);
}

static gpointer
check_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (data, FALSE, error);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(LajnaRulingCheck) check = g_new0 (LajnaRulingCheck, 1);

  if (file == NULL || (keys = lajna_seal_keys_read (db, error)) == NULL)
    return NULL;
  pdf = g_mapped_file_get_bytes (file);
  check->verdict = lajna_seal_verify (pdf, keys, &check->facts);
  if (check->verdict != LAJNA_SEAL_UNKNOWN
      && !lajna_ruling_is_superseded (db, check->facts.ruling_id, &check->superseded, error))
    return NULL;
  return g_steal_pointer (&check);
}

/**
 * lajna_ruling_check_async:
 * @worker: the database worker, for the seal keys
 * @path: a PDF said to be a ruling
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once checked
 * @user_data: for @callback
 *
 * Checks the PDF's seal on the worker.
 */
void
lajna_ruling_check_async (LajnaDbWorker        *worker,
                          const char           *path,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  lajna_db_worker_run_async (worker, check_job, g_strdup (path), g_free,
                             (GDestroyNotify) lajna_ruling_check_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_ruling_check_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the check, %NULL when the file
 *   could not be read
 */
LajnaRulingCheck *
lajna_ruling_check_finish (LajnaDbWorker  *worker,
                           GAsyncResult   *result,
                           GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
