/* lajna-meeting.c: a committee meeting read whole, as one snapshot: its
 * header and quorum, who is on its list, and its agenda items with their
 * votes and decisions (corrections included, marked as such), and the
 * number of the last change it includes, so that a client knows when it
 * is behind. Also the list of meetings. */

#include "lajna-meeting.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-labels.h"
#include "lajna-text.h"
#include "lajna-time.h"

static void
attendee_free (LajnaAttendee *attendee)
{
  g_free (attendee->login);
  g_free (attendee->full_name);
  g_free (attendee->role);
  g_free (attendee->status);
  g_free (attendee->was_status);
  g_free (attendee->correction_reason);
  g_free (attendee);
}

static void
vote_free (LajnaVote *vote)
{
  g_free (vote->full_name);
  g_free (vote->choice);
  g_free (vote->reasons);
  g_free (vote->entered_by);
  g_free (vote->entered_by_name);
  g_free (vote->correction_reason);
  g_free (vote);
}

static void
decision_free (LajnaDecision *decision)
{
  g_free (decision->outcome_label);
  g_strfreev (decision->reason_labels);
  g_free (decision->reasons);
  g_strfreev (decision->missing_labels);
  g_free (decision->next_review_on);
  g_free (decision->entered_by);
  g_free (decision->correction_reason);
  g_free (decision);
}

static void
item_free (LajnaAgendaItem *item)
{
  g_free (item->file_number);
  g_free (item->kind);
  g_free (item->title);
  g_free (item->lacking);
  g_strfreev (item->unread_by);
  g_ptr_array_unref (item->votes);
  g_ptr_array_unref (item->decisions);
  g_free (item);
}

void
lajna_meeting_free (LajnaMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->committee_name);
  g_free (meeting->held_on);
  g_free (meeting->starts_at);
  g_free (meeting->place);
  g_free (meeting->state);
  g_free (meeting->closed_at);
  g_ptr_array_unref (meeting->attendees);
  g_ptr_array_unref (meeting->items);
  g_free (meeting);
}

void
lajna_meeting_row_free (LajnaMeetingRow *row)
{
  g_free (row->committee_name);
  g_free (row->held_on);
  g_free (row->starts_at);
  g_free (row->place);
  g_free (row->state);
  g_free (row);
}

static gint64
int_value (PGresult *result, int row, int column)
{
  return PQgetisnull (result, row, column) ? 0
                                           : g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

static gboolean
bool_value (PGresult *result, int row, int column)
{
  return PQgetvalue (result, row, column)[0] == 't';
}

static gboolean
read_header (LajnaMeeting  *meeting,
             LajnaDb       *db,
             const char   **params,
             GError       **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT m.committee_id, CASE WHEN $2::boolean THEN k.name_ar ELSE k.name_en END,"
      "       m.year, m.number,"
      "       m.held_on::text, to_char(m.starts_at, 'HH24:MI'), m.place, m.state,"
      "       " LAJNA_TIME_EPOCH ("m.closed_at") ", k.quorum_needs_chair,"
      "       q.members, q.present, q.needed, q.chair_present, q.met,"
      "       (SELECT coalesce(max(c.seq), 0) FROM meeting_change c WHERE c.meeting_id = m.id),"
      "       has_table_privilege('attendance', 'UPDATE'), has_table_privilege('decision', 'INSERT'),"
      "       lajna_acting_superuser() OR EXISTS (SELECT FROM attendance_now a"
      "         JOIN app_user u ON u.id = a.user_id WHERE a.meeting_id = m.id"
      "          AND a.role = 'secretary' AND u.login = lajna_actor()),"
      "       (SELECT u.id FROM app_user u WHERE u.login = lajna_actor())"
      "  FROM meeting m JOIN committee k ON k.id = m.committee_id"
      "  CROSS JOIN LATERAL lajna_meeting_quorum(m.id) q"
      " WHERE m.id = $1", 2, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The meeting does not exist, or it is not one of your committees’."));
      return FALSE;
    }
  meeting->committee_id = (int) int_value (result, 0, 0);
  meeting->committee_name = lajna_db_dup_value (result, 0, 1);
  meeting->year = (int) int_value (result, 0, 2);
  meeting->number = (int) int_value (result, 0, 3);
  meeting->held_on = lajna_db_dup_value (result, 0, 4);
  meeting->starts_at = lajna_db_dup_value (result, 0, 5);
  meeting->place = lajna_db_dup_value (result, 0, 6);
  meeting->state = lajna_db_dup_value (result, 0, 7);
  meeting->closed_at = lajna_time_local_text (PQgetvalue (result, 0, 8));
  meeting->quorum_needs_chair = bool_value (result, 0, 9);
  meeting->quorum.members = (int) int_value (result, 0, 10);
  meeting->quorum.present = (int) int_value (result, 0, 11);
  meeting->quorum.needed = (int) int_value (result, 0, 12);
  meeting->quorum.chair_present = bool_value (result, 0, 13);
  meeting->quorum.met = bool_value (result, 0, 14);
  meeting->seq = int_value (result, 0, 15);
  meeting->can_manage = bool_value (result, 0, 16);
  meeting->can_decide = bool_value (result, 0, 17);
  meeting->votes_for_others = bool_value (result, 0, 18);
  meeting->reader_id = (int) int_value (result, 0, 19);
  return TRUE;
}

/* The chair first, then the rapporteur, members, the secretary, guests. */
static gboolean
read_attendees (LajnaMeeting  *meeting,
                LajnaDb       *db,
                const char   **params,
                GError       **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT a.id, a.user_id, u.login, u.full_name, a.role, a.status,"
      "       (SELECT o.status FROM attendance o WHERE o.id = a.corrects), a.correction_reason"
      "  FROM attendance_now a JOIN app_user u ON u.id = a.user_id"
      " WHERE a.meeting_id = $1"
      " ORDER BY array_position(ARRAY['chair', 'rapporteur', 'member', 'secretary', 'guest'],"
      "                         a.role), u.full_name, a.user_id", 1, params, error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaAttendee *attendee = g_new0 (LajnaAttendee, 1);

      attendee->id = int_value (result, i, 0);
      attendee->user_id = (int) int_value (result, i, 1);
      attendee->login = lajna_db_dup_value (result, i, 2);
      attendee->full_name = lajna_db_dup_value (result, i, 3);
      attendee->role = lajna_db_dup_value (result, i, 4);
      attendee->status = lajna_db_dup_value (result, i, 5);
      attendee->was_status = lajna_db_dup_value (result, i, 6);
      attendee->correction_reason = lajna_db_dup_value (result, i, 7);
      g_ptr_array_add (meeting->attendees, attendee);
    }
  return TRUE;
}

static LajnaAgendaItem *
find_item (LajnaMeeting *meeting,
           gint64        id)
{
  for (guint i = 0; i < meeting->items->len; i++)
    {
      LajnaAgendaItem *item = g_ptr_array_index (meeting->items, i);

      if (item->id == id)
        return item;
    }
  return NULL;
}

/* Each item with its file, what its checklist lacks, and the present
 * members who have not opened every one of its documents. */
static gboolean
read_items (LajnaMeeting  *meeting,
            LajnaDb       *db,
            const char   **params,
            GError       **error)
{
  /* A title the person reads: a juvenile's initials for those who do not
   * read children's names. */
  g_autofree char *sql = g_strdup_printf (
      "WITH present AS ("
      "  SELECT u.login, u.full_name FROM attendance_now a JOIN app_user u ON u.id = a.user_id"
      "   WHERE a.meeting_id = $1 AND a.status = 'present'"
      "     AND a.role IN ('chair', 'member', 'rapporteur'))"
      "SELECT i.id, i.position, c.id, c.file_number, c.kind, c.%s,"
      "       (SELECT string_agg(CASE WHEN $2::boolean THEN t.name_ar ELSE t.name_en END,"
      "                          CASE WHEN $2::boolean THEN '، ' ELSE ', ' END ORDER BY t.code)"
      "          FROM lajna_case_lacking(c.id) l JOIN document_type t ON t.code = l.type_code),"
      "       n.documents,"
      "       (SELECT string_agg(p.full_name, E'\\n' ORDER BY p.full_name) FROM present p"
      "         WHERE coalesce((rd.opened ->> p.login)::integer, 0) < n.documents)"
      "  FROM agenda_item i JOIN case_file c ON c.id = i.case_id"
      "  CROSS JOIN LATERAL (SELECT count(*) AS documents FROM document d"
      "                       WHERE d.case_id = c.id) n"
      /* Who opened how many of the file's documents, read once a file. */
      "  CROSS JOIN LATERAL (SELECT coalesce(jsonb_object_agg(x.reader, x.opened), '{}') AS opened"
      "                        FROM (SELECT r.reader, count(DISTINCT r.document_id) AS opened"
      "                                FROM lajna_document_readers(c.id) r GROUP BY r.reader) x) rd"
      " WHERE i.meeting_id = $1 ORDER BY i.position",
      lajna_db_sees (db, LAJNA_DB_SIGHT_NAMES) ? "title" : "listed_title");
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 2, params, error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaAgendaItem *item = g_new0 (LajnaAgendaItem, 1);

      item->id = int_value (result, i, 0);
      item->position = (int) int_value (result, i, 1);
      item->case_id = int_value (result, i, 2);
      item->file_number = lajna_db_dup_value (result, i, 3);
      item->kind = lajna_db_dup_value (result, i, 4);
      item->title = lajna_db_dup_value (result, i, 5);
      item->lacking = g_strdup (PQgetvalue (result, i, 6));
      item->n_documents = (int) int_value (result, i, 7);
      item->unread_by = lajna_db_dup_lines (result, i, 8);
      item->votes = g_ptr_array_new_with_free_func ((GDestroyNotify) vote_free);
      item->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decision_free);
      g_ptr_array_add (meeting->items, item);
    }
  return TRUE;
}

/* Votes in the order of the list (the chair first), a correction after
 * the vote it corrects. */
static gboolean
read_votes (LajnaMeeting  *meeting,
            LajnaDb       *db,
            const char   **params,
            GError       **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT v.agenda_item_id, v.id, v.user_id, u.full_name, v.choice, v.reasons, v.entered_by,"
      "       v.corrects, v.correction_reason,"
      "       NOT EXISTS (SELECT FROM vote c WHERE c.corrects = v.id),"
      "       lajna_user_name(v.entered_by)"
      "  FROM vote v JOIN agenda_item i ON i.id = v.agenda_item_id"
      "  JOIN app_user u ON u.id = v.user_id"
      "  LEFT JOIN attendance_now a ON a.meeting_id = i.meeting_id AND a.user_id = v.user_id"
      " WHERE i.meeting_id = $1"
      " ORDER BY v.agenda_item_id,"
      "          array_position(ARRAY['chair', 'rapporteur', 'member'], a.role), u.full_name,"
      "          v.entered_at, v.id", 1, params, error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaAgendaItem *item = find_item (meeting, int_value (result, i, 0));
      LajnaVote *vote;

      if (item == NULL)
        continue;
      vote = g_new0 (LajnaVote, 1);
      vote->id = int_value (result, i, 1);
      vote->user_id = (int) int_value (result, i, 2);
      vote->full_name = lajna_db_dup_value (result, i, 3);
      vote->choice = lajna_db_dup_value (result, i, 4);
      vote->reasons = lajna_db_dup_value (result, i, 5);
      vote->entered_by = lajna_db_dup_value (result, i, 6);
      vote->corrects = int_value (result, i, 7);
      vote->correction_reason = lajna_db_dup_value (result, i, 8);
      vote->in_force = bool_value (result, i, 9);
      vote->entered_by_name = lajna_db_dup_value (result, i, 10);
      g_ptr_array_add (item->votes, vote);
    }
  return TRUE;
}

static gboolean
read_decisions (LajnaMeeting  *meeting,
                LajnaDb       *db,
                const char   **params,
                GError       **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT d.agenda_item_id, d.id, d.reasons, d.next_review_on::text,"
      "       d.entered_by, d.corrects, d.correction_reason,"
      "       NOT EXISTS (SELECT FROM decision c WHERE c.corrects = d.id),"
      "       (SELECT CASE WHEN $2::boolean THEN o.name_ar ELSE o.name_en END"
      "          FROM decision_outcome o WHERE o.code = d.outcome),"
      "       (SELECT string_agg(CASE WHEN $2::boolean THEN r.name_ar ELSE r.name_en END, E'\\n'"
      "                          ORDER BY c.n)"
      "          FROM unnest(d.reason_codes) WITH ORDINALITY c (code, n)"
      "          JOIN decision_reason r ON r.code = c.code),"
      "       (SELECT string_agg(CASE WHEN $2::boolean THEN t.name_ar ELSE t.name_en END, E'\\n'"
      "                          ORDER BY c.n)"
      "          FROM unnest(d.missing_types) WITH ORDINALITY c (code, n)"
      "          JOIN document_type t ON t.code = c.code)"
      "  FROM decision d JOIN agenda_item i ON i.id = d.agenda_item_id"
      " WHERE i.meeting_id = $1 ORDER BY d.agenda_item_id, d.entered_at, d.id", 2, params, error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaAgendaItem *item = find_item (meeting, int_value (result, i, 0));
      LajnaDecision *decision;

      if (item == NULL)
        continue;
      decision = g_new0 (LajnaDecision, 1);
      decision->id = int_value (result, i, 1);
      decision->reasons = lajna_db_dup_value (result, i, 2);
      decision->next_review_on = lajna_db_dup_value (result, i, 3);
      decision->entered_by = lajna_db_dup_value (result, i, 4);
      decision->corrects = int_value (result, i, 5);
      decision->correction_reason = lajna_db_dup_value (result, i, 6);
      decision->in_force = bool_value (result, i, 7);
      decision->outcome_label = g_strdup (PQgetvalue (result, i, 8));
      decision->reason_labels = lajna_db_dup_lines (result, i, 9);
      decision->missing_labels = lajna_db_dup_lines (result, i, 10);
      g_ptr_array_add (item->decisions, decision);
    }
  return TRUE;
}

/**
 * lajna_meeting_load:
 * @db: a connection
 * @meeting_id: the meeting
 * @arabic: whether names (the committee, outcomes, reasons, document
 *   types) are read in Arabic or in English
 * @error: return location for a #GError
 *
 * Reads the meeting in one repeatable-read transaction, so that its parts
 * agree with each other and with the change number it carries.
 *
 * Returns: (transfer full) (nullable): the meeting
 */
LajnaMeeting *
lajna_meeting_load (LajnaDb   *db,
                    gint64     meeting_id,
                    gboolean   arabic,
                    GError   **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  const char *params[] = { id, arabic ? "t" : "f" };
  g_autoptr(LajnaMeeting) meeting = g_new0 (LajnaMeeting, 1);
  gboolean done;

  meeting->id = meeting_id;
  meeting->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) attendee_free);
  meeting->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  if (!lajna_db_run (db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return NULL;
  done = read_header (meeting, db, params, error) && read_attendees (meeting, db, params, error)
         && read_items (meeting, db, params, error) && read_votes (meeting, db, params, error)
         && read_decisions (meeting, db, params, error);
  if (!lajna_db_run (db, done ? "COMMIT" : "ROLLBACK", done ? error : NULL) || !done)
    return NULL;
  return g_steal_pointer (&meeting);
}

/**
 * lajna_meeting_list:
 * @db: a connection
 * @committee_id: a committee, or 0 for all the person sees
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaMeetingRow) (nullable): the
 *   meetings, the latest first
 */
GPtrArray *
lajna_meeting_list (LajnaDb  *db,
                    int       committee_id,
                    GError  **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { committee, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT m.id, m.committee_id, CASE WHEN $2::boolean THEN k.name_ar ELSE k.name_en END,"
      "       m.year, m.number, m.held_on::text, to_char(m.starts_at, 'HH24:MI'), m.place, m.state,"
      "       (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id),"
      "       (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id"
      "           AND EXISTS (SELECT FROM decision d WHERE d.agenda_item_id = i.id))"
      "  FROM meeting m JOIN committee k ON k.id = m.committee_id"
      " WHERE $1::integer = 0 OR m.committee_id = $1::integer"
      " ORDER BY m.held_on DESC, m.committee_id, m.number DESC", 2, params, error);
  GPtrArray *rows;

  if (result == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_meeting_row_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaMeetingRow *row = g_new0 (LajnaMeetingRow, 1);

      row->id = int_value (result, i, 0);
      row->committee_id = (int) int_value (result, i, 1);
      row->committee_name = lajna_db_dup_value (result, i, 2);
      row->year = (int) int_value (result, i, 3);
      row->number = (int) int_value (result, i, 4);
      row->held_on = lajna_db_dup_value (result, i, 5);
      row->starts_at = lajna_db_dup_value (result, i, 6);
      row->place = lajna_db_dup_value (result, i, 7);
      row->state = lajna_db_dup_value (result, i, 8);
      row->n_items = (int) int_value (result, i, 9);
      row->n_decided = (int) int_value (result, i, 10);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/**
 * lajna_agenda_item_vote_of:
 * @item: an agenda item
 * @user_id: a member
 *
 * Returns: (transfer none) (nullable): the member's vote in force
 */
LajnaVote *
lajna_agenda_item_vote_of (const LajnaAgendaItem *item,
                           int                    user_id)
{
  for (guint i = 0; i < item->votes->len; i++)
    {
      LajnaVote *vote = g_ptr_array_index (item->votes, i);

      if (vote->user_id == user_id && vote->in_force)
        return vote;
    }
  return NULL;
}

/**
 * lajna_agenda_item_decision:
 * @item: an agenda item
 *
 * Returns: (transfer none) (nullable): the decision in force
 */
LajnaDecision *
lajna_agenda_item_decision (const LajnaAgendaItem *item)
{
  for (guint i = 0; i < item->decisions->len; i++)
    {
      LajnaDecision *decision = g_ptr_array_index (item->decisions, i);

      if (decision->in_force)
        return decision;
    }
  return NULL;
}

/**
 * lajna_agenda_item_tally:
 * @item: an agenda item
 *
 * Returns: the votes in force, by choice
 */
LajnaVoteTally
lajna_agenda_item_tally (const LajnaAgendaItem *item)
{
  LajnaVoteTally tally = { 0 };

  for (guint i = 0; i < item->votes->len; i++)
    {
      const LajnaVote *vote = g_ptr_array_index (item->votes, i);

      if (!vote->in_force)
        continue;
      tally.approve += g_strcmp0 (vote->choice, "approve") == 0;
      tally.reject += g_strcmp0 (vote->choice, "reject") == 0;
      tally.abstain += g_strcmp0 (vote->choice, "abstain") == 0;
    }
  return tally;
}

/**
 * lajna_vote_tally_verdict:
 * @tally: the votes on an item
 * @outcome: the outcome about to be recorded
 *
 * Only an approval or a rejection can go against the votes; the other
 * outcomes (a deferral, a juvenile file's) are not what was voted on.
 *
 * Returns: whether the decision is made with no vote, against the votes,
 *   or agrees with them
 */
LajnaVotesVerdict
lajna_vote_tally_verdict (const LajnaVoteTally *tally,
                          const char           *outcome)
{
  if (tally->approve + tally->reject + tally->abstain == 0)
    return LAJNA_VOTES_NONE;
  if ((g_strcmp0 (outcome, "approve") == 0 && tally->reject > tally->approve)
      || (g_strcmp0 (outcome, "reject") == 0 && tally->approve > tally->reject))
    return LAJNA_VOTES_AGAINST;
  return LAJNA_VOTES_AGREE;
}

/**
 * lajna_meeting_under_discussion:
 * @meeting: a meeting
 *
 * Returns: the index of the item under discussion, the first not decided;
 *   the number of items when every one is
 */
guint
lajna_meeting_under_discussion (const LajnaMeeting *meeting)
{
  for (guint i = 0; i < meeting->items->len; i++)
    if (lajna_agenda_item_decision (g_ptr_array_index (meeting->items, i)) == NULL)
      return i;
  return meeting->items->len;
}

LajnaAttendee *
lajna_meeting_attendee (const LajnaMeeting *meeting,
                        int                 user_id)
{
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      LajnaAttendee *attendee = g_ptr_array_index (meeting->attendees, i);

      if (attendee->user_id == user_id)
        return attendee;
    }
  return NULL;
}

/* Whether the person holds a seat that votes. */
gboolean
lajna_meeting_is_voter (const LajnaAttendee *attendee)
{
  return g_strv_contains ((const char * const[]) { "chair", "member", "rapporteur", NULL },
                          attendee->role);
}

/**
 * lajna_meeting_title:
 * @meeting: a meeting
 *
 * Returns: (transfer full): "Meeting 12 of 2026", translated, the numbers
 *   isolated
 */
char *
lajna_meeting_title (const LajnaMeeting *meeting)
{
  g_autofree char *number_isolated = lajna_isolate_int (meeting->number);
  g_autofree char *year_isolated = lajna_isolate_int (meeting->year);

  /* Translators: a committee meeting's number within its year. */
  return g_strdup_printf (_("Meeting %s of %s"), number_isolated, year_isolated);
}
