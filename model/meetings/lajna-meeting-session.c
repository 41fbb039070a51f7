/* lajna-meeting-session.c: one meeting as a workstation shows it.
 *
 * It holds the latest snapshot of the meeting (lajna_meeting_load() on the
 * database worker) for the meeting view and the presenter window alike,
 * reads it again when the watch says the meeting changed (here or on
 * another workstation), and runs what a person does to the meeting on the
 * worker, reading the meeting again afterwards. Loads never overlap: a
 * change announced during a load makes one more load after it, unless the
 * load already read it. */

#include "lajna-meeting-session.h"

#include "lajna-meeting-actions.h"
#include "lajna-text.h"

struct _LajnaMeetingSession
{
  GObject            parent_instance;

  LajnaDbWorker     *worker;
  LajnaMeetingWatch *watch;
  gint64             id;
  LajnaMeeting      *meeting;
  GCancellable      *cancellable;
  /* Jobs on the worker, and the last change the watch announced. */
  guint              in_flight;
  gint64             announced;
};

G_DEFINE_FINAL_TYPE (LajnaMeetingSession, lajna_meeting_session, G_TYPE_OBJECT)

enum
{
  LOADED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

LajnaMeetingAct *
lajna_meeting_act_new (LajnaMeetingActKind kind)
{
  LajnaMeetingAct *act = g_new0 (LajnaMeetingAct, 1);

  act->kind = kind;
  return act;
}

void
lajna_meeting_act_free (LajnaMeetingAct *act)
{
  g_free (act->word);
  g_free (act->reasons);
  g_free (act->why);
  g_strfreev (act->codes);
  g_strfreev (act->missing);
  g_free (act->next_review_on);
  g_clear_pointer (&act->case_ids, g_array_unref);
  g_free (act);
}

typedef struct
{
  gint64           meeting_id;
  LajnaMeetingAct *act;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->act, lajna_meeting_act_free);
  g_free (job);
}

/* A job on its way back: @task, when someone waits for the act itself, is
 * told whether the database took it. */
typedef struct
{
  LajnaMeetingSession *self;
  GTask               *task;
} Call;

static void
call_free (Call *call)
{
  g_object_unref (call->self);
  g_clear_object (&call->task);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static gboolean
run_act (LajnaDb          *db,
         gint64            meeting_id,
         LajnaMeetingAct  *act,
         GError          **error)
{
  const char * const *codes = (const char * const *) act->codes;
  const char * const *missing = (const char * const *) act->missing;

  switch (act->kind)
    {
    case LAJNA_MEETING_ACT_STATE:
      return lajna_meeting_set_state (db, meeting_id, act->word, act->change_date, error);
    case LAJNA_MEETING_ACT_ATTENDANCE:
      return lajna_meeting_set_attendance (db, meeting_id, act->user_id, act->word, error);
    case LAJNA_MEETING_ACT_CORRECT_ATTENDANCE:
      return lajna_meeting_correct_attendance (db, meeting_id, act->user_id, act->word, act->why,
                                               error);
    case LAJNA_MEETING_ACT_AGENDA_ADD:
      for (guint i = 0; i < act->case_ids->len; i++)
        if (lajna_agenda_add (db, meeting_id, g_array_index (act->case_ids, gint64, i), error) == 0)
          return FALSE;
      return TRUE;
    case LAJNA_MEETING_ACT_AGENDA_REMOVE:
      return lajna_agenda_remove (db, act->target, error);
    case LAJNA_MEETING_ACT_AGENDA_MOVE:
      return lajna_agenda_move (db, act->target, act->position, error);
    case LAJNA_MEETING_ACT_VOTE:
      return lajna_vote_cast (db, act->target, act->user_id, act->word, act->reasons, error) != 0;
    case LAJNA_MEETING_ACT_CORRECT_VOTE:
      return lajna_vote_correct (db, act->target, act->word, act->reasons, act->why, error) != 0;
    case LAJNA_MEETING_ACT_DECIDE:
      return lajna_decision_record (db, act->target, act->word, codes, act->reasons, missing,
                                    act->next_review_on, error) != 0;
    case LAJNA_MEETING_ACT_CORRECT_DECISION:
      return lajna_decision_correct (db, act->target, act->word, codes, act->reasons, missing,
                                     act->next_review_on, act->why, error) != 0;
    }
  g_return_val_if_reached (FALSE);
}

/* The meeting as it stands after the act, and why the act was refused. */
typedef struct
{
  LajnaMeeting *meeting;
  GError       *refused;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_pointer (&outcome->meeting, lajna_meeting_free);
  g_clear_error (&outcome->refused);
  g_free (outcome);
}

/* Does the act, if any, then reads the meeting. */
static gpointer
work_thread (LajnaDb       *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;
  Outcome *outcome = g_new0 (Outcome, 1);

  if (job->act != NULL)
    run_act (db, job->meeting_id, job->act, &outcome->refused);
  outcome->meeting = lajna_meeting_load (db, job->meeting_id, lajna_prefer_arabic (), error);
  if (outcome->meeting == NULL)
    {
      outcome_free (outcome);
      return NULL;
    }
  return outcome;
}

static void start (LajnaMeetingSession *self,
                   LajnaMeetingAct     *act,
                   GTask               *task);

static void
worked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  LajnaMeetingSession *self = call->self;
  GTask *task = call->task;
  g_autoptr(GError) error = NULL;
  Outcome *outcome = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);

  self->in_flight--;
  if (outcome == NULL)
    {
      if (task != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_clear_pointer (&self->meeting, lajna_meeting_free);
  self->meeting = g_steal_pointer (&outcome->meeting);
  g_signal_emit (self, signals[LOADED], 0);
  /* Whoever waits for the act says why it was refused, where it was
   * asked; otherwise the session does. */
  if (task != NULL && outcome->refused != NULL)
    g_task_return_error (task, g_steal_pointer (&outcome->refused));
  else if (task != NULL)
    g_task_return_boolean (task, TRUE);
  else if (outcome->refused != NULL)
    g_signal_emit (self, signals[FAILED], 0, outcome->refused->message);
  outcome_free (outcome);
  if (self->in_flight == 0 && self->meeting->seq < self->announced)
    start (self, NULL, NULL);
}

static void
start (LajnaMeetingSession *self,
       LajnaMeetingAct     *act,
       GTask               *task)
{
  Job *job = g_new0 (Job, 1);
  Call *call = g_new0 (Call, 1);

  job->meeting_id = self->id;
  job->act = act;
  call->self = g_object_ref (self);
  call->task = task;
  self->in_flight++;
  /* What a person did is done even when the meeting is closed meanwhile. */
  lajna_db_worker_run_async (self->worker, work_thread, job, (GDestroyNotify) job_free,
                             (GDestroyNotify) outcome_free, act == NULL ? self->cancellable : NULL,
                             worked_cb, call);
}

static void
changed_cb (LajnaMeetingSession *self,
            gint64               meeting_id,
            gint64               seq)
{
  if (meeting_id != self->id)
    return;
  self->announced = MAX (self->announced, seq);
  if (self->meeting == NULL || seq > self->meeting->seq)
    lajna_meeting_session_reload (self);
}

static void
lajna_meeting_session_dispose (GObject *object)
{
  LajnaMeetingSession *self = LAJNA_MEETING_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (lajna_meeting_session_parent_class)->dispose (object);
}

static void
lajna_meeting_session_finalize (GObject *object)
{
  g_clear_pointer (&LAJNA_MEETING_SESSION (object)->meeting, lajna_meeting_free);

  G_OBJECT_CLASS (lajna_meeting_session_parent_class)->finalize (object);
}

static void
lajna_meeting_session_class_init (LajnaMeetingSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_meeting_session_dispose;
  object_class->finalize = lajna_meeting_session_finalize;

  /**
   * LajnaMeetingSession::loaded:
   *
   * A new snapshot of the meeting is there.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LajnaMeetingSession::failed:
   * @message: what went wrong, translated
   *
   * An act was refused, or the meeting could not be read.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lajna_meeting_session_init (LajnaMeetingSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * lajna_meeting_session_new:
 * @worker: the database worker
 * @watch: the watch that says when a meeting changed
 * @meeting_id: the meeting
 *
 * Returns: (transfer full): a session, already reading the meeting
 */
LajnaMeetingSession *
lajna_meeting_session_new (LajnaDbWorker     *worker,
                           LajnaMeetingWatch *watch,
                           gint64             meeting_id)
{
  LajnaMeetingSession *self = g_object_new (LAJNA_TYPE_MEETING_SESSION, NULL);

  self->worker = g_object_ref (worker);
  self->watch = g_object_ref (watch);
  self->id = meeting_id;
  g_signal_connect_object (watch, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  start (self, NULL, NULL);
  return self;
}

LajnaDbWorker *
lajna_meeting_session_get_worker (LajnaMeetingSession *self)
{
  g_return_val_if_fail (LAJNA_IS_MEETING_SESSION (self), NULL);

  return self->worker;
}

gint64
lajna_meeting_session_get_id (LajnaMeetingSession *self)
{
  g_return_val_if_fail (LAJNA_IS_MEETING_SESSION (self), 0);

  return self->id;
}

/* The latest snapshot, or %NULL before the first is read. */
const LajnaMeeting *
lajna_meeting_session_get_meeting (LajnaMeetingSession *self)
{
  g_return_val_if_fail (LAJNA_IS_MEETING_SESSION (self), NULL);

  return self->meeting;
}

void
lajna_meeting_session_reload (LajnaMeetingSession *self)
{
  g_return_if_fail (LAJNA_IS_MEETING_SESSION (self));

  /* A job on the worker reads the meeting when it is done. */
  if (self->in_flight == 0)
    start (self, NULL, NULL);
}

/**
 * lajna_meeting_session_run:
 * @self: a #LajnaMeetingSession
 * @act: (transfer full): what to do
 *
 * Does @act on the worker, then reads the meeting again; "failed" says
 * why when the act was refused.
 */
void
lajna_meeting_session_run (LajnaMeetingSession *self,
                           LajnaMeetingAct     *act)
{
  g_return_if_fail (LAJNA_IS_MEETING_SESSION (self));

  /* Acts queue on the worker in order, each followed by a reading. */
  start (self, act, NULL);
}

/**
 * lajna_meeting_session_act_async:
 * @self: a #LajnaMeetingSession
 * @act: (transfer full): what to do
 * @callback: called once the act is done or refused, the meeting read again
 * @user_data: for @callback
 *
 * Like lajna_meeting_session_run(), for a caller that says itself why the
 * act was refused: "failed" is not emitted for it.
 */
void
lajna_meeting_session_act_async (LajnaMeetingSession *self,
                                 LajnaMeetingAct     *act,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LAJNA_IS_MEETING_SESSION (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, lajna_meeting_session_act_async);
  start (self, act, task);
}

/**
 * lajna_meeting_session_act_finish:
 * @self: a #LajnaMeetingSession
 * @result: the result given to the callback
 * @error: why the database refused the act
 *
 * Returns: whether the act was done
 */
gboolean
lajna_meeting_session_act_finish (LajnaMeetingSession  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
