/* lajna-step-dialog.c: asks before a status step, with a note for the
 * file's history.
 *
 * Most steps cannot be undone, so the clerk confirms what the file goes
 * from and to. The dialog changes nothing itself: it emits "take" with the
 * note, and its owner takes the step.
 */

#include "lajna-step-dialog.h"

#include <glib/gi18n.h>

#include "lajna-labels.h"
#include "lajna-text.h"

struct _LajnaStepDialog
{
  AdwMessageDialog  parent_instance;

  GtkEditable      *note;

  char             *to_status;
};

G_DEFINE_FINAL_TYPE (LajnaStepDialog, lajna_step_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  TAKE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
take_cb (LajnaStepDialog *self)
{
  g_signal_emit (self, signals[TAKE], 0, self->to_status, gtk_editable_get_text (self->note));
}

static void
lajna_step_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_STEP_DIALOG);

  G_OBJECT_CLASS (lajna_step_dialog_parent_class)->dispose (object);
}

static void
lajna_step_dialog_finalize (GObject *object)
{
  g_free (LAJNA_STEP_DIALOG (object)->to_status);

  G_OBJECT_CLASS (lajna_step_dialog_parent_class)->finalize (object);
}

static void
lajna_step_dialog_class_init (LajnaStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_step_dialog_dispose;
  object_class->finalize = lajna_step_dialog_finalize;

  /**
   * LajnaStepDialog::take:
   * @self: the dialog
   * @to_status: the status the file goes to
   * @note: what the clerk wrote for the history, maybe ""
   *
   * Emitted when the clerk confirms; the dialog then closes.
   */
  signals[TAKE] = g_signal_new ("take", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaStepDialog, note);
  gtk_widget_class_bind_template_callback (widget_class, take_cb);
}

static void
lajna_step_dialog_init (LajnaStepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_step_dialog_new:
 * @parent: the window the dialog belongs to
 * @file_number: the file's number
 * @from_status: its status now
 * @to_status: the status the step leads to
 * @verb: what the step does, the confirming button's label
 *
 * Returns: (transfer none): the dialog; present it with gtk_window_present()
 */
LajnaStepDialog *
lajna_step_dialog_new (GtkWindow  *parent,
                       const char *file_number,
                       const char *from_status,
                       const char *to_status,
                       const char *verb)
{
  LajnaStepDialog *self = g_object_new (LAJNA_TYPE_STEP_DIALOG, "transient-for", parent, NULL);
  g_autofree char *number = lajna_isolate (file_number);
  g_autofree char *from = lajna_isolate (lajna_label_for (from_status));
  g_autofree char *to = lajna_isolate (lajna_label_for (to_status));

  self->to_status = g_strdup (to_status);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("File %s goes from “%s” to “%s”. The step is recorded in "
                                    "the file’s history."),
                                  number, from, to);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "take", verb);
  return self;
}
