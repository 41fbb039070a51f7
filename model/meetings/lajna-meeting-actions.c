/* lajna-meeting-actions.c: what clerks, members and the chair do to a
 * meeting, each one call of the database function that holds its rules
 * (0018-meetings.sql): the quorum, the lock after closing, corrections.
 * Words typed (a place, reasons) lose any bidi control character first:
 * they print in the minutes. */

#include "lajna-meeting-actions.h"

#include <glib/gi18n-lib.h>

#include "lajna-db-private.h"
#include "lajna-staff.h"
#include "lajna-text.h"

#define ID_FORMAT "%" G_GINT64_FORMAT

/* Runs @sql and returns the bigint its one row holds, 0 on failure. */
static gint64
call_returning_id (LajnaDb             *db,
                   const char          *sql,
                   int                  n_params,
                   const char * const  *params,
                   GError             **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, n_params, params, error);

  if (result == NULL)
    return 0;
  if (PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The record to correct is not in force any more. Reload the meeting."));
      return 0;
    }
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* A text[] literal: {"a","b"}. */
static char *
array_literal (const char * const *values)
{
  GString *literal = g_string_new ("{");

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (literal, ',');
      g_string_append_c (literal, '"');
      for (const char *c = values[i]; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (literal, '\\');
          g_string_append_c (literal, *c);
        }
      g_string_append_c (literal, '"');
    }
  g_string_append_c (literal, '}');
  return g_string_free (literal, FALSE);
}

/**
 * lajna_meeting_create:
 * @db: a connection
 * @committee_id: the committee
 * @held_on: the day, YYYY-MM-DD
 * @starts_at: (nullable): the hour, HH:MM
 * @place: where it sits
 * @secretary_id: the clerk who keeps its minutes, or 0 for the clerk
 *   preparing it
 * @error: return location for a #GError
 *
 * A new draft meeting, numbered after the committee's others of its year,
 * with the committee's members on its list and its secretary.
 *
 * Returns: the meeting's id, 0 on failure
 */
gint64
lajna_meeting_create (LajnaDb     *db,
                      int          committee_id,
                      const char  *held_on,
                      const char  *starts_at,
                      const char  *place,
                      int          secretary_id,
                      GError     **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  g_autofree char *where = lajna_strip_bidi (place != NULL ? place : "");
  g_autofree char *secretary = secretary_id != 0 ? g_strdup_printf ("%d", secretary_id) : NULL;
  const char *params[] = { committee, held_on, starts_at, where, secretary };

  return call_returning_id (db, "SELECT lajna_meeting_create($1, $2, $3, $4, $5)", 5, params,
                            error);
}

/**
 * lajna_meeting_clerks:
 * @db: a connection
 * @committee_id: the committee
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaStaff) (nullable): the
 *   committee's clerks today, who may keep a meeting's minutes
 */
GPtrArray *
lajna_meeting_clerks (LajnaDb  *db,
                      int       committee_id,
                      GError  **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { committee };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT DISTINCT u.id, u.full_name FROM committee_role r JOIN app_user u ON u.id = r.user_id"
      " WHERE r.committee_id = $1 AND r.role = 'clerk' AND r.active AND u.active"
      "   AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)"
      " ORDER BY u.full_name", 1, params, error);
  GPtrArray *clerks;

  if (result == NULL)
    return NULL;
  clerks = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_staff_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaStaff *clerk = g_new0 (LajnaStaff, 1);

      clerk->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      clerk->full_name = g_strdup (PQgetvalue (result, i, 1));
      clerk->role = g_strdup ("clerk");
      clerk->facility = g_strdup ("");
      g_ptr_array_add (clerks, clerk);
    }
  return clerks;
}

/**
 * lajna_meeting_set_state:
 * @db: a connection
 * @meeting_id: the meeting
 * @state: "convened" or "closed"
 * @change_date: whether a meeting dated another day is moved to today
 *   (the clerk said so), with its decisions; the move is in the audit
 *   trail
 * @error: return location for a #GError
 *
 * Convenes or closes a meeting. The database refuses to on a day other
 * than the meeting's (lajna:meeting_day) unless @change_date is set.
 *
 * Returns: whether the meeting is convened or closed
 */
gboolean
lajna_meeting_set_state (LajnaDb     *db,
                         gint64       meeting_id,
                         const char  *state,
                         gboolean     change_date,
                         GError     **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, meeting_id);
  const char *params[] = { id, state, change_date ? "t" : "f" };

  return lajna_db_run_params (db, "SELECT lajna_meeting_set_state($1, $2, $3)", 3, params,
                              error);
}

/* Present, absent or excused, while the meeting is open. */
gboolean
lajna_meeting_set_attendance (LajnaDb     *db,
                              gint64       meeting_id,
                              int          user_id,
                              const char  *status,
                              GError     **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, meeting_id);
  g_autofree char *user = g_strdup_printf ("%d", user_id);
  const char *params[] = { id, user, status };

  return lajna_db_run_params (db, "SELECT lajna_attendance_set($1, $2, $3)", 3, params,
                              error);
}

/* After closing: a new attendance row for the person, with the reason. */
gboolean
lajna_meeting_correct_attendance (LajnaDb     *db,
                                  gint64       meeting_id,
                                  int          user_id,
                                  const char  *status,
                                  const char  *why,
                                  GError     **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, meeting_id);
  g_autofree char *user = g_strdup_printf ("%d", user_id);
  g_autofree char *reason = lajna_strip_bidi (why != NULL ? why : "");
  const char *params[] = { id, user, status, reason };

  return call_returning_id (db, "SELECT lajna_attendance_correct($1, $2, $3, $4)", 4, params,
                            error) != 0;
}

void
lajna_agenda_proposal_free (LajnaAgendaProposal *proposal)
{
  g_free (proposal->file_number);
  g_free (proposal->title);
  g_free (proposal->kind);
  g_free (proposal->reason);
  g_free (proposal->since);
  g_free (proposal->lacking);
  g_free (proposal);
}

/**
 * lajna_agenda_proposals:
 * @db: a connection
 * @meeting_id: the meeting
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaAgendaProposal) (nullable):
 *   the files complete and waiting, and juvenile files due for review by
 *   the meeting's day, the longest waiting first
 */
GPtrArray *
lajna_agenda_proposals (LajnaDb  *db,
                        gint64    meeting_id,
                        GError  **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, meeting_id);
  const char *params[] = { id, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT c.id, c.file_number, c.title, c.kind, p.reason,"
      "       coalesce(j.next_review_on, c.received_on)::text,"
      "       coalesce((SELECT string_agg(CASE WHEN $2::boolean THEN t.name_ar ELSE t.name_en END,"
      "                                   CASE WHEN $2::boolean THEN '، ' ELSE ', ' END"
      "                                   ORDER BY t.code)"
      "                   FROM lajna_case_lacking(c.id) l"
      "                   JOIN document_type t ON t.code = l.type_code), '')"
      "  FROM lajna_agenda_proposals($1) WITH ORDINALITY p"
      "  JOIN case_file c ON c.id = p.case_id LEFT JOIN juvenile_case j ON j.case_id = c.id"
      " ORDER BY p.ordinality", 2, params, error);
  GPtrArray *proposals;

  if (result == NULL)
    return NULL;
  proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_agenda_proposal_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaAgendaProposal *proposal = g_new0 (LajnaAgendaProposal, 1);

      proposal->case_id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      proposal->file_number = g_strdup (PQgetvalue (result, i, 1));
      proposal->title = g_strdup (PQgetvalue (result, i, 2));
      proposal->kind = g_strdup (PQgetvalue (result, i, 3));
      proposal->reason = g_strdup (PQgetvalue (result, i, 4));
      proposal->since = g_strdup (PQgetvalue (result, i, 5));
      proposal->lacking = g_strdup (PQgetvalue (result, i, 6));
      g_ptr_array_add (proposals, proposal);
    }
  return proposals;
}

/* Puts a file last on the agenda; returns the item's id, 0 on failure. */
gint64
lajna_agenda_add (LajnaDb  *db,
                  gint64    meeting_id,
                  gint64    case_id,
                  GError  **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, meeting_id);
  g_autofree char *file = g_strdup_printf (ID_FORMAT, case_id);
  const char *params[] = { id, file };

  return call_returning_id (db, "SELECT lajna_agenda_add($1, $2)", 2, params, error);
}

gboolean
lajna_agenda_remove (LajnaDb  *db,
                     gint64    item_id,
                     GError  **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, item_id);
  const char *params[] = { id };

  return lajna_db_run_params (db, "SELECT lajna_agenda_remove($1)", 1, params, error);
}

/* Moves an item to @position, 1 being first. */
gboolean
lajna_agenda_move (LajnaDb  *db,
                   gint64    item_id,
                   int       position,
                   GError  **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, item_id);
  g_autofree char *to = g_strdup_printf ("%d", position);
  const char *params[] = { id, to };

  return lajna_db_run_params (db, "SELECT lajna_agenda_move($1, $2)", 2, params, error);
}

/**
 * lajna_vote_cast:
 * @db: a connection
 * @item_id: the agenda item
 * @user_id: the member voting
 * @choice: "approve", "reject" or "abstain"
 * @reasons: the reasons, required to reject
 * @error: return location for a #GError
 *
 * The member's own vote, or one the secretary enters for them; cast again
 * while the meeting sits, it replaces the first.
 *
 * Returns: the vote's id, 0 on failure
 */
gint64
lajna_vote_cast (LajnaDb     *db,
                 gint64       item_id,
                 int          user_id,
                 const char  *choice,
                 const char  *reasons,
                 GError     **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, item_id);
  g_autofree char *user = g_strdup_printf ("%d", user_id);
  g_autofree char *words = lajna_strip_bidi (reasons != NULL ? reasons : "");
  const char *params[] = { id, user, choice, words };

  return call_returning_id (db, "SELECT lajna_vote_cast($1, $2, $3, $4)", 4, params, error);
}

/* After closing: a new vote for the member, naming the vote it corrects. */
gint64
lajna_vote_correct (LajnaDb     *db,
                    gint64       vote_id,
                    const char  *choice,
                    const char  *reasons,
                    const char  *why,
                    GError     **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, vote_id);
  g_autofree char *words = lajna_strip_bidi (reasons != NULL ? reasons : "");
  g_autofree char *reason = lajna_strip_bidi (why != NULL ? why : "");
  const char *params[] = { id, choice, words, reason };

  return call_returning_id (db, "SELECT lajna_vote_correct($1, $2, $3, $4)", 4, params, error);
}

/**
 * lajna_decision_record:
 * @db: a connection
 * @item_id: the agenda item
 * @outcome: an outcome of the file's kind
 * @reason_codes: (nullable) (array zero-terminated=1): coded reasons
 * @reasons: the reasons in words
 * @missing_types: (nullable) (array zero-terminated=1): for a deferral,
 *   the document types still missing
 * @next_review_on: (nullable): for a juvenile file that stays open, its
 *   next review, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Records the decision and moves the file on; recorded again while the
 * meeting sits, it replaces the first.
 *
 * Returns: the decision's id, 0 on failure
 */
gint64
lajna_decision_record (LajnaDb             *db,
                       gint64               item_id,
                       const char          *outcome,
                       const char * const  *reason_codes,
                       const char          *reasons,
                       const char * const  *missing_types,
                       const char          *next_review_on,
                       GError             **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, item_id);
  g_autofree char *codes = array_literal (reason_codes);
  g_autofree char *missing = array_literal (missing_types);
  g_autofree char *words = lajna_strip_bidi (reasons != NULL ? reasons : "");
  const char *params[] = { id, outcome, codes, words, missing, next_review_on };

  return call_returning_id (db, "SELECT lajna_decision_record($1, $2, $3, $4, $5, $6)", 6,
                            params, error);
}

/* After closing: a new decision naming the one it corrects, with why. */
gint64
lajna_decision_correct (LajnaDb             *db,
                        gint64               decision_id,
                        const char          *outcome,
                        const char * const  *reason_codes,
                        const char          *reasons,
                        const char * const  *missing_types,
                        const char          *next_review_on,
                        const char          *why,
                        GError             **error)
{
  g_autofree char *id = g_strdup_printf (ID_FORMAT, decision_id);
  g_autofree char *codes = array_literal (reason_codes);
  g_autofree char *missing = array_literal (missing_types);
  g_autofree char *words = lajna_strip_bidi (reasons != NULL ? reasons : "");
  g_autofree char *reason = lajna_strip_bidi (why != NULL ? why : "");
  const char *params[] = { id, outcome, codes, words, missing, next_review_on, reason };

  return call_returning_id (db, "SELECT lajna_decision_correct($1, $2, $3, $4, $5, $6, $7)", 7,
                            params, error);
}

/**
 * lajna_reviews_fall_due:
 * @db: a connection
 * @today: (nullable): the day to count from, YYYY-MM-DD; %NULL for today
 * @error: return location for a #GError
 *
 * Juvenile files whose periodic review falls due by @today wait for a
 * meeting again.
 *
 * Returns: how many files, -1 on failure
 */
int
lajna_reviews_fall_due (LajnaDb     *db,
                        const char  *today,
                        GError     **error)
{
  const char *params[] = { today };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_reviews_fall_due(coalesce($1::date, current_date))", 1, params, error);

  if (result == NULL)
    return -1;
  return (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* The number of the last change to any meeting the person sees. */
gint64
lajna_meeting_last_change (LajnaDb  *db,
                           GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT coalesce(max(seq), 0) FROM meeting_change", error);

  if (result == NULL)
    return -1;
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

void
lajna_decision_choice_free (LajnaDecisionChoice *choice)
{
  g_free (choice->code);
  g_free (choice->label);
  g_strfreev (choice->reason_codes);
  g_strfreev (choice->reason_labels);
  g_free (choice);
}

/**
 * lajna_decision_choices:
 * @db: a connection
 * @kind: "marriage" or "juvenile"
 * @arabic: whether the names are Arabic or English
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaDecisionChoice) (nullable):
 *   the outcomes for files of @kind, in their order, each with its coded
 *   reasons
 */
GPtrArray *
lajna_decision_choices (LajnaDb     *db,
                        const char  *kind,
                        gboolean     arabic,
                        GError     **error)
{
  const char *params[] = { kind, arabic ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT o.code, CASE WHEN $2::boolean THEN o.name_ar ELSE o.name_en END, o.stays_open,"
      "       coalesce(string_agg(r.code, E'\\n' ORDER BY r.code), ''),"
      "       coalesce(string_agg(CASE WHEN $2::boolean THEN r.name_ar ELSE r.name_en END, E'\\n'"
      "                           ORDER BY r.code), '')"
      "  FROM decision_outcome o LEFT JOIN decision_reason r ON r.outcome = o.code"
      " WHERE o.kind = $1 GROUP BY o.code ORDER BY o.position", 2, params, error);
  GPtrArray *choices;

  if (result == NULL)
    return NULL;
  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_decision_choice_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaDecisionChoice *choice = g_new0 (LajnaDecisionChoice, 1);

      choice->code = g_strdup (PQgetvalue (result, i, 0));
      choice->label = g_strdup (PQgetvalue (result, i, 1));
      choice->stays_open = PQgetvalue (result, i, 2)[0] == 't';
      choice->reason_codes = lajna_db_dup_lines (result, i, 3);
      choice->reason_labels = lajna_db_dup_lines (result, i, 4);
      g_ptr_array_add (choices, choice);
    }
  return choices;
}

/**
 * lajna_meeting_record_minutes:
 * @db: a connection, as the person printing
 * @meeting_id: the meeting
 * @error: return location for a #GError
 *
 * Records in the audit trail that the meeting's minutes were printed.
 *
 * Returns: whether it is recorded
 */
gboolean
lajna_meeting_record_minutes (LajnaDb  *db,
                              gint64    meeting_id,
                              GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  const char *params[] = { id };

  return lajna_db_run_params (db,
      "SELECT lajna_audit('meeting.minutes', 'meeting', $1::bigint, '{\"format\": \"pdf\"}')",
      1, params, error);
}

/* A meeting to prepare. */
typedef struct
{
  int   committee_id;
  char *held_on;
  char *starts_at;
  char *place;
  int   secretary_id;
} Creation;

static void
creation_free (Creation *creation)
{
  g_free (creation->held_on);
  g_free (creation->starts_at);
  g_free (creation->place);
  g_free (creation);
}

static gpointer
create_job (LajnaDb       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Creation *creation = data;
  gint64 id = lajna_meeting_create (db, creation->committee_id, creation->held_on,
                                    creation->starts_at, creation->place,
                                    creation->secretary_id, error);

  return id != 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/**
 * lajna_meeting_create_async:
 * @worker: the database worker
 * @committee_id: the committee
 * @held_on: its day, YYYY-MM-DD
 * @starts_at: (nullable): its hour, HH:MM
 * @place: where
 * @secretary_id: the clerk who keeps its minutes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once prepared
 * @user_data: for @callback
 *
 * Prepares a meeting (lajna_meeting_create()) on the worker.
 */
void
lajna_meeting_create_async (LajnaDbWorker        *worker,
                            int                   committee_id,
                            const char           *held_on,
                            const char           *starts_at,
                            const char           *place,
                            int                   secretary_id,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  Creation *creation = g_new0 (Creation, 1);

  creation->committee_id = committee_id;
  creation->held_on = g_strdup (held_on);
  creation->starts_at = g_strdup (starts_at);
  creation->place = g_strdup (place);
  creation->secretary_id = secretary_id;
  lajna_db_worker_run_async (worker, create_job, creation, (GDestroyNotify) creation_free, g_free,
                             cancellable, callback, user_data);
}

/**
 * lajna_meeting_create_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: the meeting prepared, 0 on error
 */
gint64
lajna_meeting_create_finish (LajnaDbWorker  *worker,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_autofree gint64 *id = lajna_db_worker_run_finish (worker, result, error);

  return id != NULL ? *id : 0;
}

static gpointer
proposals_job (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return lajna_agenda_proposals (db, *(gint64 *) data, error);
}

/**
 * lajna_agenda_proposals_async:
 * @worker: the database worker
 * @meeting_id: a meeting being prepared
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the files waiting for a meeting (lajna_agenda_proposals()) on the
 * worker.
 */
void
lajna_agenda_proposals_async (LajnaDbWorker        *worker,
                              gint64                meeting_id,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  lajna_db_worker_run_async (worker, proposals_job, g_memdup2 (&meeting_id, sizeof meeting_id),
                             g_free, (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_agenda_proposals_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaAgendaProposal) (nullable):
 *   the files proposed
 */
GPtrArray *
lajna_agenda_proposals_finish (LajnaDbWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
