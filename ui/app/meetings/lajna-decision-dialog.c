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

  LajnaMeetingSession *session;
  gint64               item_id;
  gint64               decision_id;
  LajnaVoteTally       tally;
  GPtrArray           *choices;
  GPtrArray           *outcome_buttons;
  GPtrArray           *reason_buttons;
  GPtrArray           *missing_buttons;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *missing_group;
  AdwPreferencesGroup *outcome_group;
  GtkWidget           *reasons_entry;
  GtkWidget           *review_entry;
  GtkWidget           *why_entry;
  GtkWidget           *record_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *file_group;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaDecisionDialog, lajna_decision_dialog, ADW_TYPE_WINDOW)

static const LajnaDecisionChoice *
chosen (LajnaDecisionDialog *self)
{
  for (guint i = 0; i < self->outcome_buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->outcome_buttons, i)))
      return g_ptr_array_index (self->choices, i);
  return NULL;
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

/* The reasons of the outcome chosen; the missing documents for a
 * deferral; the next review for a file that stays open. */
static void
outcome_toggled_cb (LajnaDecisionDialog *self)
{
  const LajnaDecisionChoice *choice = chosen (self);

  clear_rows (self->reasons_group, self->reason_buttons);
  if (choice == NULL)
    return;
  for (guint i = 0; choice->reason_labels[i] != NULL; i++)
    g_ptr_array_add (self->reason_buttons,
                     add_check_row (self->reasons_group, choice->reason_labels[i], NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), choice->reason_labels[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), g_strcmp0 (choice->code, "defer") == 0);
  gtk_widget_set_visible (self->review_entry, choice->stays_open);
  gtk_widget_set_sensitive (self->record_button, TRUE);
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
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (outcome_toggled_cb), self);
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
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_sensitive (self->record_button, TRUE);
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
  gtk_widget_set_sensitive (self->record_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
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

static void
lajna_decision_dialog_dispose (GObject *object)
{
  LajnaDecisionDialog *self = LAJNA_DECISION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_decision_dialog_parent_class)->dispose (object);
}

static void
lajna_decision_dialog_finalize (GObject *object)
{
  LajnaDecisionDialog *self = LAJNA_DECISION_DIALOG (object);

  g_ptr_array_unref (self->outcome_buttons);
  g_ptr_array_unref (self->reason_buttons);
  g_ptr_array_unref (self->missing_buttons);

  G_OBJECT_CLASS (lajna_decision_dialog_parent_class)->finalize (object);
}

static void
lajna_decision_dialog_class_init (LajnaDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_decision_dialog_dispose;
  object_class->finalize = lajna_decision_dialog_finalize;
}

static AdwPreferencesGroup *
add_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_entry (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_group_add (group, entry);
  return entry;
}

static void
lajna_decision_dialog_init (LajnaDecisionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *error_label = gtk_label_new (NULL);
  AdwPreferencesGroup *words;

  self->outcome_buttons = g_ptr_array_new ();
  self->reason_buttons = g_ptr_array_new ();
  self->missing_buttons = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  /* Tall enough that the reasons in words show under the six outcomes of
   * a juvenile file without scrolling. */
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);

  self->record_button = gtk_button_new_with_mnemonic (_("_Record"));
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  gtk_widget_set_sensitive (self->record_button, FALSE);
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->record_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_set_margin_top (error_label, 12);
  gtk_widget_set_margin_start (error_label, 12);
  gtk_widget_set_margin_end (error_label, 12);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  self->error_label = GTK_LABEL (error_label);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  self->file_group = add_group (page, "");
  self->outcome_group = add_group (page, _("Outcome"));
  words = add_group (page, _("Reasons and Dates"));
  self->reasons_entry = add_entry (words, _("Reasons in words"));
  self->review_entry = add_entry (words, _("Next review (YYYY-MM-DD)"));
  self->why_entry = add_entry (words, _("Reason for the correction"));
  self->reasons_group = add_group (page, _("Coded Reasons"));
  self->missing_group = add_group (page, _("Documents Still Missing"));
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), FALSE);
  gtk_widget_set_visible (self->review_entry, FALSE);
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
  LajnaDecisionDialog *self = g_object_new (LAJNA_TYPE_DECISION_DIALOG, NULL);
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *number = lajna_isolate (item->file_number);
  g_autofree char *file = NULL;
  g_autofree char *votes = NULL;
  g_autofree char *about = NULL;
  GDate review;

  self->session = g_object_ref (session);
  self->item_id = item->id;
  self->decision_id = decision_id;
  self->tally = lajna_agenda_item_tally (item);
  /* Translators: the file a decision is about, by its number. */
  file = g_strdup_printf (_("File %s"), number);
  votes = lajna_vote_tally_describe (&self->tally);
  about = g_strdup_printf ("%s\n%s", item->title, votes);
  adw_preferences_group_set_title (self->file_group, file);
  adw_preferences_group_set_description (self->file_group, about);
  gtk_window_set_title (GTK_WINDOW (self), decision_id != 0 ? _("Correct the Decision")
                                                            : _("Record the Decision"));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_widget_set_visible (self->why_entry, decision_id != 0);
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
