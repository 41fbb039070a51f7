/* lajna-ruling-issue.c: a file's ruling issued, corrected, read as it
 * prints (or a meeting's rulings), or signed, on the database worker: the model puts it on record
 * (lajna-ruling-record.c), sealed with its PDF as lajna-ruling.c lays it
 * out. */

#include "lajna-ruling-issue.h"

#include <string.h>

#include "lajna-ruling-record.h"
#include "lajna-ruling.h"

/* A ruling to issue (no reason) or to correct. */
typedef struct
{
  gint64  case_id;
  char   *reason;
} Issue;

static void
issue_free (Issue *issue)
{
  g_free (issue->reason);
  g_free (issue);
}

static gpointer
issue_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Issue *issue = data;
  gint64 id = issue->reason != NULL
              ? lajna_ruling_correct (db, issue->case_id, issue->reason, NULL, lajna_ruling_pdf,
                                      error)
              : lajna_ruling_issue (db, issue->case_id, NULL, lajna_ruling_pdf, error);

  return id != 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static void
run_issue (LajnaDbWorker        *worker,
           gint64                case_id,
           const char           *reason,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  Issue *issue = g_new0 (Issue, 1);

  issue->case_id = case_id;
  issue->reason = g_strdup (reason);
  lajna_db_worker_run_async (worker, issue_job, issue, (GDestroyNotify) issue_free, g_free,
                             cancellable, callback, user_data);
}

/**
 * lajna_ruling_issue_async:
 * @worker: the database worker
 * @case_id: a file with a decision in force
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once issued; finish with lajna_ruling_issue_finish()
 * @user_data: for @callback
 *
 * Issues and seals the ruling of the file's decision, dated today
 * (lajna_ruling_issue()), on the worker.
 */
void
lajna_ruling_issue_async (LajnaDbWorker        *worker,
                          gint64                case_id,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  run_issue (worker, case_id, NULL, cancellable, callback, user_data);
}

/**
 * lajna_ruling_correct_async:
 * @worker: the database worker
 * @case_id: a file whose ruling is issued
 * @reason: why it is corrected
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once issued; finish with lajna_ruling_issue_finish()
 * @user_data: for @callback
 *
 * Issues and seals a corrected version of the file's ruling, dated today
 * (lajna_ruling_correct()), on the worker.
 */
void
lajna_ruling_correct_async (LajnaDbWorker        *worker,
                            gint64                case_id,
                            const char           *reason,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  run_issue (worker, case_id, reason, cancellable, callback, user_data);
}

/**
 * lajna_ruling_issue_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: the ruling issued, or its new version; 0 on error
 */
gint64
lajna_ruling_issue_finish (LajnaDbWorker  *worker,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_autofree gint64 *id = lajna_db_worker_run_finish (worker, result, error);

  return id != NULL ? *id : 0;
}

static gpointer
printable_job (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return lajna_ruling_load_printable (db, *(gint64 *) data, lajna_ruling_pdf, error);
}

/**
 * lajna_ruling_printable_async:
 * @worker: the database worker
 * @case_id: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the file's ruling as it prints (lajna_ruling_load_printable()),
 * on the worker.
 */
void
lajna_ruling_printable_async (LajnaDbWorker        *worker,
                              gint64                case_id,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  lajna_db_worker_run_async (worker, printable_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) lajna_ruling_content_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_ruling_printable_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ruling as it prints
 */
LajnaRulingContent *
lajna_ruling_printable_finish (LajnaDbWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

static gpointer
printables_job (LajnaDb       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  GArray *case_ids = data;
  g_autoptr(GPtrArray) contents =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_ruling_content_free);

  for (guint i = 0; i < case_ids->len; i++)
    {
      g_autoptr(LajnaRulingContent) content =
        lajna_ruling_load_printable (db, g_array_index (case_ids, gint64, i), lajna_ruling_pdf,
                                     error);

      if (content == NULL)
        return NULL;
      if (content->ruling_id != 0)
        g_ptr_array_add (contents, g_steal_pointer (&content));
    }
  return g_steal_pointer (&contents);
}

/**
 * lajna_rulings_printable_async:
 * @worker: the database worker
 * @case_ids: (element-type gint64) (transfer full): files, such as a
 *   meeting's decided ones
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the issued rulings of the files as they print (sealed), on the
 * worker; a file whose ruling is not issued yet is left out.
 */
void
lajna_rulings_printable_async (LajnaDbWorker        *worker,
                               GArray               *case_ids,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  lajna_db_worker_run_async (worker, printables_job, case_ids, (GDestroyNotify) g_array_unref,
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_rulings_printable_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaRulingContent) (nullable):
 *   the issued rulings, in the files' order
 */
GPtrArray *
lajna_rulings_printable_finish (LajnaDbWorker  *worker,
                                GAsyncResult   *result,
                                GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* A signature to make; the password is wiped once it is done. */
typedef struct
{
  gint64  case_id;
  char   *p12_path;
  char   *password;
  char   *tsa_url;
  char   *path;
} Signature;

static void
signature_free (Signature *signature)
{
  if (signature->password != NULL)
    memset (signature->password, 0, strlen (signature->password));
  g_free (signature->password);
  g_free (signature->p12_path);
  g_free (signature->tsa_url);
  g_free (signature->path);
  g_free (signature);
}

static gpointer
sign_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Signature *signature = data;

  return lajna_ruling_sign (db, signature->case_id, signature->p12_path, signature->password,
                            signature->tsa_url, signature->path, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_ruling_sign_async:
 * @worker: the database worker
 * @case_id: a file whose ruling is issued
 * @p12_path: the signatory's PKCS#12 file
 * @password: (nullable): its password, copied and wiped once used
 * @tsa_url: (nullable): the time-stamping authority, or %NULL for none
 * @path: where to write the signed PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once signed
 * @user_data: for @callback
 *
 * Signs the file's ruling (lajna_ruling_sign()) on the worker.
 */
void
lajna_ruling_sign_async (LajnaDbWorker        *worker,
                         gint64                case_id,
                         const char           *p12_path,
                         const char           *password,
                         const char           *tsa_url,
                         const char           *path,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  Signature *signature = g_new0 (Signature, 1);

  signature->case_id = case_id;
  signature->p12_path = g_strdup (p12_path);
  signature->password = g_strdup (password);
  signature->tsa_url = g_strdup (tsa_url);
  signature->path = g_strdup (path);
  lajna_db_worker_run_async (worker, sign_job, signature, (GDestroyNotify) signature_free, NULL,
                             cancellable, callback, user_data);
}

/**
 * lajna_ruling_sign_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the ruling was signed, stored and written
 */
gboolean
lajna_ruling_sign_finish (LajnaDbWorker  *worker,
                          GAsyncResult   *result,
                          GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
