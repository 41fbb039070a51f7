/* lajna-meeting-view.c: a meeting, as the clerk and the members work on
 * it: its facts and state, the quorum as it stands, who is present, and
 * the agenda (LajnaAgendaItemRow). Everything shown comes from the
 * session's latest snapshot and is built again when a new one arrives, so
 * that a vote cast on another workstation appears here as soon as the
 * watch reports it; rows that were open stay open, and the view keeps its
 * place. Attendance is set with three buttons per person; once the
 * meeting is closed, changing it asks the reason of the correction. A
 * meeting dated another day is convened or closed today only once the
 * clerk agrees to change its date. */

#include "lajna-meeting-view.h"

#include <glib/gi18n.h>

#include "lajna-agenda-item-row.h"
#include "lajna-agenda-proposals.h"
#include "lajna-labels.h"
#include "lajna-meeting-text.h"
#include "lajna-reason-dialog.h"
#include "lajna-text.h"

struct _LajnaMeetingView
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scroller;
  GtkLabel            *facts_label;
  GtkWidget           *convene_button;
  GtkWidget           *close_button;
  GtkLabel            *quorum_label;
  AdwPreferencesGroup *attendance_group;
  AdwPreferencesGroup *agenda_group;
  GtkWidget           *add_button;

  LajnaMeetingSession *session;
  GPtrArray           *rows;
  GHashTable          *expanded;
  /* Whether the person opened or closed an item; until then the first
   * item not decided, the one under discussion, is open. */
  gboolean             chosen;
};

G_DEFINE_FINAL_TYPE (LajnaMeetingView, lajna_meeting_view, GTK_TYPE_WIDGET)

enum
{
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const statuses[] = { "present", "absent", "excused" };

static void
run_state (LajnaMeetingView *self,
           const char       *state,
           gboolean          change_date)
{
  LajnaMeetingAct *act;

  if (self->session == NULL)
    return;
  act = lajna_meeting_act_new (LAJNA_MEETING_ACT_STATE);
  act->word = g_strdup (state);
  act->change_date = change_date;
  lajna_meeting_session_run (self->session, act);
}

static void
state_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LajnaMeetingView *self)
{
  const char *state = g_object_get_data (G_OBJECT (dialog), "state");

  if (g_strcmp0 (response, "state") == 0 || g_strcmp0 (response, "change-date") == 0)
    run_state (self, state, g_strcmp0 (response, "change-date") == 0);
}

/* Asks the clerk before the meeting goes to @state: closing is final, and
 * a meeting dated another day is convened or closed only moved to today.
 * Convening on the meeting's day asks nothing. */
static void
ask_state (LajnaMeetingView *self,
           const char       *state)
{
  const LajnaMeeting *meeting = self->session != NULL
                                 ? lajna_meeting_session_get_meeting (self->session) : NULL;
  gboolean closing = g_strcmp0 (state, "closed") == 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean other_day = meeting != NULL && g_strcmp0 (meeting->held_on, today) != 0;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (meeting == NULL)
    return;
  if (!closing && !other_day)
    {
      run_state (self, state, FALSE);
      return;
    }
  if (closing)
    g_string_append (body, _("Its attendance, votes and decisions become final: a later change "
                             "is recorded as a correction, with its reason. Files not decided go "
                             "back to wait for the next meeting."));
  if (other_day)
    {
      g_autofree char *dated = lajna_isolate (meeting->held_on);
      g_autofree char *moved = lajna_isolate (today);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      /* Translators: the meeting's date, then today's. */
      g_string_append_printf (body, _("The meeting is dated %s. A meeting is convened and closed "
                                      "on its own day: doing it today changes its date, and its "
                                      "decisions’, to %s, and the change is recorded."),
                              dated, moved);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   closing ? _("Close the Meeting?")
                                           : _("Convene the Meeting Today?"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (other_day)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "change-date",
                                     closing ? _("Change the Date and C_lose")
                                             : _("Change the Date and _Convene"));
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "state",
                                     _("C_lose the Meeting"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              other_day ? "change-date" : "state",
                                              closing ? ADW_RESPONSE_DESTRUCTIVE
                                                      : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "state", g_strdup (state), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (state_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
convene_cb (LajnaMeetingView *self)
{
  ask_state (self, "convened");
}

static void
close_cb (LajnaMeetingView *self)
{
  ask_state (self, "closed");
}

static void
add_files_cb (LajnaMeetingView *self)
{
  GtkWidget *dialog = lajna_agenda_proposals_new (GTK_WIDGET (self), self->session);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_cb (LajnaMeetingView *self)
{
  if (self->session != NULL)
    lajna_meeting_session_reload (self->session);
}

typedef struct
{
  LajnaMeetingView *view;
  int               user_id;
  char             *status;
} AttendanceAsked;

static void
attendance_asked_free (AttendanceAsked *asked)
{
  g_object_unref (asked->view);
  g_free (asked->status);
  g_free (asked);
}

static void
correction_given_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AttendanceAsked *asked = user_data;
  g_autofree char *why = lajna_reason_dialog_ask_finish (result, NULL);

  if (why != NULL)
    {
      LajnaMeetingAct *act = lajna_meeting_act_new (LAJNA_MEETING_ACT_CORRECT_ATTENDANCE);

      act->user_id = asked->user_id;
      act->word = g_strdup (asked->status);
      act->why = g_steal_pointer (&why);
      lajna_meeting_session_run (asked->view->session, act);
    }
  else
    lajna_meeting_session_reload (asked->view->session);
  attendance_asked_free (asked);
}

static void
status_toggled_cb (GtkToggleButton  *button,
                   LajnaMeetingView *self)
{
  const LajnaMeeting *meeting = lajna_meeting_session_get_meeting (self->session);
  AttendanceAsked *asked;
  LajnaMeetingAct *act;

  if (!gtk_toggle_button_get_active (button) || meeting == NULL)
    return;
  asked = g_new0 (AttendanceAsked, 1);
  asked->view = g_object_ref (self);
  asked->user_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "user"));
  asked->status = g_strdup (g_object_get_data (G_OBJECT (button), "status"));
  if (g_strcmp0 (meeting->state, "closed") == 0)
    {
      lajna_reason_dialog_ask_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     _("Why Is the Attendance Corrected?"),
                                     _("The meeting is closed. The correction is kept beside what "
                                       "it corrects, with its reason."),
                                     _("_Correct the Attendance"), NULL, correction_given_cb,
                                     asked);
      return;
    }
  act = lajna_meeting_act_new (LAJNA_MEETING_ACT_ATTENDANCE);
  act->user_id = asked->user_id;
  act->word = g_strdup (asked->status);
  lajna_meeting_session_run (self->session, act);
  attendance_asked_free (asked);
}

static GtkWidget *
new_attendance_row (LajnaMeetingView    *self,
                    const LajnaMeeting  *meeting,
                    const LajnaAttendee *attendee)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;
  static const char *labels[] = { N_("Present"), N_("Absent"), N_("Excused") };
  g_autoptr(GString) subtitle = g_string_new (lajna_label_for (attendee->role));

  if (attendee->was_status != NULL)
    g_string_append_printf (subtitle, " · %s %s (%s)", _("Corrected after closing:"),
                            attendee->correction_reason, lajna_label_for (attendee->was_status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attendee->full_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Only those who prepare the meeting mark who is there. */
  gtk_widget_set_sensitive (box, meeting->can_manage);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[i]));

      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    g_strcmp0 (attendee->status, statuses[i]) == 0);
      g_object_set_data (G_OBJECT (button), "user", GINT_TO_POINTER (attendee->user_id));
      g_object_set_data (G_OBJECT (button), "status", (gpointer) statuses[i]);
      g_signal_connect (button, "toggled", G_CALLBACK (status_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static char *
describe_quorum (const LajnaMeeting *meeting)
{
  const LajnaQuorum *q = &meeting->quorum;
  g_autofree char *present = g_strdup_printf ("%d", q->present);
  g_autofree char *members = g_strdup_printf ("%d", q->members);
  g_autofree char *needed = g_strdup_printf ("%d", q->needed);
  /* Translators: the quorum of a meeting: members present, members, needed. */
  g_autofree char *counts = g_strdup_printf (ngettext ("%s of %s member present, %s needed",
                                                       "%s of %s members present, %s needed",
                                                       q->members),
                                             present, members, needed);

  if (q->met)
    return g_strdup_printf (_("Quorum met: %s."), counts);
  if (meeting->quorum_needs_chair && !q->chair_present && q->present >= q->needed)
    return g_strdup_printf (_("No quorum: %s, but the chair is not present."), counts);
  return g_strdup_printf (_("No quorum: %s. No vote or decision can be recorded."), counts);
}

static void
remember_expanded (LajnaMeetingView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (LAJNA_IS_AGENDA_ITEM_ROW (row))
        {
          gint64 id = lajna_agenda_item_row_get_item_id (LAJNA_AGENDA_ITEM_ROW (row));

          if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
            g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
          else
            g_hash_table_remove (self->expanded, &id);
          adw_preferences_group_remove (self->agenda_group, row);
        }
      else
        adw_preferences_group_remove (self->attendance_group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
item_toggled_cb (LajnaMeetingView *self)
{
  self->chosen = TRUE;
}

/* The meeting's day, and its hour when it has one. */
static char *
describe_when (const LajnaMeeting *meeting)
{
  g_autofree char *day = lajna_isolate (meeting->held_on);
  g_autofree char *hour = NULL;

  if (meeting->starts_at == NULL || *meeting->starts_at == '\0')
    return g_steal_pointer (&day);
  hour = lajna_isolate (meeting->starts_at);
  return g_strconcat (day, " ", hour, NULL);
}

static void
show_meeting (LajnaMeetingView   *self,
              const LajnaMeeting *meeting)
{
  g_autofree char *title = lajna_meeting_title (meeting);
  g_autofree char *when = describe_when (meeting);
  g_autofree char *facts = NULL;
  g_autofree char *quorum = describe_quorum (meeting);
  gboolean closed = g_strcmp0 (meeting->state, "closed") == 0;
  guint current;
  double scrolled = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  g_autofree char *directed = NULL;

  if (meeting->place != NULL && *meeting->place != '\0')
    facts = g_strdup_printf ("%s — %s\n%s · %s · %s", title, meeting->committee_name, when,
                             meeting->place, lajna_label_for (meeting->state));
  else
    facts = g_strdup_printf ("%s — %s\n%s · %s", title, meeting->committee_name, when,
                             lajna_label_for (meeting->state));
  directed = lajna_text_directed (GTK_WIDGET (self), facts);

  gtk_label_set_text (self->facts_label, directed);
  gtk_widget_set_visible (self->convene_button,
                          meeting->can_manage && g_strcmp0 (meeting->state, "draft") == 0);
  gtk_widget_set_visible (self->close_button,
                          meeting->can_manage && g_strcmp0 (meeting->state, "convened") == 0);
  gtk_widget_set_sensitive (self->add_button, meeting->can_manage && !closed);
  gtk_label_set_text (self->quorum_label, quorum);
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->quorum_label), meeting->quorum.met ? "success"
                                                                                : "error");

  remember_expanded (self);
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      GtkWidget *row = new_attendance_row (self, meeting, g_ptr_array_index (meeting->attendees, i));

      adw_preferences_group_add (self->attendance_group, row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_set_description (self->agenda_group,
                                         meeting->items->len == 0
                                           ? _("No file on the agenda yet. Add files that are complete and waiting.")
                                           : NULL);
  current = self->chosen ? meeting->items->len : lajna_meeting_under_discussion (meeting);
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const LajnaAgendaItem *item = g_ptr_array_index (meeting->items, i);
      GtkWidget *row = lajna_agenda_item_row_new (self->session, meeting, item);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     i == current
                                     || g_hash_table_contains (self->expanded, &item->id));
      g_signal_connect_swapped (row, "notify::expanded", G_CALLBACK (item_toggled_cb), self);
      adw_preferences_group_add (self->agenda_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), scrolled);
  gtk_stack_set_visible_child_name (self->stack, "meeting");
}

static void
loaded_cb (LajnaMeetingView *self)
{
  show_meeting (self, lajna_meeting_session_get_meeting (self->session));
}

static void
failed_cb (LajnaMeetingView *self,
           const char       *message)
{
  if (lajna_meeting_session_get_meeting (self->session) == NULL)
    {
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
lajna_meeting_view_dispose (GObject *object)
{
  LajnaMeetingView *self = LAJNA_MEETING_VIEW (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_MEETING_VIEW);

  G_OBJECT_CLASS (lajna_meeting_view_parent_class)->dispose (object);
}

static void
lajna_meeting_view_finalize (GObject *object)
{
  LajnaMeetingView *self = LAJNA_MEETING_VIEW (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->expanded);

  G_OBJECT_CLASS (lajna_meeting_view_parent_class)->finalize (object);
}

static void
lajna_meeting_view_class_init (LajnaMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_meeting_view_dispose;
  object_class->finalize = lajna_meeting_view_finalize;

  /**
   * LajnaMeetingView::message:
   * @message: what the person should know, translated
   *
   * Something done was refused; the window shows it in a toast.
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/meetings/lajna-meeting-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, error_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, facts_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, convene_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, close_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingView, add_button);
  gtk_widget_class_bind_template_callback (widget_class, convene_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_files_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
}

static void
lajna_meeting_view_init (LajnaMeetingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * lajna_meeting_view_set_session:
 * @self: a #LajnaMeetingView
 * @session: (nullable): the meeting to show
 */
void
lajna_meeting_view_set_session (LajnaMeetingView    *self,
                                LajnaMeetingSession *session)
{
  g_return_if_fail (LAJNA_IS_MEETING_VIEW (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_hash_table_remove_all (self->expanded);
  self->chosen = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (session == NULL)
    return;
  g_signal_connect_swapped (session, "loaded", G_CALLBACK (loaded_cb), self);
  g_signal_connect_swapped (session, "failed", G_CALLBACK (failed_cb), self);
  if (lajna_meeting_session_get_meeting (session) != NULL)
    loaded_cb (self);
}
