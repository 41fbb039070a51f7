/* lajna-goal-dialog.c: asks for a case plan's goal (what it is about,
 * what is aimed at, by which day) or for a goal's review (its status now
 * and a note). Adding stays off until the goal is written and its day,
 * when given, is a real day written year first. */

#include "lajna-goal-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cases/lajna-form-rows.h"
#include "lajna-labels.h"

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
  LajnaGoalFunc       func;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Asked;

static void
asked_free (Asked *asked)
{
  if (asked->destroy != NULL)
    asked->destroy (asked->user_data);
  g_free (asked);
}

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

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Asked            *asked)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
      GTK_EDITABLE (asked->text))));
  g_autofree char *day = day_of (asked->day);
  guint chosen = adw_combo_row_get_selected (asked->choice);

  if (g_strcmp0 (response, "confirm") != 0 || day == NULL)
    return;
  asked->func (asked->codes[chosen], text, day, asked->user_data);
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
ask (GtkWidget   *parent,
     const char  *heading,
     const char  *body,
     const char  *confirm,
     Asked       *asked)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
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
  g_object_set_data (G_OBJECT (dialog), "lajna-asked", asked);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "confirm", asked->day == NULL);
  adw_message_dialog_set_default_response (dialog, "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), asked,
                         (GClosureNotify) (void (*) (void)) asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lajna_goal_dialog_ask_goal:
 * @parent: a widget of the window the dialog belongs to
 * @func: called with the domain, the goal and the day ("" for none),
 *   when the person adds it
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data once the dialog is gone
 */
void
lajna_goal_dialog_ask_goal (GtkWidget      *parent,
                            LajnaGoalFunc   func,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->codes = domains;
  asked->choice = new_choice_row (_("Domain"), domains, "education");
  asked->text = new_entry_row (_("Goal"));
  asked->day = new_entry_row (_("Target date"));
  asked->func = func;
  asked->user_data = user_data;
  asked->destroy = destroy;
  ask (parent, _("Add a Goal to the Plan?"), NULL, _("_Add"), asked);
}

/**
 * lajna_goal_dialog_ask_review:
 * @parent: a widget of the window the dialog belongs to
 * @goal: the goal reviewed
 * @status: its status so far
 * @func: called with the status now, the note and "", when the person
 *   records the review
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data once the dialog is gone
 */
void
lajna_goal_dialog_ask_review (GtkWidget      *parent,
                              const char     *goal,
                              const char     *status,
                              LajnaGoalFunc   func,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->codes = statuses;
  asked->choice = new_choice_row (_("Status"), statuses, status);
  asked->text = new_entry_row (_("Note"));
  asked->func = func;
  asked->user_data = user_data;
  asked->destroy = destroy;
  ask (parent, _("Review the Goal?"), goal, _("_Record"), asked);
}
