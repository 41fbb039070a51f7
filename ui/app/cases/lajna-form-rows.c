/* lajna-form-rows.c: the rows of a file's form, made from the field table.
 *
 * Each field of lajna_case_fields() gets the row its type calls for (an
 * entry, a list to choose from, a country search, check boxes; a date
 * also has a calendar), in a group per part of the file, with a message
 * row under it that validation fills. A field's message appears once the
 * person has touched it, or all of them after a save was tried, so an
 * empty form does not open covered in red. A party's field also has a
 * row for notes, such as the duplicate warning, beside it.
 */

#include "lajna-form-rows.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-country-row.h"
#include "lajna-labels.h"
#include "lajna-staff.h"
#include "lajna-text.h"

typedef struct
{
  const LajnaCaseField *field;
  GtkWidget            *row;
  GtkWidget            *message_row;
  GtkLabel             *message;
  /* For a party's field: what the form says about the person typed, such
   * as the files a person like them is already on. */
  GtkWidget            *note_row;
  GtkBox               *notes;
  /* For a choice row: the code of each item. */
  GPtrArray            *codes;
  /* For a list: one check box a code. */
  GPtrArray            *checks;
  gboolean              touched;
} FieldRow;

struct _LajnaFormRows
{
  char       *kind;
  GPtrArray  *rows;
  GHashTable *groups;
  GCallback   changed;
  gpointer    changed_data;
  const char *last_changed;
  gboolean    loading;
};

static const char * const programmes[] = { "education", "vocational", "counselling", NULL };

static void
field_row_free (FieldRow *row)
{
  g_clear_pointer (&row->codes, g_ptr_array_unref);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_free (row);
}

static const char *
column_of (const char *key)
{
  const char *dot = strrchr (key, '.');

  return dot != NULL ? dot + 1 : key;
}

/* The group a field is shown in, and its title. */
static const char *
group_of (const char  *key,
          const char **title)
{
  if (strchr (key, '.') != NULL)
    {
      static char role[32];

      g_strlcpy (role, key, MIN (sizeof role, (gsize) (strchr (key, '.') - key + 1)));
      *title = lajna_party_label (role);
      return g_intern_string (role);
    }
  if (g_str_has_prefix (key, "guardian_"))
    {
      *title = _("Guardian");
      return "guardian";
    }
  if (strcmp (key, "received_on") == 0 || strcmp (key, "notes") == 0
      || strcmp (key, "direction") == 0 || strcmp (key, "previous_marriages") == 0
      || strcmp (key, "residence") == 0)
    {
      *title = _("File");
      return "file";
    }
  *title = _("Placement");
  return "placement";
}

static void
row_changed_cb (FieldRow *row)
{
  LajnaFormRows *self = g_object_get_data (G_OBJECT (row->row), "lajna-form-rows");

  if (self->loading)
    return;
  row->touched = TRUE;
  self->last_changed = row->field->key;
  if (self->changed != NULL)
    ((void (*) (gpointer)) self->changed) (self->changed_data);
}

static void
add_choice (FieldRow   *row,
            GtkStringList *labels,
            const char *code,
            const char *label)
{
  g_ptr_array_add (row->codes, g_strdup (code));
  gtk_string_list_append (labels, label);
}

static void
fill_choices (FieldRow               *row,
              GtkStringList          *labels,
              const LajnaFormChoices *choices)
{
  const char *column = column_of (row->field->key);

  if (g_str_has_suffix (column, "_id"))
    {
      const char *role = strcmp (column, "social_worker_id") == 0 ? "social_worker"
                                                                   : "psychologist";

      add_choice (row, labels, "", _("Not assigned"));
      for (guint i = 0; i < choices->staff->len; i++)
        {
          const LajnaStaff *person = g_ptr_array_index (choices->staff, i);
          g_autofree char *id = g_strdup_printf ("%d", person->id);
          g_autofree char *label = NULL;

          if (strcmp (person->role, role) != 0)
            continue;
          label = person->facility[0] == '\0'
                    ? g_strdup (person->full_name)
                    : g_strdup_printf (C_("person and the facilities they serve", "%s (%s)"),
                                       person->full_name, person->facility);
          add_choice (row, labels, id, label);
        }
    }
  else
    {
      static const char * const sexes[] = { "m", "f", NULL };
      static const char * const directions[] = { "libyan_man", "libyan_woman", NULL };
      static const char * const statuses[] = { "pretrial", "sentenced", "protective", NULL };
      const char * const *codes = strcmp (column, "sex") == 0         ? sexes
                                  : strcmp (column, "direction") == 0 ? directions
                                                                      : statuses;

      add_choice (row, labels, "", _("Not chosen"));
      for (guint i = 0; codes[i] != NULL; i++)
        add_choice (row, labels, codes[i], lajna_label_for (codes[i]));
    }
}

static gboolean
is_choice (const LajnaCaseField *field)
{
  return field->type == LAJNA_FIELD_CODE || g_str_has_suffix (field->key, "_id");
}

static GtkWidget *
new_choice_row (FieldRow               *row,
                const LajnaFormChoices *choices)
{
  GtkWidget *combo = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  row->codes = g_ptr_array_new_with_free_func (g_free);
  fill_choices (row, labels, choices);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (combo), FALSE);
  g_signal_connect_swapped (combo, "notify::selected", G_CALLBACK (row_changed_cb), row);
  return combo;
}

static GtkWidget *
new_list_row (FieldRow *row)
{
  GtkWidget *action = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  row->checks = g_ptr_array_new ();
  for (guint i = 0; programmes[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (lajna_label_for (programmes[i]));

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (row_changed_cb), row);
      g_ptr_array_add (row->checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action), box);
  return action;
}

/* The calendar opens on the day typed, or on today. */
static void
calendar_shown_cb (GtkCalendar *calendar)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (calendar), "lajna-entry");
  GDate typed;
  g_autoptr(GDateTime) day = NULL;

  if (lajna_parse_date (gtk_editable_get_text (entry), &typed))
    day = g_date_time_new_local (g_date_get_year (&typed), g_date_get_month (&typed),
                                 g_date_get_day (&typed), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "lajna-showing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, day);
  g_object_set_data (G_OBJECT (calendar), "lajna-showing", NULL);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkEditable *entry)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;
  GDate date;

  if (g_object_get_data (G_OBJECT (calendar), "lajna-showing") != NULL)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (day),
                  (GDateMonth) g_date_time_get_month (day), (GDateYear) g_date_time_get_year (day));
  text = lajna_date_text (&date);
  gtk_editable_set_text (entry, text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

/* Return takes the day the calendar shows chosen, as a click on it does. */
static gboolean
calendar_key_pressed_cb (GtkCalendar     *calendar,
                         guint            keyval,
                         guint            keycode,
                         GdkModifierType  state)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  day_selected_cb (calendar, g_object_get_data (G_OBJECT (calendar), "lajna-entry"));
  return GDK_EVENT_STOP;
}

/**
 * lajna_form_rows_add_date_picker:
 * @entry: a row for a date
 *
 * Lets the date be typed year first, or picked from a calendar.
 */
void
lajna_form_rows_add_date_picker (AdwEntryRow *entry)
{
  GtkWidget *hint = gtk_label_new (_("year-month-day"));
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  adw_entry_row_add_suffix (entry, hint);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_object_set_data (G_OBJECT (calendar), "lajna-entry", entry);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), entry);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), calendar);
  gtk_widget_add_controller (calendar, keys);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (calendar_shown_cb), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick the date from a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick the date from a calendar"), -1);
  adw_entry_row_add_suffix (entry, button);
}

static GtkWidget *
new_entry_row (FieldRow *row)
{
  GtkWidget *entry = adw_entry_row_new ();

  if (row->field->type == LAJNA_FIELD_DATE)
    lajna_form_rows_add_date_picker (ADW_ENTRY_ROW (entry));
  if (row->field->type == LAJNA_FIELD_NUMBER || row->field->type == LAJNA_FIELD_INT
      || row->field->type == LAJNA_FIELD_DATE)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), row->field->type == LAJNA_FIELD_NUMBER
                                                              ? GTK_INPUT_PURPOSE_FREE_FORM
                                                              : GTK_INPUT_PURPOSE_DIGITS);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (row_changed_cb), row);
  return entry;
}

static AdwPreferencesGroup *
group_for (LajnaFormRows      *self,
           AdwPreferencesPage *page,
           const char         *key)
{
  const char *title;
  const char *name = group_of (key, &title);
  AdwPreferencesGroup *group = g_hash_table_lookup (self->groups, name);

  if (group == NULL)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, title);
      adw_preferences_page_add (page, group);
      g_hash_table_insert (self->groups, (gpointer) name, group);
    }
  return group;
}

/* A row under a field that only says something about it: hidden until
 * there is something to say, and passed over by the keyboard. */
static GtkWidget *
add_row_under (AdwPreferencesGroup *group,
               GtkWidget           *child,
               int                  margin_bottom)
{
  GtkWidget *under = adw_preferences_row_new ();

  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, margin_bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (under), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (under), FALSE);
  gtk_widget_set_focusable (under, FALSE);
  gtk_widget_set_visible (under, FALSE);
  adw_preferences_group_add (group, under);
  return under;
}

static FieldRow *
add_field (LajnaFormRows          *self,
           AdwPreferencesPage     *page,
           const LajnaCaseField   *field,
           const LajnaFormChoices *choices)
{
  AdwPreferencesGroup *group = group_for (self, page, field->key);
  FieldRow *row = g_new0 (FieldRow, 1);
  GtkWidget *message;

  row->field = field;
  if (field->type == LAJNA_FIELD_LIST)
    row->row = new_list_row (row);
  else if (field->type == LAJNA_FIELD_COUNTRY)
    {
      row->row = lajna_country_row_new (choices->countries);
      g_signal_connect_swapped (row->row, "notify::code", G_CALLBACK (row_changed_cb), row);
    }
  else if (is_choice (field))
    row->row = new_choice_row (row, choices);
  else
    row->row = new_entry_row (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), _(field->label));
  gtk_widget_set_name (row->row, field->key);
  g_object_set_data (G_OBJECT (row->row), "lajna-form-rows", self);
  adw_preferences_group_add (group, row->row);

  message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  row->message = GTK_LABEL (message);
  row->message_row = add_row_under (group, message, 6);
  gtk_widget_add_css_class (row->message_row, "field-message");
  if (strchr (field->key, '.') != NULL)
    {
      row->notes = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
      row->note_row = add_row_under (group, GTK_WIDGET (row->notes), 12);
    }
  return row;
}

/**
 * lajna_form_rows_new:
 * @kind: "marriage" or "juvenile"
 * @choices: what the choice rows offer
 * @page: the page the groups are added to
 *
 * Returns: (transfer full): the rows of a form for a file of @kind
 */
LajnaFormRows *
lajna_form_rows_new (const char             *kind,
                     const LajnaFormChoices *choices,
                     AdwPreferencesPage     *page)
{
  LajnaFormRows *self = g_new0 (LajnaFormRows, 1);
  guint n;
  const LajnaCaseField *fields = lajna_case_fields (kind, &n);

  self->kind = g_strdup (kind);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  self->groups = g_hash_table_new (g_str_hash, g_str_equal);
  /* The file first, then the parties, then the rest of the details. */
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          const char *title;
          const char *group = group_of (fields[i].key, &title);
          guint in_pass = strcmp (group, "file") == 0 ? 0 : strchr (fields[i].key, '.') ? 1 : 2;

          /* The next review follows from the admission and the cycle; a
           * meeting's decision moves it, not the intake form. */
          if (in_pass != pass || strcmp (fields[i].key, "next_review_on") == 0)
            continue;
          g_ptr_array_add (self->rows, add_field (self, page, &fields[i], choices));
        }
    }
  return self;
}

void
lajna_form_rows_free (LajnaFormRows *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->groups);
  g_free (self->kind);
  g_free (self);
}

/**
 * lajna_form_rows_set_changed:
 * @self: the rows
 * @callback: (scope notified): called with @user_data when a person
 *   changes a field (not when lajna_form_rows_load() fills them)
 * @user_data: data for @callback
 */
void
lajna_form_rows_set_changed (LajnaFormRows *self,
                             GCallback      callback,
                             gpointer       user_data)
{
  self->changed = callback;
  self->changed_data = user_data;
}

/**
 * lajna_form_rows_last_changed:
 * @self: the rows
 *
 * Returns: (nullable): the key of the field changed last
 */
const char *
lajna_form_rows_last_changed (LajnaFormRows *self)
{
  return self->last_changed;
}

static void
load_row (FieldRow   *row,
          const char *value)
{
  if (row->checks != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (value, ",", -1);

      for (guint i = 0; i < row->checks->len; i++)
        gtk_check_button_set_active (g_ptr_array_index (row->checks, i),
                                     g_strv_contains ((const char * const *) codes, programmes[i]));
    }
  else if (LAJNA_IS_COUNTRY_ROW (row->row))
    lajna_country_row_set_code (LAJNA_COUNTRY_ROW (row->row), value);
  else if (row->codes != NULL)
    {
      guint found = 0;

      for (guint i = 0; i < row->codes->len; i++)
        if (strcmp (g_ptr_array_index (row->codes, i), value) == 0)
          found = i;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), found);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row->row), value);
}

/**
 * lajna_form_rows_load:
 * @self: the rows
 * @record: the values to show
 */
void
lajna_form_rows_load (LajnaFormRows         *self,
                      const LajnaCaseRecord *record)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      load_row (row, lajna_case_record_get (record, row->field->key));
    }
  self->loading = FALSE;
}

static char *
row_text (FieldRow *row)
{
  if (row->checks != NULL)
    {
      GString *codes = g_string_new (NULL);

      for (guint i = 0; i < row->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (row->checks, i)))
          g_string_append_printf (codes, "%s%s", codes->len > 0 ? "," : "", programmes[i]);
      return g_string_free (codes, FALSE);
    }
  if (LAJNA_IS_COUNTRY_ROW (row->row))
    return g_strdup (lajna_country_row_get_code (LAJNA_COUNTRY_ROW (row->row)));
  if (row->codes != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));

      return g_strdup (selected < row->codes->len ? g_ptr_array_index (row->codes, selected) : "");
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->row)));
}

/**
 * lajna_form_rows_store:
 * @self: the rows
 * @record: where the values go, cleaned
 */
void
lajna_form_rows_store (LajnaFormRows   *self,
                       LajnaCaseRecord *record)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = row_text (row);

      lajna_case_record_set (record, row->field->key, text);
    }
}

/**
 * lajna_form_rows_focus_first:
 * @self: the rows
 *
 * Puts the keyboard focus on the first field, where intake starts.
 */
void
lajna_form_rows_focus_first (LajnaFormRows *self)
{
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((FieldRow *) g_ptr_array_index (self->rows, 0))->row);
}

/**
 * lajna_form_rows_touch_all:
 * @self: the rows
 *
 * From now on every field shows its message, as after a try to save.
 */
void
lajna_form_rows_touch_all (LajnaFormRows *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    ((FieldRow *) g_ptr_array_index (self->rows, i))->touched = TRUE;
}

static const LajnaIssue *
issue_for (const LajnaValidation *validation,
           const char            *key)
{
  const LajnaIssue *warning = NULL;

  for (guint i = 0; i < lajna_validation_get_n_issues (validation); i++)
    {
      const LajnaIssue *issue = lajna_validation_get_issue (validation, i);

      if (strcmp (issue->field, key) != 0)
        continue;
      if (issue->level == LAJNA_ISSUE_ERROR)
        return issue;
      warning = warning != NULL ? warning : issue;
    }
  return warning;
}

/**
 * lajna_form_rows_show_issues:
 * @self: the rows
 * @validation: the findings for the values shown
 *
 * Shows each touched field's finding under it, the error before a warning.
 *
 * Returns: (transfer none) (nullable): the first row with an error shown
 */
GtkWidget *
lajna_form_rows_show_issues (LajnaFormRows         *self,
                             const LajnaValidation *validation)
{
  GtkWidget *first_error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      const LajnaIssue *issue = row->touched ? issue_for (validation, row->field->key) : NULL;
      gboolean error = issue != NULL && issue->level == LAJNA_ISSUE_ERROR;

      gtk_widget_set_visible (row->message_row, issue != NULL);
      gtk_label_set_text (row->message, issue != NULL ? issue->message : "");
      gtk_widget_remove_css_class (GTK_WIDGET (row->message), error ? "warning" : "error");
      gtk_widget_remove_css_class (row->row, error ? "warning" : "error");
      if (issue != NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (row->message), error ? "error" : "warning");
          gtk_widget_add_css_class (row->row, error ? "error" : "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, issue->message, -1);
        }
      else
        {
          gtk_widget_remove_css_class (row->row, "error");
          gtk_widget_remove_css_class (row->row, "warning");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (row->row),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
      if (error && first_error == NULL)
        first_error = row->row;
    }
  return first_error;
}

/**
 * lajna_form_rows_add_note:
 * @self: the rows
 * @key: a party's field
 * @note: (transfer floating): a widget shown under the field
 *
 * Shows @note under the field @key and its message, after the notes
 * already there.
 */
void
lajna_form_rows_add_note (LajnaFormRows *self,
                          const char    *key,
                          GtkWidget     *note)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->notes != NULL && strcmp (row->field->key, key) == 0)
        {
          gtk_box_append (row->notes, note);
          gtk_widget_set_visible (row->note_row, TRUE);
          return;
        }
    }
  g_object_ref_sink (note);
  g_object_unref (note);
}

/**
 * lajna_form_rows_clear_notes:
 * @self: the rows
 *
 * Removes every note of lajna_form_rows_add_note().
 */
void
lajna_form_rows_clear_notes (LajnaFormRows *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      GtkWidget *child;

      if (row->notes == NULL)
        continue;
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (row->notes))) != NULL)
        gtk_box_remove (row->notes, child);
      gtk_widget_set_visible (row->note_row, FALSE);
    }
}
