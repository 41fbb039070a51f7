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
#include "lajna-pdf-sign.h"
#include "lajna-ruling-issue.h"

typedef struct
{
  GtkWindow             *parent;
  LajnaDbWorker         *worker;
  AdwToastOverlay       *toasts;
  gint64                 case_id;
  char                  *file_name;
  char                  *key_path;
  char                  *password;
  char                  *path;
  char                  *tsa_url;
  LajnaRulingSignedFunc  signed_func;
  gpointer               user_data;
  GDestroyNotify         destroy;
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
  g_object_unref (signing->parent);
  g_object_unref (signing->worker);
  g_object_unref (signing->toasts);
  if (signing->destroy != NULL)
    signing->destroy (signing->user_data);
  g_free (signing);
}

/* A failure is read whole, and closed before anything else is said. */
static void
show_failure (Signing    *signing,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (signing->parent, _("The Ruling Was Not Signed"),
                                              NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
signed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Signing *signing = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *name = g_path_get_basename (signing->path);
  AdwToast *toast;

  if (!lajna_ruling_sign_finish (LAJNA_DB_WORKER (source), result, &error))
    {
      show_failure (signing, error->message);
      signing_free (signing);
      return;
    }
  if (signing->signed_func != NULL)
    signing->signed_func (signing->user_data);
  message = g_strdup_printf (_("Signed and saved as “%s”"), name);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (signing->toasts, toast);
  signing_free (signing);
}

static void
saved_where_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Signing *signing = user_data;

  signing->path = lajna_file_choice_ask_finish (result, NULL);
  if (signing->path == NULL)
    {
      signing_free (signing);
      return;
    }
  lajna_ruling_sign_async (signing->worker, signing->case_id, signing->key_path,
                           signing->password, signing->tsa_url, signing->path, NULL, signed_cb,
                           signing);
  forget_password (signing);
}

static void ask_password (Signing    *signing,
                          const char *problem);

/* The password opens the key: now where the signed PDF goes. */
static void
key_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Signing *signing = user_data;
  g_autoptr(GError) error = NULL;

  if (!lajna_pdf_sign_check_key_finish (result, &error))
    {
      forget_password (signing);
      ask_password (signing, error->message);
      return;
    }
  lajna_file_choice_ask_async (signing->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                               _("Save the Signed Ruling"), _("_Save"), signing->file_name, NULL,
                               NULL, saved_where_cb, signing);
}

static void
password_cb (AdwMessageDialog *dialog,
             const char       *response,
             Signing          *signing)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (strcmp (response, "sign") != 0)
    {
      signing_free (signing);
      return;
    }
  signing->password = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  lajna_pdf_sign_check_key_async (signing->key_path, signing->password, NULL, key_checked_cb,
                                  signing);
}

/* Asks for the key's password; @problem says why again, when it is. */
static void
ask_password (Signing    *signing,
              const char *problem)
{
  g_autofree char *name = g_path_get_basename (signing->key_path);
  g_autofree char *use = g_strdup_printf (_("The password that opens “%s”. It is used for this "
                                            "signature and not kept."), name);
  GtkWidget *dialog = adw_message_dialog_new (signing->parent, _("Password of the Key"), NULL);
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
  g_signal_connect (dialog, "response", G_CALLBACK (password_cb), signing);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
key_chosen_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Signing *signing = user_data;

  signing->key_path = lajna_file_choice_ask_finish (result, NULL);
  if (signing->key_path == NULL)
    {
      signing_free (signing);
      return;
    }
  ask_password (signing, NULL);
}

/**
 * lajna_ruling_sign_run:
 * @parent: the window asking
 * @worker: the database worker
 * @case_id: the file whose issued ruling is signed
 * @file_name: the name offered for the signed PDF
 * @toasts: where to say how it went
 * @signed_func: (nullable): called once signed
 * @user_data: for @signed_func
 * @destroy: (nullable): frees @user_data
 */
void
lajna_ruling_sign_run (GtkWindow             *parent,
                       LajnaDbWorker         *worker,
                       gint64                 case_id,
                       const char            *file_name,
                       AdwToastOverlay       *toasts,
                       LajnaRulingSignedFunc  signed_func,
                       gpointer               user_data,
                       GDestroyNotify         destroy)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Signing *signing = g_new0 (Signing, 1);

  gtk_file_filter_set_name (filter, _("PKCS#12 keys"));
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_filter_add_suffix (filter, "pfx");
  signing->parent = g_object_ref (parent);
  signing->worker = g_object_ref (worker);
  signing->toasts = g_object_ref (toasts);
  signing->case_id = case_id;
  signing->file_name = g_strdup (file_name);
  signing->tsa_url = lajna_application_dup_timestamp_authority ();
  signing->signed_func = signed_func;
  signing->user_data = user_data;
  signing->destroy = destroy;
  lajna_file_choice_ask_async (parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("Choose the Signatory’s Key"), _("_Choose"), NULL, filter, NULL,
                               key_chosen_cb, signing);
}
