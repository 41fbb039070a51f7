#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* A person on a meeting's list, as the record stands (corrections
 * applied); @was_status and @correction_reason tell what a correction
 * changed after the meeting closed. */
typedef struct
{
  gint64  id;
  int     user_id;
  char   *login;
  char   *full_name;
  char   *role;
  char   *status;
  char   *was_status;
  char   *correction_reason;
} LajnaAttendee;

/* A vote; rows replaced by a correction stay, with @in_force unset. */
typedef struct
{
  gint64    id;
  int       user_id;
  char     *full_name;
  char     *choice;
  char     *reasons;
  /* Who entered it: a login, and the person's name. */
  char     *entered_by;
  char     *entered_by_name;
  gint64    corrects;
  char     *correction_reason;
  gboolean  in_force;
} LajnaVote;

/* A decision; @outcome_label, @reason_labels and @missing_labels are in
 * the language the meeting was read in. */
typedef struct
{
  gint64    id;
  char     *outcome_label;
  char    **reason_labels;
  char     *reasons;
  char    **missing_labels;
  char     *next_review_on;
  char     *entered_by;
  gint64    corrects;
  char     *correction_reason;
  gboolean  in_force;
} LajnaDecision;

typedef struct
{
  gint64      id;
  int         position;
  gint64      case_id;
  char       *file_number;
  char       *kind;
  char       *title;
  /* Document types the checklist still lacks, translated, or "". */
  char       *lacking;
  int         n_documents;
  /* Present members who have not opened every document, by name. */
  GStrv       unread_by;
  GPtrArray  *votes;
  GPtrArray  *decisions;
} LajnaAgendaItem;

typedef struct
{
  int       members;
  int       present;
  int       needed;
  gboolean  chair_present;
  gboolean  met;
} LajnaQuorum;

typedef struct
{
  gint64       id;
  int          committee_id;
  char        *committee_name;
  int          year;
  int          number;
  char        *held_on;
  char        *starts_at;
  char        *place;
  char        *state;
  char        *closed_at;
  LajnaQuorum  quorum;
  gboolean     quorum_needs_chair;
  /* What the person reading may do: prepare the meeting and mark
   * attendance, record decisions, and enter votes for the members (as its
   * secretary, or the server's administrator); and who they are (0 for
   * an account without a person, such as the embedded server's). */
  gboolean     can_manage;
  gboolean     can_decide;
  gboolean     votes_for_others;
  int          reader_id;
  /* The last change of the meeting this snapshot includes. */
  gint64       seq;
  GPtrArray   *attendees;
  GPtrArray   *items;
} LajnaMeeting;

/* The votes in force on an item. */
typedef struct
{
  int approve;
  int reject;
  int abstain;
} LajnaVoteTally;

/* How a decision stands to the votes: made with none, against the side
 * that has more of them (approve against reject), or neither. */
typedef enum
{
  LAJNA_VOTES_AGREE,
  LAJNA_VOTES_NONE,
  LAJNA_VOTES_AGAINST,
} LajnaVotesVerdict;

/* A meeting as a list shows it. */
typedef struct
{
  gint64  id;
  int     committee_id;
  char   *committee_name;
  int     year;
  int     number;
  char   *held_on;
  char   *starts_at;
  char   *place;
  char   *state;
  int     n_items;
  int     n_decided;
} LajnaMeetingRow;

LajnaMeeting    *lajna_meeting_load          (LajnaDb        *db,
                                              gint64          meeting_id,
                                              gboolean        arabic,
                                              GError        **error);
GPtrArray       *lajna_meeting_list          (LajnaDb        *db,
                                              int             committee_id,
                                              GError        **error);
LajnaVote       *lajna_agenda_item_vote_of   (const LajnaAgendaItem *item,
                                              int             user_id);
LajnaDecision   *lajna_agenda_item_decision  (const LajnaAgendaItem *item);
LajnaVoteTally   lajna_agenda_item_tally     (const LajnaAgendaItem *item);
LajnaVotesVerdict lajna_vote_tally_verdict   (const LajnaVoteTally *tally,
                                              const char     *outcome);
guint            lajna_meeting_under_discussion (const LajnaMeeting *meeting);
LajnaAttendee   *lajna_meeting_attendee      (const LajnaMeeting *meeting,
                                              int             user_id);
gboolean         lajna_meeting_is_voter      (const LajnaAttendee *attendee);
char            *lajna_meeting_title         (const LajnaMeeting *meeting);
void             lajna_meeting_free          (LajnaMeeting   *meeting);
void             lajna_meeting_row_free      (LajnaMeetingRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaMeeting, lajna_meeting_free)

G_END_DECLS
