/* lajna-window.c: the main window: committees, the file list, and the
 * selected file.
 *
 * The window asks the database only through its LajnaDbWorker; what it
 * shows while an answer is on its way is a spinner or the previous rows,
 * never a frozen window.
 */

#include "lajna-window.h"

#include <glib/gi18n.h>

#include "cases/lajna-case-form.h"
#include "cases/lajna-case-table.h"
#include "cases/lajna-case-view.h"
#include "cases/lajna-filter-chips.h"
#include "cases/lajna-import-dialog.h"
#include "cases/lajna-list-filters.h"
#include "lajna-bench.h"
#include "lajna-case-list-export.h"
#include "lajna-case-list.h"
#include "lajna-committee.h"
#include "lajna-committee-row.h"
#include "lajna-file-choice.h"
#include "lajna-meeting-watch.h"
#include "lajna-pdf-export-run.h"
#include "meetings/lajna-meetings-window.h"
#include "rulings/lajna-ruling-verify.h"
#include "rulings/lajna-template-editor.h"
#include "lajna-text.h"

#define LRI "\xe2\x81\xa6" /* U+2066 LEFT-TO-RIGHT ISOLATE */

struct _LajnaWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwStatusPage   *failed_page;
  GtkListBox      *committee_list;
  GtkSearchEntry  *search_entry;
  GtkStack        *list_stack;
  LajnaCaseTable  *case_table;
  LajnaCaseView   *case_view;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *list_error_page;
  GtkLabel        *count_label;
  LajnaListFilters *list_filters;
  LajnaFilterChips *filter_chips;
  GtkStack        *view_stack;
  GtkWidget       *search_clamp;
  LajnaDashboard  *dashboard;
  GtkWidget       *meetings_button;
  GtkWidget       *new_button;
  GtkWidget       *view_switcher;

  LajnaDbWorker   *worker;
  LajnaMeetingWatch *watch;
  /* The page to show when the lock lifts: the one it hid, or the one the
   * database asked for meanwhile. */
  char            *page_before_lock;
  gboolean         locked;
  /* Only a social worker's or psychologist's: no meeting, new file or
   * figure of a committee. */
  gboolean         casework_only;
  LajnaCaseList   *list;
  LajnaCaseQuery  *query;
  GPtrArray       *committees;
  int              committee_id;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaWindow, lajna_window, ADW_TYPE_APPLICATION_WINDOW)

/* While locked, the window's actions are off, so that no shortcut opens a
 * file, a form or the meetings; registering needs the committees. */
static void
update_actions (LajnaWindow *self)
{
  static const char * const actions[] = {
    "win.reload", "win.edit-case", "win.edit-shown", "win.focus-search", "win.export-list",
  };
  static const char * const committee_actions[] = {
    "win.new-case-here", "win.meetings", "win.verify-ruling", "win.ruling-templates",
    "win.import-cases",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !self->locked);
  for (guint i = 0; i < G_N_ELEMENTS (committee_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), committee_actions[i],
                                   !self->locked && !self->casework_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case",
                                 !self->locked && !self->casework_only
                                 && self->committees != NULL);
}

/* Shows a page of the main stack, or keeps it for when the lock lifts. */
static void
show_page (LajnaWindow *self,
           const char  *name)
{
  if (self->locked)
    {
      g_free (self->page_before_lock);
      self->page_before_lock = g_strdup (name);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

static void
set_markup_description (AdwStatusPage *page,
                        const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_status_page_set_description (page, escaped);
}

static void
update_list_state (LajnaWindow *self)
{
  const GError *error = lajna_case_list_get_error (self->list);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *count = NULL;

  if (error != NULL)
    {
      set_markup_description (self->list_error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      gtk_label_set_text (self->count_label, "");
      return;
    }
  if (lajna_case_list_get_loading (self->list) && n == 0)
    return;

  if (lajna_case_list_get_counted (self->list))
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n), n);
  gtk_label_set_text (self->count_label, count != NULL ? count : "…");

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0'
      || gtk_widget_get_visible (GTK_WIDGET (self->filter_chips)))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Files"));
      set_markup_description (self->empty_page,
                              _("Check the spelling, or search by file number, national number "
                                "or passport number. Filters in use are shown above the list."));
    }
  else
    {
      /* A command reads left to right whole, even in an Arabic sentence. */
      g_autofree char *text = g_strdup_printf (_("Files registered for this committee appear "
                                                 "here. To try Lajna with sample files, run "
                                                 "“%s”."),
                                               LRI "lajnactl demo --cases 1000" LAJNA_PDI);

      adw_status_page_set_title (self->empty_page, _("No Files Yet"));
      set_markup_description (self->empty_page, text);
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
list_changed_cb (LajnaWindow *self)
{
  update_list_state (self);
}

static void
apply_query (LajnaWindow *self)
{
  if (self->list == NULL || lajna_case_query_equal (self->query, lajna_case_list_get_query (self->list)))
    return;
  lajna_case_view_clear (self->case_view);
  lajna_case_list_set_query (self->list, self->query);
}

static void
search_changed_cb (LajnaWindow *self)
{
  lajna_case_query_set_text (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  apply_query (self);
}

static void
sort_changed_cb (LajnaWindow *self)
{
  gboolean descending;
  LajnaCaseSort sort = lajna_case_table_get_sort (self->case_table, &descending);

  lajna_case_query_set_sort (self->query, sort, descending);
  apply_query (self);
}

/* The committee chosen in the sidebar, by name, or NULL for all. */
static const char *
committee_name (LajnaWindow *self)
{
  for (guint i = 0; self->committees != NULL && i < self->committees->len; i++)
    {
      LajnaCommittee *committee = g_ptr_array_index (self->committees, i);

      if (committee->id == self->committee_id)
        return lajna_prefer_arabic () ? committee->name_ar : committee->name_en;
    }
  return NULL;
}

static void
filters_changed_cb (LajnaWindow *self)
{
  lajna_list_filters_apply (self->list_filters, self->query);
  lajna_filter_chips_show (self->filter_chips, self->query, committee_name (self));
  apply_query (self);
}

static void
chip_removed_cb (LajnaWindow *self,
                 guint        filter)
{
  if (filter == LAJNA_CASE_FILTER_COMMITTEE)
    gtk_list_box_select_row (self->committee_list,
                             gtk_list_box_get_row_at_index (self->committee_list, 0));
  else
    lajna_list_filters_clear (self->list_filters, filter);
}

static void
committee_selected_cb (LajnaWindow   *self,
                       GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  self->committee_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "committee"));
  lajna_case_query_set_committee (self->query, self->committee_id);
  lajna_list_filters_set_kind_fixed (self->list_filters, self->committee_id != 0);
  filters_changed_cb (self);
  lajna_dashboard_set_committee (self->dashboard, self->committee_id);
}

/* The search and the filters are the file list's. */
static void
view_changed_cb (LajnaWindow *self)
{
  gboolean files = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "files") == 0;

  gtk_widget_set_visible (self->search_clamp, files);
  gtk_widget_set_visible (GTK_WIDGET (self->list_filters), files);
}

static void
case_selected_cb (LajnaWindow *self,
                  gint64       id)
{
  lajna_case_view_show_case (self->case_view, id);
}

static void
committees_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) committees = lajna_committee_fetch_all_finish (LAJNA_DB_WORKER (source),
                                                                      result, &error);
  LajnaWindow *self;
  GtkWidget *all;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_WINDOW (user_data);
  if (committees == NULL)
    {
      lajna_window_show_failed (self, error);
      return;
    }

  all = lajna_committee_row_new (_("All Files"), "view-list-symbolic", 0);
  gtk_list_box_append (self->committee_list, all);
  self->casework_only = committees->len > 0;
  for (guint i = 0; i < committees->len; i++)
    {
      LajnaCommittee *committee = g_ptr_array_index (committees, i);

      self->casework_only &= committee->casework_only;

      gtk_list_box_append (self->committee_list,
                           lajna_committee_row_new (lajna_prefer_arabic () ? committee->name_ar
                                                                     : committee->name_en,
                                              g_strcmp0 (committee->kind, "juvenile") == 0
                                                ? "system-users-symbolic"
                                                : "emblem-documents-symbolic",
                                              committee->id));
    }
  gtk_list_box_select_row (self->committee_list, GTK_LIST_BOX_ROW (all));
  g_clear_pointer (&self->committees, g_ptr_array_unref);
  g_clear_pointer (&self->page_before_lock, g_free);
  self->committees = g_steal_pointer (&committees);
  gtk_widget_set_visible (self->meetings_button, !self->casework_only);
  gtk_widget_set_visible (self->new_button, !self->casework_only);
  gtk_widget_set_visible (self->view_switcher, !self->casework_only);
  update_actions (self);
}

/* A file changed, here or on another workstation (a ruling issued or
 * signed, a document attached): its row and, when shown, the file follow. */
static void
case_changed_cb (LajnaWindow *self,
                 gint64       case_id)
{
  lajna_case_list_refresh_case (self->list, case_id);
  if (lajna_case_view_get_case_id (self->case_view) == case_id)
    lajna_case_view_show_case (self->case_view, case_id);
}

static void
case_saved_cb (LajnaWindow *self,
               gint64       case_id,
               const char  *result)
{
  g_autofree char *escaped = g_markup_escape_text (result, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
  lajna_case_list_reload (self->list);
  lajna_case_view_show_case (self->case_view, case_id);
}

static void
new_case_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) committees = g_ptr_array_new ();
  LajnaCaseForm *form;

  /* The selected committee first, when it is of this kind. */
  for (guint i = 0; self->committees != NULL && i < self->committees->len; i++)
    {
      LajnaCommittee *committee = g_ptr_array_index (self->committees, i);

      if (g_strcmp0 (committee->kind, kind) != 0)
        continue;
      if (committee->id == self->committee_id)
        g_ptr_array_insert (committees, 0, committee);
      else
        g_ptr_array_add (committees, committee);
    }
  if (committees->len == 0)
    return;
  form = lajna_case_form_new_file (GTK_WINDOW (self), self->worker, kind, committees);
  g_signal_connect_object (form, "saved", G_CALLBACK (case_saved_cb), self, G_CONNECT_SWAPPED);
}

/* Ctrl+M: the selected committee's meetings (all the person sees, when
 * all committees are shown). */
static void
meetings_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);

  if (self->worker != NULL)
    gtk_window_present (GTK_WINDOW (lajna_meetings_window_new (GTK_WINDOW (self), self->worker,
                                                               self->committee_id)));
}

/* Ctrl+N: a file of the selected committee's kind, a marriage file when
 * all committees are shown. */
static void
new_case_shortcut_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);
  const char *kind = "marriage";

  for (guint i = 0; self->committees != NULL && i < self->committees->len; i++)
    {
      LajnaCommittee *committee = g_ptr_array_index (self->committees, i);

      if (committee->id == self->committee_id)
        kind = committee->kind;
    }
  gtk_widget_activate_action (widget, "win.new-case", "s", kind);
}

/* Ctrl+E: the file shown beside the list. */
static void
edit_shown_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gint64 id = lajna_case_view_get_case_id (LAJNA_WINDOW (widget)->case_view);

  if (id != 0)
    gtk_widget_activate_action (widget, "win.edit-case", "x", id);
}

static void
edit_case_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);
  LajnaCaseForm *form;

  if (self->worker == NULL)
    return;
  form = lajna_case_form_edit_file (GTK_WINDOW (self), self->worker, g_variant_get_int64 (parameter));
  g_signal_connect_object (form, "saved", G_CALLBACK (case_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
imported_cb (LajnaWindow *self,
             guint        n_files,
             guint        n_left_out)
{
  g_autofree char *imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Imported %u file",
                                                            "Imported %u files", n_files),
                                               n_files);
  g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "left out %u row with errors",
                                                            "left out %u rows with errors",
                                                            n_left_out),
                                               n_left_out);
  /* Translators: "Imported 12 files" and "left out 2 rows with errors" */
  g_autofree char *both = g_strdup_printf (_("%s; %s"), imported, left_out);

  if (self->list != NULL)
    lajna_case_list_reload (self->list);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (n_left_out > 0 ? both
                                                                                  : imported));
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LajnaWindow) self = user_data;
  g_autofree char *path = lajna_file_choice_ask_finish (result, NULL);
  LajnaImportDialog *dialog;

  if (path == NULL || self->worker == NULL)
    return;
  dialog = lajna_import_dialog_new (GTK_WINDOW (self), self->worker, path, self->committee_id);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
}

/* Files from a spreadsheet, for the committee selected (or, with all
 * committees shown, the one each row names). */
static void
import_cases_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, Excel)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  lajna_file_choice_ask_async (GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("Import Files"), _("_Open"), NULL, filter, NULL,
                               import_chosen_cb, g_object_ref (widget));
}

static void
verify_ruling_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);

  if (self->worker != NULL)
    lajna_ruling_verify_run (GTK_WINDOW (self), self->worker);
}

/* The templates of the committee selected, or else of the first. */
static void
ruling_templates_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);
  LajnaCommittee *chosen = NULL;

  for (guint i = 0; self->committees != NULL && i < self->committees->len; i++)
    {
      LajnaCommittee *committee = g_ptr_array_index (self->committees, i);

      if (chosen == NULL || committee->id == self->committee_id)
        chosen = committee;
    }
  if (self->worker != NULL && chosen != NULL)
    lajna_template_editor_new (GTK_WINDOW (self), self->worker, chosen->id, chosen->kind);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);

  if (self->list != NULL)
    lajna_case_list_reload (self->list);
  lajna_dashboard_reload (self->dashboard);
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (LAJNA_WINDOW (widget)->search_entry));
}

static void
export_list_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LajnaWindow *self = LAJNA_WINDOW (widget);
  gboolean csv = g_str_equal (g_variant_get_string (parameter, NULL), "csv");
  g_autofree char *name = g_strconcat (_("Files"), csv ? ".csv" : ".pdf", NULL);

  if (self->worker == NULL)
    return;
  lajna_pdf_export_run (GTK_WINDOW (self), self->worker,
                        csv ? _("Save the List as a Spreadsheet") : _("Save the List as a PDF"),
                        name,
                        lajna_export_job_new_list (csv ? lajna_case_list_export_csv
                                                       : lajna_case_list_export_pdf,
                                                   self->query),
                        self->toast_overlay);
}

static void
lajna_window_dispose (GObject *object)
{
  LajnaWindow *self = LAJNA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  g_clear_object (&self->list);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->committees, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_window_parent_class)->dispose (object);
}

static void
lajna_window_finalize (GObject *object)
{
  LajnaWindow *self = LAJNA_WINDOW (object);

  lajna_case_query_free (self->query);

  G_OBJECT_CLASS (lajna_window_parent_class)->finalize (object);
}

static void
lajna_window_class_init (LajnaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_window_dispose;
  object_class->finalize = lajna_window_finalize;

  g_type_ensure (LAJNA_TYPE_CASE_TABLE);
  g_type_ensure (LAJNA_TYPE_CASE_VIEW);
  g_type_ensure (LAJNA_TYPE_LIST_FILTERS);
  g_type_ensure (LAJNA_TYPE_FILTER_CHIPS);
  g_type_ensure (LAJNA_TYPE_DASHBOARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lajna/Lajna/app/lajna-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, committee_list);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, case_table);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, list_filters);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, search_clamp);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, meetings_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaWindow, view_switcher);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, committee_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chip_removed_cb);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.new-case", "s", new_case_activated);
  gtk_widget_class_install_action (widget_class, "win.new-case-here", NULL,
                                   new_case_shortcut_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-case", "x", edit_case_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-shown", NULL, edit_shown_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-shown", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case-here", NULL);
  gtk_widget_class_install_action (widget_class, "win.meetings", NULL, meetings_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.meetings", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-cases", NULL,
                                   import_cases_activated);
  gtk_widget_class_install_action (widget_class, "win.verify-ruling", NULL,
                                   verify_ruling_activated);
  gtk_widget_class_install_action (widget_class, "win.ruling-templates", NULL,
                                   ruling_templates_activated);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_activated);
  gtk_widget_class_install_action (widget_class, "win.export-list", "s", export_list_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
}

static void
lajna_window_init (LajnaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", FALSE);
  self->query = lajna_case_query_new ();
  self->cancellable = g_cancellable_new ();
}

LajnaWindow *
lajna_window_new (GtkApplication *application)
{
  return g_object_new (LAJNA_TYPE_WINDOW, "application", application, NULL);
}

void
lajna_window_show_opening (LajnaWindow *self)
{
  g_return_if_fail (LAJNA_IS_WINDOW (self));

  show_page (self, "opening");
}

/**
 * lajna_window_show_failed:
 * @self: a #LajnaWindow
 * @error: why the database cannot be used
 *
 * Shows the error with a way to try again.
 */
void
lajna_window_show_failed (LajnaWindow  *self,
                          const GError *error)
{
  g_return_if_fail (LAJNA_IS_WINDOW (self));

  set_markup_description (self->failed_page, error->message);
  show_page (self, "failed");
}

/**
 * lajna_window_set_worker:
 * @self: a #LajnaWindow
 * @worker: the connection to read through
 *
 * Called once the database is open: reads the committees and the files.
 */
void
lajna_window_set_worker (LajnaWindow   *self,
                         LajnaDbWorker *worker)
{
  g_return_if_fail (LAJNA_IS_WINDOW (self));
  g_return_if_fail (self->worker == NULL);

  self->worker = g_object_ref (worker);
  self->list = lajna_case_list_new (worker);
  lajna_case_view_set_worker (self->case_view, worker);
  lajna_dashboard_set_worker (self->dashboard, worker);
  g_signal_connect_object (self->case_view, "case-changed", G_CALLBACK (lajna_case_list_reload),
                           self->list, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::error", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::counted", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  lajna_case_table_set_list (self->case_table, self->list);
  self->watch = lajna_meeting_watch_new (lajna_db_worker_get_database (worker));
  g_signal_connect_object (self->watch, "case-changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  lajna_case_list_set_query (self->list, self->query);
  lajna_bench_watch (GTK_WIDGET (self), self->list,
                     lajna_case_table_get_vadjustment (self->case_table));

  lajna_committee_fetch_all_async (worker, self->cancellable, committees_done_cb, self);
  show_page (self, "ready");
}

static void
locked_changed_cb (LajnaWindow   *self,
                   GParamSpec    *pspec,
                   LajnaIdleLock *lock)
{
  self->locked = lajna_idle_lock_get_locked (lock);
  update_actions (self);
  if (self->locked)
    {
      g_free (self->page_before_lock);
      self->page_before_lock = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
      gtk_stack_set_visible_child_name (self->main_stack, "locked");
      gtk_window_set_title (GTK_WINDOW (self), _("Lajna (Locked)"));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, self->page_before_lock);
      gtk_window_set_title (GTK_WINDOW (self), _("Lajna"));
    }
}

/**
 * lajna_window_set_idle_lock:
 * @self: a #LajnaWindow
 * @lock: the application's lock
 *
 * While @lock is locked, the window stays shown with its locked page
 * instead of the files, and its actions off.
 */
void
lajna_window_set_idle_lock (LajnaWindow   *self,
                            LajnaIdleLock *lock)
{
  g_return_if_fail (LAJNA_IS_WINDOW (self));

  lajna_idle_lock_show_while_locked (GTK_WINDOW (self));
  g_signal_connect_object (lock, "notify::locked", G_CALLBACK (locked_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * lajna_window_get_dashboard:
 * @self: a #LajnaWindow
 *
 * Returns: (transfer none): the window's overview page
 */
LajnaDashboard *
lajna_window_get_dashboard (LajnaWindow *self)
{
  g_return_val_if_fail (LAJNA_IS_WINDOW (self), NULL);

  return self->dashboard;
}
