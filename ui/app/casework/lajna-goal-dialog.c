/* lajna-goal-dialog.c: asks for a case plan's goal (what it is about,
 * what is aimed at, by which day) or for a goal's review (its status now
 * and a note). Adding stays off until the goal is written and its day,
 * when given, is a real day written year first. */

#include "lajna-goal-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cases/lajna-form-rows.h"
#include "lajna-labels.h"
#include "lajna-message-dialog.h"

static const char * const domains[] = {
  "education", "vocational", "counselling", "family", "health", "behaviour", "other", NULL,
};

static const char * const statuses[] = {
  "open", "in_progress", "achieved", "not_achieved", "dropped", NULL,
};

typedef struct
{
  AdwComboRow        *choice;
  const char * const *codes;
  AdwEntryRow        *text;
  AdwEntryRow        *day;
} Asked;

/* @row's day, "" when none is given, or NULL when it is no day. */
static char *
day_of (AdwEntryRow *row)
{
  g_autofree char *text = NULL;
  unsigned int year, month, day;
  char end;

  if (row == NULL)
    return g_strdup ("");
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*text == '\0')
    return g_steal_pointer (&text);
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static void
changed_cb (AdwMessageDialog *dialog,
            GtkEditable      *editable)
{
  Asked *asked = g_object_get_data (G_OBJECT (dialog), "lajna-asked");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
      GTK_EDITABLE (asked->text))));
  g_autofree char *day = day_of (asked->day);
  gboolean ready = day != NULL && (asked->day == NULL || *text != '\0');

  adw_message_dialog_set_response_enabled (dialog, "confirm", ready);
}

static AdwComboRow *
new_choice_row (const char         *title,
                const char * const *codes,
                const char         *selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, lajna_label_for (codes[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], selected) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return ADW_COMBO_ROW (row);
}

static AdwEntryRow *
new_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return ADW_ENTRY_ROW (row);
}

static void
ask (GtkWindow           *parent,
     const char          *heading,
     const char          *body,
     const char          *confirm,
     Asked               *asked,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (asked->choice));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (asked->text));
  if (asked->day != NULL)
    {
      lajna_form_rows_add_date_picker (asked->day);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (asked->day));
      g_signal_connect_swapped (asked->day, "changed", G_CALLBACK (changed_cb), dialog);
    }
  g_signal_connect_swapped (asked->text, "changed", G_CALLBACK (changed_cb), dialog);
  g_object_set_data_full (G_OBJECT (dialog), "lajna-asked", asked, g_free);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "confirm", asked->day == NULL);
  adw_message_dialog_set_default_response (dialog, "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  lajna_message_dialog_choose_async (dialog, cancellable, callback, user_data);
}

/* The answers of the dialog that gave @result, once the person confirmed. */
static gboolean
answers (GAsyncResult  *result,
         char         **code,
         char         **text,
         char         **day,
         GError       **error)
{
  g_autoptr(GObject) dialog = g_async_result_get_source_object (result);
  g_autofree char *response = lajna_message_dialog_choose_finish (ADW_MESSAGE_DIALOG (dialog),
                                                                  result, error);
  Asked *asked = g_object_get_data (dialog, "lajna-asked");

  if (response == NULL)
    return FALSE;
  *code = g_strdup (asked->codes[adw_combo_row_get_selected (asked->choice)]);
  *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (asked->text))));
  if (day != NULL)
    *day = day_of (asked->day);
  return TRUE;
}

/**
 * lajna_goal_dialog_ask_goal_async:
 * @parent: the window the dialog belongs to
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the dialog
 * @callback: called once the person added the goal or cancelled
 * @user_data: for @callback
 *
 * Asks for a new goal of a case plan; the dialog is the source object of
 * the result.
 */
void
lajna_goal_dialog_ask_goal_async (GtkWindow           *parent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->codes = domains;
  asked->choice = new_choice_row (_("Domain"), domains, "education");
  asked->text = new_entry_row (_("Goal"));
  asked->day = new_entry_row (_("Target date"));
  ask (parent, _("Add a Goal to the Plan?"), NULL, _("_Add"), asked, cancellable, callback,
       user_data);
}

/**
 * lajna_goal_dialog_ask_goal_finish:
 * @result: the result given to the callback
 * @domain: (out) (transfer full): return location for the goal's domain
 * @goal: (out) (transfer full): return location for the goal
 * @day: (out) (transfer full): return location for its target day
 *   (YYYY-MM-DD), "" for none
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   person cancelled
 *
 * Returns: %TRUE once the person added the goal
 */
gboolean
lajna_goal_dialog_ask_goal_finish (GAsyncResult  *result,
                                   char         **domain,
                                   char         **goal,
                                   char         **day,
                                   GError       **error)
{
  return answers (result, domain, goal, day, error);
}

/**
 * lajna_goal_dialog_ask_review_async:
 * @parent: the window the dialog belongs to
 * @goal: the goal reviewed
 * @status: its status so far
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the dialog
 * @callback: called once the person recorded the review or cancelled
 * @user_data: for @callback
 *
 * Asks for the review of a goal; the dialog is the source object of the
 * result.
 */
void
lajna_goal_dialog_ask_review_async (GtkWindow           *parent,
                                    const char          *goal,
                                    const char          *status,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->codes = statuses;
  asked->choice = new_choice_row (_("Status"), statuses, status);
  asked->text = new_entry_row (_("Note"));
  ask (parent, _("Review the Goal?"), goal, _("_Record"), asked, cancellable, callback,
       user_data);
}

/**
 * lajna_goal_dialog_ask_review_finish:
 * @result: the result given to the callback
 * @status: (out) (transfer full): return location for the goal's status now
 * @note: (out) (transfer full): return location for the note
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   person cancelled
 *
 * Returns: %TRUE once the person recorded the review
 */
gboolean
lajna_goal_dialog_ask_review_finish (GAsyncResult  *result,
                                     char         **status,
                                     char         **note,
                                     GError       **error)
{
  return answers (result, status, note, NULL, error);
}
