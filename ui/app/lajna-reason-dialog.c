/* lajna-reason-dialog.c: asks for the words a meeting needs before it
 * records something: the reasons of a vote to reject, the reason of a
 * correction. The confirm button stays off until something is written. */

#include "lajna-reason-dialog.h"

#include <glib/gi18n.h>

#include "lajna-message-dialog.h"

/* The words written, without the spaces around them. */
static char *
dup_text (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
text_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = dup_text (entry);

  adw_message_dialog_set_response_enabled (dialog, "confirm", *text != '\0');
}

/**
 * lajna_reason_dialog_ask_async:
 * @parent: the window the dialog belongs to
 * @heading: what is asked
 * @body: (nullable): why
 * @confirm: the confirm button's label
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the dialog
 * @callback: called once the person confirmed or cancelled
 * @user_data: for @callback
 *
 * Asks for the words; the dialog is the source object of the result.
 */
void
lajna_reason_dialog_ask_async (GtkWindow           *parent,
                               const char          *heading,
                               const char          *body,
                               const char          *confirm,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  GtkWidget *entry = gtk_entry_new ();

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
  lajna_message_dialog_choose_async (dialog, cancellable, callback, user_data);
}

/**
 * lajna_reason_dialog_ask_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   person cancelled
 *
 * Returns: (transfer full) (nullable): the words written, never empty
 */
char *
lajna_reason_dialog_ask_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(GObject) dialog = g_async_result_get_source_object (result);
  g_autofree char *response = lajna_message_dialog_choose_finish (ADW_MESSAGE_DIALOG (dialog),
                                                                  result, error);

  if (response == NULL)
    return NULL;
  return dup_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
}
