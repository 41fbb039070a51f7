/* lajna-import-dialog.c: files registered from a spreadsheet, in the app.
 *
 * The sheet is first checked (lajna_case_import_set_check_only()): every
 * row validated as the form does, nothing written, the first rows shown
 * with their errors. The person then imports all or nothing, or the valid
 * rows only, and sees the progress; Cancel rolls the import back. Both
 * runs go through the window's database worker, so they are queued behind
 * what the window asked for and never block the main thread.
 *
 * The runs are not given to the worker's GTask as cancellable: a run that
 * committed just as Cancel was pressed must report that it did. The
 * model's cancellable stops the run instead, and a run stopped says so.
 */

#include "lajna-import-dialog.h"

#include <glib/gi18n.h>

#include "lajna-case-import.h"
#include "lajna-text.h"

/* The preview's columns. A sheet's own columns would not fit side by
 * side, and GTK 4.8 scrolls a right-to-left column view to its wrong end:
 * a row's cells are shown in one column instead, each named in its
 * tooltip. */
enum
{
  COLUMN_ROW,
  COLUMN_PROBLEMS,
  COLUMN_CELLS,
};

struct _LajnaImportDialog
{
  AdwWindow        parent_instance;

  GtkButton       *cancel_button;
  GtkButton       *import_button;
  GtkStack        *stack;
  GtkLabel        *summary_label;
  GtkColumnView   *column_view;
  GtkWidget       *choice_box;
  GtkSwitch       *valid_only_switch;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *error_page;

  LajnaDbWorker   *worker;
  char            *path;
  int              committee_id;
  GCancellable    *cancellable;
  /* The check, whose preview is shown, and the import once it started;
   * a run's job uses its import until it returns. */
  LajnaCaseImport *check;
  LajnaCaseImport *import;
  /* What the preview says of each of its rows. */
  GPtrArray       *problems;
  gboolean         running;
  gboolean         closing;
  guint            progress_id;
};

G_DEFINE_FINAL_TYPE (LajnaImportDialog, lajna_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Runs @import on the file; @callback gets a reference on the dialog, so
 * that the import outlives its job. */
static void
start (LajnaImportDialog   *self,
       LajnaCaseImport     *import,
       GAsyncReadyCallback  callback)
{
  lajna_case_import_set_cancellable (import, self->cancellable);
  self->running = TRUE;
  lajna_case_import_run_file_async (import, self->worker, self->path, callback,
                                    g_object_ref (self));
}

static void
show_error (LajnaImportDialog *self,
            const GError      *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static void
update_import_button (LajnaImportDialog *self)
{
  guint n_valid = lajna_case_import_get_n_valid (self->check);
  guint n_invalid = lajna_case_import_get_n_left_out (self->check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            n_valid > 0 && (n_invalid == 0
                                            || gtk_switch_get_active (self->valid_only_switch)));
}

/* Preview */

static char *
dup_problems (GPtrArray *issues,
              guint      row)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      const LajnaImportIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *field = NULL;

      if (issue->row != row)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (issue->field != NULL)
        {
          field = lajna_isolate (issue->field);
          /* Translators: a column of the file (its field key), and what is wrong in it */
          g_string_append_printf (text, _("%s: %s"), field, issue->message);
        }
      else
        g_string_append (text, issue->message);
    }
  return g_string_free (text, FALSE);
}

/* The cells, each a bidi isolate so that a date or a Latin name keeps its
 * order among Arabic ones. */
static char *
dup_cells (GStrv cells)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = lajna_isolate (cells[i]);

      if (i > 0)
        g_string_append (text, " · ");
      g_string_append (text, cell);
    }
  return g_string_free (text, FALSE);
}

/* "column: cell" lines. */
static char *
dup_named_cells (GPtrArray *columns,
                 GStrv      cells)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; cells[i] != NULL && i < columns->len; i++)
    {
      g_autofree char *column = lajna_isolate (g_ptr_array_index (columns, i));
      g_autofree char *cell = lajna_isolate (cells[i]);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s"), column, cell);
    }
  return g_string_free (text, FALSE);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LajnaImportDialog        *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_PROBLEMS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LajnaImportDialog        *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (
      GTK_STRING_OBJECT (gtk_list_item_get_item (item))), NULL, 10);
  const LajnaImportRow *row = g_ptr_array_index (lajna_case_import_get_preview (self->check),
                                                 index);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_remove_css_class (label, "error");
  if (column == COLUMN_ROW)
    text = lajna_isolate_int (row->row);
  else if (column == COLUMN_PROBLEMS)
    {
      const char *problems = g_ptr_array_index (self->problems, index);

      text = g_strdup (*problems != '\0' ? problems : _("Valid"));
      if (!row->valid)
        gtk_widget_add_css_class (label, "error");
    }
  else
    {
      text = dup_cells (row->cells);
      tooltip = dup_named_cells (lajna_case_import_get_columns (self->check), row->cells);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
append_column (LajnaImportDialog *self,
               const char        *title,
               int                column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_CELLS);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
show_preview (LajnaImportDialog *self)
{
  GPtrArray *preview = lajna_case_import_get_preview (self->check);
  guint n_valid = lajna_case_import_get_n_valid (self->check);
  guint n_invalid = lajna_case_import_get_n_left_out (self->check);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);

  append_column (self, _("Row"), COLUMN_ROW);
  append_column (self, _("Errors and Warnings"), COLUMN_PROBLEMS);
  append_column (self, _("Cells"), COLUMN_CELLS);
  for (guint i = 0; i < preview->len; i++)
    {
      const LajnaImportRow *row = g_ptr_array_index (preview, i);
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (rows, index);
      g_ptr_array_add (self->problems,
                       dup_problems (lajna_case_import_get_issues (self->check), row->row));
    }
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (
                               G_LIST_MODEL (g_steal_pointer (&rows)))));

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u row can be imported.",
                                                "%u rows can be imported.", n_valid),
                          n_valid);
  if (n_invalid > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u row has errors: correct it in the spreadsheet, "
                                           "or leave it out.",
                                           "%u rows have errors: correct them in the "
                                           "spreadsheet, or leave them out.", n_invalid),
                              n_invalid);
    }
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_set_visible (self->choice_box, n_invalid > 0);
  gtk_switch_set_active (self->valid_only_switch, FALSE);
  update_import_button (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* Signal callbacks */

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LajnaImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  if (self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (!lajna_case_import_run_file_finish (LAJNA_DB_WORKER (source), result, &error))
    show_error (self, error);
  else
    show_preview (self);
}

static gboolean
progress_tick_cb (gpointer data)
{
  LajnaImportDialog *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 lajna_case_import_get_progress (self->import));
  return G_SOURCE_CONTINUE;
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LajnaImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (lajna_case_import_run_file_finish (LAJNA_DB_WORKER (source), result, &error))
    {
      g_signal_emit (self, signals[IMPORTED], 0,
                     lajna_case_import_get_files (self->import)->len,
                     lajna_case_import_get_n_left_out (self->import));
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (self->closing || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
      show_error (self, error);
    }
}

static void
import_clicked_cb (LajnaImportDialog *self)
{
  gboolean valid_only = gtk_switch_get_active (self->valid_only_switch);

  self->import = lajna_case_import_new (self->committee_id, valid_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "importing");
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);
  start (self, self->import, imported_cb);
}

/* A run stops first; the dialog closes when it has. */
static void
cancel_clicked_cb (LajnaImportDialog *self)
{
  if (!self->running)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->closing = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
}

static gboolean
close_request_cb (LajnaImportDialog *self)
{
  if (!self->running)
    return FALSE;
  cancel_clicked_cb (self);
  return TRUE;
}

static void
choice_toggled_cb (LajnaImportDialog *self)
{
  if (self->check != NULL && !self->running)
    update_import_button (self);
}

/* Overrides */

static void
lajna_import_dialog_dispose (GObject *object)
{
  LajnaImportDialog *self = LAJNA_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (lajna_import_dialog_parent_class)->dispose (object);
}

static void
lajna_import_dialog_finalize (GObject *object)
{
  LajnaImportDialog *self = LAJNA_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->check, lajna_case_import_free);
  g_clear_pointer (&self->import, lajna_case_import_free);
  g_ptr_array_unref (self->problems);
  g_free (self->path);

  G_OBJECT_CLASS (lajna_import_dialog_parent_class)->finalize (object);
}

static void
lajna_import_dialog_class_init (LajnaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_import_dialog_dispose;
  object_class->finalize = lajna_import_dialog_finalize;

  /**
   * LajnaImportDialog::imported:
   * @self: the dialog
   * @n_files: how many files were registered
   * @n_left_out: how many rows with errors were left out
   *
   * Emitted when the files are registered; the dialog then closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, choice_box);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, valid_only_switch);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LajnaImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_import_dialog_init (LajnaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/**
 * lajna_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @worker: the connection the sheet is checked and imported through
 * @path: the sheet: an Excel workbook (.xlsx) or a CSV file
 * @committee_id: the committee of every file, or 0 when the sheet gives
 *   each row's committee in a `committee` column
 *
 * Returns: (transfer none): a dialog that checks the sheet and shows its
 *   rows; it is presented at once
 */
LajnaImportDialog *
lajna_import_dialog_new (GtkWindow     *parent,
                         LajnaDbWorker *worker,
                         const char    *path,
                         int            committee_id)
{
  LajnaImportDialog *self = g_object_new (LAJNA_TYPE_IMPORT_DIALOG, "transient-for", parent,
                                          NULL);

  self->worker = g_object_ref (worker);
  self->path = g_strdup (path);
  self->committee_id = committee_id;
  self->check = lajna_case_import_new (committee_id, TRUE);
  lajna_case_import_set_check_only (self->check, TRUE);
  start (self, self->check, checked_cb);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
