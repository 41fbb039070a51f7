/* lajna-message-dialog.c: an AdwMessageDialog asked the GIO way, as
 * adw_message_dialog_choose() does from libadwaita 1.3 on (Debian 12 has
 * 1.2). The dialog is the task's source object; closing it, or cancelling
 * the GCancellable, which closes it, ends the task with
 * G_IO_ERROR_CANCELLED, so that a caller tells "nothing to do" from an
 * answer by the error alone. */

#include "lajna-message-dialog.h"

#include <glib/gi18n.h>

/* Closes the dialog with its close response, even one its parent took
 * away already (GtkWindow:destroy-with-parent): the task then ends too. */
static void
cancelled_cb (GCancellable *cancellable,
              GTask        *task)
{
  AdwMessageDialog *dialog = g_task_get_source_object (task);

  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_message_dialog_response (dialog, adw_message_dialog_get_close_response (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    g_signal_handlers_disconnect_by_func (cancellable, cancelled_cb, task);
  g_signal_handlers_disconnect_by_func (dialog, response_cb, task);
  if (g_strcmp0 (response, adw_message_dialog_get_close_response (dialog)) == 0)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The question was closed without an answer."));
  else
    g_task_return_pointer (task, g_strdup (response), g_free);
  g_object_unref (task);
}

/**
 * lajna_message_dialog_choose_async:
 * @dialog: a message dialog with a close response, not yet shown
 * @cancellable: (nullable): a #GCancellable; cancelling it closes @dialog
 * @callback: called once the person responded or the dialog was closed
 * @user_data: for @callback
 *
 * Presents @dialog and waits for the person's response.
 */
void
lajna_message_dialog_choose_async (AdwMessageDialog    *dialog,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (dialog, cancellable, callback, user_data);

  g_task_set_source_tag (task, lajna_message_dialog_choose_async);
  /* A window never shown cannot be closed: it goes without asking. */
  if (g_task_return_error_if_cancelled (task))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_object_unref (task);
      return;
    }
  if (cancellable != NULL)
    g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb), task);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lajna_message_dialog_choose_finish:
 * @dialog: the message dialog
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   dialog was closed (its close response) or cancelled
 *
 * Returns: (transfer full) (nullable): the ID of the response chosen
 */
char *
lajna_message_dialog_choose_finish (AdwMessageDialog  *dialog,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, dialog), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
