/* lajna-file-choice.c: asks for a file with the desktop's file chooser
 * (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog), modal on the
 * window asking, and gives its local path the GIO way. The chooser is the
 * source object; cancelling the GCancellable closes it; a chooser
 * cancelled, or a place chosen that is not a local file, ends with
 * G_IO_ERROR_CANCELLED. */

#include "lajna-file-choice.h"

#include <glib/gi18n.h>

static void give_path (GTask *task,
                       GFile *file);

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           GTask           *task)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                            ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  give_path (task, file);
}

static void
cancelled_cb (GCancellable *cancellable,
              GTask        *task)
{
  give_path (task, NULL);
}

/* Ends @task with the local path of @file, or as cancelled without one. */
static void
give_path (GTask *task,
           GFile *file)
{
  GtkNativeDialog *chooser = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  const char *path = file != NULL ? g_file_peek_path (file) : NULL;

  if (cancellable != NULL)
    g_signal_handlers_disconnect_by_func (cancellable, cancelled_cb, task);
  g_signal_handlers_disconnect_by_func (chooser, chosen_cb, task);
  gtk_native_dialog_destroy (chooser);
  if (path != NULL)
    g_task_return_pointer (task, g_strdup (path), g_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen."));
  g_object_unref (task);
}

/**
 * lajna_file_choice_ask_async:
 * @parent: the window asking
 * @action: open or save
 * @title: the chooser's title
 * @accept: the label of its button that accepts
 * @current_name: (nullable): the name offered, when saving
 * @filter: (nullable): the files offered, when opening
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the chooser
 * @callback: called once a file was chosen or the chooser cancelled
 * @user_data: for @callback
 *
 * Asks for a local file; the chooser is the source object of the result.
 */
void
lajna_file_choice_ask_async (GtkWindow            *parent,
                             GtkFileChooserAction  action,
                             const char           *title,
                             const char           *accept,
                             const char           *current_name,
                             GtkFileFilter        *filter,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GtkFileChooserNative) chooser = gtk_file_chooser_native_new (title, parent, action,
                                                                         accept, _("_Cancel"));
  GTask *task = g_task_new (chooser, cancellable, callback, user_data);

  g_task_set_source_tag (task, lajna_file_choice_ask_async);
  /* A chooser never shown has nothing to hide. */
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (cancellable != NULL)
    g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb), task);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * lajna_file_choice_ask_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when no
 *   local file was chosen
 *
 * Returns: (transfer full) (nullable): the local path chosen
 */
char *
lajna_file_choice_ask_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lajna_file_choice_ask_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
