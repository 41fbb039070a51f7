/* lajna-case-view.c: one file: its facts in titled groups, the status steps
 * it may take next, and the other files that may concern the same people.
 *
 * The view reads the file through the window's LajnaDbWorker, and reads it
 * again when asked (after an edit) or after it changed the file itself (a
 * status step, a verdict on a duplicate), keeping the file it shows. What
 * came of a change is told in a toast; the change is not cancelled when
 * another file is shown meanwhile.
 *
 * Dates, numbers and Latin names are shown inside bidi isolates so that an
 * Arabic line around them cannot reorder them (2026-11-23 stays so). */

#include "lajna-case-view.h"

#include <glib/gi18n.h>

#include "lajna-case-dossier.h"
#include "lajna-case-duplicates.h"
#include "lajna-case-export.h"
#include "lajna-case-rows.h"
#include "lajna-pdf-export-run.h"
#include "lajna-case-plan-group.h"
#include "lajna-report-list.h"
#include "lajna-ruling-group.h"
#include "lajna-case-steps.h"
#include "lajna-document-list.h"
#include "lajna-db-worker.h"
#include "lajna-duplicate-dialog.h"
#include "lajna-application.h"
#include "lajna-labels.h"
#include "lajna-step-dialog.h"
#include "lajna-text.h"

struct _LajnaCaseView
{
  GtkWidget            parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkBox              *sections;
  GtkLabel            *heading;
  AdwPreferencesGroup *steps_group;
  AdwPreferencesGroup *duplicates_group;
  LajnaDocumentList   *documents_group;
  LajnaRulingGroup    *ruling_group;
  LajnaReportList     *report_list;
  LajnaCasePlanGroup  *plan_group;

  /* What was added for the file shown, removed when it is shown again. */
  GPtrArray           *groups;
  GPtrArray           *step_rows;
  GPtrArray           *duplicate_rows;

  LajnaDbWorker       *worker;
  /* Cancelled when another file is shown; changes, only at dispose. */
  GCancellable        *cancellable;
  GCancellable        *changes;
  gint64               case_id;
  /* The file as last read, for the dialogs. */
  LajnaCaseDetails    *details;
  GPtrArray           *duplicates;
};

G_DEFINE_FINAL_TYPE (LajnaCaseView, lajna_case_view, GTK_TYPE_WIDGET)

enum
{
  CASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What one read of a file brings back. */
/* A change asked of the database: a status step when to_status is set,
 * else a verdict on a duplicate pair; for the view that asked, alive
 * until its changes are cancelled. */
typedef struct
{
  LajnaCaseView *self;
  gint64         case_id;
  char          *to_status;
  char          *note;
  gint64         person_id;
  gint64         other_person_id;
  gboolean       same_person;
} Change;

/* What a step does, as its row says it; the subtitle names the status. */
static const struct
{
  const char *to_status;
  const char *verb;
} step_verbs[] = {
  { "documents_pending", N_("Mark Documents Pending") },
  { "complete", N_("Mark Complete") },
  { "scheduled", N_("Schedule for a Meeting") },
  { "decided", N_("Mark Decided") },
  { "deferred", N_("Defer") },
  { "delivered", N_("Mark Delivered") },
};

static void
change_free (Change *change)
{
  g_free (change->to_status);
  g_free (change->note);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static const char *
verb_for (const char *to_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_verbs); i++)
    {
      if (g_str_equal (step_verbs[i].to_status, to_status))
        return _(step_verbs[i].verb);
    }
  return lajna_label_for (to_status);
}

/* A status's label to set inside a sentence of either direction. */
static char *
isolated_label (const char *code)
{
  return lajna_isolate (lajna_label_for (code));
}

static void
show_toast (LajnaCaseView *self,
            const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* A toast holds one short line: the database's whole message is behind
 * "Details", and the toast stays until it is dismissed. */
static void
show_failure (LajnaCaseView *self,
              const GError  *error)
{
  const char *summary = _("The file was not changed.");
  AdwToast *toast = adw_toast_new (summary);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "case.show-error");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", summary, error->message));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_file_actions_enabled (LajnaCaseView *self,
                          gboolean       enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.take-step", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.compare", enabled);
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
remove_groups (LajnaCaseView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->sections, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  remove_rows (self->steps_group, self->step_rows);
  remove_rows (self->duplicates_group, self->duplicate_rows);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
new_group (const LajnaFactSection *section)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section->title);
  for (guint i = 0; i < section->facts->len; i++)
    {
      const LajnaFact *fact = g_ptr_array_index (section->facts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *clean = lajna_strip_bidi (fact->value);
      g_autofree char *shown = lajna_isolate (clean != NULL ? clean : "");

      lajna_case_row_set_text (row, fact->label, shown);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* A decided file moves on with its ruling, which no step here marks. */
static void
show_steps (LajnaCaseView *self,
            const char    *status,
            GPtrArray     *steps)
{
  adw_preferences_group_set_description (self->steps_group,
      g_str_equal (status, "decided") || g_str_equal (status, "ruling_issued")
        ? _("The ruling moves the file on: issue it, then sign it, under “Ruling” below.")
        : steps->len == 0 ? _("No further step: the file has reached the end of its workflow.")
                          : NULL);
  for (guint i = 0; i < steps->len; i++)
    {
      const LajnaCaseStep *step = g_ptr_array_index (steps, i);
      g_autofree char *target = isolated_label (step->to_status);
      g_autofree char *leads_to = g_strdup_printf (_("The file becomes “%s”."), target);
      GtkWidget *row = lajna_case_action_row_new (verb_for (step->to_status),
                                       step->blocked_reason != NULL ? step->blocked_reason
                                                                    : leads_to,
                                       NULL, "object-select-symbolic", "case.take-step",
                                       g_variant_new_string (step->to_status));

      gtk_widget_set_sensitive (row, step->blocked_reason == NULL);
      add_row (self->steps_group, self->step_rows, row);
    }
}

static void
show_duplicates (LajnaCaseView *self,
                 GPtrArray     *duplicates)
{
  g_autofree char *description = NULL;

  if (duplicates->len == 0)
    description = g_strdup (_("No other file concerns these people."));
  else
    description = g_strdup_printf (ngettext ("%u other file may concern the same people.",
                                             "%u other files may concern the same people.",
                                             duplicates->len),
                                   duplicates->len);
  adw_preferences_group_set_description (self->duplicates_group, description);
  for (guint i = 0; i < duplicates->len; i++)
    add_row (self->duplicates_group, self->duplicate_rows,
             lajna_case_duplicate_row_new (g_ptr_array_index (duplicates, i), i));
}

static void
show_loaded (LajnaCaseView *self,
             LajnaCaseDossier *loaded)
{
  g_autofree char *title = lajna_strip_bidi (loaded->details->title);

  remove_groups (self);
  gtk_label_set_text (self->heading, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->steps_group), loaded->deliberates);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), loaded->deliberates);
  gtk_widget_set_visible (GTK_WIDGET (self->ruling_group), loaded->deliberates);
  show_steps (self, loaded->details->status, loaded->steps);
  show_duplicates (self, loaded->duplicates);
  for (guint i = 0; i < loaded->details->sections->len; i++)
    {
      const LajnaFactSection *section = g_ptr_array_index (loaded->details->sections, i);
      GtkWidget *group;

      if (section->facts->len == 0)
        continue;
      group = new_group (section);
      gtk_box_append (self->sections, group);
      g_ptr_array_add (self->groups, group);
    }

  g_clear_pointer (&self->details, lajna_case_details_free);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  self->details = g_steal_pointer (&loaded->details);
  self->duplicates = g_steal_pointer (&loaded->duplicates);
  lajna_document_list_show (self->documents_group, self->worker, self->case_id);
  gtk_widget_set_visible (GTK_WIDGET (self->report_list),
                          g_strcmp0 (self->details->kind, "juvenile") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group),
                          g_strcmp0 (self->details->kind, "juvenile") == 0);
  if (g_strcmp0 (self->details->kind, "juvenile") == 0)
    {
      lajna_report_list_show (self->report_list, self->worker, self->case_id);
      lajna_case_plan_group_show (self->plan_group, self->worker, self->case_id);
    }
  if (loaded->deliberates)
    lajna_ruling_group_show (self->ruling_group, self->worker, self->case_id);
  set_file_actions_enabled (self, TRUE);
  /* A social worker or psychologist writes reports, not the file. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit", loaded->deliberates);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* Documents attached or a ruling issued: the file is read again. */
static void
documents_changed_cb (LajnaCaseView *self)
{
  lajna_case_view_show_case (self, self->case_id);
}

static void
show_error (LajnaCaseView *self,
            const GError  *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  set_file_actions_enabled (self, FALSE);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseDossier) loaded = lajna_case_dossier_load_finish (LAJNA_DB_WORKER (source),
                                                                       result, &error);
  LajnaCaseView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_CASE_VIEW (user_data);
  if (loaded == NULL)
    show_error (self, error);
  else
    show_loaded (self, loaded);
}

static void
cancel_loading (LajnaCaseView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
change_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Change) change = user_data;
  gboolean done = change->to_status != NULL
                  ? lajna_case_step_take_finish (LAJNA_DB_WORKER (source), result, &error)
                  : lajna_duplicate_mark_finish (LAJNA_DB_WORKER (source), result, &error);
  LajnaCaseView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = change->self;
  if (!done)
    {
      show_failure (self, error);
    }
  else
    {
      g_autofree char *said = NULL;

      if (change->to_status != NULL)
        {
          g_autofree char *target = isolated_label (change->to_status);

          said = g_strdup_printf (_("The file is now “%s”."), target);
        }
      else
        {
          said = g_strdup (change->same_person ? _("Recorded as the same person.")
                                               : _("Recorded as not a duplicate."));
        }
      show_toast (self, said);
      g_signal_emit (self, signals[CASE_CHANGED], 0, change->case_id);
    }

  /* After a refusal too: the file, or its documents, changed meanwhile. */
  if (self->case_id != 0 && (!done || change->case_id == self->case_id))
    lajna_case_view_show_case (self, self->case_id);
}

/* Takes @change (transfer full). */
static void
run_change (LajnaCaseView *self,
            Change        *change)
{
  set_file_actions_enabled (self, FALSE);
  change->self = self;
  if (change->to_status != NULL)
    lajna_case_step_take_async (self->worker, change->case_id, change->to_status, change->note,
                                self->changes, change_done_cb, change);
  else
    lajna_duplicate_mark_async (self->worker, change->person_id, change->other_person_id,
                                change->same_person, self->changes, change_done_cb, change);
}

static void
step_confirmed_cb (LajnaCaseView *self,
                   const char    *to_status,
                   const char    *note)
{
  Change *change = g_new0 (Change, 1);

  change->case_id = self->case_id;
  change->to_status = g_strdup (to_status);
  change->note = g_strdup (note);
  run_change (self, change);
}

static void
verdict_cb (LajnaCaseView *self,
            gint64         person_id,
            gint64         other_person_id,
            gboolean       same_person)
{
  Change *change = g_new0 (Change, 1);

  change->case_id = self->case_id;
  change->person_id = person_id;
  change->other_person_id = other_person_id;
  change->same_person = same_person;
  run_change (self, change);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaCaseView *self = LAJNA_CASE_VIEW (widget);

  if (!gtk_widget_activate_action (widget, "win.edit-case", "x", self->case_id))
    g_warning ("There is no win.edit-case action to edit file %" G_GINT64_FORMAT, self->case_id);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LajnaCaseView *self = LAJNA_CASE_VIEW (widget);

  g_autofree char *name = NULL;

  if (self->details == NULL || self->worker == NULL)
    return;
  name = g_strdup_printf ("%s.pdf", self->details->file_number);
  lajna_pdf_export_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->worker,
                        _("Export the File as a PDF"), name,
                        lajna_export_job_new_pdf (lajna_case_export_pdf, self->case_id),
                        self->toast_overlay);
}

static void
take_step_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LajnaCaseView *self = LAJNA_CASE_VIEW (widget);
  const char *to_status = g_variant_get_string (parameter, NULL);
  LajnaStepDialog *dialog = lajna_step_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                   self->details->file_number,
                                                   self->details->status, to_status,
                                                   verb_for (to_status));

  g_signal_connect_object (dialog, "take", G_CALLBACK (step_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *summary, *detail;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &summary, &detail);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), summary, detail);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LajnaCaseView *self = LAJNA_CASE_VIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  LajnaDuplicateDialog *dialog;

  g_return_if_fail (self->duplicates != NULL && index < self->duplicates->len);

  dialog = lajna_duplicate_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->worker,
                                       g_ptr_array_index (self->duplicates, index));
  g_signal_connect_object (dialog, "decided", G_CALLBACK (verdict_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lajna_case_view_dispose (GObject *object)
{
  LajnaCaseView *self = LAJNA_CASE_VIEW (object);

  cancel_loading (self);
  g_cancellable_cancel (self->changes);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_CASE_VIEW);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_pointer (&self->duplicate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->details, lajna_case_details_free);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_object (&self->changes);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (lajna_case_view_parent_class)->dispose (object);
}

static void
lajna_case_view_class_init (LajnaCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_case_view_dispose;

  /**
   * LajnaCaseView::case-changed:
   * @self: the view
   * @case_id: the file
   *
   * Emitted after the view changed a file (a status step, a verdict on a
   * duplicate), so that lists showing it can read it again.
   */
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_INT64);

  g_type_ensure (LAJNA_TYPE_DOCUMENT_LIST);
  g_type_ensure (LAJNA_TYPE_RULING_GROUP);
  g_type_ensure (LAJNA_TYPE_REPORT_LIST);
  g_type_ensure (LAJNA_TYPE_CASE_PLAN_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, error_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, sections);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, heading);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, steps_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, documents_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, ruling_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, report_list);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, plan_group);
  gtk_widget_class_bind_template_callback (widget_class, documents_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "case.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "case.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "case.take-step", "s", take_step_activated);
  gtk_widget_class_install_action (widget_class, "case.compare", "u", compare_activated);
  gtk_widget_class_install_action (widget_class, "case.show-error", "(ss)", show_error_activated);
}

static void
lajna_case_view_init (LajnaCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();
  self->duplicate_rows = g_ptr_array_new ();
  self->changes = g_cancellable_new ();
  set_file_actions_enabled (self, FALSE);
}

/**
 * lajna_case_view_set_worker:
 * @self: a #LajnaCaseView
 * @worker: the connection files are read and changed through
 */
void
lajna_case_view_set_worker (LajnaCaseView *self,
                            LajnaDbWorker *worker)
{
  g_return_if_fail (LAJNA_IS_CASE_VIEW (self));

  g_set_object (&self->worker, worker);
}

/**
 * lajna_case_view_show_case:
 * @self: a #LajnaCaseView
 * @case_id: the file to show
 *
 * Reads the file and shows it; a spinner meanwhile when it is another
 * file than the one shown, the reason if it cannot be read.
 */
void
lajna_case_view_show_case (LajnaCaseView *self,
                           gint64         case_id)
{
  g_return_if_fail (LAJNA_IS_CASE_VIEW (self));
  g_return_if_fail (self->worker != NULL);

  cancel_loading (self);
  self->cancellable = g_cancellable_new ();
  if (case_id != self->case_id)
    {
      set_file_actions_enabled (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->case_id = case_id;
  lajna_case_dossier_load_async (self->worker, case_id, lajna_application_duplicate_threshold (),
                                 self->cancellable, load_done_cb, self);
}

/**
 * lajna_case_view_get_case_id:
 * @self: a #LajnaCaseView
 *
 * Returns: the file shown, 0 when none is
 */
gint64
lajna_case_view_get_case_id (LajnaCaseView *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_VIEW (self), 0);

  return self->case_id;
}

void
lajna_case_view_clear (LajnaCaseView *self)
{
  g_return_if_fail (LAJNA_IS_CASE_VIEW (self));

  cancel_loading (self);
  self->case_id = 0;
  remove_groups (self);
  g_clear_pointer (&self->details, lajna_case_details_free);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  set_file_actions_enabled (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "none");
}
