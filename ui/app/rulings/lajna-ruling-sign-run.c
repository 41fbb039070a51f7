/* lajna-ruling-sign-run.c: "Sign…" of a file's issued ruling: asks for the
 * signatory's PKCS#12 key and its password, which is tried on the key at
 * once (asked again while wrong), then where to save the signed PDF; then
 * signs on the database worker (reports/lajna-ruling.c: the incremental
 * update, time-stamped by the authority of the `timestamp-authority`
 * setting when there is one, the signed PDF stored once with its digest,
 * the file moving to signed) and says how it went: a toast once signed, a
 * dialog to read whole and close when not. The password is wiped once
 * used. */

#include "lajna-ruling-sign-run.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-application.h"
#include "lajna-file-choice.h"
#include "lajna-message-dialog.h"
#include "lajna-pdf-sign.h"
#include "lajna-ruling-issue.h"

/* What a run signs, as its task's data. */
typedef struct
{
  LajnaDbWorker   *worker;
  AdwToastOverlay *toasts;
  gint64           case_id;
  char            *file_name;
  char            *key_path;
  char            *password;
  char            *path;
  char            *tsa_url;
} Signing;

static void
forget_password (Signing *signing)
{
  if (signing->password != NULL)
    memset (signing->password, 0, strlen (signing->password));
  g_clear_pointer (&signing->password, g_free);
}

static void
signing_free (Signing *signing)
{
  forget_password (signing);
  g_free (signing->file_name);
  g_free (signing->key_path);
  g_free (signing->path);
  g_free (signing->tsa_url);
  g_object_unref (signing->worker);
  g_object_unref (signing->toasts);
  g_free (signing);
}

/* A failure is read whole, and closed before anything else is said. */
static void
show_failure (GtkWindow  *parent,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Ruling Was Not Signed"), NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
signed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Signing *signing = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *name = g_path_get_basename (signing->path);
  AdwToast *toast;

  if (!lajna_ruling_sign_finish (LAJNA_DB_WORKER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (g_task_get_source_object (task), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  message = g_strdup_printf (_("Signed and saved as “%s”"), name);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (signing->toasts, toast);
  g_task_return_boolean (task, TRUE);
}

/* Puts the path chosen in @path; with none, @task ends as the chooser did. */
static gboolean
take_path (GTask         *task,
           GAsyncResult  *result,
           char         **path)
{
  GError *error = NULL;

  *path = lajna_file_choice_ask_finish (result, &error);
  if (*path == NULL)
    g_task_return_error (task, error);
  return *path != NULL;
}

static void
saved_where_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Signing *signing = g_task_get_task_data (task);

  if (!take_path (task, result, &signing->path))
    return;
  lajna_ruling_sign_async (signing->worker, signing->case_id, signing->key_path,
                           signing->password, signing->tsa_url, signing->path,
                           g_task_get_cancellable (task), signed_cb, g_object_ref (task));
  forget_password (signing);
}

static void ask_password (GTask      *task,
                          const char *problem);

/* The password opens the key: now where the signed PDF goes. */
static void
key_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Signing *signing = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!lajna_pdf_sign_check_key_finish (result, &error))
    {
      forget_password (signing);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        ask_password (task, error->message);
      return;
    }
  lajna_file_choice_ask_async (g_task_get_source_object (task), GTK_FILE_CHOOSER_ACTION_SAVE,
                               _("Save the Signed Ruling"), _("_Save"), signing->file_name, NULL,
                               g_task_get_cancellable (task), saved_where_cb,
                               g_object_ref (task));
}

static void
password_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Signing *signing = g_task_get_task_data (task);
  GtkEditable *entry = g_object_get_data (source, "entry");
  GError *error = NULL;
  g_autofree char *response = lajna_message_dialog_choose_finish (ADW_MESSAGE_DIALOG (source),
                                                                  result, &error);

  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  signing->password = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  lajna_pdf_sign_check_key_async (signing->key_path, signing->password,
                                  g_task_get_cancellable (task), key_checked_cb,
                                  g_object_ref (task));
}

/* Asks for the key's password; @problem says why again, when it is. */
static void
ask_password (GTask      *task,
              const char *problem)
{
  Signing *signing = g_task_get_task_data (task);
  g_autofree char *name = g_path_get_basename (signing->key_path);
  g_autofree char *use = g_strdup_printf (_("The password that opens “%s”. It is used for this "
                                            "signature and not kept."), name);
  GtkWidget *dialog = adw_message_dialog_new (g_task_get_source_object (task),
                                              _("Password of the Key"), NULL);
  /* Not a GtkPasswordEntry: once this dialog is gone, GTK 4.8 still calls
   * one back on the next key pressed, and casts freed memory to it. */
  GtkWidget *entry = gtk_entry_new ();

  if (problem != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", problem, use);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), use);
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password of the Key"), -1);
  g_object_set (entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  lajna_message_dialog_choose_async (ADW_MESSAGE_DIALOG (dialog), g_task_get_cancellable (task),
                                     password_cb, g_object_ref (task));
}

static void
key_chosen_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Signing *signing = g_task_get_task_data (task);

  if (take_path (task, result, &signing->key_path))
    ask_password (task, NULL);
}

/**
 * lajna_ruling_sign_run_async:
 * @parent: the window asking, the source object of the result
 * @worker: the database worker
 * @case_id: the file whose issued ruling is signed
 * @file_name: the name offered for the signed PDF
 * @toasts: where to say it is signed
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the
 *   dialog or chooser open and stops the signing
 * @callback: called once the ruling is signed, or not
 * @user_data: for @callback
 *
 * Asks for the signatory's key, its password and where to save, then signs
 * the ruling and says so in @toasts; a failure is shown in a dialog.
 */
void
lajna_ruling_sign_run_async (GtkWindow           *parent,
                             LajnaDbWorker       *worker,
                             gint64               case_id,
                             const char          *file_name,
                             AdwToastOverlay     *toasts,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  Signing *signing = g_new0 (Signing, 1);

  gtk_file_filter_set_name (filter, _("PKCS#12 keys"));
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_filter_add_suffix (filter, "pfx");
  signing->worker = g_object_ref (worker);
  signing->toasts = g_object_ref (toasts);
  signing->case_id = case_id;
  signing->file_name = g_strdup (file_name);
  signing->tsa_url = lajna_application_dup_timestamp_authority ();
  g_task_set_source_tag (task, lajna_ruling_sign_run_async);
  g_task_set_task_data (task, signing, (GDestroyNotify) signing_free);
  lajna_file_choice_ask_async (parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("Choose the Signatory’s Key"), _("_Choose"), NULL, filter,
                               cancellable, key_chosen_cb, task);
}

/**
 * lajna_ruling_sign_run_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   person gave up; any other error has been shown already
 *
 * Returns: %TRUE once the ruling is signed and stored
 */
gboolean
lajna_ruling_sign_run_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lajna_ruling_sign_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
