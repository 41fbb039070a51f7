/* lajna-conflict-dialog.c: two workstations saved the same file.
 *
 * The second to save is shown both versions, field by field, and chooses:
 * keep editing, take the version already saved, or save its own over it
 * (the button says so). Nothing is overwritten by itself.
 */

#include "lajna-conflict-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-labels.h"
#include "lajna-message-dialog.h"
#include "lajna-text.h"

/* A value as a person reads it: a code by its label, a date or number in
 * its own direction, an empty field as a dash. */
static char *
shown_value (const LajnaCaseField *field,
             const char           *value)
{
  if (*value == '\0')
    return g_strdup ("—");
  if (field->type == LAJNA_FIELD_CODE)
    return g_strdup (lajna_label_for (value));
  if (field->type == LAJNA_FIELD_LIST)
    {
      g_auto(GStrv) codes = g_strsplit (value, ",", -1);
      GString *labels = g_string_new (NULL);

      for (guint i = 0; codes[i] != NULL; i++)
        g_string_append_printf (labels, "%s%s", i > 0 ? "، " : "", lajna_label_for (codes[i]));
      return g_string_free (labels, FALSE);
    }
  return lajna_isolate (value);
}

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
new_comparison (GPtrArray             *fields,
                const LajnaCaseRecord *mine,
                const LajnaCaseRecord *theirs)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Field"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Your version"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Saved version"), TRUE), 2, 0, 1, 1);
  for (guint i = 0; i < fields->len; i++)
    {
      const LajnaCaseField *field = g_ptr_array_index (fields, i);
      const char *dot = strchr (field->key, '.');
      g_autofree char *role = dot != NULL ? g_strndup (field->key, dot - field->key) : NULL;
      g_autofree char *name = role != NULL
                                ? g_strdup_printf ("%s: %s", lajna_party_label (role), _(field->label))
                                : g_strdup (_(field->label));
      g_autofree char *left = shown_value (field, lajna_case_record_get (mine, field->key));
      g_autofree char *right = shown_value (field, lajna_case_record_get (theirs, field->key));

      gtk_grid_attach (GTK_GRID (grid), cell (name, FALSE), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (left, FALSE), 1, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (right, FALSE), 2, (int) i + 1, 1, 1);
    }
  return grid;
}

/**
 * lajna_conflict_dialog_choose_async:
 * @parent: the form
 * @mine: the file as this workstation would save it
 * @theirs: the file as it is saved now
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the dialog
 * @callback: called once the person chose a version or went back to editing
 * @user_data: for @callback
 *
 * Asks which version of the file to keep; the dialog is the source object
 * of the result.
 */
void
lajna_conflict_dialog_choose_async (GtkWindow             *parent,
                                    const LajnaCaseRecord *mine,
                                    const LajnaCaseRecord *theirs,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GPtrArray) differ = lajna_case_record_diff (mine, theirs);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Someone Else Saved This File"), NULL);
  g_autofree char *number = lajna_isolate (theirs->file_number);

  if (differ->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "Another workstation saved file %s after you opened it. "
                                                   "%u field differs from your version. Choose which to keep.",
                                                   "Another workstation saved file %s after you opened it. "
                                                   "%u fields differ from your version. Choose which to keep.",
                                                   differ->len),
                                      number, differ->len);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                     new_comparison (differ, mine, theirs));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Another workstation changed file %s after you opened it "
                                      "(its status, for example); no field you see differs. "
                                      "Choose which version to keep."),
                                    number);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Back to Editing"),
                                    "theirs", _("_Use Saved Version"),
                                    "mine", _("_Keep My Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  lajna_message_dialog_choose_async (ADW_MESSAGE_DIALOG (dialog), cancellable, callback,
                                     user_data);
}

/**
 * lajna_conflict_dialog_choose_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   person went back to editing
 *
 * Returns: (transfer full) (nullable): the version chosen: "mine" (save it
 *   over the one saved) or "theirs" (take the one saved)
 */
char *
lajna_conflict_dialog_choose_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(GObject) dialog = g_async_result_get_source_object (result);

  return lajna_message_dialog_choose_finish (ADW_MESSAGE_DIALOG (dialog), result, error);
}
