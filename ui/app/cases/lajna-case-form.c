/* lajna-case-form.c: registering a new file, or editing one.
 *
 * The form is built from the field table once the country list (and for a
 * juvenile file the staff) is read. Every change is validated at once, in
 * the model, and the messages appear under the fields; the parties are
 * looked up as duplicates a moment after the clerk stops typing, and the
 * warning comes under the field being typed. What stops a save is said
 * above the fields; only the result is a toast. Saving an edited file
 * that another workstation saved meanwhile opens the conflict dialog:
 * nothing is overwritten without the clerk choosing. Closing with unsaved
 * typing asks first.
 */

#include "lajna-case-form.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-application.h"
#include "lajna-case-setup.h"
#include "lajna-committee.h"
#include "lajna-conflict-dialog.h"
#include "lajna-country.h"
#include "lajna-discard-dialog.h"
#include "lajna-form-rows.h"
#include "lajna-labels.h"
#include "lajna-text.h"

/* A pause in typing after which the parties are looked up. */
#define DUPLICATES_DELAY_MS 500

struct _LajnaCaseForm
{
  AdwWindow parent_instance;

  AdwToastOverlay     *toasts;
  AdwWindowTitle      *window_title;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  GtkWidget           *save_button;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwPreferencesPage  *page;
  GtkWidget           *committee_group;
  AdwComboRow         *committee_row;

  LajnaDbWorker    *worker;
  GCancellable     *cancellable;
  GCancellable     *duplicates_cancellable;
  guint             duplicates_timeout;
  GArray           *committee_ids;
  LajnaCaseRecord  *record;
  /* The values as the form opened with them, to tell what is unsaved. */
  LajnaCaseRecord  *opened;
  LajnaFormChoices  choices;
  GStrv             country_codes;
  LajnaFormRows    *rows;
};

G_DEFINE_FINAL_TYPE (LajnaCaseForm, lajna_case_form, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (LajnaCaseForm *self,
       const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* What stops the file from being saved, above the fields rather than in a
 * toast over them; %NULL once it no longer holds. */
static void
show_problem (LajnaCaseForm *self,
              const char    *message)
{
  if (message != NULL)
    gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static void
set_title (LajnaCaseForm *self)
{
  g_autofree char *number = NULL;

  const char *title = self->record->id != 0                         ? _("Edit File")
                      : strcmp (self->record->kind, "juvenile") == 0 ? _("New Juvenile File")
                                                                      : _("New Marriage File");

  if (self->record->file_number != NULL)
    number = lajna_isolate (self->record->file_number);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, number);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The record as the form shows it now, validated. */
static LajnaValidation *
collect (LajnaCaseForm *self)
{
  LajnaValidation *validation = lajna_validation_new ();
  GDate day;
  guint committee = adw_combo_row_get_selected (self->committee_row);

  if (self->committee_ids != NULL && committee < self->committee_ids->len)
    self->record->committee_id = g_array_index (self->committee_ids, int, committee);
  lajna_form_rows_store (self->rows, self->record);
  today (&day);
  lajna_case_record_validate (self->record, validation, &day,
                              (const char * const *) self->country_codes);
  return validation;
}

static GtkWidget *
new_candidate_row (const LajnaIntakeCandidate *candidate)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = lajna_isolate (candidate->file_number);
  g_autofree char *title = g_strdup_printf ("%s  %s", number, candidate->title);
  g_autofree char *subtitle = g_strdup_printf ("%s: %s (%d%%)", lajna_party_label (candidate->for_role),
                                               lajna_label_for (candidate->reason),
                                               (int) (candidate->score * 100 + 0.5));
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  if (candidate->earlier_outcome != NULL)
    {
      GtkWidget *flag = gtk_label_new (strcmp (candidate->earlier_outcome, "reject") == 0
                                         ? _("Rejected before") : _("Deferred before"));

      gtk_widget_add_css_class (flag, "warning");
      gtk_widget_add_css_class (flag, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
    }
  return row;
}

/* The warning under a field, where the clerk is looking while typing, and
 * the list its candidates go in. */
static GtkListBox *
add_duplicates_note (LajnaCaseForm *self,
                     const char    *key)
{
  GtkWidget *heading = gtk_label_new (_("Possible Duplicates"));
  GtkWidget *description = gtk_label_new (
    _("A person like a party of this file is already on these files. Check before saving."));
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "warning");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "caption");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  lajna_form_rows_add_note (self->rows, key, heading);
  lajna_form_rows_add_note (self->rows, key, description);
  lajna_form_rows_add_note (self->rows, key, list);
  return GTK_LIST_BOX (list);
}

static void
show_duplicates (LajnaCaseForm *self,
                 GPtrArray     *candidates)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  lajna_form_rows_clear_notes (self->rows);
  for (guint i = 0; i < candidates->len; i++)
    {
      const LajnaIntakeCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *key = lajna_intake_candidate_anchor (
        candidate, lajna_form_rows_last_changed (self->rows));
      GtkListBox *list = g_hash_table_lookup (lists, key);

      if (list == NULL)
        {
          list = add_duplicates_note (self, key);
          g_hash_table_insert (lists, g_steal_pointer (&key), list);
        }
      gtk_list_box_append (list, new_candidate_row (candidate));
    }
}

static void
duplicates_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates =
    lajna_case_record_find_duplicates_finish (LAJNA_DB_WORKER (source), result, &error);
  LajnaCaseForm *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_CASE_FORM (user_data);
  if (candidates == NULL)
    {
      lajna_form_rows_clear_notes (self->rows);
      show_problem (self, error->message);
      return;
    }
  show_duplicates (self, candidates);
}

static gboolean
look_for_duplicates_cb (gpointer user_data)
{
  LajnaCaseForm *self = LAJNA_CASE_FORM (user_data);

  self->duplicates_timeout = 0;
  g_cancellable_cancel (self->duplicates_cancellable);
  g_clear_object (&self->duplicates_cancellable);
  self->duplicates_cancellable = g_cancellable_new ();
  lajna_case_record_find_duplicates_async (self->worker, self->record,
                                           lajna_application_duplicate_threshold (),
                                           self->duplicates_cancellable, duplicates_done_cb, self);
  return G_SOURCE_REMOVE;
}

/* Whether a change of this field can change who the parties look like. */
static gboolean
identifies_party (const char *key)
{
  static const char * const columns[] = {
    "name", "father_name", "grandfather_name", "family_name", "birth_date",
    "national_number", "passport_number", "nationality", NULL
  };
  const char *dot = key != NULL ? strchr (key, '.') : NULL;

  return dot != NULL && g_strv_contains (columns, dot + 1);
}

static void
fields_changed_cb (LajnaCaseForm *self)
{
  g_autoptr(LajnaValidation) validation = collect (self);

  if (g_strcmp0 (lajna_form_rows_last_changed (self->rows), "direction") == 0
      && lajna_case_record_apply_direction (self->record))
    {
      lajna_form_rows_load (self->rows, self->record);
      g_clear_pointer (&validation, lajna_validation_free);
      validation = collect (self);
    }
  show_problem (self, NULL);
  lajna_form_rows_show_issues (self->rows, validation);
  if (identifies_party (lajna_form_rows_last_changed (self->rows)))
    {
      g_clear_handle_id (&self->duplicates_timeout, g_source_remove);
      self->duplicates_timeout = g_timeout_add (DUPLICATES_DELAY_MS, look_for_duplicates_cb, self);
    }
}

static void
build_form (LajnaCaseForm *self)
{
  self->rows = lajna_form_rows_new (self->record->kind, &self->choices, self->page);
  lajna_form_rows_load (self->rows, self->record);
  lajna_form_rows_set_changed (self->rows, G_CALLBACK (fields_changed_cb), self);
  g_clear_pointer (&self->opened, lajna_case_record_free);
  self->opened = lajna_case_record_copy (self->record);
  set_title (self);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "form");
  lajna_form_rows_focus_first (self->rows);
  if (self->record->id != 0)
    look_for_duplicates_cb (self);
}

static void
setup_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseSetup) setup = lajna_case_setup_load_finish (LAJNA_DB_WORKER (source), result,
                                                                  &error);
  LajnaCaseForm *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_CASE_FORM (user_data);
  if (setup == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->choices.countries = g_steal_pointer (&setup->countries);
  self->choices.staff = g_steal_pointer (&setup->staff);
  self->country_codes = lajna_country_codes (self->choices.countries);
  if (setup->record != NULL)
    {
      lajna_case_record_free (self->record);
      self->record = g_steal_pointer (&setup->record);
    }
  build_form (self);
}

static void
start_setup (LajnaCaseForm *self,
             gint64         case_id)
{
  gtk_widget_set_sensitive (self->save_button, FALSE);
  lajna_case_setup_load_async (self->worker, case_id, self->cancellable, setup_done_cb, self);
}

static void save (LajnaCaseForm *self);

/* The other workstation's version, while the person chooses. */
typedef struct
{
  LajnaCaseForm   *self;
  LajnaCaseRecord *theirs;
} Conflict;

static void
conflict_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Conflict *conflict = user_data;
  LajnaCaseForm *self = conflict->self;
  g_autoptr(LajnaCaseRecord) theirs = conflict->theirs;
  g_autofree char *chosen = lajna_conflict_dialog_choose_finish (result, NULL);

  g_free (conflict);
  /* Back to editing, or the form closed (its cancellable). */
  if (chosen == NULL)
    return;
  if (strcmp (chosen, "mine") == 0)
    {
      self->record->row_version = theirs->row_version;
      save (self);
    }
  else if (strcmp (chosen, "theirs") == 0)
    {
      lajna_case_record_free (self->record);
      self->record = lajna_case_record_copy (theirs);
      /* What is shown is now what is saved: closing need not ask. */
      lajna_case_record_free (self->opened);
      self->opened = lajna_case_record_copy (theirs);
      lajna_form_rows_load (self->rows, self->record);
      fields_changed_cb (self);
      toast (self, _("The version saved on the other workstation is shown."));
    }
}

static void
theirs_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseRecord) theirs = lajna_case_record_load_finish (LAJNA_DB_WORKER (source),
                                                                     result, &error);
  LajnaCaseForm *self;
  Conflict *conflict;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_CASE_FORM (user_data);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (theirs == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  conflict = g_new0 (Conflict, 1);
  conflict->self = self;
  conflict->theirs = g_steal_pointer (&theirs);
  lajna_conflict_dialog_choose_async (GTK_WINDOW (self), self->record, conflict->theirs,
                                      self->cancellable, conflict_chosen_cb, conflict);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseRecord) saved = lajna_case_record_load_finish (LAJNA_DB_WORKER (source),
                                                                    result, &error);
  g_autofree char *number = NULL;
  g_autofree char *result_text = NULL;
  LajnaCaseForm *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_CASE_FORM (user_data);
  if (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_STALE))
    {
      lajna_case_record_load_async (self->worker, self->record->id, self->cancellable,
                                    theirs_done_cb, self);
      return;
    }
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (saved == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  number = lajna_isolate (saved->file_number);
  /* Translators: a toast once a new file is in the database; %s is its number */
  result_text = g_strdup_printf (self->record->id == 0 ? _("File %s registered")
                                 /* Translators: a toast once an edited file is saved */
                                                       : _("File %s saved"), number);
  g_signal_emit (self, signals[SAVED], 0, saved->id, result_text);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (LajnaCaseForm *self)
{
  gtk_widget_set_sensitive (self->save_button, FALSE);
  lajna_case_record_save_async (self->worker, self->record, self->cancellable, save_done_cb,
                                self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaCaseForm *self = LAJNA_CASE_FORM (widget);
  g_autoptr(LajnaValidation) validation = NULL;
  GtkWidget *first_error;

  if (self->rows == NULL || !gtk_widget_get_sensitive (self->save_button))
    return;
  validation = collect (self);
  lajna_form_rows_touch_all (self->rows);
  first_error = lajna_form_rows_show_issues (self->rows, validation);
  if (first_error != NULL)
    {
      guint n = 0;

      for (guint i = 0; i < lajna_validation_get_n_issues (validation); i++)
        n += lajna_validation_get_issue (validation, i)->level == LAJNA_ISSUE_ERROR;
      gtk_widget_grab_focus (first_error);
      show_problem (self,
                    g_dngettext (GETTEXT_PACKAGE, "Correct the marked field to save the file.",
                                 "Correct the marked fields to save the file.", n));
      return;
    }
  save (self);
}

/* Typing a file is work: Escape or Cancel by mistake must not lose it. */
static gboolean
close_request_cb (LajnaCaseForm *self)
{
  g_autoptr(LajnaCaseRecord) shown = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  gboolean new_file = self->record->id == 0;

  if (self->rows == NULL || self->opened == NULL)
    return FALSE;
  shown = lajna_case_record_copy (self->opened);
  lajna_form_rows_store (self->rows, shown);
  changed = lajna_case_record_diff (self->opened, shown);
  return lajna_discard_dialog_stop_close (
    GTK_WINDOW (self), changed->len > 0,
    new_file ? _("Discard This New File?") : _("Discard the Changes to This File?"),
    new_file ? _("What was typed has not been saved.")
             : _("The changes have not been saved."),
    _("_Keep Editing"));
}

static void
lajna_case_form_dispose (GObject *object)
{
  LajnaCaseForm *self = LAJNA_CASE_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->duplicates_cancellable);
  g_clear_handle_id (&self->duplicates_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_CASE_FORM);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->duplicates_cancellable);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (lajna_case_form_parent_class)->dispose (object);
}

static void
lajna_case_form_finalize (GObject *object)
{
  LajnaCaseForm *self = LAJNA_CASE_FORM (object);

  g_clear_pointer (&self->rows, lajna_form_rows_free);
  g_clear_pointer (&self->record, lajna_case_record_free);
  g_clear_pointer (&self->opened, lajna_case_record_free);
  g_clear_pointer (&self->choices.countries, g_ptr_array_unref);
  g_clear_pointer (&self->choices.staff, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_strfreev);
  g_clear_pointer (&self->committee_ids, g_array_unref);

  G_OBJECT_CLASS (lajna_case_form_parent_class)->finalize (object);
}

static void
lajna_case_form_class_init (LajnaCaseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_case_form_dispose;
  object_class->finalize = lajna_case_form_finalize;

  /**
   * LajnaCaseForm::saved:
   * @form: the form
   * @case_id: the file that was registered or saved
   * @result: what happened, in words for the person
   *
   * Emitted once the file is in the database, just before the form closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                 G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-case-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, toasts);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, error_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, page);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, committee_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseForm, committee_row);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_case_form_init (LajnaCaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  self->cancellable = g_cancellable_new ();
}

static LajnaCaseForm *
new_form (GtkWindow     *parent,
          LajnaDbWorker *worker)
{
  LajnaCaseForm *self = g_object_new (LAJNA_TYPE_CASE_FORM, "transient-for", parent, NULL);

  self->worker = g_object_ref (worker);
  return self;
}

/**
 * lajna_case_form_new_file:
 * @parent: the main window
 * @worker: the connection to save through
 * @kind: "marriage" or "juvenile"
 * @committees: (element-type LajnaCommittee): the committees of @kind the
 *   file may be registered with, the likeliest first
 *
 * Returns: (transfer none): a form for a new file, shown
 */
LajnaCaseForm *
lajna_case_form_new_file (GtkWindow     *parent,
                          LajnaDbWorker *worker,
                          const char    *kind,
                          GPtrArray     *committees)
{
  LajnaCaseForm *self = new_form (parent, worker);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (committees->len > 0, NULL);

  self->committee_ids = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < committees->len; i++)
    {
      const LajnaCommittee *committee = g_ptr_array_index (committees, i);

      g_array_append_val (self->committee_ids, committee->id);
      gtk_string_list_append (names, lajna_prefer_arabic () ? committee->name_ar : committee->name_en);
    }
  adw_combo_row_set_model (self->committee_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (self->committee_group, committees->len > 1);
  self->record = lajna_case_record_new (kind, g_array_index (self->committee_ids, int, 0));
  set_title (self);
  start_setup (self, 0);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * lajna_case_form_edit_file:
 * @parent: the main window
 * @worker: the connection to read and save through
 * @case_id: the file to edit
 *
 * Returns: (transfer none): a form for the file, shown
 */
LajnaCaseForm *
lajna_case_form_edit_file (GtkWindow     *parent,
                           LajnaDbWorker *worker,
                           gint64         case_id)
{
  LajnaCaseForm *self = new_form (parent, worker);

  self->record = lajna_case_record_new ("marriage", 0);
  self->record->id = case_id;
  set_title (self);
  start_setup (self, case_id);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
