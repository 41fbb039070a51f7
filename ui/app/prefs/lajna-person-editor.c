/* lajna-person-editor.c: a person of the committees, as their
 * administrator edits them: full name, whether their account is on, and,
 * on each committee the administrator administers, whether they take part
 * in it and their roles there; or a new person, with a login and at least
 * one role. Where the server asks people for passwords, the administrator
 * gives a new person theirs, or a person who forgot theirs a new one,
 * typed twice. The whole change is one transaction through the
 * database's functions (lajna-people-change.c): all of it, or nothing.
 * The window emits "saved" once the database took it. */

#include "lajna-person-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-admin-form.h"
#include "lajna-committee-settings.h"
#include "lajna-db-rules.h"
#include "lajna-labels.h"
#include "lajna-people-change.h"

struct _LajnaPersonEditor
{
  AdwWindow              parent_instance;

  LajnaDbWorker         *worker;
  GCancellable          *cancellable;
  GPtrArray             *committees;
  /* As read, NULL for a new person. */
  char                  *login;
  char                  *full_name;
  gboolean               was_active;
  /* (element-type GtkCheckButton): one a committee and role, holding
   * "committee" and "role", and "held" when the person held it. */
  GPtrArray             *checks;
  /* (element-type GtkSwitch): one a committee, holding "committee", and
   * "held" when the person took part in it. */
  GPtrArray             *standings;

  GtkWidget             *save;
  GtkLabel              *error_label;
  AdwPreferencesPage    *page;
  GtkWidget             *login_row;
  GtkWidget             *full_name_row;
  GtkWidget             *active_row;
  GtkSwitch             *active;
  AdwPreferencesGroup   *password_group;
  GtkWidget             *password_row;
  GtkWidget             *password_again_row;
};

G_DEFINE_FINAL_TYPE (LajnaPersonEditor, lajna_person_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* The roles of every committee, then those of a juvenile committee only. */
static const char * const roles[] = { "clerk", "member", "rapporteur", "chair", "signatory",
                                      "admin", "social_worker", "psychologist" };
#define N_COMMITTEE_ROLES 6

/* The boxes or switches of @widgets changed since read, into @changes;
 * returns how many are on. */
static guint
read_changed (GPtrArray *widgets,
              GPtrArray *changes)
{
  guint n_held = 0;

  for (guint i = 0; i < widgets->len; i++)
    {
      GObject *widget = g_ptr_array_index (widgets, i);
      gboolean held = GTK_IS_SWITCH (widget)
                        ? gtk_switch_get_active (GTK_SWITCH (widget))
                        : gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
      LajnaPeopleRoleChange *role;

      n_held += held;
      if (held == GPOINTER_TO_INT (g_object_get_data (widget, "held")))
        continue;
      role = g_new0 (LajnaPeopleRoleChange, 1);
      role->committee_id = GPOINTER_TO_INT (g_object_get_data (widget, "committee"));
      role->role = g_strdup (g_object_get_data (widget, "role"));
      role->held = held;
      g_ptr_array_add (changes, role);
    }
  return n_held;
}

/* The change as typed; NULL, with what is wrong shown, when it cannot be
 * saved. */
static LajnaPeopleChange *
read_form (LajnaPersonEditor *self)
{
  g_autoptr(LajnaValidation) validation = lajna_validation_new ();
  const LajnaAdminField fields[] = {
    { "login", self->login_row }, { "full_name", self->full_name_row },
    { "password", self->password_row }, { "password_again", self->password_again_row },
  };
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
      GTK_EDITABLE (self->full_name_row))));
  LajnaPeopleChange *change = lajna_people_change_new ();
  guint n_held;
  gboolean active = gtk_switch_get_active (self->active);

  change->is_new = self->login == NULL;
  change->login = change->is_new ? g_strstrip (g_strdup (gtk_editable_get_text (
                                       GTK_EDITABLE (self->login_row))))
                                 : g_strdup (self->login);
  change->full_name = change->is_new || g_strcmp0 (name, self->full_name) != 0
                        ? g_strdup (name) : NULL;
  change->active = change->is_new || active == self->was_active ? -1 : active;
  n_held = read_changed (self->checks, change->roles);
  read_changed (self->standings, change->standings);
  change->password = *password != '\0' ? g_strdup (password) : NULL;

  if (change->is_new && !lajna_people_check_login (change->login))
    lajna_validation_add (validation, "login", LAJNA_ISSUE_ERROR, "%s",
                          lajna_db_rule_message ("lajna:login"));
  lajna_people_check_text (validation, "full_name", name, LAJNA_PEOPLE_NAME_MAX_CHARS, TRUE);
  if (change->is_new && n_held == 0)
    lajna_validation_add (validation, "roles", LAJNA_ISSUE_ERROR, "%s",
                          _("Give the person at least one role."));
  lajna_people_check_password (validation, password,
                               gtk_editable_get_text (GTK_EDITABLE (self->password_again_row)));
  if (!lajna_admin_form_check (self->error_label, validation, fields, G_N_ELEMENTS (fields)))
    g_clear_pointer (&change, lajna_people_change_free);
  return change;
}

/* Once written, or refused; the editor is gone when it was cancelled. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LajnaPersonEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (lajna_people_change_write_finish (LAJNA_DB_WORKER (source), result, &error)
      || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lajna_admin_form_written (GTK_WINDOW (self), self->save, self->error_label, error);
}

static void
save_clicked_cb (LajnaPersonEditor *self)
{
  LajnaPeopleChange *change = read_form (self);

  if (change == NULL)
    return;
  gtk_widget_set_sensitive (self->save, FALSE);
  lajna_people_change_write_async (self->worker, change, self->cancellable, written_cb, self);
}

/* Whether a known person takes part in @committee: a switch that an
 * administrator of it turns. */
static GtkWidget *
new_standing_row (LajnaPersonEditor            *self,
                  const LajnaCommitteeSettings *committee,
                  const LajnaPeopleRow         *person)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *standing = gtk_switch_new ();
  gboolean held = lajna_people_row_takes_part (person, committee->id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Takes part in this committee"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Turned off, their roles here count for nothing until an "
                                 "administrator of this committee turns them on again."));
  gtk_switch_set_active (GTK_SWITCH (standing), held);
  gtk_widget_set_valign (standing, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (standing), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Takes part in this committee"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), standing);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), standing);
  g_object_set_data (G_OBJECT (standing), "committee", GINT_TO_POINTER (committee->id));
  g_object_set_data (G_OBJECT (standing), "held", GINT_TO_POINTER (held));
  g_ptr_array_add (self->standings, standing);
  return row;
}

/* A group a committee, a row a role, ticked where the person holds it;
 * for a known person, whether they take part in it first. */
static void
add_role_rows (LajnaPersonEditor    *self,
               const LajnaPeopleRow *person)
{
  for (guint c = 0; c < self->committees->len; c++)
    {
      const LajnaCommitteeSettings *committee = g_ptr_array_index (self->committees, c);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = g_markup_escape_text (committee->name_ar, -1);
      g_autofree char *heading = g_strdup_printf (_("Roles on %s"), title);
      guint n_roles = strcmp (committee->kind, "juvenile") == 0 ? G_N_ELEMENTS (roles)
                                                                : N_COMMITTEE_ROLES;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);
      if (person != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_standing_row (self, committee, person));

      for (guint r = 0; r < n_roles; r++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          gboolean held = person != NULL
                          && lajna_people_row_holds (person, committee->id, roles[r]);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lajna_label_for (roles[r]));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), held);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          lajna_label_for (roles[r]), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_object_set_data (G_OBJECT (check), "committee", GINT_TO_POINTER (committee->id));
          g_object_set_data (G_OBJECT (check), "role", (gpointer) roles[r]);
          g_object_set_data (G_OBJECT (check), "held", GINT_TO_POINTER (held));
          g_ptr_array_add (self->checks, check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
    }
}

static void
lajna_person_editor_dispose (GObject *object)
{
  LajnaPersonEditor *self = LAJNA_PERSON_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_PERSON_EDITOR);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->committees, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->standings, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_person_editor_parent_class)->dispose (object);
}

static void
lajna_person_editor_finalize (GObject *object)
{
  LajnaPersonEditor *self = LAJNA_PERSON_EDITOR (object);

  g_free (self->login);
  g_free (self->full_name);

  G_OBJECT_CLASS (lajna_person_editor_parent_class)->finalize (object);
}

static void
lajna_person_editor_class_init (LajnaPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_person_editor_dispose;
  object_class->finalize = lajna_person_editor_finalize;

  /**
   * LajnaPersonEditor::saved:
   *
   * The database took the change.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/prefs/lajna-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaPersonEditor, save);
  gtk_widget_class_bind_template_child (widget_class, LajnaPersonEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaPersonEditor, page);
  gtk_widget_class_bind_template_child_full (widget_class, "login", FALSE,
                                             G_STRUCT_OFFSET (LajnaPersonEditor, login_row));
  gtk_widget_class_bind_template_child_full (widget_class, "full_name", FALSE,
                                             G_STRUCT_OFFSET (LajnaPersonEditor, full_name_row));
  gtk_widget_class_bind_template_child (widget_class, LajnaPersonEditor, active_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaPersonEditor, active);
  gtk_widget_class_bind_template_child (widget_class, LajnaPersonEditor, password_group);
  gtk_widget_class_bind_template_child_full (widget_class, "password", FALSE,
                                             G_STRUCT_OFFSET (LajnaPersonEditor, password_row));
  gtk_widget_class_bind_template_child_full (widget_class, "password_again", FALSE,
                                             G_STRUCT_OFFSET (LajnaPersonEditor,
                                                              password_again_row));
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_person_editor_init (LajnaPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();
  self->standings = g_ptr_array_new ();
}

/**
 * lajna_person_editor_new:
 * @parent: the window it belongs to
 * @worker: the connection, as an administrator
 * @committees: (element-type LajnaCommitteeSettings): the committees the
 *   administrator administers
 * @person: (nullable): the person to edit, %NULL for a new one
 * @passwords: whether the server asks people for passwords, which the
 *   editor then gives
 *
 * Returns: (transfer none): the editor, not yet shown
 */
GtkWindow *
lajna_person_editor_new (GtkWindow            *parent,
                         LajnaDbWorker        *worker,
                         GPtrArray            *committees,
                         const LajnaPeopleRow *person,
                         gboolean              passwords)
{
  LajnaPersonEditor *self = g_object_new (LAJNA_TYPE_PERSON_EDITOR,
                                          "transient-for", parent,
                                             "application", gtk_window_get_application (parent),
                                             NULL);

  self->worker = g_object_ref (worker);
  self->committees = g_ptr_array_ref (committees);
  if (person != NULL)
    {
      self->login = g_strdup (person->login);
      self->full_name = g_strdup (person->full_name);
      self->was_active = person->active;
      gtk_window_set_title (GTK_WINDOW (self), *person->full_name != '\0' ? person->full_name
                                                                          : person->login);
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), person->login);
      gtk_widget_set_sensitive (self->login_row, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), person->full_name);
      gtk_switch_set_active (self->active, person->active);
      gtk_widget_set_visible (self->active_row, TRUE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->password_group), passwords);
  adw_preferences_group_set_description (self->password_group, person == NULL
      ? _("The person signs in with this password: hand it to them in person. Leave both "
          "empty for someone who has a password already.")
      : _("To give the person a new password, when they forgot theirs, type it twice and hand "
          "it to them in person. Leave both empty to keep their password."));
  add_role_rows (self, person);
  return GTK_WINDOW (self);
}
