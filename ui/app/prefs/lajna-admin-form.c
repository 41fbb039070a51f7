/* lajna-admin-form.c: what the administration's editors share: an
 * editor says what is wrong above its form and marks the rows, and writes
 * in one transaction, then emits "saved" and closes, or shows the
 * database's refusal and stays. */

#include "lajna-admin-form.h"

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/**
 * lajna_admin_form_check:
 * @error_label: where an editor says what is wrong
 * @validation: the findings about the form
 * @fields: (array length=n_fields): the form's fields and rows
 * @n_fields: how many
 *
 * Marks the rows of the fields found wrong and shows the findings, or
 * clears both.
 *
 * Returns: whether the form can be saved
 */
gboolean
lajna_admin_form_check (GtkLabel              *error_label,
                        const LajnaValidation *validation,
                        const LajnaAdminField *fields,
                        guint                  n_fields)
{
  g_autoptr(GString) messages = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (lajna_validation_find (validation, fields[i].field) != NULL)
        gtk_widget_add_css_class (fields[i].row, "error");
      else
        gtk_widget_remove_css_class (fields[i].row, "error");
    }
  for (guint i = 0; i < lajna_validation_get_n_issues (validation); i++)
    g_string_append_printf (messages, "%s%s", i > 0 ? "\n" : "",
                            lajna_validation_get_issue (validation, i)->message);
  show_error (error_label, lajna_validation_has_errors (validation) ? messages->str : NULL);
  return !lajna_validation_has_errors (validation);
}

typedef struct
{
  LajnaDbJobFunc write;
  gpointer       data;
  GDestroyNotify data_free;
} Write;

static void
write_free (Write *write)
{
  if (write->data_free != NULL)
    write->data_free (write->data);
  g_free (write);
}

/* All of a change, or nothing of it. */
static gpointer
write_thread (LajnaDb       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Write *write = data;

  if (lajna_db_job_in_transaction (db, write->write, write->data, cancellable, error) == NULL)
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* The editor's parts a result reaches, alive until its cancellable is
 * cancelled (the editor cancels it when it goes). */
typedef struct
{
  GtkWindow *editor;
  GtkWidget *save;
  GtkLabel  *error_label;
} Editor;

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Editor *editor = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error) != NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (editor->save, TRUE);
  if (!saved)
    {
      show_error (editor->error_label, error->message);
      return;
    }
  g_signal_emit_by_name (editor->editor, "saved");
  gtk_window_destroy (editor->editor);
}

/**
 * lajna_admin_form_save:
 * @editor: an editor with a "saved" signal
 * @save: its Save button, off while the change is written
 * @error_label: where it says what is wrong
 * @worker: the connection
 * @write: writes the change (in a transaction this opens)
 * @data: (transfer full): the change
 * @data_free: frees @data
 * @cancellable: cancelled when @editor goes
 */
void
lajna_admin_form_save (GtkWindow      *editor,
                       GtkWidget      *save,
                       GtkLabel       *error_label,
                       LajnaDbWorker  *worker,
                       LajnaDbJobFunc  write,
                       gpointer        data,
                       GDestroyNotify  data_free,
                       GCancellable   *cancellable)
{
  Write *job = g_new0 (Write, 1);
  Editor *parts = g_new0 (Editor, 1);

  job->write = write;
  job->data = data;
  job->data_free = data_free;
  parts->editor = editor;
  parts->save = save;
  parts->error_label = error_label;
  gtk_widget_set_sensitive (save, FALSE);
  lajna_db_worker_run_async (worker, write_thread, job, (GDestroyNotify) write_free, NULL,
                             cancellable, written_cb, parts);
}
