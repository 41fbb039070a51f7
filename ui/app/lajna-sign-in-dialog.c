/* lajna-sign-in-dialog.c: asks for the person's password for a shared
 * server, when the keyring holds none (or one the server no longer takes)
 * and when the app is locked; on the embedded database, which belongs to
 * the computer account, the lock asks for the account's password (PAM).
 * The password is tried on a thread, by signing in or by PAM; once the
 * server accepts it, the database signs every later connection in with it
 * and, if the person wishes, the keyring keeps it for the next start. A
 * refused password asks again. */

#include "lajna-sign-in-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-account.h"
#include "lajna-idle-lock.h"
#include "lajna-keyring.h"

struct _LajnaSignInDialog
{
  AdwMessageDialog  parent_instance;

  GtkEditable      *password;
  GtkLabel         *problem;
  GtkCheckButton   *keep;

  GTask            *task;
};

G_DEFINE_FINAL_TYPE (LajnaSignInDialog, lajna_sign_in_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* What a run signs in to, as the task's data. */
typedef struct
{
  GtkWindow     *parent;
  LajnaDatabase *database;
  gboolean       unlocking;
} Run;

/* Whether @run checks the computer account's password. */
static gboolean
checks_account (const Run *run)
{
  return run->unlocking && lajna_database_is_embedded (run->database);
}

static void
run_free (Run *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->database);
  g_free (run);
}

static void present (GTask *task, const char *problem);

static void
attempt_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) run_task = user_data;
  g_autoptr(GError) error = NULL;

  if (lajna_database_check_password_finish (LAJNA_DATABASE (source), result, &error))
    g_task_return_boolean (run_task, TRUE);
  else if (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD))
    present (run_task, _("The server did not accept this password. Try again."));
  else if (g_error_matches (error, LAJNA_ACCOUNT_ERROR, LAJNA_ACCOUNT_ERROR_REFUSED))
    present (run_task, error->message);
  else
    g_task_return_error (run_task, g_steal_pointer (&error));
}

static void
response_cb (LajnaSignInDialog *self,
             const char        *response)
{
  g_autoptr(GTask) run_task = g_steal_pointer (&self->task);
  Run *run = g_task_get_task_data (run_task);
  g_autofree char *password = NULL;

  if (!g_str_equal (response, "sign-in"))
    {
      g_task_return_new_error (run_task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Signing in was cancelled."));
      return;
    }
  if (*gtk_editable_get_text (self->password) == '\0')
    {
      present (run_task, _("Type the password."));
      return;
    }

  password = g_strdup (gtk_editable_get_text (self->password));
  gtk_editable_set_text (self->password, "");
  lajna_database_check_password_async (run->database, password, checks_account (run),
                                       gtk_check_button_get_active (self->keep),
                                       g_task_get_cancellable (run_task), attempt_done_cb,
                                       g_object_ref (run_task));
  memset (password, 0, strlen (password));
}

static void
present (GTask      *task,
         const char *problem)
{
  Run *run = g_task_get_task_data (task);
  LajnaSignInDialog *self = g_object_new (LAJNA_TYPE_SIGN_IN_DIALOG,
                                          "transient-for", run->parent, NULL);
  g_autofree char *login = checks_account (run)
                             ? lajna_account_describe ()
                             : lajna_keyring_describe (lajna_database_get_conninfo (run->database));

  self->task = g_object_ref (task);
  if (run->unlocking)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Unlock Lajna"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "sign-in", _("_Unlock"));
      if (checks_account (run))
        adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                        _("The files are hidden until the password of the "
                                          "computer account of %s is given."), login);
      else
        adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                        _("The files are hidden until the password of %s is "
                                          "given."), login);
      gtk_widget_set_visible (GTK_WIDGET (self->keep), FALSE);
      gtk_check_button_set_active (self->keep, FALSE);
    }
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                    _("The committee’s server asks for the password of %s."),
                                    login);
  if (run->unlocking)
    lajna_idle_lock_show_while_locked (GTK_WINDOW (self));
  if (problem != NULL)
    {
      gtk_label_set_text (self->problem, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
    }
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password));
}

static void
lajna_sign_in_dialog_dispose (GObject *object)
{
  LajnaSignInDialog *self = LAJNA_SIGN_IN_DIALOG (object);

  /* Closed without an answer (the window went away): cancelled. */
  if (self->task != NULL)
    g_task_return_new_error (self->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Signing in was cancelled."));
  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (lajna_sign_in_dialog_parent_class)->dispose (object);
}

static void
lajna_sign_in_dialog_class_init (LajnaSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_sign_in_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/lajna-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaSignInDialog, password);
  gtk_widget_class_bind_template_child (widget_class, LajnaSignInDialog, problem);
  gtk_widget_class_bind_template_child (widget_class, LajnaSignInDialog, keep);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
lajna_sign_in_dialog_init (LajnaSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_sign_in_dialog_run_async:
 * @parent: the window to ask over
 * @database: the database: a shared server's, or (when unlocking) the
 *   embedded one, whose computer account's password is asked for
 * @unlocking: whether the password unlocks the app (it is then checked,
 *   not kept)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the server accepted a password, or the person
 *   gave up
 * @user_data: data for @callback
 *
 * Asks for the password until the server accepts it; @database then signs
 * in with it.
 */
void
lajna_sign_in_dialog_run_async (GtkWindow           *parent,
                                LajnaDatabase       *database,
                                gboolean             unlocking,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  run->parent = parent != NULL ? g_object_ref (parent) : NULL;
  run->database = g_object_ref (database);
  run->unlocking = unlocking;
  g_task_set_source_tag (task, lajna_sign_in_dialog_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  present (task, NULL);
}

/**
 * lajna_sign_in_dialog_run_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   person gave up
 *
 * Returns: %TRUE once the server accepted the password
 */
gboolean
lajna_sign_in_dialog_run_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
