/* lajna-report-list.c: a juvenile file's reports in the file view: each
 * version with its author, state and day. The social worker or
 * psychologist the file is assigned to begins one ("New Report", a kind
 * they write), goes on with their draft, and corrects one on record
 * (with the reason, as its next version); anyone who reads a report on
 * record saves it as a PDF with their watermark, and the committee's
 * chair or rapporteur marks a submitted one reviewed. A submitted report is
 * also among the file's documents, where it opens in the viewer. The
 * list emits "changed" when a report was submitted or begun, for the
 * view to read the file again. */

#include "lajna-report-list.h"

#include <glib/gi18n.h>

#include "lajna-case-reports.h"
#include "lajna-icon-button.h"
#include "lajna-pdf-export-run.h"
#include "lajna-reason-dialog.h"
#include "lajna-report-editor.h"
#include "lajna-report-pdf.h"
#include "lajna-text.h"

struct _LajnaReportList
{
  AdwPreferencesGroup  parent_instance;

  LajnaDbWorker       *worker;
  gint64               case_id;
  GPtrArray           *rows;
  GtkWidget           *new_button;
  GMenu               *kinds_menu;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaReportList, lajna_report_list, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_button (const char *icon,
            const char *label,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = lajna_icon_button_new (icon, label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
new_report_row (const LajnaReport *report,
                gboolean           may_lock)
{
  GtkWidget *row = adw_action_row_new ();
  const char *kind = lajna_prefer_arabic () ? report->kind_ar : report->kind_en;
  g_autofree char *title = report->version > 1
                           ? g_strdup_printf (_("%s, version %d"), kind, report->version)
                           : g_strdup (kind);
  g_autofree char *day = lajna_isolate (report->submitted_on);
  g_autoptr(GString) subtitle = g_string_new (report->author_name);
  gboolean on_record = g_strcmp0 (report->state, "draft") != 0;

  g_string_append_printf (subtitle, " · %s", lajna_report_state_label (report->state));
  if (on_record)
    g_string_append_printf (subtitle, " · %s", day);
  if (report->superseded)
    g_string_append_printf (subtitle, " · %s", _("corrected since"));
  if (report->reason[0] != '\0')
    g_string_append_printf (subtitle, "\n%s", report->reason);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!on_record && report->mine)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("document-edit-symbolic", _("Go On Writing"),
                                           "reports.edit", g_variant_new_int64 (report->id)));
  if (on_record && report->mine && !report->superseded)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("edit-undo-symbolic", _("Correct…"),
                                           "reports.correct", g_variant_new_int64 (report->id)));
  if (may_lock && g_strcmp0 (report->state, "submitted") == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("object-select-symbolic", _("Mark Reviewed"),
                                           "reports.lock", g_variant_new_int64 (report->id)));
  if (on_record)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("document-save-symbolic", _("Save as PDF…"),
                                           "reports.save-pdf", g_variant_new_int64 (report->id)));
  return row;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LajnaReportList *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseReports) listed = lajna_case_reports_load_finish (LAJNA_DB_WORKER (source),
                                                                       result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_menu_remove_all (self->kinds_menu);
  if (listed == NULL)
    {
      gtk_widget_set_visible (self->new_button, FALSE);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  for (guint i = 0; i < listed->kinds->len; i++)
    {
      const LajnaReportKind *kind = g_ptr_array_index (listed->kinds, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (lajna_prefer_arabic () ? kind->name_ar
                                                                          : kind->name_en, NULL);

      g_menu_item_set_action_and_target_value (item, "reports.create",
                                               g_variant_new_string (kind->code));
      g_menu_append_item (self->kinds_menu, item);
    }
  gtk_widget_set_visible (self->new_button, listed->kinds->len > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         listed->reports->len == 0 ? _("No reports yet.") : NULL);
  for (guint i = 0; i < listed->reports->len; i++)
    {
      GtkWidget *row = new_report_row (g_ptr_array_index (listed->reports, i),
                                       listed->may_lock);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
reload (LajnaReportList *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lajna_case_reports_load_async (self->worker, self->case_id, self->cancellable, listed_cb, self);
}

static void
editor_changed_cb (LajnaReportList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_editor (LajnaReportList *self,
             gint64           report_id)
{
  LajnaReportEditor *editor = lajna_report_editor_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->worker, report_id);

  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
}

/* A report begun or a correction begun: its draft opens. */
static void
begun_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LajnaReportList) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 draft = lajna_report_begin_finish (LAJNA_DB_WORKER (source), result, &error);

  if (draft == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  reload (self);
  open_editor (self, draft);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LajnaReportList *self = LAJNA_REPORT_LIST (widget);

  lajna_report_create_async (self->worker, self->case_id, g_variant_get_string (parameter, NULL),
                             NULL, begun_cb, g_object_ref (self));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_editor (LAJNA_REPORT_LIST (widget), g_variant_get_int64 (parameter));
}

typedef struct
{
  LajnaReportList *self;
  gint64           report_id;
} Correction;

static void
correction_free (Correction *correction)
{
  g_object_unref (correction->self);
  g_free (correction);
}

static void
reason_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Correction *correction = user_data;
  g_autofree char *text = lajna_reason_dialog_ask_finish (result, NULL);

  if (text != NULL)
    lajna_report_correct_async (correction->self->worker, correction->report_id, text, NULL,
                                begun_cb, g_object_ref (correction->self));
  correction_free (correction);
}

static void
correct_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  Correction *correction = g_new0 (Correction, 1);

  correction->self = g_object_ref (LAJNA_REPORT_LIST (widget));
  correction->report_id = g_variant_get_int64 (parameter);
  lajna_reason_dialog_ask_async (GTK_WINDOW (gtk_widget_get_root (widget)),
                                 _("Correct the Report?"),
                                 _("The report stays on record as it is. Its correction begins "
                                   "as a draft of the next version, with the same text: give "
                                   "the reason for it."),
                                 _("_Correct"), NULL, reason_cb, correction);
}

static void
locked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaReportList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lajna_report_write_finish (LAJNA_DB_WORKER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  reload (self);
}

/* The chair or rapporteur has read it: it stays as it is. */
static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaReportList *self = LAJNA_REPORT_LIST (widget);
  gint64 id = g_variant_get_int64 (parameter);

  lajna_report_lock_async (self->worker, id, NULL, locked_cb, g_object_ref (self));
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LajnaReportList *self = LAJNA_REPORT_LIST (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  lajna_pdf_export_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->worker,
                        _("Save the Report as PDF"), _("report.pdf"),
                        lajna_export_job_new_pdf (lajna_report_pdf_export,
                                                  g_variant_get_int64 (parameter)),
                        overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL);
}

static void
lajna_report_list_dispose (GObject *object)
{
  LajnaReportList *self = LAJNA_REPORT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_report_list_parent_class)->dispose (object);
}

static void
lajna_report_list_class_init (LajnaReportListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lajna_report_list_dispose;

  /**
   * LajnaReportList::changed:
   *
   * Emitted when a report was saved or submitted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/casework/lajna-report-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaReportList, new_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaReportList, kinds_menu);
  gtk_widget_class_install_action (widget_class, "reports.create", "s", create_activated);
  gtk_widget_class_install_action (widget_class, "reports.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "reports.correct", "x", correct_activated);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", "x", save_pdf_activated);
  gtk_widget_class_install_action (widget_class, "reports.lock", "x", lock_activated);
}

static void
lajna_report_list_init (LajnaReportList *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_report_list_show:
 * @self: a #LajnaReportList
 * @worker: the database worker
 * @case_id: a juvenile file
 */
void
lajna_report_list_show (LajnaReportList *self,
                        LajnaDbWorker   *worker,
                        gint64           case_id)
{
  g_return_if_fail (LAJNA_IS_REPORT_LIST (self));

  g_set_object (&self->worker, worker);
  self->case_id = case_id;
  reload (self);
}
