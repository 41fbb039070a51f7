/* lajna-decision-dialog.c: records the decision on an agenda item, or
 * corrects it once the meeting is closed. The outcomes offered are those
 * of the file's kind; each shows its coded reasons. A deferral names the
 * documents still missing, from the file's checklist; an outcome after
 * which the file stays open asks the day of its next review (a review
 * cycle after the meeting, to begin with). A correction asks its reason.
 * The dialog names the file and counts the votes on it; a decision made
 * with no vote, or against the votes, is recorded only once confirmed.
 * The choices are read on the database worker as the dialog opens; the
 * database holds the rules, and says what is wrong in the dialog, which
 * stays open with what was typed until the decision is recorded. */

#include "lajna-decision-dialog.h"

#include <glib/gi18n.h>

#include "lajna-case-fields.h"
#include "lajna-decision-setup.h"
#include "lajna-document-store.h"
#include "lajna-meeting-actions.h"
#include "lajna-meeting-text.h"
#include "lajna-text.h"

#define REVIEW_CYCLE_DAYS 90

struct _LajnaDecisionDialog
{
  AdwWindow            parent_instance;

  GtkWidget           *record_button;
  GtkWidget           *error_label;
  AdwPreferencesGroup *file_group;
  AdwPreferencesGroup *outcome_group;
  GtkWidget           *reasons_entry;
  GtkWidget           *review_entry;
  GtkWidget           *why_entry;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *missing_group;

  LajnaMeetingSession *session;
  gint64               item_id;
  gint64               decision_id;
  char                *outcome;
  gboolean             busy;
  char                *error;
  LajnaVoteTally       tally;
  GPtrArray           *choices;
  GPtrArray           *outcome_buttons;
  GPtrArray           *reason_buttons;
  GPtrArray           *missing_buttons;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaDecisionDialog, lajna_decision_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DECISION_ID,
  PROP_OUTCOME,
  PROP_BUSY,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The outcome of @code, once the outcomes are read. */
static const LajnaDecisionChoice *
choice_of (LajnaDecisionDialog *self,
           const char          *code)
{
  for (guint i = 0; code != NULL && self->choices != NULL && i < self->choices->len; i++)
    {
      const LajnaDecisionChoice *choice = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (choice->code, code) == 0)
        return choice;
    }
  return NULL;
}

static const LajnaDecisionChoice *
chosen (LajnaDecisionDialog *self)
{
  return choice_of (self, self->outcome);
}

static GtkWidget *
add_check_row (AdwPreferencesGroup *group,
               const char          *title,
               GtkCheckButton      *group_with)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (group_with != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group_with);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return check;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *buttons)
{
  for (guint i = 0; i < buttons->len; i++)
    adw_preferences_group_remove (group, gtk_widget_get_ancestor (g_ptr_array_index (buttons, i),
                                                                  ADW_TYPE_ACTION_ROW));
  g_ptr_array_set_size (buttons, 0);
}

/* The coded reasons of the outcome chosen. */
static void
show_reasons (LajnaDecisionDialog *self)
{
  const LajnaDecisionChoice *choice = chosen (self);

  clear_rows (self->reasons_group, self->reason_buttons);
  for (guint i = 0; choice != NULL && choice->reason_labels[i] != NULL; i++)
    g_ptr_array_add (self->reason_buttons,
                     add_check_row (self->reasons_group, choice->reason_labels[i], NULL));
}

static void
set_outcome (LajnaDecisionDialog *self,
             const char          *code)
{
  if (g_strcmp0 (self->outcome, code) == 0)
    return;
  g_free (self->outcome);
  self->outcome = g_strdup (code);
  for (guint i = 0; i < self->outcome_buttons->len; i++)
    {
      const LajnaDecisionChoice *choice = g_ptr_array_index (self->choices, i);

      gtk_check_button_set_active (g_ptr_array_index (self->outcome_buttons, i),
                                   g_strcmp0 (choice->code, code) == 0);
    }
  show_reasons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

static void
set_busy (LajnaDecisionDialog *self,
          gboolean             busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_error (LajnaDecisionDialog *self,
           const char          *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_decision_id (LajnaDecisionDialog *self,
                 gint64               decision_id)
{
  if (self->decision_id == decision_id)
    return;
  self->decision_id = decision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_ID]);
}

static void
outcome_toggled_cb (GtkCheckButton      *check,
                    LajnaDecisionDialog *self)
{
  guint i;

  if (!gtk_check_button_get_active (check)
      || !g_ptr_array_find (self->outcome_buttons, check, &i))
    return;
  set_outcome (self, ((LajnaDecisionChoice *) g_ptr_array_index (self->choices, i))->code);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDecisionSetup) choices = lajna_decision_setup_load_finish (LAJNA_DB_WORKER (source),
                                                                            result, &error);
  GtkCheckButton *first = NULL;

  if (choices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (self->outcome_group, error->message);
      return;
    }
  self->choices = g_steal_pointer (&choices->choices);
  for (guint i = 0; i < self->choices->len; i++)
    {
      const LajnaDecisionChoice *choice = g_ptr_array_index (self->choices, i);
      GtkWidget *check = add_check_row (self->outcome_group, choice->label, first);

      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      g_signal_connect (check, "toggled", G_CALLBACK (outcome_toggled_cb), self);
      g_ptr_array_add (self->outcome_buttons, check);
    }
  for (guint i = 0; i < choices->slots->len; i++)
    {
      const LajnaDocumentSlot *slot = g_ptr_array_index (choices->slots, i);
      g_autofree char *label = lajna_document_slot_label (slot);
      GtkWidget *check = add_check_row (self->missing_group, label, NULL);

      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (slot->code), g_free);
      g_ptr_array_add (self->missing_buttons, check);
    }
  /* An outcome set before the outcomes were read is ticked now. */
  if (self->outcome != NULL)
    {
      g_autofree char *outcome = g_steal_pointer (&self->outcome);

      set_outcome (self, outcome);
    }
}

static GStrv
checked (GPtrArray           *buttons,
         const char * const  *codes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (buttons, i)))
      g_strv_builder_add (builder, codes != NULL ? codes[i]
                                                 : g_object_get_data (g_ptr_array_index (buttons, i),
                                                                      "code"));
  return g_strv_builder_end (builder);
}

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LajnaDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (lajna_meeting_session_act_finish (LAJNA_MEETING_SESSION (source), result, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* Said here, beside what was typed, which stays for the next try. */
  set_error (self, error->message);
  set_busy (self, FALSE);
}

static void
record (LajnaDecisionDialog *self)
{
  const LajnaDecisionChoice *choice = chosen (self);
  LajnaMeetingAct *act;

  if (choice == NULL)
    return;
  act = lajna_meeting_act_new (self->decision_id != 0 ? LAJNA_MEETING_ACT_CORRECT_DECISION
                                                      : LAJNA_MEETING_ACT_DECIDE);
  act->target = self->decision_id != 0 ? self->decision_id : self->item_id;
  act->word = g_strdup (choice->code);
  act->codes = checked (self->reason_buttons, (const char * const *) choice->reason_codes);
  act->reasons = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reasons_entry)));
  act->missing = g_strcmp0 (choice->code, "defer") == 0 ? checked (self->missing_buttons, NULL)
                                                        : g_new0 (char *, 1);
  if (choice->stays_open)
    {
      GDate day;

      /* A day the database cannot read is marked here, not sent. */
      if (!lajna_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->review_entry)), &day))
        {
          gtk_widget_add_css_class (self->review_entry, "error");
          lajna_meeting_act_free (act);
          return;
        }
      act->next_review_on = lajna_date_text (&day);
    }
  if (self->decision_id != 0)
    act->why = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->why_entry)));
  set_busy (self, TRUE);
  set_error (self, NULL);
  lajna_meeting_session_act_async (self->session, act, recorded_cb, g_object_ref (self));
}

static void
confirmed_cb (AdwMessageDialog    *dialog,
              const char          *response,
              LajnaDecisionDialog *self)
{
  if (g_strcmp0 (response, "record") == 0)
    record (self);
}

/* A decision with no vote, or against the votes, is asked about first. */
static void
record_cb (LajnaDecisionDialog *self)
{
  const LajnaDecisionChoice *choice = chosen (self);
  LajnaVotesVerdict verdict;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (choice == NULL)
    return;
  verdict = lajna_vote_tally_verdict (&self->tally, choice->code);
  if (verdict == LAJNA_VOTES_AGREE)
    {
      record (self);
      return;
    }
  if (verdict == LAJNA_VOTES_NONE)
    body = g_strdup (_("No member has voted on this file yet."));
  else
    {
      g_autofree char *votes = lajna_vote_tally_describe (&self->tally);

      /* Translators: the votes on the file, then the outcome chosen. */
      body = g_strdup_printf (_("The votes on this file are %s; the decision “%s” goes the "
                                "other way."), votes, choice->label);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   verdict == LAJNA_VOTES_NONE
                                     ? _("Record a Decision Without Votes?")
                                     : _("Record a Decision Against the Votes?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "record", _("Record _Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The record button: once an outcome is chosen, and not while it is
 * being recorded. */
static gboolean
can_record (LajnaDecisionDialog *self,
            const char          *outcome,
            gboolean             busy)
{
  return outcome != NULL && !busy;
}

static gboolean
correcting_to_visible (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int64 (from) != 0);
  return TRUE;
}

static gboolean
correcting_to_title (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_string (to, g_value_get_int64 (from) != 0 ? _("Correct the Decision")
                                                        : _("Record the Decision"));
  return TRUE;
}

/* An outcome that has coded reasons shows them. */
static gboolean
outcome_to_reasons (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const LajnaDecisionChoice *choice = choice_of (user_data, g_value_get_string (from));

  g_value_set_boolean (to, choice != NULL && choice->reason_labels[0] != NULL);
  return TRUE;
}

/* A deferral names the documents still missing. */
static gboolean
outcome_to_missing (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "defer") == 0);
  return TRUE;
}

/* An outcome after which the file stays open asks its next review. */
static gboolean
outcome_to_review (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const LajnaDecisionChoice *choice = choice_of (user_data, g_value_get_string (from));

  g_value_set_boolean (to, choice != NULL && choice->stays_open);
  return TRUE;
}

static gboolean
error_to_visible (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *error = g_value_get_string (from);

  g_value_set_boolean (to, error != NULL && *error != '\0');
  return TRUE;
}

static void
lajna_decision_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LajnaDecisionDialog *self = LAJNA_DECISION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DECISION_ID:
      g_value_set_int64 (value, self->decision_id);
      break;
    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_decision_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LajnaDecisionDialog *self = LAJNA_DECISION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DECISION_ID:
      set_decision_id (self, g_value_get_int64 (value));
      break;
    case PROP_OUTCOME:
      set_outcome (self, g_value_get_string (value));
      break;
    case PROP_BUSY:
      set_busy (self, g_value_get_boolean (value));
      break;
    case PROP_ERROR:
      set_error (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_decision_dialog_dispose (GObject *object)
{
  LajnaDecisionDialog *self = LAJNA_DECISION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_DECISION_DIALOG);

  G_OBJECT_CLASS (lajna_decision_dialog_parent_class)->dispose (object);
}

static void
lajna_decision_dialog_finalize (GObject *object)
{
  LajnaDecisionDialog *self = LAJNA_DECISION_DIALOG (object);

  g_ptr_array_unref (self->outcome_buttons);
  g_ptr_array_unref (self->reason_buttons);
  g_ptr_array_unref (self->missing_buttons);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_free (self->outcome);
  g_free (self->error);

  G_OBJECT_CLASS (lajna_decision_dialog_parent_class)->finalize (object);
}

static void
lajna_decision_dialog_class_init (LajnaDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lajna_decision_dialog_get_property;
  object_class->set_property = lajna_decision_dialog_set_property;
  object_class->dispose = lajna_decision_dialog_dispose;
  object_class->finalize = lajna_decision_dialog_finalize;

  /**
   * LajnaDecisionDialog:decision-id:
   *
   * The decision in force that the dialog corrects, or 0 when it records
   * a new one. A correction asks its reason.
   */
  properties[PROP_DECISION_ID] =
    g_param_spec_int64 ("decision-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDecisionDialog:outcome:
   *
   * The code of the outcome chosen, or %NULL until one is. Its coded
   * reasons, the documents still missing of a deferral and the next
   * review of a file that stays open follow it.
   */
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDecisionDialog:busy:
   *
   * Whether the decision is being recorded.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDecisionDialog:error:
   *
   * Why the database refused the decision last sent, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/meetings/lajna-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, reasons_entry);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, review_entry);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, why_entry);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaDecisionDialog, missing_group);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_bind_template_callback (widget_class, can_record);
}

static void
lajna_decision_dialog_init (LajnaDecisionDialog *self)
{
  self->outcome_buttons = g_ptr_array_new ();
  self->reason_buttons = g_ptr_array_new ();
  self->missing_buttons = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property_full (self, "decision-id", self, "title", G_BINDING_SYNC_CREATE,
                               correcting_to_title, NULL, NULL, NULL);
  g_object_bind_property_full (self, "decision-id", self->why_entry, "visible",
                               G_BINDING_SYNC_CREATE, correcting_to_visible, NULL, NULL, NULL);
  g_object_bind_property_full (self, "outcome", self->reasons_group, "visible",
                               G_BINDING_SYNC_CREATE, outcome_to_reasons, NULL, self, NULL);
  g_object_bind_property_full (self, "outcome", self->missing_group, "visible",
                               G_BINDING_SYNC_CREATE, outcome_to_missing, NULL, NULL, NULL);
  g_object_bind_property_full (self, "outcome", self->review_entry, "visible",
                               G_BINDING_SYNC_CREATE, outcome_to_review, NULL, self, NULL);
  g_object_bind_property_full (self, "error", self->error_label, "visible",
                               G_BINDING_SYNC_CREATE, error_to_visible, NULL, NULL, NULL);
}

/**
 * lajna_decision_dialog_new:
 * @parent: a widget of the meeting's window
 * @session: the meeting's session, which records the decision
 * @item: the agenda item, as last read
 * @decision_id: the decision in force to correct, or 0 for a new one
 * @held_on: the meeting's day
 *
 * Returns: (transfer floating): the dialog, to present
 */
LajnaDecisionDialog *
lajna_decision_dialog_new (GtkWidget             *parent,
                           LajnaMeetingSession   *session,
                           const LajnaAgendaItem *item,
                           gint64                 decision_id,
                           const char            *held_on)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  LajnaDecisionDialog *self = g_object_new (LAJNA_TYPE_DECISION_DIALOG,
                                            "decision-id", decision_id,
                                            "transient-for", GTK_IS_WINDOW (root) ? root : NULL,
                                            NULL);
  g_autofree char *number = lajna_isolate (item->file_number);
  g_autofree char *file = NULL;
  g_autofree char *votes = NULL;
  g_autofree char *about = NULL;
  GDate review;

  self->session = g_object_ref (session);
  self->item_id = item->id;
  self->tally = lajna_agenda_item_tally (item);
  /* Translators: the file a decision is about, by its number. */
  file = g_strdup_printf (_("File %s"), number);
  votes = lajna_vote_tally_describe (&self->tally);
  about = g_strdup_printf ("%s\n%s", item->title, votes);
  adw_preferences_group_set_title (self->file_group, file);
  adw_preferences_group_set_description (self->file_group, about);
  if (lajna_parse_date (held_on, &review))
    {
      g_autofree char *day = NULL;

      g_date_add_days (&review, REVIEW_CYCLE_DAYS);
      day = lajna_date_text (&review);
      gtk_editable_set_text (GTK_EDITABLE (self->review_entry), day);
    }
  lajna_decision_setup_load_async (lajna_meeting_session_get_worker (session), item->case_id,
                                   item->kind, lajna_prefer_arabic (), self->cancellable,
                                   chosen_cb, g_object_ref (self));
  return self;
}
