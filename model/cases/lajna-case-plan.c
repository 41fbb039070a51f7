/* lajna-case-plan.c: a juvenile file's case plan: its goals, each with
 * its latest review, as the file's readers see them; goals added and
 * reviewed through the database's functions
 * (model/db/sql/0042-case-plan.sql), which check who acts and record it in
 * the audit trail. */

#include "lajna-case-plan.h"

#include "lajna-db-private.h"

void
lajna_plan_goal_free (LajnaPlanGoal *goal)
{
  g_free (goal->domain);
  g_free (goal->goal);
  g_free (goal->target_on);
  g_free (goal->status);
  g_free (goal->reviewed_on);
  g_free (goal->reviewer_name);
  g_free (goal->note);
  g_free (goal);
}

/**
 * lajna_case_plan_fetch:
 * @db: a connection
 * @case_id: a juvenile file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaPlanGoal) (nullable): the
 *   plan's goals, by target day, those without one last
 */
GPtrArray *
lajna_case_plan_fetch (LajnaDb  *db,
                       gint64    case_id,
                       GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT g.id, g.domain, g.goal, coalesce(g.target_on::text, ''), g.status,"
      "       coalesce(r.reviewed_on::text, ''), coalesce(u.full_name, ''), coalesce(r.note, '')"
      "  FROM case_plan_goal g"
      "  LEFT JOIN LATERAL (SELECT * FROM case_plan_review r WHERE r.goal_id = g.id"
      "                      ORDER BY r.id DESC LIMIT 1) r ON true"
      "  LEFT JOIN app_user u ON u.id = r.reviewer_id"
      " WHERE g.case_id = $1 ORDER BY g.target_on NULLS LAST, g.id", 1, params, error);
  GPtrArray *goals;

  if (result == NULL)
    return NULL;
  goals = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_plan_goal_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaPlanGoal *goal = g_new0 (LajnaPlanGoal, 1);

      goal->id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      goal->domain = g_strdup (PQgetvalue (result, i, 1));
      goal->goal = g_strdup (PQgetvalue (result, i, 2));
      goal->target_on = g_strdup (PQgetvalue (result, i, 3));
      goal->status = g_strdup (PQgetvalue (result, i, 4));
      goal->reviewed_on = g_strdup (PQgetvalue (result, i, 5));
      goal->reviewer_name = g_strdup (PQgetvalue (result, i, 6));
      goal->note = g_strdup (PQgetvalue (result, i, 7));
      g_ptr_array_add (goals, goal);
    }
  return goals;
}

/**
 * lajna_case_plan_add:
 * @db: a connection
 * @case_id: a juvenile file the person signed in works on
 * @domain: what the goal is about, such as "education"
 * @goal: what is aimed at
 * @target_on: (nullable): the day it should be reached, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Returns: the goal's id, 0 on error
 */
gint64
lajna_case_plan_add (LajnaDb     *db,
                     gint64       case_id,
                     const char  *domain,
                     const char  *goal,
                     const char  *target_on,
                     GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id, domain, goal, target_on != NULL && *target_on != '\0' ? target_on
                                                                                     : NULL };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_plan_goal_add($1, $2, $3, $4::date)", 4, params, error);

  return result != NULL ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
}

/**
 * lajna_case_plan_review:
 * @db: a connection
 * @goal_id: a goal of a file the person signed in works on
 * @status: its status now, such as "in_progress"
 * @note: what the review found
 * @error: return location for a #GError
 *
 * Returns: whether the review is recorded
 */
gboolean
lajna_case_plan_review (LajnaDb     *db,
                        gint64       goal_id,
                        const char  *status,
                        const char  *note,
                        GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);
  const char *params[] = { id, status, note };

  return lajna_db_run_params (db, "SELECT lajna_plan_goal_review($1, $2, $3)", 3, params,
                              error);
}

/**
 * lajna_case_plan_may_write:
 * @db: a connection
 * @case_id: a file
 * @may: (out): whether the person signed in sets and reviews its plan
 * @error: return location for a #GError
 *
 * Returns: whether it could be read
 */
gboolean
lajna_case_plan_may_write (LajnaDb   *db,
                           gint64     case_id,
                           gboolean  *may,
                           GError   **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db, "SELECT lajna_plan_may_write($1)", 1,
                                                     params, error);

  if (result == NULL)
    return FALSE;
  *may = *PQgetvalue (result, 0, 0) == 't';
  return TRUE;
}

void
lajna_case_plan_free (LajnaCasePlan *plan)
{
  g_clear_pointer (&plan->goals, g_ptr_array_unref);
  g_free (plan);
}

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(LajnaCasePlan) plan = g_new0 (LajnaCasePlan, 1);
  gint64 case_id = *(gint64 *) data;

  if ((plan->goals = lajna_case_plan_fetch (db, case_id, error)) == NULL
      || !lajna_case_plan_may_write (db, case_id, &plan->may_write, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/**
 * lajna_case_plan_load_async:
 * @worker: the database worker
 * @case_id: a juvenile file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context once read
 * @user_data: for @callback
 *
 * Reads the file's plan on the worker.
 */
void
lajna_case_plan_load_async (LajnaDbWorker        *worker,
                            gint64                case_id,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  lajna_db_worker_run_async (worker, load_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) lajna_case_plan_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_plan_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the plan
 */
LajnaCasePlan *
lajna_case_plan_load_finish (LajnaDbWorker  *worker,
                             GAsyncResult   *result,
                             GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* A goal to add (no goal id), or a review of one. */
typedef struct
{
  gint64  case_id;
  gint64  goal_id;
  char   *code;
  char   *text;
  char   *day;
} Write;

static void
write_free (Write *write)
{
  g_free (write->code);
  g_free (write->text);
  g_free (write->day);
  g_free (write);
}

static gpointer
write_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Write *write = data;
  gboolean done = write->goal_id != 0
                  ? lajna_case_plan_review (db, write->goal_id, write->code, write->text, error)
                  : lajna_case_plan_add (db, write->case_id, write->code, write->text, write->day,
                                         error) != 0;

  return done ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
run_write (LajnaDbWorker        *worker,
           Write                *write,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  lajna_db_worker_run_async (worker, write_job, write, (GDestroyNotify) write_free, NULL,
                             cancellable, callback, user_data);
}

/**
 * lajna_case_plan_add_async:
 * @worker: the database worker
 * @case_id: a juvenile file
 * @domain: the goal's domain
 * @goal: the goal
 * @target_on: (nullable): the day it is to be reached by, YYYY-MM-DD
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once added; finish with lajna_case_plan_write_finish()
 * @user_data: for @callback
 *
 * Adds a goal to the file's plan (lajna_case_plan_add()) on the worker.
 */
void
lajna_case_plan_add_async (LajnaDbWorker        *worker,
                           gint64                case_id,
                           const char           *domain,
                           const char           *goal,
                           const char           *target_on,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  Write *write = g_new0 (Write, 1);

  write->case_id = case_id;
  write->code = g_strdup (domain);
  write->text = g_strdup (goal);
  write->day = g_strdup (target_on);
  run_write (worker, write, cancellable, callback, user_data);
}

/**
 * lajna_case_plan_review_async:
 * @worker: the database worker
 * @goal_id: a goal
 * @status: the goal's status now
 * @note: (nullable): what the review found
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once reviewed; finish with lajna_case_plan_write_finish()
 * @user_data: for @callback
 *
 * Reviews a goal (lajna_case_plan_review()) on the worker.
 */
void
lajna_case_plan_review_async (LajnaDbWorker        *worker,
                              gint64                goal_id,
                              const char           *status,
                              const char           *note,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  Write *write = g_new0 (Write, 1);

  write->goal_id = goal_id;
  write->code = g_strdup (status);
  write->text = g_strdup (note);
  run_write (worker, write, cancellable, callback, user_data);
}

/**
 * lajna_case_plan_write_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the goal was added or reviewed
 */
gboolean
lajna_case_plan_write_finish (LajnaDbWorker  *worker,
                              GAsyncResult   *result,
                              GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
