/* test-meetings.c: the rules of committee meetings, held by the database
 * whatever the client: meeting numbers, the quorum rule, no vote without
 * quorum, the lock after closing (tried through plain SQL) and
 * corrections beside the rows they correct, decisions moving files on, a
 * deferred file returning once its documents arrive, juvenile reviews
 * falling due on a day the test chooses, the agenda's order, who may enter
 * a vote, and two workstations following a meeting while one of them
 * loses its connection. */

#include <check.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-meeting-actions.h"
#include "lajna-meeting-watch.h"
#include "lajna-meeting.h"
#include "lajna-staff.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

START_TEST (test_numbers)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 first = new_meeting (db, "mtm", "2031-03-01");
  gint64 second = new_meeting (db, "mtm", "2031-04-01");
  gint64 next_year = new_meeting (db, "mtm", "2032-01-10");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaMeeting) meeting = lajna_meeting_load (db, second, TRUE, &error);

  expect_ok (meeting != NULL, error);
  ck_assert_int_eq (query_for (db, "SELECT number FROM meeting WHERE id = $1::bigint", first), 1);
  ck_assert_int_eq (meeting->number, 2);
  ck_assert_int_eq (meeting->year, 2031);
  ck_assert_str_eq (meeting->starts_at, "10:00");
  ck_assert_str_eq (meeting->state, "draft");
  ck_assert_int_eq (query_for (db, "SELECT number FROM meeting WHERE id = $1::bigint", next_year), 1);
  /* The committee's five members, absent until marked, the chair first. */
  ck_assert_uint_eq (meeting->attendees->len, 5);
  ck_assert_str_eq (((LajnaAttendee *) g_ptr_array_index (meeting->attendees, 0))->role, "chair");
  ck_assert_str_eq (((LajnaAttendee *) g_ptr_array_index (meeting->attendees, 1))->role,
                    "rapporteur");
  for (guint i = 0; i < meeting->attendees->len; i++)
    ck_assert_str_eq (((LajnaAttendee *) g_ptr_array_index (meeting->attendees, i))->status,
                      "absent");
  ck_assert (!meeting->quorum.met);
}
END_TEST

/* The clerk chosen keeps the minutes, present, beside the members. */
START_TEST (test_secretary)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clerks = lajna_meeting_clerks (db, committee (db, "mtm"), &error);
  g_autoptr(LajnaMeeting) meeting = NULL;
  LajnaAttendee *secretary;
  gint64 id;

  expect_ok (clerks != NULL, error);
  ck_assert_uint_eq (clerks->len, 1);
  id = lajna_meeting_create (db, committee (db, "mtm"), "2031-03-15", NULL, "", user_id (db, "mtm.clerk"),
                             &error);
  expect_ok (id != 0, error);
  meeting = lajna_meeting_load (db, id, TRUE, &error);
  expect_ok (meeting != NULL, error);
  ck_assert_uint_eq (meeting->attendees->len, 6);
  secretary = g_ptr_array_index (meeting->attendees, 5);
  ck_assert_str_eq (secretary->role, "secretary");
  ck_assert_str_eq (secretary->status, "present");
  ck_assert_str_eq (secretary->login, "mtm.clerk");
  ck_assert (!lajna_meeting_is_voter (secretary));
  ck_assert_int_eq (meeting->quorum.members, 5);
}
END_TEST

START_TEST (test_quorum_rules)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 id = new_meeting (db, "mtm", "2031-05-01");
  g_autofree char *text = g_strdup_printf (ID, id);
  const char *sql = "SELECT met::integer FROM lajna_meeting_quorum($1)";
  g_autoptr(GError) error = NULL;

  /* Default: a majority of the five, the chair among them. */
  mark_present (db, id, "mtm", (const char *[]) { "m1", "m2", NULL });
  ck_assert_int_eq (query_int (db, sql, text), 0);
  mark_present (db, id, "mtm", (const char *[]) { "m3", NULL });
  ck_assert_int_eq (query_int (db, "SELECT needed FROM lajna_meeting_quorum($1)", text), 3);
  ck_assert_int_eq (query_int (db, sql, text), 0);
  mark_present (db, id, "mtm", (const char *[]) { "chair", NULL });
  ck_assert_int_eq (query_int (db, sql, text), 1);
  /* Excused is not present. */
  expect_ok (lajna_meeting_set_attendance (db, id, member (db, "mtm", "m3"), "excused", &error),
             error);
  expect_ok (lajna_meeting_set_attendance (db, id, member (db, "mtm", "m2"), "excused", &error),
             error);
  ck_assert_int_eq (query_int (db, sql, text), 0);

  /* A committee's own number, and a rule without the chair. */
  expect_ok (lajna_db_run (db, "UPDATE committee SET quorum = 2, quorum_needs_chair = false"
                               " WHERE code = 'mtm'", &error), error);
  expect_ok (lajna_meeting_set_attendance (db, id, member (db, "mtm", "chair"), "absent", &error),
             error);
  mark_present (db, id, "mtm", (const char *[]) { "m2", NULL });
  ck_assert_int_eq (query_int (db, sql, text), 1);
  expect_ok (lajna_db_run (db, "UPDATE committee SET quorum = 4 WHERE code = 'mtm'", &error),
             error);
  ck_assert_int_eq (query_int (db, sql, text), 0);
  expect_ok (lajna_db_run (db, "UPDATE committee SET quorum = NULL, quorum_needs_chair = true"
                               " WHERE code = 'mtm'", &error), error);
}
END_TEST

START_TEST (test_vote_needs_quorum)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 meeting = new_meeting (db, "mtm", "2031-06-01");
  g_autoptr(GError) error = NULL;
  gint64 item = lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error);
  int chair = member (db, "mtm", "chair"), m1 = member (db, "mtm", "m1");
  g_autofree char *sql = NULL;

  expect_ok (item != 0, error);
  expect_refused (lajna_vote_cast (db, item, chair, "approve", "", &error) != 0, &error,
                  "has not convened");
  expect_ok (lajna_meeting_set_state (db, meeting, "convened", FALSE, &error), error);
  mark_present (db, meeting, "mtm", (const char *[]) { "chair", "m1", NULL });
  expect_refused (lajna_vote_cast (db, item, chair, "approve", "", &error) != 0, &error,
                  "no quorum");
  expect_refused (lajna_decision_record (db, item, "approve", NULL, "", NULL, NULL, &error) != 0,
                  &error, "no quorum");
  /* Not even through psql. */
  expect_refused (lajna_db_run (db, "INSERT INTO vote (agenda_item_id, user_id, choice)"
                                    " SELECT i.id, a.user_id, 'approve' FROM agenda_item i"
                                    "   JOIN attendance a ON a.meeting_id = i.meeting_id"
                                    "  WHERE a.status = 'present' ORDER BY i.id DESC LIMIT 1",
                                &error), &error, "no quorum");
  mark_present (db, meeting, "mtm", (const char *[]) { "m2", NULL });
  expect_ok (lajna_vote_cast (db, item, chair, "approve", "", &error) != 0, error);
  expect_refused (lajna_vote_cast (db, item, member (db, "mtm", "m3"), "approve", "", &error) != 0,
                  &error, "marked present");
  expect_refused (lajna_vote_cast (db, item, m1, "reject", "  ", &error) != 0, &error,
                  "must give its reasons");
  /* A bidi override in the reasons would reorder the minutes: gone. */
  expect_ok (lajna_vote_cast (db, item, m1, "reject", "نقص \u202Eفي المستندات", &error) != 0,
             error);
  ck_assert_str_eq (query_text (db, "SELECT reasons FROM vote_now WHERE agenda_item_id = $1"
                                    "   AND choice = 'reject'", item), "نقص في المستندات");
  sql = g_strdup_printf ("UPDATE vote SET reasons = reasons || U&'\\202E'"
                         " WHERE agenda_item_id = " ID, item);
  expect_refused (lajna_db_run (db, sql, &error), &error, "no_bidi_control");
  /* Cast again while sitting: replaced, not doubled. */
  expect_ok (lajna_vote_cast (db, item, m1, "abstain", "", &error) != 0, error);
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM vote WHERE agenda_item_id = $1", item), 2);
}
END_TEST

/* The session's day, as if the clock read @day. */
static void
set_today (LajnaDb    *db,
           const char *day)
{
  query_int (db, "SELECT 1 FROM set_config('lajna.today', $1, false)", day);
}

/* A meeting is convened and closed on its own day; on another, only moved
 * to that day, with its decisions, on record. */
START_TEST (test_meeting_day)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 meeting = new_meeting (db, "mtm", "2041-01-10");
  gint64 item = lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error);
  const char *held_on = "SELECT held_on::text FROM meeting WHERE id = $1";
  g_autofree char *entered = NULL, *moved = NULL;
  gint64 decision;

  expect_ok (item != 0, error);
  mark_present (db, meeting, "mtm", (const char *[]) { "chair", "m1", "m2", NULL });
  set_today (db, "2041-01-11");
  expect_refused (lajna_meeting_set_state (db, meeting, "convened", FALSE, &error), &error,
                  "on the day it is dated");
  expect_ok (lajna_meeting_set_state (db, meeting, "convened", TRUE, &error), error);
  moved = query_text (db, held_on, meeting);
  ck_assert_str_eq (moved, "2041-01-11");
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM audit_event WHERE action = 'meeting.date'"
                                   "   AND object_id = $1 AND detail ->> 'from' = '2041-01-10'"
                                   "   AND detail ->> 'to' = '2041-01-11'", meeting), 1);

  decision = lajna_decision_record (db, item, "approve", NULL, "", NULL, NULL, &error);
  expect_ok (decision != 0, error);
  entered = query_text (db, "SELECT entered_at::text FROM decision WHERE id = $1", decision);
  /* Closed after midnight: the meeting and its decision take the new day. */
  set_today (db, "2041-01-12");
  expect_refused (lajna_meeting_set_state (db, meeting, "closed", FALSE, &error), &error,
                  "change its date to today");
  ck_assert_str_eq (query_text (db, "SELECT state FROM meeting WHERE id = $1", meeting), "convened");
  expect_ok (lajna_meeting_set_state (db, meeting, "closed", TRUE, &error), error);
  g_free (moved);
  moved = query_text (db, held_on, meeting);
  ck_assert_str_eq (moved, "2041-01-12");
  g_free (moved);
  moved = query_text (db, "SELECT decided_on::text FROM decision WHERE id = $1", decision);
  ck_assert_str_eq (moved, "2041-01-12");
  g_free (moved);
  moved = query_text (db, "SELECT entered_at::text FROM decision WHERE id = $1", decision);
  ck_assert_str_eq (moved, entered);
}
END_TEST

/* Moved into another year, a meeting takes the next number of that year. */
START_TEST (test_meeting_day_new_year)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 earlier = new_meeting (db, "mtm", "2042-01-01");
  gint64 meeting = new_meeting (db, "mtm", "2041-12-31");

  ck_assert_int_eq (query_for (db, "SELECT number FROM meeting WHERE id = $1", earlier), 1);
  mark_present (db, meeting, "mtm", (const char *[]) { "chair", "m1", "m2", NULL });
  set_today (db, "2042-01-01");
  expect_ok (lajna_meeting_set_state (db, meeting, "convened", TRUE, &error), error);
  ck_assert_int_eq (query_for (db, "SELECT year FROM meeting WHERE id = $1", meeting), 2042);
  ck_assert_int_eq (query_for (db, "SELECT number FROM meeting WHERE id = $1", meeting), 2);
}
END_TEST

START_TEST (test_closed_is_locked)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 item;
  gint64 meeting = sitting_with_item (db, "mtm", "marriage", "2031-07-01", &item);
  int m1 = member (db, "mtm", "m1");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaMeeting) loaded = NULL;
  gint64 vote = lajna_vote_cast (db, item, m1, "approve", "", &error);
  g_autofree char *item_text = g_strdup_printf (ID, item);
  g_autofree char *sql = NULL;
  LajnaAgendaItem *read;
  LajnaVote *first, *correction;

  expect_ok (vote != 0, error);
  expect_ok (lajna_decision_record (db, item, "approve", NULL, "", NULL, NULL, &error) != 0, error);
  expect_ok (lajna_meeting_set_state (db, meeting, "closed", FALSE, &error), error);

  /* Every change through plain SQL is refused. */
  sql = g_strdup_printf ("UPDATE vote SET choice = 'reject', reasons = 'x' WHERE id = " ID, vote);
  expect_refused (lajna_db_run (db, sql, &error), &error, "is closed");
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM decision WHERE agenda_item_id = " ID, item);
  expect_refused (lajna_db_run (db, sql, &error), &error, "is closed");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE attendance SET status = 'absent' WHERE meeting_id = " ID, meeting);
  expect_refused (lajna_db_run (db, sql, &error), &error, "is closed");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE meeting SET place = 'x' WHERE id = " ID, meeting);
  expect_refused (lajna_db_run (db, sql, &error), &error, "is closed");
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM meeting WHERE id = " ID, meeting);
  expect_refused (lajna_db_run (db, sql, &error), &error, "stays on record");
  expect_refused (lajna_vote_cast (db, item, m1, "abstain", "", &error) != 0, &error, "is closed");
  expect_refused (lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error) != 0,
                  &error, "is closed");

  /* A correction: a new row with its reason, once per row in force. */
  expect_refused (lajna_vote_correct (db, vote, "abstain", "", " ", &error) != 0, &error,
                  "reason for the correction");
  expect_ok (lajna_vote_correct (db, vote, "abstain", "", "خطأ في إدخال الصوت", &error) != 0,
             error);
  ck_assert (lajna_vote_correct (db, vote, "reject", "x", "مرة أخرى", &error) == 0);
  g_clear_error (&error);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM vote_now WHERE agenda_item_id = $1",
                               item_text), 1);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM vote WHERE agenda_item_id = $1",
                               item_text), 2);
  expect_ok (lajna_meeting_correct_attendance (db, meeting, member (db, "mtm", "m3"), "excused",
                                               "كان في مهمة رسمية", &error), error);

  loaded = lajna_meeting_load (db, meeting, TRUE, &error);
  expect_ok (loaded != NULL, error);
  read = g_ptr_array_index (loaded->items, 0);
  first = NULL;
  correction = NULL;
  for (guint i = 0; i < read->votes->len; i++)
    {
      LajnaVote *v = g_ptr_array_index (read->votes, i);

      if (v->id == vote)
        first = v;
      else if (v->corrects == vote)
        correction = v;
    }
  ck_assert_ptr_nonnull (first);
  ck_assert_ptr_nonnull (correction);
  ck_assert (!first->in_force);
  ck_assert (correction->in_force);
  ck_assert_str_eq (correction->choice, "abstain");
  ck_assert_str_eq (correction->correction_reason, "خطأ في إدخال الصوت");
  ck_assert_str_eq (lajna_meeting_attendee (loaded, member (db, "mtm", "m3"))->status, "excused");
  ck_assert_str_eq (lajna_meeting_attendee (loaded, member (db, "mtm", "m3"))->was_status,
                    "absent");
}
END_TEST

START_TEST (test_outcomes)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 marriage_item, juvenile_item;
  g_autoptr(GError) error = NULL;
  gint64 juvenile_case;
  g_autofree char *text = NULL;

  sitting_with_item (db, "mtm", "marriage", "2031-08-01", &marriage_item);
  sitting_with_item (db, "mtj", "juvenile", "2031-08-02", &juvenile_item);
  juvenile_case = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", juvenile_item);
  text = g_strdup_printf (ID, juvenile_case);

  expect_refused (lajna_decision_record (db, marriage_item, "continue", NULL, "", NULL,
                                         "2031-12-01", &error) != 0, &error, "does not apply");
  expect_refused (lajna_decision_record (db, marriage_item, "reject", NULL, "", NULL, NULL,
                                         &error) != 0, &error, "must give its reasons");
  expect_refused (lajna_decision_record (db, marriage_item, "defer", NULL, "", NULL, NULL,
                                         &error) != 0, &error, "name the documents");
  expect_refused (lajna_decision_record (db, juvenile_item, "continue", NULL, "", NULL, NULL,
                                         &error) != 0, &error, "next review");
  expect_refused (lajna_decision_record (db, juvenile_item, "continue", NULL, "", NULL,
                                         "2031-08-02", &error) != 0, &error, "next review");
  expect_refused (lajna_decision_record (db, juvenile_item, "modify_programme",
                                         (const char *[]) { "guardian_fit", NULL }, "", NULL,
                                         "2031-11-02", &error) != 0, &error, "does not go with");
  expect_ok (lajna_decision_record (db, juvenile_item, "modify_programme",
                                    (const char *[]) { "programme_review", NULL }, "تعديل البرنامج",
                                    NULL, "2031-11-02", &error) != 0, error);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", juvenile_case),
                    "decided");
  ck_assert_str_eq (query_text (db, "SELECT next_review_on::text FROM juvenile_case"
                                    " WHERE case_id = $1", juvenile_case), "2031-11-02");
  /* A release closes the file: no review date needed. */
  expect_ok (lajna_decision_record (db, juvenile_item, "release_to_guardian", NULL, "", NULL, NULL,
                                    &error) != 0, error);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM decision WHERE case_id = $1", text), 1);
}
END_TEST

START_TEST (test_deferred_returns)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 item;
  g_autoptr(GError) error = NULL;
  gint64 file;
  g_autofree char *sql = NULL;

  sitting_with_item (db, "mtm", "marriage", "2031-09-01", &item);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  expect_ok (lajna_decision_record (db, item, "defer", NULL, "تستكمل المستندات",
                                    (const char *[]) { "police_clearance", "medical_certificate",
                                                       NULL }, NULL, &error) != 0, error);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", file), "deferred");

  /* One of the two arrives: still deferred. */
  sql = g_strdup_printf ("INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256,"
                         " source, issued_on) VALUES (" ID ", 'police_clearance', 'application/pdf',"
                         " 0, sha256('new police " ID "'), 'scan', current_date)", file, file);
  expect_ok (lajna_db_run (db, sql, &error), error);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", file), "deferred");
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256,"
                         " source, issued_on) VALUES (" ID ", 'medical_certificate',"
                         " 'application/pdf', 0, sha256('new medical " ID "'), 'scan', current_date)",
                         file, file);
  expect_ok (lajna_db_run (db, sql, &error), error);
  /* Both in: waiting for a meeting again, by itself. */
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", file), "complete");
  ck_assert_str_eq (query_text (db, "SELECT string_agg(to_status, ',' ORDER BY id)"
                                    "  FROM case_history WHERE case_id = $1", file),
                    "scheduled,deferred,documents_pending,complete");
}
END_TEST

START_TEST (test_review_falls_due)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 item;
  g_autoptr(GError) error = NULL;
  gint64 file, before, after;
  g_autoptr(GPtrArray) proposals = NULL;
  gboolean proposed = FALSE;

  sitting_with_item (db, "mtj", "juvenile", "2031-10-01", &item);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  expect_ok (lajna_decision_record (db, item, "continue", NULL, "", NULL, "2032-01-10", &error) != 0,
             error);
  before = new_meeting (db, "mtj", "2032-01-05");
  after = new_meeting (db, "mtj", "2032-01-12");

  /* Not due for a meeting before the day; due for one after it. */
  proposals = lajna_agenda_proposals (db, before, &error);
  expect_ok (proposals != NULL, error);
  for (guint i = 0; i < proposals->len; i++)
    ck_assert (((LajnaAgendaProposal *) g_ptr_array_index (proposals, i))->case_id != file);
  g_ptr_array_unref (proposals);
  proposals = lajna_agenda_proposals (db, after, &error);
  for (guint i = 0; i < proposals->len; i++)
    {
      LajnaAgendaProposal *proposal = g_ptr_array_index (proposals, i);

      if (proposal->case_id == file)
        {
          proposed = TRUE;
          ck_assert_str_eq (proposal->reason, "review_due");
        }
    }
  ck_assert (proposed);

  /* The scheduler, on the test's clock. */
  ck_assert_int_ge (lajna_reviews_fall_due (db, "2032-01-09", &error), 0);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", file), "decided");
  ck_assert_int_ge (lajna_reviews_fall_due (db, "2032-01-10", &error), 1);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", file), "complete");
  expect_ok (lajna_agenda_add (db, after, file, &error) != 0, error);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", file), "scheduled");
}
END_TEST

START_TEST (test_agenda_order)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 meeting = new_meeting (db, "mtm", "2031-11-01");
  g_autoptr(GError) error = NULL;
  gint64 items[3];
  g_autofree char *text = g_strdup_printf (ID, meeting);
  const char *order = "SELECT string_agg(id::text, ',' ORDER BY position) FROM agenda_item"
                      " WHERE meeting_id = $1";
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  gint64 removed_file;

  for (guint i = 0; i < 3; i++)
    {
      items[i] = lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error);
      expect_ok (items[i] != 0, error);
    }
  expect_ok (lajna_agenda_move (db, items[2], 1, &error), error);
  expected = g_strdup_printf (ID "," ID "," ID, items[2], items[0], items[1]);
  got = query_text (db, order, meeting);
  ck_assert_str_eq (got, expected);

  removed_file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", items[0]);
  expect_ok (lajna_agenda_remove (db, items[0], &error), error);
  g_free (expected);
  g_free (got);
  expected = g_strdup_printf (ID "," ID, items[2], items[1]);
  got = query_text (db, order, meeting);
  ck_assert_str_eq (got, expected);
  ck_assert_int_eq (query_int (db, "SELECT max(position) FROM agenda_item WHERE meeting_id = $1",
                               text), 2);
  ck_assert_str_eq (query_text (db, "SELECT status FROM case_file WHERE id = $1", removed_file),
                    "complete");

  /* An item voted on stays. */
  mark_present (db, meeting, "mtm", (const char *[]) { "chair", "m1", "m2", NULL });
  expect_ok (lajna_meeting_set_state (db, meeting, "convened", FALSE, &error), error);
  expect_ok (lajna_vote_cast (db, items[1], member (db, "mtm", "m1"), "approve", "", &error) != 0,
             error);
  expect_refused (lajna_agenda_remove (db, items[1], &error), &error, "stays on the agenda");
  /* Closing sends the undecided files back to wait. */
  expect_ok (lajna_meeting_set_state (db, meeting, "closed", FALSE, &error), error);
  ck_assert_str_eq (query_text (db, "SELECT c.status FROM agenda_item i JOIN case_file c"
                                    " ON c.id = i.case_id WHERE i.id = $1", items[2]), "complete");
}
END_TEST

/* Who may enter a vote: the member, or the meeting's secretary for them;
 * nobody of another committee sees the meeting. */
START_TEST (test_who_votes)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 item, meeting, vote;
  g_autofree char *sql = NULL;
  const LajnaVote *entered;

  expect_ok (lajna_db_run (db, "SET ROLE \"mtm.clerk\"", &error), error);
  meeting = sitting_with_item (db, "mtm", "marriage", "2031-12-01", &item);
  /* The clerk who prepared it is its secretary, and enters a vote for m1. */
  vote = lajna_vote_cast (db, item, member (db, "mtm", "m1"), "approve", "", &error);
  expect_ok (vote != 0, error);
  ck_assert_str_eq (query_text (db, "SELECT entered_by FROM vote WHERE id = $1", vote),
                    "mtm.clerk");

  /* What each may do, as the meeting view reads it. */
  {
    g_autoptr(LajnaMeeting) as_clerk = lajna_meeting_load (db, meeting, TRUE, &error);

    expect_ok (as_clerk != NULL, error);
    ck_assert (as_clerk->can_manage && as_clerk->can_decide && as_clerk->votes_for_others);
    ck_assert_int_eq (as_clerk->reader_id, user_id (db, "mtm.clerk"));
    /* Who entered the vote reads as a person, not a login. */
    entered = lajna_agenda_item_vote_of (g_ptr_array_index (as_clerk->items, 0),
                                         member (db, "mtm", "m1"));
    ck_assert (entered != NULL);
    ck_assert_str_eq (entered->entered_by_name,
                      query_text (db, "SELECT full_name FROM app_user WHERE login = 'mtm.clerk'"
                                      " AND $1 = 0", 0));
  }
  expect_ok (lajna_db_run (db, "SET ROLE \"mtm.m2\"", &error), error);
  {
    g_autoptr(LajnaMeeting) as_member = lajna_meeting_load (db, meeting, TRUE, &error);

    expect_ok (as_member != NULL, error);
    ck_assert (!as_member->can_manage && !as_member->can_decide && !as_member->votes_for_others);
    ck_assert_int_eq (as_member->reader_id, member (db, "mtm", "m2"));
  }
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "m2"), "abstain", "", &error) != 0,
             error);
  expect_refused (lajna_vote_cast (db, item, member (db, "mtm", "chair"), "approve", "",
                                   &error) != 0, &error, "only your own vote");

  expect_ok (lajna_db_run (db, "SET ROLE \"mtj.m1\"", &error), error);
  sql = g_strdup_printf ("SELECT count(*) FROM meeting WHERE id = " ID, meeting);
  ck_assert_int_eq (query_int (db, sql, NULL), 0);
  ck_assert (lajna_meeting_load (db, meeting, TRUE, &error) == NULL);
  g_clear_error (&error);
  ck_assert (lajna_vote_cast (db, item, member (db, "mtj", "m1"), "approve", "", &error) == 0);
  g_clear_error (&error);
}
END_TEST

typedef struct
{
  LajnaMeetingWatch *watch;
  gint64             meeting;
  guint              heard;
} Listener;

static void
changed_cb (LajnaMeetingWatch *watch,
            gint64             meeting,
            gint64             seq,
            Listener          *listener)
{
  if (meeting == listener->meeting)
    listener->heard++;
}

static gboolean
caught_up (Listener *a,
           Listener *b,
           gint64    seq)
{
  return lajna_meeting_watch_get_seq (a->watch) >= seq
         && lajna_meeting_watch_get_seq (b->watch) >= seq
         && lajna_meeting_watch_get_connected (a->watch)
         && lajna_meeting_watch_get_connected (b->watch);
}

/* Runs the main loop until @a and @b have seen change @seq, or 10 s. */
static gboolean
wait_for_both (Listener *a,
               Listener *b,
               gint64    seq)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!caught_up (a, b, seq) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return caught_up (a, b, seq);
}

START_TEST (test_two_workstations)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 item, meeting;
  Listener a = { 0 }, b = { 0 };
  g_autofree char *pid = NULL;
  guint heard_before;

  meeting = sitting_with_item (db, "mtm", "marriage", "2032-02-01", &item);
  a.meeting = b.meeting = meeting;
  a.watch = lajna_meeting_watch_new (lajna_test_shared_database ());
  b.watch = lajna_meeting_watch_new (lajna_test_shared_database ());
  g_signal_connect (a.watch, "changed", G_CALLBACK (changed_cb), &a);
  g_signal_connect (b.watch, "changed", G_CALLBACK (changed_cb), &b);
  ck_assert (wait_for_both (&a, &b, 1));

  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "chair"), "approve", "", &error) != 0,
             error);
  ck_assert (wait_for_both (&a, &b, lajna_meeting_last_change (db, NULL)));
  ck_assert_uint_ge (a.heard, 1);
  ck_assert_uint_ge (b.heard, 1);

  /* B's connection is cut; changes happen while it is away. */
  heard_before = b.heard;
  pid = g_strdup_printf ("%d", lajna_meeting_watch_get_server_pid (b.watch));
  ck_assert_int_eq (query_int (db, "SELECT pg_terminate_backend($1::integer)::integer", pid), 1);
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "m1"), "approve", "", &error) != 0,
             error);
  expect_ok (lajna_meeting_set_attendance (db, meeting, member (db, "mtm", "m3"), "excused",
                                           &error), error);
  expect_ok (lajna_decision_record (db, item, "approve", NULL, "", NULL, NULL, &error) != 0, error);

  /* Both end at the last change, B on a new connection that listens. */
  ck_assert (wait_for_both (&a, &b, lajna_meeting_last_change (db, NULL)));
  ck_assert_uint_gt (b.heard, heard_before);
  ck_assert_int_ne (lajna_meeting_watch_get_server_pid (b.watch), (int) g_ascii_strtoll (pid, NULL, 10));
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "m2"), "abstain", "", &error) != 0,
             error);
  ck_assert (wait_for_both (&a, &b, lajna_meeting_last_change (db, NULL)));

  g_object_unref (a.watch);
  g_object_unref (b.watch);
}
END_TEST

START_TEST (test_votes_verdict)
{
  const LajnaVoteTally none = { 0, 0, 0 };
  const LajnaVoteTally approving = { 2, 1, 0 };
  const LajnaVoteTally rejecting = { 1, 2, 1 };
  const LajnaVoteTally even = { 1, 1, 1 };
  const LajnaVoteTally abstaining = { 0, 0, 3 };

  ck_assert_int_eq (lajna_vote_tally_verdict (&none, "approve"), LAJNA_VOTES_NONE);
  ck_assert_int_eq (lajna_vote_tally_verdict (&none, "continue"), LAJNA_VOTES_NONE);
  ck_assert_int_eq (lajna_vote_tally_verdict (&approving, "approve"), LAJNA_VOTES_AGREE);
  ck_assert_int_eq (lajna_vote_tally_verdict (&approving, "reject"), LAJNA_VOTES_AGAINST);
  ck_assert_int_eq (lajna_vote_tally_verdict (&rejecting, "approve"), LAJNA_VOTES_AGAINST);
  ck_assert_int_eq (lajna_vote_tally_verdict (&rejecting, "reject"), LAJNA_VOTES_AGREE);
  /* A deferral is not what was voted on. */
  ck_assert_int_eq (lajna_vote_tally_verdict (&rejecting, "defer"), LAJNA_VOTES_AGREE);
  ck_assert_int_eq (lajna_vote_tally_verdict (&even, "approve"), LAJNA_VOTES_AGREE);
  ck_assert_int_eq (lajna_vote_tally_verdict (&even, "reject"), LAJNA_VOTES_AGREE);
  ck_assert_int_eq (lajna_vote_tally_verdict (&abstaining, "approve"), LAJNA_VOTES_AGREE);
}
END_TEST

/* The votes in force are counted, a corrected one not; the item under
 * discussion is the first not decided. */
START_TEST (test_tally_and_discussion)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaMeeting) before = NULL;
  g_autoptr(LajnaMeeting) after = NULL;
  gint64 item, second, meeting;
  LajnaVoteTally tally;

  meeting = sitting_with_item (db, "mtm", "marriage", "2032-03-01", &item);
  second = lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error);
  expect_ok (second != 0, error);
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "chair"), "approve", "", &error) != 0,
             error);
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "m1"), "reject", "سبب", &error) != 0,
             error);
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "m2"), "abstain", "", &error) != 0,
             error);
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "m2"), "reject", "آخر", &error) != 0,
             error);
  before = lajna_meeting_load (db, meeting, TRUE, &error);
  expect_ok (before != NULL, error);
  tally = lajna_agenda_item_tally (g_ptr_array_index (before->items, 0));
  ck_assert_int_eq (tally.approve, 1);
  ck_assert_int_eq (tally.reject, 2);
  ck_assert_int_eq (tally.abstain, 0);
  ck_assert_uint_eq (lajna_meeting_under_discussion (before), 0);

  expect_ok (lajna_decision_record (db, item, "reject", NULL, "سبب", NULL, NULL, &error) != 0,
             error);
  after = lajna_meeting_load (db, meeting, TRUE, &error);
  expect_ok (after != NULL, error);
  ck_assert_uint_eq (lajna_meeting_under_discussion (after), 1);
  expect_ok (lajna_decision_record (db, second, "approve", NULL, "", NULL, NULL, &error) != 0,
             error);
  g_clear_pointer (&after, lajna_meeting_free);
  after = lajna_meeting_load (db, meeting, TRUE, &error);
  expect_ok (after != NULL, error);
  ck_assert_uint_eq (lajna_meeting_under_discussion (after), 2);
}
END_TEST

typedef struct
{
  gint64 case_id;
  guint  heard;
} CaseListener;

static void
case_changed_cb (LajnaMeetingWatch *watch,
                 gint64             case_id,
                 gint64             seq,
                 CaseListener      *listener)
{
  if (case_id == listener->case_id)
    listener->heard++;
}

/* Runs the main loop until @heard passes @than, or 10 s. */
static gboolean
wait_heard (guint *heard,
            guint  than)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*heard <= than && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return *heard > than;
}

/* A document attached elsewhere reaches the meetings whose agenda holds
 * its file, and the file's own followers; so does its status moving on. */
START_TEST (test_file_changes_announced)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaMeetingWatch) watch = lajna_meeting_watch_new (lajna_test_shared_database ());
  g_autofree char *text = NULL;
  Listener meeting = { 0 };
  CaseListener file = { 0 };
  gint64 item;
  guint heard;

  meeting.meeting = sitting_with_item (db, "mtm", "marriage", "2032-04-01", &item);
  file.case_id = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  text = g_strdup_printf (ID, file.case_id);
  g_signal_connect (watch, "changed", G_CALLBACK (changed_cb), &meeting);
  g_signal_connect (watch, "case-changed", G_CALLBACK (case_changed_cb), &file);
  /* Changes before the watch first read the sequences are not news. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !lajna_meeting_watch_get_connected (watch) && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  ck_assert (lajna_meeting_watch_get_connected (watch));

  query_int (db, "WITH added AS (INSERT INTO document (case_id, type_code, mime_type, byte_size,"
                 "                                     sha256, source, issued_on)"
                 " VALUES ($1, 'other', 'application/pdf', 1, sha256('elsewhere'), 'import',"
                 "         current_date) RETURNING 1) SELECT count(*) FROM added", text);
  ck_assert (wait_heard (&meeting.heard, 0));
  ck_assert (wait_heard (&file.heard, 0));

  heard = file.heard;
  expect_ok (lajna_decision_record (db, item, "approve", NULL, "", NULL, NULL, &error) != 0, error);
  ck_assert (wait_heard (&file.heard, heard));
}
END_TEST

/* What a poppler-utils tool prints about @path. */

static Suite *
meetings_suite (void)
{
  Suite *suite = suite_create ("meeting");
  TCase *rules = tcase_create ("rules");

  tcase_add_unchecked_fixture (rules, setup_committees, lajna_test_shared_stop);
  tcase_add_test (rules, test_numbers);
  tcase_add_test (rules, test_secretary);
  tcase_add_test (rules, test_quorum_rules);
  tcase_add_test (rules, test_vote_needs_quorum);
  tcase_add_test (rules, test_closed_is_locked);
  tcase_add_test (rules, test_meeting_day);
  tcase_add_test (rules, test_meeting_day_new_year);
  tcase_add_test (rules, test_outcomes);
  tcase_add_test (rules, test_deferred_returns);
  tcase_add_test (rules, test_review_falls_due);
  tcase_add_test (rules, test_agenda_order);
  tcase_add_test (rules, test_who_votes);
  tcase_add_test (rules, test_two_workstations);
  tcase_add_test (rules, test_votes_verdict);
  tcase_add_test (rules, test_tally_and_discussion);
  tcase_add_test (rules, test_file_changes_announced);
  suite_add_tcase (suite, rules);
  return suite;
}

int
main (void)
{
  return lajna_test_run (meetings_suite ());
}
