/* lajna-case-steps.c: the status steps a file may take next, and taking
 * one. The steps are data in the database (case_transition, see
 * model/db/sql/0010-transitions.sql); this only reads and names them. */

#include "lajna-case-steps.h"

#include <glib/gi18n-lib.h>

#include "lajna-db-private.h"
#include "lajna-db-rules.h"
#include "lajna-labels.h"
#include "lajna-validation.h"
#include "lajna-text.h"

static void
step_free (LajnaCaseStep *step)
{
  g_free (step->to_status);
  g_free (step->blocked_reason);
  g_free (step);
}

/* The documents that keep the file off the agenda or from being complete,
 * in the interface's language: "Documents needed first: Passport
 * (Expired), …"; empty when none lacks. */
static char *
describe_lacking (LajnaDb     *db,
                  const char  *id,
                  GError     **error)
{
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_case_lacking_detail($1)", 1, params, error);
  char *documents;

  if (result == NULL)
    return NULL;
  documents = lajna_db_rule_documents (PQgetvalue (result, 0, 0));
  return documents != NULL ? documents : g_strdup ("");
}

/**
 * lajna_case_steps_fetch:
 * @db: a connection
 * @case_id: the file
 * @error: return location for a #GError
 *
 * Reads the steps allowed from the file's current status, forward steps
 * first. A step whose condition does not hold yet (scheduling a file whose
 * mandatory documents are missing or expired) is listed with the reason.
 *
 * Returns: (transfer full) (element-type LajnaCaseStep) (nullable): the
 *   steps, none for an unknown file or one at the end of its workflow
 */
GPtrArray *
lajna_case_steps_fetch (LajnaDb  *db,
                        gint64    case_id,
                        GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT to_status, blocked_reason IS NOT NULL FROM lajna_case_next_steps($1)",
      1, params, error);
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *lacking = NULL;

  if (result == NULL)
    return NULL;

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaCaseStep *step = g_new0 (LajnaCaseStep, 1);

      step->to_status = g_strdup (PQgetvalue (result, i, 0));
      g_ptr_array_add (steps, step);
      if (*PQgetvalue (result, i, 1) != 't')
        continue;
      /* The documents are the only condition a step has. */
      if (lacking == NULL && (lacking = describe_lacking (db, id, error)) == NULL)
        return NULL;
      step->blocked_reason = g_strdup (lacking);
    }
  return g_steal_pointer (&steps);
}

/**
 * lajna_case_step_take:
 * @db: a connection
 * @case_id: the file
 * @to_status: the status it goes to
 * @note: (nullable): why, recorded in the file's history (cleaned as
 *   typed text is, see lajna_clean_text())
 * @error: return location for a #GError; %LAJNA_DB_ERROR_INVALID when the
 *   step is not allowed from the file's status or is blocked
 *
 * Moves the file to @to_status through the database's one transition
 * function, which records it in the file's history.
 *
 * Returns: %TRUE when the file moved
 */
gboolean
lajna_case_step_take (LajnaDb     *db,
                      gint64       case_id,
                      const char  *to_status,
                      const char  *note,
                      GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *clean_note = lajna_clean_text (note != NULL ? note : "");
  const char *params[] = { id, to_status, clean_note != NULL ? clean_note : "" };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_case_set_status($1, $2, $3)", 3, params, &local_error);

  if (result != NULL)
    return TRUE;
  /* Offered steps are allowed when they are read: a refusal means the
   * file or its documents changed since (the database's sentence names
   * the documents a file lacks). */
  if (g_error_matches (local_error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID))
    g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                 _("The file cannot become “%s” now: its status or its documents changed "
                   "since it was read. (%s)"),
                 lajna_label_for (to_status), local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A step asked for. */
typedef struct
{
  gint64  case_id;
  char   *to_status;
  char   *note;
} Taking;

static void
taking_free (Taking *taking)
{
  g_free (taking->to_status);
  g_free (taking->note);
  g_free (taking);
}

static gpointer
take_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Taking *taking = data;

  return lajna_case_step_take (db, taking->case_id, taking->to_status, taking->note, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_case_step_take_async:
 * @worker: the database worker
 * @case_id: a file
 * @to_status: the status it moves to
 * @note: (nullable): why, as the history keeps it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once taken
 * @user_data: for @callback
 *
 * Takes the step (lajna_case_step_take()) on the worker.
 */
void
lajna_case_step_take_async (LajnaDbWorker        *worker,
                            gint64                case_id,
                            const char           *to_status,
                            const char           *note,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  Taking *taking = g_new0 (Taking, 1);

  taking->case_id = case_id;
  taking->to_status = g_strdup (to_status);
  taking->note = g_strdup (note);
  lajna_db_worker_run_async (worker, take_job, taking, (GDestroyNotify) taking_free, NULL,
                             cancellable, callback, user_data);
}

/**
 * lajna_case_step_take_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the file moved
 */
gboolean
lajna_case_step_take_finish (LajnaDbWorker  *worker,
                             GAsyncResult   *result,
                             GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
