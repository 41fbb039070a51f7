/* lajna-ruling-group.c: a file's ruling in the file view: whether the
 * decision in force has its ruling (its number, version and day) or not
 * yet, and what may be done: issue it (the next number of the committee's
 * year, taken by the database for good, so asked first over page 1 of the
 * ruling as it stands), issue a corrected version (asking why;
 * offered first when the decision was corrected after the ruling), sign
 * it with the signatory's key, save it as a PDF (the signed one, once
 * signed), or print it (the print dialog, the same pages). Hidden while
 * the file has no decision. Emits "changed" once a ruling is issued, for
 * the file view to read the file's status again. */

#include "lajna-ruling-group.h"

#include <glib/gi18n.h>

#include "lajna-pdf-export-run.h"
#include "lajna-reason-dialog.h"
#include "lajna-ruling-issue.h"
#include "lajna-ruling-print.h"
#include "lajna-ruling-sign-run.h"
#include "lajna-ruling.h"
#include "lajna-template-preview.h"
#include "lajna-text.h"

struct _LajnaRulingGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *row;
  GtkWidget           *issue_button;
  GtkWidget           *correct_button;
  GtkWidget           *sign_button;
  GtkWidget           *save_button;
  GtkWidget           *print_button;
  LajnaDbWorker       *worker;
  gint64               case_id;
  LajnaRulingContent  *content;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaRulingGroup, lajna_ruling_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (LajnaRulingGroup *self);

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LajnaRulingGroup *self = user_data;
  g_autoptr(GError) error = NULL;
  LajnaRulingContent *content = lajna_ruling_content_load_finish (LAJNA_DB_WORKER (source),
                                                                  result, &error);
  g_autofree char *title = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->content, lajna_ruling_content_free);
  self->content = content;
  gtk_widget_set_visible (GTK_WIDGET (self), content != NULL);
  if (content == NULL)
    return;
  if (content->number > 0)
    {
      g_autofree char *number = g_strdup_printf ("%d", content->number);
      g_autofree char *year = g_strdup_printf ("%d", content->year);
      g_autofree char *version = g_strdup_printf ("%d", content->version);
      g_autofree char *day = lajna_isolate (content->issued_on);

      /* Translators: a ruling's number within its year, and its day. */
      title = content->version == 1
                ? g_strdup_printf (_("Ruling %s of %s, issued on %s"), number, year, day)
                /* Translators: a corrected ruling: its number within its
                 * year, its version, and its day. */
                : g_strdup_printf (_("Ruling %s of %s, version %s, issued on %s"), number, year,
                                   version, day);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                 title != NULL ? title : _("Not issued yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->row),
                               content->outdated
                                 ? _("The decision was corrected after this ruling was issued: "
                                     "issue a corrected version.")
                                 : content->title);
  /* One who reads the ruling's number, not its text, has nothing to do
   * with it. */
  gtk_widget_set_visible (self->issue_button, !content->text_hidden && content->number == 0);
  gtk_widget_set_visible (self->correct_button, !content->text_hidden && content->number > 0);
  gtk_widget_set_visible (self->sign_button,
                          !content->text_hidden && content->number > 0 && !content->is_signed);
  gtk_widget_set_visible (self->save_button, !content->text_hidden);
  gtk_widget_set_visible (self->print_button, !content->text_hidden);
  if (content->outdated)
    gtk_widget_add_css_class (self->correct_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->correct_button, "suggested-action");
}

static void
reload (LajnaRulingGroup *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lajna_ruling_content_load_async (self->worker, self->case_id, self->cancellable, loaded_cb,
                                   self);
}

static void
show_message (LajnaRulingGroup *self,
              const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
issued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaRulingGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_ruling_issue_finish (LAJNA_DB_WORKER (source), result, &error);

  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
issue_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LajnaRulingGroup *self)
{
  /* The file asked about, whichever the group shows now. */
  const gint64 *case_id = g_object_get_data (G_OBJECT (dialog), "case-id");

  if (g_strcmp0 (response, "issue") != 0 || self->worker == NULL)
    return;
  lajna_ruling_issue_async (self->worker, *case_id, NULL, issued_cb, g_object_ref (self));
}

/* A number once taken is never given back: the ruling is issued only
 * once its page 1, as it stands, has been seen and issuing confirmed. */
static void
issue_cb (LajnaRulingGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *preview;
  AdwMessageDialog *dialog;

  if (self->content == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Issue the Ruling?"),
    _("Issuing gives the ruling the next number of the committee’s year, for good: the number "
      "is never taken back or given again, and any change after that is a corrected version. "
      "Check page 1 first.")));
  preview = lajna_template_preview_new ();
  gtk_widget_set_size_request (preview, 300, 460);
  lajna_template_preview_show (LAJNA_TEMPLATE_PREVIEW (preview), self->content);
  adw_message_dialog_set_extra_child (dialog, preview);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "issue",
                                    _("_Issue the Ruling"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "case-id",
                          g_memdup2 (&self->case_id, sizeof (gint64)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reason_given_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LajnaRulingGroup) self = user_data;
  g_autofree char *reason = lajna_reason_dialog_ask_finish (result, NULL);

  if (reason == NULL || self->worker == NULL)
    return;
  lajna_ruling_correct_async (self->worker, self->case_id, reason, NULL, issued_cb,
                              g_object_ref (self));
}

static void
correct_cb (LajnaRulingGroup *self)
{
  lajna_reason_dialog_ask_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 _("Why Is the Ruling Corrected?"),
                                 _("A corrected version keeps the ruling’s number and replaces "
                                   "the version before it, which stays on record as it was. The "
                                   "reason prints on the new version."),
                                 _("_Issue the Corrected Version"), NULL, reason_given_cb,
                                 g_object_ref (self));
}

static void
save_cb (LajnaRulingGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = NULL;

  if (self->content == NULL || overlay == NULL)
    return;
  /* Translators: the file name offered for a ruling. */
  name = g_strdup_printf (_("ruling-%d-%d.pdf"), self->content->year, self->content->number);
  lajna_pdf_export_run (GTK_WINDOW (root), self->worker, _("Save the Ruling as a PDF"), name,
                        lajna_export_job_new_pdf (lajna_ruling_render, self->case_id),
                        ADW_TOAST_OVERLAY (overlay));
}

/* The print dialog, for the ruling as it prints (sealed, if it is issued). */
static void
printable_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LajnaRulingGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaRulingContent) content = lajna_ruling_printable_finish (LAJNA_DB_WORKER (source),
                                                                         result, &error);
  g_autoptr(GPtrArray) contents = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (content == NULL)
    {
      show_message (self, error->message);
      return;
    }
  contents = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_ruling_content_free);
  g_ptr_array_add (contents, g_steal_pointer (&content));
  operation = lajna_ruling_print_new (contents);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error->message);
}

static void
ruling_signed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LajnaRulingGroup) self = user_data;

  /* Not signed: the run said why, or the person gave up. */
  if (lajna_ruling_sign_run_finish (result, NULL))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
sign_cb (LajnaRulingGroup *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = NULL;

  if (self->content == NULL || overlay == NULL)
    return;
  /* Translators: the file name offered for a signed ruling. */
  name = g_strdup_printf (_("ruling-%d-%d-signed.pdf"), self->content->year,
                          self->content->number);
  lajna_ruling_sign_run_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               self->worker, self->case_id, name, ADW_TOAST_OVERLAY (overlay),
                               NULL, ruling_signed_cb, g_object_ref (self));
}

static void
print_cb (LajnaRulingGroup *self)
{
  lajna_ruling_printable_async (self->worker, self->case_id, NULL, printable_cb,
                                g_object_ref (self));
}

static void
lajna_ruling_group_dispose (GObject *object)
{
  LajnaRulingGroup *self = LAJNA_RULING_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->content, lajna_ruling_content_free);

  G_OBJECT_CLASS (lajna_ruling_group_parent_class)->dispose (object);
}

static void
lajna_ruling_group_class_init (LajnaRulingGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lajna_ruling_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/rulings/lajna-ruling-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaRulingGroup, row);
  gtk_widget_class_bind_template_child (widget_class, LajnaRulingGroup, issue_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaRulingGroup, correct_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaRulingGroup, sign_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaRulingGroup, save_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaRulingGroup, print_button);
  gtk_widget_class_bind_template_callback (widget_class, issue_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_cb);
  gtk_widget_class_bind_template_callback (widget_class, correct_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_cb);

  /**
   * LajnaRulingGroup::changed:
   *
   * A ruling was issued: the file's status moved on.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lajna_ruling_group_init (LajnaRulingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_ruling_group_show:
 * @self: a #LajnaRulingGroup
 * @worker: the database worker
 * @case_id: the file
 */
void
lajna_ruling_group_show (LajnaRulingGroup *self,
                         LajnaDbWorker    *worker,
                         gint64            case_id)
{
  g_return_if_fail (LAJNA_IS_RULING_GROUP (self));

  g_set_object (&self->worker, worker);
  self->case_id = case_id;
  reload (self);
}
