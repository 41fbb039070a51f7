/* lajna-preferences-window.c: Preferences (Ctrl+comma): the settings a
 * person may change, their own full name, and, for an administrator,
 * the committees and people they administer (lajna-committees-page.c,
 * lajna-people-page.c). Everything the database answers comes through
 * the worker; the administration pages appear once it has said that the
 * person administers a committee. */

#include "lajna-preferences-window.h"

#include <glib/gi18n.h>

#include "lajna-chart-digits.h"
#include "lajna-committees-page.h"
#include "lajna-people-page.h"
#include "lajna-people.h"
#include "lajna-users.h"

struct _LajnaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  LajnaDbWorker        *worker;
  GCancellable         *cancellable;

  AdwEntryRow          *own_name;
  GtkLabel             *own_name_error;
  GtkSpinButton        *duplicate_threshold;
  GtkSpinButton        *lock_after_minutes;
  GtkSpinButton        *backups_kept;
  AdwComboRow          *digits;
  AdwEntryRow          *database;
  AdwEntryRow          *timestamp_authority;
  GtkLabel             *timestamp_authority_error;
};

G_DEFINE_FINAL_TYPE (LajnaPreferencesWindow, lajna_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (LajnaPreferencesWindow *self,
       const char             *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* What the window asks the database first: the person's own name, and
 * whether they administer a committee. */
static void
start_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaPeopleSelf) start = lajna_people_self_load_finish (LAJNA_DB_WORKER (source),
                                                                    result, &error);
  LajnaPreferencesWindow *self = user_data;

  if (start == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self->own_name_error, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->own_name), start->full_name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->own_name), TRUE);
  if (start->administers)
    {
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  lajna_committees_page_new (self->worker));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  lajna_people_page_new (self->worker));
    }
}

static void
save_name_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = lajna_users_set_full_name_finish (LAJNA_DB_WORKER (source), result, &error);
  LajnaPreferencesWindow *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_error (self->own_name_error, saved ? NULL : error->message);
  if (saved)
    toast (self, _("Your name is saved."));
}

static void
own_name_apply_cb (LajnaPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
      GTK_EDITABLE (self->own_name))));
  g_autoptr(LajnaValidation) validation = lajna_validation_new ();

  lajna_people_check_text (validation, "full_name", name, LAJNA_PEOPLE_NAME_MAX_CHARS, TRUE);
  if (lajna_validation_has_errors (validation))
    {
      show_error (self->own_name_error, lajna_validation_get_issue (validation, 0)->message);
      return;
    }
  lajna_users_set_full_name_async (self->worker, NULL, name, self->cancellable,
                                   save_name_done_cb, self);
}

static void
database_apply_cb (LajnaPreferencesWindow *self)
{
  g_autofree char *conninfo = g_strstrip (g_strdup (gtk_editable_get_text (
      GTK_EDITABLE (self->database))));

  g_settings_set_string (self->settings, "database", conninfo);
  toast (self, _("The connection is saved. It takes effect when Lajna starts again."));
}

static void
timestamp_authority_apply_cb (LajnaPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (
      GTK_EDITABLE (self->timestamp_authority))));
  gboolean valid = *url == '\0' || g_str_has_prefix (url, "http://")
                   || g_str_has_prefix (url, "https://");

  gtk_widget_set_visible (GTK_WIDGET (self->timestamp_authority_error), !valid);
  if (valid)
    {
      g_settings_set_string (self->settings, "timestamp-authority", url);
      toast (self, _("The time-stamping authority is saved."));
    }
}

static void
bind_spin (LajnaPreferencesWindow *self,
           const char             *key,
           GtkSpinButton          *spin)
{
  g_settings_bind (self->settings, key, gtk_spin_button_get_adjustment (spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
bind_entry (LajnaPreferencesWindow *self,
            const char             *key,
            AdwEntryRow            *row)
{
  g_autofree char *text = g_settings_get_string (self->settings, key);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The digits row lists the key's choices in their values' order. */
static gboolean
get_choice (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  g_autoptr(GEnumClass) digits = g_type_class_ref (LAJNA_TYPE_CHART_DIGITS);
  GEnumValue *choice = g_enum_get_value_by_nick (digits, g_variant_get_string (variant, NULL));

  if (choice == NULL)
    return FALSE;
  g_value_set_uint (value, choice->value);
  return TRUE;
}

static GVariant *
set_choice (const GValue       *value,
            const GVariantType *type,
            gpointer            user_data)
{
  g_autoptr(GEnumClass) digits = g_type_class_ref (LAJNA_TYPE_CHART_DIGITS);
  GEnumValue *choice = g_enum_get_value (digits, g_value_get_uint (value));

  return choice != NULL ? g_variant_new_string (choice->value_nick) : NULL;
}

static void
lajna_preferences_window_dispose (GObject *object)
{
  LajnaPreferencesWindow *self = LAJNA_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lajna_preferences_window_parent_class)->dispose (object);
}

static void
lajna_preferences_window_class_init (LajnaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/prefs/lajna-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow, own_name);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow, own_name_error);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow,
                                        duplicate_threshold);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow,
                                        lock_after_minutes);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow, backups_kept);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow, digits);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow, database);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow,
                                        timestamp_authority);
  gtk_widget_class_bind_template_child (widget_class, LajnaPreferencesWindow,
                                        timestamp_authority_error);
  gtk_widget_class_bind_template_callback (widget_class, own_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, timestamp_authority_apply_cb);
}

static void
lajna_preferences_window_init (LajnaPreferencesWindow *self)
{
  g_type_ensure (LAJNA_TYPE_COMMITTEES_PAGE);
  g_type_ensure (LAJNA_TYPE_PEOPLE_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * lajna_preferences_window_new:
 * @parent: the window it belongs to
 * @settings: (nullable): the app's settings, %NULL when none can be kept
 * @worker: (nullable): the app's connection, %NULL while the database
 *   opens
 *
 * Returns: (transfer none): the window, not yet shown
 */
GtkWidget *
lajna_preferences_window_new (GtkWindow     *parent,
                              GSettings     *settings,
                              LajnaDbWorker *worker)
{
  LajnaPreferencesWindow *self = g_object_new (LAJNA_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent,
                                               "application", gtk_window_get_application (parent),
                                               NULL);
  GtkSpinButton *spins[] = { self->duplicate_threshold, self->lock_after_minutes,
                             self->backups_kept };
  const char *keys[] = { "duplicate-threshold", "lock-after-minutes", "backups-kept" };

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
        bind_spin (self, keys[i], spins[i]);
      bind_entry (self, "database", self->database);
      bind_entry (self, "timestamp-authority", self->timestamp_authority);
      g_settings_bind_with_mapping (settings, "digits", self->digits, "selected",
                                    G_SETTINGS_BIND_DEFAULT, get_choice, set_choice, NULL, NULL);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
        gtk_widget_set_sensitive (GTK_WIDGET (spins[i]), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->database), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->timestamp_authority), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->digits), FALSE);
    }
  if (worker != NULL)
    lajna_preferences_window_set_worker (self, worker);
  return GTK_WIDGET (self);
}

/**
 * lajna_preferences_window_set_worker:
 * @self: a #LajnaPreferencesWindow
 * @worker: the app's connection, once the database is open
 *
 * Fills in what the database answers: the person's own name and, for an
 * administrator, the administration pages. A window opened while the
 * database was still opening is given its connection this way.
 */
void
lajna_preferences_window_set_worker (LajnaPreferencesWindow *self,
                                     LajnaDbWorker          *worker)
{
  g_return_if_fail (LAJNA_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (LAJNA_IS_DB_WORKER (worker));

  if (self->worker != NULL)
    return;
  /* A connection of its own, so that nothing waits behind the file list's
   * reads. */
  self->worker = lajna_db_worker_new (lajna_db_worker_get_database (worker));
  lajna_people_self_load_async (self->worker, self->cancellable, start_done_cb, self);
}
