/* lajna-agenda-item-row.c: one file on a meeting's agenda, as a row that
 * opens: its checklist, its documents (who has not read them yet), a row
 * per member present with their vote and the buttons to cast it, the
 * decision with the button to record it, and the item's place on the
 * agenda. While the meeting sits votes and decisions are cast and
 * recorded; once it is closed the same buttons record corrections, each
 * asking its reason. */

#include "lajna-agenda-item-row.h"

#include <glib/gi18n.h>

#include "lajna-decision-dialog.h"
#include "lajna-case-plan-group.h"
#include "lajna-document-list.h"
#include "lajna-meeting-text.h"
#include "lajna-reason-dialog.h"
#include "lajna-text.h"

struct _LajnaAgendaItemRow
{
  AdwExpanderRow       parent_instance;

  AdwActionRow        *checklist_row;
  LajnaDocumentList   *documents;
  AdwActionRow        *decision_row;
  GtkWidget           *decide_button;
  GtkWidget           *earlier_button;
  GtkWidget           *later_button;
  GtkWidget           *remove_button;

  LajnaMeetingSession *session;
  gint64               item_id;
  gint64               case_id;
  int                  position;
  gint64               decision_id;
  gboolean             closed;
  gboolean             can_decide;
  gboolean             can_arrange;
  LajnaCasePlanGroup  *plan;
  /* Whether the documents and the plan were read, once opened. */
  gboolean             read;
};

G_DEFINE_FINAL_TYPE (LajnaAgendaItemRow, lajna_agenda_item_row, ADW_TYPE_EXPANDER_ROW)

enum
{
  PROP_0,
  PROP_CLOSED,
  PROP_CAN_DECIDE,
  PROP_CAN_ARRANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const choices[] = { "approve", "reject", "abstain" };
static const char * const choice_labels[] = {
  NC_("vote", "Approve"), NC_("vote", "Reject"), NC_("vote", "Abstain")
};

static const char *
vote_label (const char *choice)
{
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    if (g_strcmp0 (choice, choices[c]) == 0)
      return g_dpgettext2 (NULL, "vote", choice_labels[c]);
  return choice;
}

/* A vote asked for: who, what, and the vote it corrects after closing. */
typedef struct
{
  LajnaAgendaItemRow *row;
  int                 user_id;
  char               *choice;
  gint64              corrects;
  char               *reasons;
} VoteAsked;

static void
vote_asked_free (VoteAsked *asked)
{
  g_object_unref (asked->row);
  g_free (asked->choice);
  g_free (asked->reasons);
  g_free (asked);
}

static void
cast (VoteAsked  *asked,
      const char *why)
{
  LajnaMeetingAct *act = lajna_meeting_act_new (asked->corrects != 0 ? LAJNA_MEETING_ACT_CORRECT_VOTE
                                                                    : LAJNA_MEETING_ACT_VOTE);

  act->target = asked->corrects != 0 ? asked->corrects : asked->row->item_id;
  act->user_id = asked->user_id;
  act->word = g_strdup (asked->choice);
  act->reasons = g_strdup (asked->reasons != NULL ? asked->reasons : "");
  act->why = g_strdup (why);
  lajna_meeting_session_run (asked->row->session, act);
}

static void
correction_given_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VoteAsked *asked = user_data;
  g_autofree char *why = lajna_reason_dialog_ask_finish (result, NULL);

  if (why != NULL)
    cast (asked, why);
  else
    lajna_meeting_session_reload (asked->row->session);
  vote_asked_free (asked);
}

/* After closing, a vote is a correction and asks its reason. */
static void
cast_or_ask_correction (VoteAsked *asked)
{
  if (asked->corrects == 0)
    {
      cast (asked, NULL);
      vote_asked_free (asked);
      return;
    }
  lajna_reason_dialog_ask_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (asked->row))),
                                 _("Why Is the Vote Corrected?"),
                                 _("The meeting is closed. The correction is kept beside the vote "
                                   "it corrects, with its reason."),
                                 _("_Correct the Vote"), NULL, correction_given_cb, asked);
}

static void
reasons_given_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  VoteAsked *asked = user_data;
  g_autofree char *reasons = lajna_reason_dialog_ask_finish (result, NULL);

  if (reasons == NULL)
    {
      lajna_meeting_session_reload (asked->row->session);
      vote_asked_free (asked);
      return;
    }
  asked->reasons = g_steal_pointer (&reasons);
  cast_or_ask_correction (asked);
}

static void
vote_clicked_cb (GtkToggleButton *button,
                 gpointer         user_data)
{
  LajnaAgendaItemRow *self = g_object_get_data (G_OBJECT (button), "row");
  VoteAsked *asked;

  if (!gtk_toggle_button_get_active (button))
    return;
  asked = g_new0 (VoteAsked, 1);
  asked->row = g_object_ref (self);
  asked->user_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "user"));
  asked->choice = g_strdup (g_object_get_data (G_OBJECT (button), "choice"));
  asked->corrects = self->closed ? *(gint64 *) g_object_get_data (G_OBJECT (button), "vote") : 0;
  if (g_strcmp0 (asked->choice, "reject") == 0)
    lajna_reason_dialog_ask_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Reasons for Rejecting"),
                                   _("A vote to reject gives its reasons; they go into the "
                                     "minutes."),
                                   _("_Vote to Reject"), NULL, reasons_given_cb, asked);
  else
    cast_or_ask_correction (asked);
}

static char *
describe_vote (const LajnaAgendaItem *item,
               const LajnaAttendee   *voter,
               const LajnaVote       *vote)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (vote == NULL)
    return g_strdup (_("Has not voted"));
  g_string_append (text, vote_label (vote->choice));
  if (*vote->reasons != '\0')
    g_string_append_printf (text, " — %s", vote->reasons);
  if (g_strcmp0 (vote->entered_by, voter->login) != 0)
    g_string_append_printf (text, "\n%s %s", _("Entered by:"), vote->entered_by_name);
  if (vote->corrects != 0)
    g_string_append_printf (text, "\n%s %s", _("Corrected after closing:"), vote->correction_reason);
  for (guint i = 0; i < item->votes->len; i++)
    {
      const LajnaVote *earlier = g_ptr_array_index (item->votes, i);

      if (!earlier->in_force && earlier->user_id == vote->user_id)
        g_string_append_printf (text, "\n%s %s", _("Before the correction:"),
                                vote_label (earlier->choice));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Rows that follow the item (a juvenile file's plan, the votes) go above
 * the decision, in the expander's own list. */
static void
insert_row (LajnaAgendaItemRow *self,
            GtkWidget          *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->decision_row));

  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->decision_row)));
}

static void
add_vote_row (LajnaAgendaItemRow    *self,
              const LajnaMeeting    *meeting,
              const LajnaAgendaItem *item,
              const LajnaAttendee   *voter)
{
  const LajnaVote *vote = lajna_agenda_item_vote_of (item, voter->user_id);
  g_autofree char *subtitle = describe_vote (item, voter, vote);
  gboolean convened = g_strcmp0 (meeting->state, "convened") == 0;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), voter->full_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (box, (convened || (self->closed && vote != NULL))
                                 && (meeting->votes_for_others
                                     || voter->user_id == meeting->reader_id));
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (vote_label (choices[c]));

      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    vote != NULL && g_strcmp0 (vote->choice, choices[c]) == 0);
      g_object_set_data (G_OBJECT (button), "row", self);
      g_object_set_data (G_OBJECT (button), "user", GINT_TO_POINTER (voter->user_id));
      g_object_set_data (G_OBJECT (button), "choice", (gpointer) choices[c]);
      g_object_set_data_full (G_OBJECT (button), "vote",
                              g_memdup2 (vote != NULL ? &vote->id : &(gint64) { 0 }, sizeof (gint64)),
                              g_free);
      g_signal_connect (button, "toggled", G_CALLBACK (vote_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  insert_row (self, row);
}

/* The item as the session read it last: the row may outlive the
 * snapshot it was built from. */
static void
decide_cb (LajnaAgendaItemRow *self)
{
  const LajnaMeeting *meeting = lajna_meeting_session_get_meeting (self->session);

  for (guint i = 0; meeting != NULL && i < meeting->items->len; i++)
    {
      const LajnaAgendaItem *item = g_ptr_array_index (meeting->items, i);

      if (item->id == self->item_id)
        {
          gtk_window_present (GTK_WINDOW (lajna_decision_dialog_new (
              GTK_WIDGET (self), self->session, item, self->closed ? self->decision_id : 0,
              meeting->held_on)));
          return;
        }
    }
}

static void
show_decisions (LajnaAgendaItemRow    *self,
                const LajnaAgendaItem *item)
{
  const LajnaDecision *decision = lajna_agenda_item_decision (item);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < item->decisions->len; i++)
    {
      const LajnaDecision *d = g_ptr_array_index (item->decisions, i);
      g_autofree char *text = lajna_decision_describe (d);

      if (subtitle->len > 0)
        g_string_append (subtitle, "\n");
      if (!d->in_force)
        g_string_append_printf (subtitle, "%s ", _("Replaced by a correction:"));
      g_string_append (subtitle, text);
    }
  self->decision_id = decision != NULL ? decision->id : 0;
  adw_action_row_set_subtitle (self->decision_row,
                               subtitle->len > 0 ? subtitle->str : _("Not decided yet"));
}

static gboolean
decide_label (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? _("C_orrect the Decision…")
                                                     : _("_Record the Decision…"));
  return TRUE;
}

static void
move (LajnaAgendaItemRow *self,
      int                 position)
{
  LajnaMeetingAct *act = lajna_meeting_act_new (position > 0 ? LAJNA_MEETING_ACT_AGENDA_MOVE
                                                             : LAJNA_MEETING_ACT_AGENDA_REMOVE);

  act->target = self->item_id;
  act->position = position;
  lajna_meeting_session_run (self->session, act);
}

static void
earlier_cb (LajnaAgendaItemRow *self)
{
  move (self, self->position - 1);
}

static void
later_cb (LajnaAgendaItemRow *self)
{
  move (self, self->position + 1);
}

static void
remove_cb (LajnaAgendaItemRow *self)
{
  move (self, 0);
}

/* The documents (the reports among them) and a juvenile's plan are read
 * only when the row is opened. */
static void
expanded_cb (LajnaAgendaItemRow *self)
{
  LajnaDbWorker *worker;

  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)) || self->read)
    return;
  worker = lajna_meeting_session_get_worker (self->session);
  lajna_document_list_show (self->documents, worker, self->case_id);
  if (self->plan != NULL)
    lajna_case_plan_group_show (self->plan, worker, self->case_id);
  self->read = TRUE;
}

static void
set_boolean (LajnaAgendaItemRow *self,
             gboolean           *field,
             gboolean            value,
             guint               prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
lajna_agenda_item_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LajnaAgendaItemRow *self = LAJNA_AGENDA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_CLOSED:
      g_value_set_boolean (value, self->closed);
      break;
    case PROP_CAN_DECIDE:
      g_value_set_boolean (value, self->can_decide);
      break;
    case PROP_CAN_ARRANGE:
      g_value_set_boolean (value, self->can_arrange);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_agenda_item_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LajnaAgendaItemRow *self = LAJNA_AGENDA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_CLOSED:
      set_boolean (self, &self->closed, g_value_get_boolean (value), prop_id);
      break;
    case PROP_CAN_DECIDE:
      set_boolean (self, &self->can_decide, g_value_get_boolean (value), prop_id);
      break;
    case PROP_CAN_ARRANGE:
      set_boolean (self, &self->can_arrange, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_agenda_item_row_dispose (GObject *object)
{
  g_clear_object (&LAJNA_AGENDA_ITEM_ROW (object)->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_AGENDA_ITEM_ROW);

  G_OBJECT_CLASS (lajna_agenda_item_row_parent_class)->dispose (object);
}

static void
lajna_agenda_item_row_class_init (LajnaAgendaItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lajna_agenda_item_row_get_property;
  object_class->set_property = lajna_agenda_item_row_set_property;
  object_class->dispose = lajna_agenda_item_row_dispose;

  /**
   * LajnaAgendaItemRow:closed:
   *
   * Whether the meeting is closed: a vote or a decision then corrects
   * the one in force, and asks its reason.
   */
  properties[PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaAgendaItemRow:can-decide:
   *
   * Whether the person may record the item's decision now: they decide
   * for the committee, and the meeting sits, or it is closed and the
   * decision is there to correct.
   */
  properties[PROP_CAN_DECIDE] =
    g_param_spec_boolean ("can-decide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaAgendaItemRow:can-arrange:
   *
   * Whether the person may move the item on the agenda or take it off:
   * they prepare the meeting, and it is not closed.
   */
  properties[PROP_CAN_ARRANGE] =
    g_param_spec_boolean ("can-arrange", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LAJNA_TYPE_DOCUMENT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/meetings/lajna-agenda-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, documents);
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, decision_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, decide_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, later_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaAgendaItemRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, decide_cb);
  gtk_widget_class_bind_template_callback (widget_class, earlier_cb);
  gtk_widget_class_bind_template_callback (widget_class, later_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
}

static void
lajna_agenda_item_row_init (LajnaAgendaItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property_full (self, "closed", self->decide_button, "label",
                               G_BINDING_SYNC_CREATE, decide_label, NULL, NULL, NULL);
}

static char *
describe_item (const LajnaAgendaItem *item)
{
  const LajnaDecision *decision = lajna_agenda_item_decision (item);
  g_autoptr(GString) text = g_string_new (decision != NULL ? decision->outcome_label
                                                           : _("Not decided yet"));

  if (item->n_documents > 0 && item->unread_by[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (C_("list separator", ", "), item->unread_by);

      g_string_append_printf (text, " · %s %s", _("Not every document read by:"), names);
    }
  else if (item->n_documents > 0)
    g_string_append_printf (text, " · %s", _("Every member present has read every document"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lajna_agenda_item_row_new:
 * @session: the meeting's session
 * @meeting: the meeting as last read
 * @item: the item
 *
 * Returns: (transfer floating): the item's row
 */
GtkWidget *
lajna_agenda_item_row_new (LajnaMeetingSession   *session,
                           const LajnaMeeting    *meeting,
                           const LajnaAgendaItem *item)
{
  gboolean closed = g_strcmp0 (meeting->state, "closed") == 0;
  gboolean convened = g_strcmp0 (meeting->state, "convened") == 0;
  gboolean decided = lajna_agenda_item_decision (item) != NULL;
  LajnaAgendaItemRow *self = g_object_new (LAJNA_TYPE_AGENDA_ITEM_ROW,
                                           "closed", closed,
                                           "can-decide", meeting->can_decide
                                                           && (convened || (closed && decided)),
                                           "can-arrange", meeting->can_manage && !closed,
                                           NULL);
  g_autofree char *number = lajna_isolate (item->file_number);
  g_autofree char *line = g_strdup_printf ("%d. %s — %s", item->position, number, item->title);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_item (item);

  /* "1. ز/2026/00123 — a name": in the interface's direction, not that of
   * the parties' names. */
  title = lajna_text_directed (GTK_WIDGET (self), line);
  self->session = g_object_ref (session);
  self->item_id = item->id;
  self->case_id = item->case_id;
  self->position = item->position;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_action_row_set_subtitle (self->checklist_row,
                               *item->lacking == '\0' ? _("Every mandatory document is there")
                                                      : item->lacking);
  if (g_strcmp0 (item->kind, "juvenile") == 0)
    {
      self->plan = g_object_new (LAJNA_TYPE_CASE_PLAN_GROUP, NULL);
      insert_row (self, GTK_WIDGET (self->plan));
    }

  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      const LajnaAttendee *a = g_ptr_array_index (meeting->attendees, i);

      if (lajna_meeting_is_voter (a) && g_strcmp0 (a->status, "present") == 0)
        add_vote_row (self, meeting, item, a);
    }
  show_decisions (self, item);
  gtk_widget_set_sensitive (self->earlier_button, item->position > 1);
  gtk_widget_set_sensitive (self->later_button, (guint) item->position < meeting->items->len);
  gtk_widget_set_sensitive (self->remove_button,
                            item->votes->len == 0 && item->decisions->len == 0);
  return GTK_WIDGET (self);
}

gint64
lajna_agenda_item_row_get_item_id (LajnaAgendaItemRow *self)
{
  g_return_val_if_fail (LAJNA_IS_AGENDA_ITEM_ROW (self), 0);

  return self->item_id;
}
