/* lajna-reason-dialog.c: asks for the words a meeting needs before it
 * records something: the reasons of a vote to reject, the reason of a
 * correction. The confirm button stays off until something is written. */

#include "lajna-reason-dialog.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkEditable     *entry;
  LajnaReasonFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Asked;

static void
asked_free (Asked *asked)
{
  if (asked->destroy != NULL)
    asked->destroy (asked->user_data);
  g_free (asked);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Asked            *asked)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (asked->entry)));

  asked->func (g_strcmp0 (response, "confirm") == 0 && *text != '\0' ? text : NULL,
               asked->user_data);
}

static void
text_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "confirm", *text != '\0');
}

/**
 * lajna_reason_dialog_ask:
 * @parent: a widget of the window the dialog belongs to
 * @heading: what is asked
 * @body: (nullable): why
 * @confirm: the confirm button's label
 * @func: called once, with the words or %NULL
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data after @func
 */
void
lajna_reason_dialog_ask (GtkWidget       *parent,
                         const char      *heading,
                         const char      *body,
                         const char      *confirm,
                         LajnaReasonFunc  func,
                         gpointer         user_data,
                         GDestroyNotify   destroy)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  GtkWidget *entry = gtk_entry_new ();
  Asked *asked = g_new0 (Asked, 1);

  asked->entry = GTK_EDITABLE (entry);
  asked->func = func;
  asked->user_data = user_data;
  asked->destroy = destroy;
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  adw_message_dialog_set_default_response (dialog, "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), asked,
                         (GClosureNotify) (void (*) (void)) asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
