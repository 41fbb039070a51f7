/* lajna-decision-setup.c: what a decision on a file is chosen from, read
 * on the database worker: the outcomes of the file's kind, with their
 * reasons, and the document slots the file may be decided to lack. */

#include "lajna-decision-setup.h"

#include "lajna-document-store.h"
#include "lajna-meeting-actions.h"

void
lajna_decision_setup_free (LajnaDecisionSetup *setup)
{
  g_clear_pointer (&setup->choices, g_ptr_array_unref);
  g_clear_pointer (&setup->slots, g_ptr_array_unref);
  g_free (setup);
}

/* The file, its kind and the language of the outcomes' names. */
typedef struct
{
  gint64    case_id;
  char     *kind;
  gboolean  arabic;
} Asked;

static void
asked_free (Asked *asked)
{
  g_free (asked->kind);
  g_free (asked);
}

static gpointer
setup_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Asked *asked = data;
  g_autoptr(LajnaDecisionSetup) setup = g_new0 (LajnaDecisionSetup, 1);

  if ((setup->choices = lajna_decision_choices (db, asked->kind, asked->arabic, error)) == NULL
      || (setup->slots = lajna_document_slots (db, asked->case_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&setup);
}

/**
 * lajna_decision_setup_load_async:
 * @worker: the database worker
 * @case_id: the file decided
 * @kind: its kind, "marriage" or "juvenile"
 * @arabic: whether the outcomes are named in Arabic
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads what a decision on the file is chosen from, on the worker.
 */
void
lajna_decision_setup_load_async (LajnaDbWorker        *worker,
                                 gint64                case_id,
                                 const char           *kind,
                                 gboolean              arabic,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->case_id = case_id;
  asked->kind = g_strdup (kind);
  asked->arabic = arabic;
  lajna_db_worker_run_async (worker, setup_job, asked, (GDestroyNotify) asked_free,
                             (GDestroyNotify) lajna_decision_setup_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_decision_setup_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the decision is chosen from
 */
LajnaDecisionSetup *
lajna_decision_setup_load_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
