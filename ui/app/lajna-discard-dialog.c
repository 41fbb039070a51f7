/* lajna-discard-dialog.c: work typed or scanned and not saved is not lost
 * by a slip of Escape or a click on Cancel: closing asks first, and a
 * window the person chose to discard then closes without asking again. */

#include "lajna-discard-dialog.h"

#include <glib/gi18n.h>

#define DISCARDED_KEY "lajna-discarded"

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkWindow        *window)
{
  if (g_str_equal (response, "discard"))
    {
      g_object_set_data (G_OBJECT (window), DISCARDED_KEY, GINT_TO_POINTER (TRUE));
      gtk_window_close (window);
    }
}

/**
 * lajna_discard_dialog_stop_close:
 * @window: a window being closed, from its #GtkWindow::close-request
 * @unsaved: whether it holds work that closing would lose
 * @heading: the question asked
 * @body: what would be lost
 * @keep: the label of the button that keeps the window open
 *
 * Asks whether to discard the unsaved work of @window; closing it again
 * after "Discard" no longer asks.
 *
 * Returns: %TRUE when the close must stop because the question is asked:
 *   the return value of the close-request handler
 */
gboolean
lajna_discard_dialog_stop_close (GtkWindow  *window,
                                 gboolean    unsaved,
                                 const char *heading,
                                 const char *body,
                                 const char *keep)
{
  AdwMessageDialog *dialog;

  if (!unsaved || g_object_get_data (G_OBJECT (window), DISCARDED_KEY) != NULL)
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading, body));
  adw_message_dialog_add_responses (dialog, "keep", keep, "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
