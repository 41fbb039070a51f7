#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* A file the agenda may take up, and why: "waiting" (complete) or
 * "review_due" (a juvenile file's periodic review). */
typedef struct
{
  gint64  case_id;
  char   *file_number;
  char   *title;
  char   *kind;
  char   *reason;
  char   *since;
  /* The mandatory documents it still lacks, by name, or "": a file whose
   * checklist is not met cannot go on the agenda. */
  char   *lacking;
} LajnaAgendaProposal;

/* An outcome a decision on a file of some kind may have, with the coded
 * reasons that go with it. */
typedef struct
{
  char      *code;
  char      *label;
  gboolean   stays_open;
  GStrv      reason_codes;
  GStrv      reason_labels;
} LajnaDecisionChoice;

gint64     lajna_meeting_create          (LajnaDb      *db,
                                          int           committee_id,
                                          const char   *held_on,
                                          const char   *starts_at,
                                          const char   *place,
                                          int           secretary_id,
                                          GError      **error);
GPtrArray *lajna_meeting_clerks          (LajnaDb      *db,
                                          int           committee_id,
                                          GError      **error);
gboolean   lajna_meeting_set_state       (LajnaDb      *db,
                                          gint64        meeting_id,
                                          const char   *state,
                                          gboolean      change_date,
                                          GError      **error);
gboolean   lajna_meeting_set_attendance  (LajnaDb      *db,
                                          gint64        meeting_id,
                                          int           user_id,
                                          const char   *status,
                                          GError      **error);
gboolean   lajna_meeting_correct_attendance (LajnaDb   *db,
                                          gint64        meeting_id,
                                          int           user_id,
                                          const char   *status,
                                          const char   *why,
                                          GError      **error);
GPtrArray *lajna_agenda_proposals        (LajnaDb      *db,
                                          gint64        meeting_id,
                                          GError      **error);
gint64     lajna_agenda_add              (LajnaDb      *db,
                                          gint64        meeting_id,
                                          gint64        case_id,
                                          GError      **error);
gboolean   lajna_agenda_remove           (LajnaDb      *db,
                                          gint64        item_id,
                                          GError      **error);
gboolean   lajna_agenda_move             (LajnaDb      *db,
                                          gint64        item_id,
                                          int           position,
                                          GError      **error);
gint64     lajna_vote_cast               (LajnaDb      *db,
                                          gint64        item_id,
                                          int           user_id,
                                          const char   *choice,
                                          const char   *reasons,
                                          GError      **error);
gint64     lajna_vote_correct            (LajnaDb      *db,
                                          gint64        vote_id,
                                          const char   *choice,
                                          const char   *reasons,
                                          const char   *why,
                                          GError      **error);
gint64     lajna_decision_record         (LajnaDb      *db,
                                          gint64        item_id,
                                          const char   *outcome,
                                          const char * const *reason_codes,
                                          const char   *reasons,
                                          const char * const *missing_types,
                                          const char   *next_review_on,
                                          GError      **error);
gint64     lajna_decision_correct        (LajnaDb      *db,
                                          gint64        decision_id,
                                          const char   *outcome,
                                          const char * const *reason_codes,
                                          const char   *reasons,
                                          const char * const *missing_types,
                                          const char   *next_review_on,
                                          const char   *why,
                                          GError      **error);
int        lajna_reviews_fall_due        (LajnaDb      *db,
                                          const char   *today,
                                          GError      **error);
gboolean   lajna_meeting_record_minutes  (LajnaDb      *db,
                                          gint64        meeting_id,
                                          GError      **error);
gint64     lajna_meeting_last_change     (LajnaDb      *db,
                                          GError      **error);
GPtrArray *lajna_decision_choices        (LajnaDb      *db,
                                          const char   *kind,
                                          gboolean      arabic,
                                          GError      **error);
void       lajna_meeting_create_async    (LajnaDbWorker        *worker,
                                          int                   committee_id,
                                          const char           *held_on,
                                          const char           *starts_at,
                                          const char           *place,
                                          int                   secretary_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gint64     lajna_meeting_create_finish   (LajnaDbWorker        *worker,
                                          GAsyncResult         *result,
                                          GError              **error);
void       lajna_agenda_proposals_async  (LajnaDbWorker        *worker,
                                          gint64                meeting_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *lajna_agenda_proposals_finish (LajnaDbWorker        *worker,
                                          GAsyncResult         *result,
                                          GError              **error);
void       lajna_agenda_proposal_free    (LajnaAgendaProposal *proposal);
void       lajna_decision_choice_free    (LajnaDecisionChoice *choice);

G_END_DECLS
