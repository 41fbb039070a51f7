/* lajna-file-choice.c: asks for a file with the desktop's file chooser
 * (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog), modal on the
 * window asking, and hands on its local path once, or %NULL when there is
 * none. */

#include "lajna-file-choice.h"

#include <glib/gi18n.h>

typedef struct
{
  LajnaFileChosenFunc func;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Choice;

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Choice          *choice)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                            ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  choice->func (file != NULL ? g_file_peek_path (file) : NULL, choice->user_data);
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * lajna_file_choice_ask:
 * @parent: the window asking
 * @action: open or save
 * @title: the chooser's title
 * @accept: the label of its button that accepts
 * @current_name: (nullable): the name offered, when saving
 * @filter: (nullable): the files offered, when opening
 * @func: (scope async): told the path chosen, or %NULL
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data once @func has run
 */
void
lajna_file_choice_ask (GtkWindow            *parent,
                       GtkFileChooserAction  action,
                       const char           *title,
                       const char           *accept,
                       const char           *current_name,
                       GtkFileFilter        *filter,
                       LajnaFileChosenFunc   func,
                       gpointer              user_data,
                       GDestroyNotify        destroy)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept,
                                                               _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  choice->func = func;
  choice->user_data = user_data;
  choice->destroy = destroy;
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
