#pragma once

#include <gio/gio.h>

#include "lajna-db-worker.h"
#include "lajna-meeting-watch.h"
#include "lajna-meeting.h"

G_BEGIN_DECLS

typedef enum
{
  LAJNA_MEETING_ACT_STATE,
  LAJNA_MEETING_ACT_ATTENDANCE,
  LAJNA_MEETING_ACT_CORRECT_ATTENDANCE,
  LAJNA_MEETING_ACT_AGENDA_ADD,
  LAJNA_MEETING_ACT_AGENDA_REMOVE,
  LAJNA_MEETING_ACT_AGENDA_MOVE,
  LAJNA_MEETING_ACT_VOTE,
  LAJNA_MEETING_ACT_CORRECT_VOTE,
  LAJNA_MEETING_ACT_DECIDE,
  LAJNA_MEETING_ACT_CORRECT_DECISION,
} LajnaMeetingActKind;

/* One thing done to a meeting. @target is the agenda item, the vote or
 * the decision the act is about; @word the state, attendance, choice or
 * outcome; @why a correction's reason; @change_date, for a state, that
 * the clerk moves a meeting dated another day to today. */
typedef struct
{
  LajnaMeetingActKind  kind;
  gint64               target;
  int                  user_id;
  int                  position;
  char                *word;
  char                *reasons;
  char                *why;
  GStrv                codes;
  GStrv                missing;
  char                *next_review_on;
  GArray              *case_ids;
  gboolean             change_date;
} LajnaMeetingAct;

LajnaMeetingAct *lajna_meeting_act_new  (LajnaMeetingActKind kind);
void             lajna_meeting_act_free (LajnaMeetingAct    *act);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaMeetingAct, lajna_meeting_act_free)

#define LAJNA_TYPE_MEETING_SESSION (lajna_meeting_session_get_type ())

G_DECLARE_FINAL_TYPE (LajnaMeetingSession, lajna_meeting_session, LAJNA, MEETING_SESSION, GObject)

LajnaMeetingSession *lajna_meeting_session_new         (LajnaDbWorker       *worker,
                                                        LajnaMeetingWatch   *watch,
                                                        gint64               meeting_id);
LajnaDbWorker       *lajna_meeting_session_get_worker  (LajnaMeetingSession *self);
gint64               lajna_meeting_session_get_id      (LajnaMeetingSession *self);
const LajnaMeeting  *lajna_meeting_session_get_meeting (LajnaMeetingSession *self);
void                 lajna_meeting_session_reload      (LajnaMeetingSession *self);
void                 lajna_meeting_session_run         (LajnaMeetingSession *self,
                                                        LajnaMeetingAct     *act);
void                 lajna_meeting_session_act_async   (LajnaMeetingSession *self,
                                                        LajnaMeetingAct     *act,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean             lajna_meeting_session_act_finish  (LajnaMeetingSession *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
