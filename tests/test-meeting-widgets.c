/* test-meeting-widgets.c: the agenda item's row, the decision dialog and
 * the presenter view follow their state: the row of a sitting meeting
 * offers to record the decision and to move the item, that of a closed
 * one to correct the decision and not to move it, and the member's votes
 * sit between the documents and the decision; the dialog's title, its
 * record button and what it asks follow the outcome chosen, whether a
 * decision is corrected or being recorded, and the database's refusal;
 * the presenter view follows the meeting it is given. Runs under Xvfb on
 * the demo's meetings. */

#include <check.h>
#include <string.h>

#include "lajna-test-util.h"
#include "lajna-test-widgets.h"
#include "meetings/lajna-agenda-item-row.h"
#include "meetings/lajna-decision-dialog.h"
#include "meetings/lajna-presenter-window.h"

static gboolean
loaded_cb (gpointer data)
{
  return lajna_meeting_session_get_meeting (data) != NULL;
}

/* A session on the demo's meeting that @sql finds, once read. */
static LajnaMeetingSession *
session_of (LajnaDbWorker     *worker,
            LajnaMeetingWatch *watch,
            const char        *sql)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *id = lajna_test_value (db, sql);
  LajnaMeetingSession *session;

  ck_assert_msg (*id != '\0', "no meeting for %s", sql);
  session = lajna_meeting_session_new (worker, watch, g_ascii_strtoll (id, NULL, 10));
  lajna_test_wait_for (loaded_cb, session, "the meeting read");
  return session;
}

static const LajnaAgendaItem *
first_item (LajnaMeetingSession *session)
{
  const LajnaMeeting *meeting = lajna_meeting_session_get_meeting (session);

  ck_assert_msg (meeting->items->len > 0, "a meeting without items");
  return g_ptr_array_index (meeting->items, 0);
}

/* The titles of the rows under @row, in order, as one line. */
static char *
row_titles (GtkWidget *row)
{
  GtkWidget *decision = lajna_test_template_child (row, LAJNA_TYPE_AGENDA_ITEM_ROW,
                                                   "decision_row");
  GtkWidget *list = gtk_widget_get_parent (decision);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (titles->len > 0)
        g_string_append (titles, " | ");
      if (ADW_IS_PREFERENCES_ROW (child))
        g_string_append (titles, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
      else
        g_string_append (titles, G_OBJECT_TYPE_NAME (gtk_list_box_row_get_child (
                                   GTK_LIST_BOX_ROW (child))));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static const char *
button_label (GtkWidget  *row,
              const char *name)
{
  return gtk_button_get_label (GTK_BUTTON (lajna_test_template_child (
      row, LAJNA_TYPE_AGENDA_ITEM_ROW, name)));
}

/* The row of the item's place on the agenda, its buttons' row. */
static GtkWidget *
place_row (GtkWidget *row)
{
  return gtk_widget_get_ancestor (lajna_test_template_child (row, LAJNA_TYPE_AGENDA_ITEM_ROW,
                                                             "earlier_button"),
                                  ADW_TYPE_ACTION_ROW);
}

START_TEST (test_agenda_item_row_follows_the_meeting)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(LajnaMeetingWatch) watch = NULL;
  g_autoptr(LajnaMeetingSession) sitting = NULL;
  g_autoptr(LajnaMeetingSession) closed = NULL;
  const LajnaMeeting *meeting;
  const LajnaAgendaItem *item;
  GtkWidget *row, *decide, *place;
  g_autofree char *titles = NULL;
  g_autofree char *expected = NULL;
  guint voters = 0;

  lajna_test_widgets_init ("en");
  worker = lajna_test_shared_worker ();
  watch = lajna_meeting_watch_new (lajna_db_worker_get_database (worker));

  /* A meeting sitting: the decision is recorded, the item moved. */
  sitting = session_of (worker, watch,
                        "SELECT coalesce(min(m.id)::text, '') FROM meeting m"
                        " WHERE m.state = 'convened'"
                        "   AND EXISTS (SELECT FROM agenda_item i WHERE i.meeting_id = m.id)");
  meeting = lajna_meeting_session_get_meeting (sitting);
  item = first_item (sitting);
  row = g_object_ref_sink (lajna_agenda_item_row_new (sitting, meeting, item));
  decide = lajna_test_template_child (row, LAJNA_TYPE_AGENDA_ITEM_ROW, "decide_button");
  place = place_row (row);
  ck_assert_str_eq (button_label (row, "decide_button"), "_Record the Decision…");
  ck_assert (gtk_widget_get_sensitive (decide) == meeting->can_decide);
  ck_assert (gtk_widget_get_visible (place) == meeting->can_manage);
  ck_assert (!gtk_widget_get_sensitive (lajna_test_template_child (
      row, LAJNA_TYPE_AGENDA_ITEM_ROW, "earlier_button")));

  /* The votes between the documents and the decision. */
  expected = g_strdup ("Checklist | LajnaDocumentList");
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      const LajnaAttendee *a = g_ptr_array_index (meeting->attendees, i);

      if (lajna_meeting_is_voter (a) && g_strcmp0 (a->status, "present") == 0)
        {
          g_autofree char *before = g_steal_pointer (&expected);

          expected = g_strdup_printf ("%s | %s", before, a->full_name);
          voters++;
        }
    }
  {
    g_autofree char *before = g_steal_pointer (&expected);

    expected = g_strdup_printf ("%s | Decision%s", before,
                                meeting->can_manage ? " | Place on the Agenda" : "");
  }
  titles = row_titles (row);
  ck_assert_msg (voters > 0, "nobody present to vote");
  ck_assert_str_eq (titles, expected);

  /* What the row offers follows its properties. */
  g_object_set (row, "closed", TRUE, "can-decide", FALSE, "can-arrange", FALSE, NULL);
  ck_assert_str_eq (button_label (row, "decide_button"), "C_orrect the Decision…");
  ck_assert (!gtk_widget_get_sensitive (decide));
  ck_assert (!gtk_widget_get_visible (place));
  g_object_unref (row);

  /* A closed meeting: the decision is corrected, the item stays. */
  closed = session_of (worker, watch,
                       "SELECT coalesce(min(m.id)::text, '') FROM meeting m"
                       " WHERE m.state = 'closed'"
                       "   AND EXISTS (SELECT FROM agenda_item i JOIN decision d"
                       "                 ON d.agenda_item_id = i.id WHERE i.meeting_id = m.id)");
  meeting = lajna_meeting_session_get_meeting (closed);
  item = first_item (closed);
  row = g_object_ref_sink (lajna_agenda_item_row_new (closed, meeting, item));
  decide = lajna_test_template_child (row, LAJNA_TYPE_AGENDA_ITEM_ROW, "decide_button");
  place = place_row (row);
  ck_assert_str_eq (button_label (row, "decide_button"), "C_orrect the Decision…");
  ck_assert (gtk_widget_get_sensitive (decide) == meeting->can_decide);
  ck_assert (!gtk_widget_get_visible (place));
  g_object_unref (row);
}
END_TEST

static gboolean
outcomes_cb (gpointer data)
{
  GtkWidget *group = lajna_test_template_child (data, LAJNA_TYPE_DECISION_DIALOG,
                                                "outcome_group");
  g_autoptr(GPtrArray) checks = lajna_test_find_all (group, GTK_TYPE_CHECK_BUTTON);

  return checks->len > 0;
}

static gboolean
visible (gpointer    dialog,
         const char *name)
{
  return gtk_widget_get_visible (lajna_test_template_child (dialog, LAJNA_TYPE_DECISION_DIALOG,
                                                            name));
}

static guint
coded_reasons (gpointer dialog)
{
  GtkWidget *group = lajna_test_template_child (dialog, LAJNA_TYPE_DECISION_DIALOG,
                                                "reasons_group");
  g_autoptr(GPtrArray) checks = lajna_test_find_all (group, GTK_TYPE_CHECK_BUTTON);

  return checks->len;
}

START_TEST (test_decision_dialog_follows_its_state)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(LajnaMeetingWatch) watch = NULL;
  g_autoptr(LajnaMeetingSession) session = NULL;
  const LajnaMeeting *meeting;
  GtkWidget *parent, *record, *error;
  LajnaDecisionDialog *dialog;
  g_autoptr(GPtrArray) checks = NULL;

  lajna_test_widgets_init ("en");
  worker = lajna_test_shared_worker ();
  watch = lajna_meeting_watch_new (lajna_db_worker_get_database (worker));
  session = session_of (worker, watch,
                        "SELECT coalesce(min(m.id)::text, '') FROM meeting m"
                        " JOIN committee k ON k.id = m.committee_id"
                        " WHERE m.state = 'convened' AND k.kind = 'marriage'"
                        "   AND EXISTS (SELECT FROM agenda_item i WHERE i.meeting_id = m.id)");
  meeting = lajna_meeting_session_get_meeting (session);
  parent = gtk_label_new (NULL);
  g_object_ref_sink (parent);
  dialog = lajna_decision_dialog_new (parent, session, first_item (session), 0, meeting->held_on);
  record = lajna_test_template_child (dialog, LAJNA_TYPE_DECISION_DIALOG, "record_button");
  error = lajna_test_template_child (dialog, LAJNA_TYPE_DECISION_DIALOG, "error_label");

  /* A new decision: no reason for a correction, nothing to record yet. */
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Record the Decision");
  ck_assert (!visible (dialog, "why_entry"));
  ck_assert (!visible (dialog, "error_label"));
  ck_assert (!gtk_widget_get_sensitive (record));
  lajna_test_wait_for (outcomes_cb, dialog, "the outcomes");
  ck_assert (!gtk_widget_get_sensitive (record));

  /* An outcome chosen by its check button is the dialog's outcome. */
  checks = lajna_test_find_all (lajna_test_template_child (dialog, LAJNA_TYPE_DECISION_DIALOG,
                                                           "outcome_group"),
                                GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  {
    g_autofree char *outcome = NULL;

    g_object_get (dialog, "outcome", &outcome, NULL);
    ck_assert_msg (outcome != NULL, "no outcome after a check button was ticked");
  }
  ck_assert (gtk_widget_get_sensitive (record));

  /* A rejection shows its five coded reasons; a deferral names the
   * documents still missing; after neither does a marriage file stay
   * open for a review. Set as a property, the outcome is ticked. */
  g_object_set (dialog, "outcome", "reject", NULL);
  ck_assert_uint_eq (coded_reasons (dialog), 5);
  ck_assert (visible (dialog, "reasons_group"));
  ck_assert (!visible (dialog, "missing_group"));
  g_object_set (dialog, "outcome", "defer", NULL);
  ck_assert (visible (dialog, "missing_group"));
  ck_assert (!visible (dialog, "review_entry"));
  g_object_set (dialog, "outcome", "approve", NULL);
  ck_assert_uint_eq (coded_reasons (dialog), 1);
  ck_assert (!visible (dialog, "missing_group"));
  for (guint i = 0; i < checks->len; i++)
    ck_assert (gtk_check_button_get_active (g_ptr_array_index (checks, i)) == (i == 0));

  /* Being recorded, then refused. */
  g_object_set (dialog, "busy", TRUE, NULL);
  ck_assert (!gtk_widget_get_sensitive (record));
  g_object_set (dialog, "busy", FALSE, "error", "The meeting has no quorum.", NULL);
  ck_assert (gtk_widget_get_sensitive (record));
  ck_assert (gtk_widget_get_visible (error));
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (error)), "The meeting has no quorum.");
  g_object_set (dialog, "error", NULL, NULL);
  ck_assert (!gtk_widget_get_visible (error));

  /* A correction asks its reason. */
  g_object_set (dialog, "decision-id", (gint64) 1, NULL);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Correct the Decision");
  ck_assert (visible (dialog, "why_entry"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (parent);
}
END_TEST

static gboolean
shown_cb (gpointer data)
{
  GtkWidget *heading = lajna_test_template_child (data, LAJNA_TYPE_PRESENTER_WINDOW, "heading");

  return *gtk_label_get_text (GTK_LABEL (heading)) != '\0';
}

START_TEST (test_presenter_follows_its_session)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(LajnaMeetingWatch) watch = NULL;
  g_autoptr(LajnaMeetingSession) session = NULL;
  LajnaPresenterWindow *presenter;
  GtkWidget *position;
  g_autofree char *expected = NULL;

  lajna_test_widgets_init ("en");
  worker = lajna_test_shared_worker ();
  watch = lajna_meeting_watch_new (lajna_db_worker_get_database (worker));
  session = session_of (worker, watch,
                        "SELECT coalesce(min(m.id)::text, '') FROM meeting m"
                        " WHERE m.state = 'closed'"
                        "   AND EXISTS (SELECT FROM agenda_item i WHERE i.meeting_id = m.id)");
  presenter = lajna_presenter_window_new (NULL, session);
  g_object_ref_sink (presenter);
  lajna_test_wait_for (shown_cb, presenter, "the presenter's heading");
  position = lajna_test_template_child (presenter, LAJNA_TYPE_PRESENTER_WINDOW, "position");
  expected = g_strdup_printf ("Item 1 of %u",
                              lajna_meeting_session_get_meeting (session)->items->len);
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (position)), expected);

  g_object_set (presenter, "session", NULL, NULL);
  ck_assert (g_signal_handler_find (session, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, presenter)
             == 0);
  gtk_window_destroy (GTK_WINDOW (presenter));
  g_object_unref (presenter);
}
END_TEST

static Suite *
meeting_widgets_suite (void)
{
  Suite *suite = suite_create ("meeting-widgets");
  TCase *tc = tcase_create ("/meeting-widgets");

  tcase_add_unchecked_fixture (tc, lajna_test_demo_start, lajna_test_shared_stop);
  tcase_add_test (tc, test_agenda_item_row_follows_the_meeting);
  tcase_add_test (tc, test_decision_dialog_follows_its_state);
  tcase_add_test (tc, test_presenter_follows_its_session);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (meeting_widgets_suite ());
}
