/* test-dialogs.c: the app's small dialogs are asked the GIO way
 * (lajna-message-dialog.c, and the reason dialog built on it): the answer
 * comes back from the button pressed, closing the dialog or cancelling it
 * ends with G_IO_ERROR_CANCELLED, and cancelling closes the dialog. Runs
 * under Xvfb. */

#include <check.h>

#include "lajna-message-dialog.h"
#include "lajna-reason-dialog.h"
#include "lajna-test-util.h"
#include "lajna-test-widgets.h"

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **kept = user_data;

  *kept = g_object_ref (result);
}

static gboolean
result_kept (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
count_cb (GtkWidget *widget,
          guint     *count)
{
  (*count)++;
}

static gboolean
shown (gpointer data)
{
  return lajna_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static GtkWindow *
new_parent (void)
{
  GtkWindow *parent;

  lajna_test_widgets_init ("en");
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);
  return parent;
}

/* The result holds the dialog: it goes first, as in the app, since a
 * message dialog of libadwaita 1.2 that outlives its parent window still
 * disconnects from it when it goes. */
static void
close_parent (GtkWindow     *parent,
              GAsyncResult **result)
{
  g_clear_object (result);
  gtk_window_destroy (parent);
}

static AdwMessageDialog *
new_question (GtkWindow *parent)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, "Sure?", NULL));

  adw_message_dialog_add_responses (dialog, "cancel", "_Cancel", "yes", "_Yes", NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* Presses the button labelled @label of the dialog shown, as a person would. */
static void
press (const char *label)
{
  GtkWindow *dialog = lajna_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_autoptr(GPtrArray) buttons = lajna_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      {
        ck_assert (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)));
        gtk_widget_activate (g_ptr_array_index (buttons, i));
        return;
      }
  ck_abort_msg ("no button %s", label);
}

/* Waits for the end of @dialog's question: cancelled, and the dialog closed. */
static void
assert_cancelled (AdwMessageDialog  *dialog,
                  GAsyncResult     **result)
{
  g_autoptr(GError) error = NULL;

  lajna_test_wait_for (result_kept, result, "the end of the question");
  ck_assert_ptr_null (lajna_message_dialog_choose_finish (dialog, *result, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

START_TEST (test_choose_gives_the_response)
{
  GtkWindow *parent = new_parent ();
  AdwMessageDialog *dialog = new_question (parent);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *response = NULL;

  lajna_message_dialog_choose_async (dialog, NULL, keep_result_cb, &result);
  lajna_test_wait_for (shown, NULL, "the question shown");
  press ("_Yes");
  lajna_test_wait_for (result_kept, &result, "the answer");
  response = lajna_message_dialog_choose_finish (dialog, result, NULL);
  ck_assert_str_eq (response, "yes");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (dialog)));
  close_parent (parent, &result);
}
END_TEST

START_TEST (test_closing_cancels)
{
  GtkWindow *parent = new_parent ();
  AdwMessageDialog *dialog = new_question (parent);
  g_autoptr(GAsyncResult) result = NULL;

  lajna_message_dialog_choose_async (dialog, NULL, keep_result_cb, &result);
  lajna_test_wait_for (shown, NULL, "the question shown");
  gtk_window_close (GTK_WINDOW (dialog));
  assert_cancelled (dialog, &result);
  close_parent (parent, &result);
}
END_TEST

START_TEST (test_cancelling_closes)
{
  GtkWindow *parent = new_parent ();
  AdwMessageDialog *dialog = new_question (parent);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  lajna_message_dialog_choose_async (dialog, cancellable, keep_result_cb, &result);
  lajna_test_wait_for (shown, NULL, "the question shown");
  g_cancellable_cancel (cancellable);
  assert_cancelled (dialog, &result);
  close_parent (parent, &result);
}
END_TEST

START_TEST (test_cancelled_is_never_shown)
{
  GtkWindow *parent = new_parent ();
  AdwMessageDialog *dialog = new_question (parent);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  guint maps = 0;

  g_signal_connect (dialog, "map", G_CALLBACK (count_cb), &maps);
  g_cancellable_cancel (cancellable);
  lajna_message_dialog_choose_async (dialog, cancellable, keep_result_cb, &result);
  assert_cancelled (dialog, &result);
  ck_assert_uint_eq (maps, 0);
  close_parent (parent, &result);
}
END_TEST

START_TEST (test_reason_gives_the_words)
{
  GtkWindow *parent = new_parent ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *words = NULL;

  lajna_reason_dialog_ask_async (parent, "Why?", NULL, "_Confirm", NULL, keep_result_cb,
                                 &result);
  lajna_test_wait_for (shown, NULL, "the question shown");
  entries = lajna_test_find_all (GTK_WIDGET (lajna_test_find_window (ADW_TYPE_MESSAGE_DIALOG)),
                                 GTK_TYPE_ENTRY);
  ck_assert_uint_eq (entries->len, 1);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "  the papers came late ");
  press ("_Confirm");
  lajna_test_wait_for (result_kept, &result, "the words");
  words = lajna_reason_dialog_ask_finish (result, NULL);
  ck_assert_str_eq (words, "the papers came late");
  close_parent (parent, &result);
}
END_TEST

START_TEST (test_reason_cancelled)
{
  GtkWindow *parent = new_parent ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lajna_reason_dialog_ask_async (parent, "Why?", NULL, "_Confirm", NULL, keep_result_cb,
                                 &result);
  lajna_test_wait_for (shown, NULL, "the question shown");
  press ("_Cancel");
  lajna_test_wait_for (result_kept, &result, "the end of the question");
  ck_assert_ptr_null (lajna_reason_dialog_ask_finish (result, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  close_parent (parent, &result);
}
END_TEST

static Suite *
dialogs_suite (void)
{
  Suite *suite = suite_create ("dialogs");
  TCase *message = tcase_create ("/message-dialog");
  TCase *reason = tcase_create ("/reason-dialog");

  tcase_add_test (message, test_choose_gives_the_response);
  tcase_add_test (message, test_closing_cancels);
  tcase_add_test (message, test_cancelling_closes);
  tcase_add_test (message, test_cancelled_is_never_shown);
  suite_add_tcase (suite, message);
  tcase_add_test (reason, test_reason_gives_the_words);
  tcase_add_test (reason, test_reason_cancelled);
  suite_add_tcase (suite, reason);
  return suite;
}

int
main (void)
{
  return lajna_test_run (dialogs_suite ());
}
