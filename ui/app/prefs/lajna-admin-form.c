/* lajna-admin-form.c: what the administration's editors share: an
 * editor says what is wrong above its form and marks the rows, and, once
 * the model wrote the change, emits "saved" and closes, or shows the
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

/**
 * lajna_admin_form_written:
 * @editor: an editor with a "saved" signal
 * @save: its Save button, off while the change was written
 * @error_label: where it says what is wrong
 * @error: (nullable): why the database refused the change, %NULL when it
 *   took it
 *
 * Turns @save on again and shows @error; or emits "saved" and closes
 * @editor. Not to be called when the write was cancelled (@editor is then
 * gone).
 */
void
lajna_admin_form_written (GtkWindow    *editor,
                          GtkWidget    *save,
                          GtkLabel     *error_label,
                          const GError *error)
{
  gtk_widget_set_sensitive (save, TRUE);
  if (error != NULL)
    {
      show_error (error_label, error->message);
      return;
    }
  g_signal_emit_by_name (editor, "saved");
  gtk_window_destroy (editor);
}
