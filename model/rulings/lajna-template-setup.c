/* lajna-template-setup.c: what the ruling template editor starts from,
 * read on the database worker: the outcomes of the committee's kind of
 * file, the placeholders a template may use, a sample ruling to preview
 * the words on, and whether the person signed in may change them. */

#include "lajna-template-setup.h"

#include "lajna-meeting-actions.h"

void
lajna_template_setup_free (LajnaTemplateSetup *setup)
{
  g_clear_pointer (&setup->choices, g_ptr_array_unref);
  g_clear_pointer (&setup->placeholders, g_ptr_array_unref);
  g_clear_pointer (&setup->sample, lajna_ruling_content_free);
  g_free (setup);
}

/* The committee, its kind and the language of the outcomes' names. */
typedef struct
{
  int       committee_id;
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
  g_autoptr(GError) privilege_error = NULL;
  g_autoptr(LajnaTemplateSetup) setup = g_new0 (LajnaTemplateSetup, 1);

  setup->editable = lajna_ruling_template_editable (db, &privilege_error);
  if ((setup->choices = lajna_decision_choices (db, asked->kind, asked->arabic, error)) == NULL
      || (setup->placeholders = lajna_ruling_placeholders (db, error)) == NULL
      || (setup->sample = lajna_ruling_sample (db, asked->committee_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&setup);
}

/**
 * lajna_template_setup_load_async:
 * @worker: the database worker
 * @committee_id: the committee whose templates are shown
 * @kind: its kind, "marriage" or "juvenile"
 * @arabic: whether the outcomes are named in Arabic
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads what the template editor starts from, on the worker.
 */
void
lajna_template_setup_load_async (LajnaDbWorker        *worker,
                                 int                   committee_id,
                                 const char           *kind,
                                 gboolean              arabic,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->committee_id = committee_id;
  asked->kind = g_strdup (kind);
  asked->arabic = arabic;
  lajna_db_worker_run_async (worker, setup_job, asked, (GDestroyNotify) asked_free,
                             (GDestroyNotify) lajna_template_setup_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_template_setup_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the editor starts from
 */
LajnaTemplateSetup *
lajna_template_setup_load_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
