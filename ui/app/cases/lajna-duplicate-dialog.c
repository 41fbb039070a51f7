/* lajna-duplicate-dialog.c: two people who may be one person, side by side,
 * and the clerk's answer.
 *
 * The dialog reads both people through the worker it is given, but records
 * nothing: it emits "decided", and its owner records the verdict and shows
 * what came of it. Columns follow the text direction (GtkGrid mirrors them
 * in Arabic); every value is a bidi isolate, so a date or a Latin name keeps
 * its order inside an Arabic line.
 */

#include "lajna-duplicate-dialog.h"

#include <glib/gi18n.h>

#include "lajna-labels.h"
#include "lajna-text.h"

struct _LajnaDuplicateDialog
{
  AdwMessageDialog  parent_instance;

  GtkStack         *stack;
  GtkGrid          *grid;
  GtkLabel         *error_label;

  GCancellable     *cancellable;
  gint64            person_id;
  gint64            other_person_id;
};

G_DEFINE_FINAL_TYPE (LajnaDuplicateDialog, lajna_duplicate_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
new_cell (const char *text,
          const char *css_class)
{
  g_autofree char *shown = lajna_isolate (text != NULL && *text != '\0' ? text : "—");
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
attach_row (LajnaDuplicateDialog *self,
            int                   row,
            const char           *label,
            const char           *value,
            const char           *other_value,
            const char           *css_class)
{
  gtk_grid_attach (self->grid, new_cell (label, "dim-label"), 0, row, 1, 1);
  gtk_grid_attach (self->grid, new_cell (value, css_class), 1, row, 1, 1);
  gtk_grid_attach (self->grid, new_cell (other_value, css_class), 2, row, 1, 1);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = lajna_duplicate_compare_finish (LAJNA_DB_WORKER (source), result,
                                                               &error);
  LajnaDuplicateDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_DUPLICATE_DIALOG (user_data);
  if (facts == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < facts->len; i++)
    {
      const LajnaComparedFact *fact = g_ptr_array_index (facts, i);

      attach_row (self, i + 1, fact->label, fact->value, fact->other_value, NULL);
    }
  gtk_stack_set_visible_child_name (self->stack, "compared");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "different", TRUE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "same", TRUE);
}

static void
response_cb (LajnaDuplicateDialog *self,
             const char           *response)
{
  if (g_str_equal (response, "cancel"))
    return;
  g_signal_emit (self, signals[DECIDED], 0, self->person_id, self->other_person_id,
                 g_str_equal (response, "same"));
}

static void
lajna_duplicate_dialog_dispose (GObject *object)
{
  LajnaDuplicateDialog *self = LAJNA_DUPLICATE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_DUPLICATE_DIALOG);

  G_OBJECT_CLASS (lajna_duplicate_dialog_parent_class)->dispose (object);
}

static void
lajna_duplicate_dialog_class_init (LajnaDuplicateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_duplicate_dialog_dispose;

  /**
   * LajnaDuplicateDialog::decided:
   * @self: the dialog
   * @person_id: the party of the file being looked at
   * @other_person_id: the candidate on the other file
   * @same_person: the answer: one person, or not a duplicate
   *
   * Emitted when the clerk answers; the dialog then closes.
   */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64,
                                   G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-duplicate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaDuplicateDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaDuplicateDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, LajnaDuplicateDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
lajna_duplicate_dialog_init (LajnaDuplicateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * lajna_duplicate_dialog_new:
 * @parent: the window the dialog belongs to
 * @worker: the connection the people are read through
 * @duplicate: the candidate: a party of this file and one of another
 *
 * Returns: (transfer none): a dialog that reads both people and asks
 *   whether they are one; present it with gtk_window_present()
 */
LajnaDuplicateDialog *
lajna_duplicate_dialog_new (GtkWindow            *parent,
                            LajnaDbWorker        *worker,
                            const LajnaDuplicate *duplicate)
{
  LajnaDuplicateDialog *self = g_object_new (LAJNA_TYPE_DUPLICATE_DIALOG,
                                             "transient-for", parent, NULL);
  g_autofree char *other_file = g_strdup_printf (_("File %s"), duplicate->file_number);

  self->person_id = duplicate->person_id;
  self->other_person_id = duplicate->other_person_id;
  attach_row (self, 0, lajna_party_label (duplicate->role), _("This File"), other_file, "heading");
  lajna_duplicate_compare_async (worker, duplicate->person_id, duplicate->other_person_id,
                                 self->cancellable, compare_done_cb, self);
  return self;
}
