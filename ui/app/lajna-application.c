/* lajna-application.c: starts the database with the app and stops it on
 * quit; opens the window.
 *
 * The database is opened on a worker thread while the window already
 * shows, so a slow start (the embedded server's first run, a far server)
 * never freezes the desktop.
 */

#include "lajna-application.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "lajna-backup.h"
#include "lajna-database.h"
#include "lajna-db-worker.h"
#include "lajna-help-window.h"
#include "lajna-idle-lock.h"
#include "lajna-sign-in-dialog.h"
#include "lajna-window.h"
#include "prefs/lajna-preferences-window.h"

/* The schema's defaults, for when no settings can be read. */
#define DEFAULT_DUPLICATE_THRESHOLD 0.5
#define DEFAULT_BACKUPS_KEPT 7
#define DEFAULT_LOCK_MINUTES 10

struct _LajnaApplication
{
  AdwApplication  parent_instance;

  char           *database_option;
  GSettings      *settings;
  LajnaDatabase  *database;
  LajnaDbWorker  *worker;
  LajnaIdleLock  *idle_lock;
  GCancellable   *cancellable;
  gboolean        signing_in;
};

G_DEFINE_FINAL_TYPE (LajnaApplication, lajna_application, ADW_TYPE_APPLICATION)

/* The main window, whichever window (a form, a dialog) is active. */
static LajnaWindow *
get_window (LajnaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LAJNA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static char *
dup_conninfo (LajnaApplication *self)
{
  const char *env = g_getenv ("LAJNA_DATABASE");

  if (self->database_option != NULL)
    return g_strdup (self->database_option);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "database");
  return NULL;
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lajna_backup_daily_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The daily backup was not written: %s", error->message);
}

/* The embedded database is copied once a day to its data folder's
 * backups/, the newest few kept; a shared server has its own. */
static void
start_daily_backup (LajnaApplication *self)
{
  if (lajna_database_get_cluster (self->database) == NULL)
    return;
  lajna_backup_daily_async (self->database,
                            self->settings != NULL
                              ? g_settings_get_uint (self->settings, "backups-kept")
                              : DEFAULT_BACKUPS_KEPT,
                            self->cancellable, daily_backup_done_cb, NULL);
}

static void start_opening (LajnaApplication *self);

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LajnaApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  LajnaWindow *window = get_window (self);

  self->signing_in = FALSE;
  if (lajna_sign_in_dialog_run_finish (result, &error))
    start_opening (self);
  else if (window != NULL)
    {
      g_autoptr(GError) refused = g_error_new_literal (LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD,
          _("The server asks for your password, or did not accept the one given."));

      lajna_window_show_failed (window, refused);
    }
}

static void
database_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LajnaApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  LajnaWindow *window = get_window (self);

  if (!lajna_database_open_finish (LAJNA_DATABASE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A shared server without the person's password: ask for it. */
      if (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD) && window != NULL)
        {
          self->signing_in = TRUE;
          lajna_sign_in_dialog_run_async (GTK_WINDOW (window), self->database, FALSE,
                                          self->cancellable, signed_in_cb, g_object_ref (self));
          return;
        }
      g_warning ("Cannot open the database: %s", error->message);
      if (window != NULL)
        lajna_window_show_failed (window, error);
      return;
    }

  self->worker = lajna_db_worker_new (self->database);
  if (window != NULL)
    lajna_window_set_worker (window, self->worker);
  /* Preferences opened while the database was opening. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LAJNA_IS_PREFERENCES_WINDOW (l->data))
      lajna_preferences_window_set_worker (l->data, self->worker);
  start_daily_backup (self);
}

static void
start_opening (LajnaApplication *self)
{
  LajnaWindow *window = get_window (self);

  if (window != NULL)
    lajna_window_show_opening (window);
  lajna_database_open_async (self->database, self->cancellable, database_opened_cb,
                             g_object_ref (self));
}

static void
open_database (LajnaApplication *self)
{
  g_autofree char *conninfo = dup_conninfo (self);

  g_clear_object (&self->database);
  self->database = lajna_database_new (conninfo);
  start_opening (self);
}

static void
open_database_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  LajnaApplication *self = user_data;

  if (self->worker == NULL)
    open_database (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LajnaApplication *self = user_data;

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Lajna"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Files, meetings and rulings of the mixed-marriage and "
                                       "juvenile committees"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  lajna_help_window_new (GTK_WINDOW (get_window (LAJNA_APPLICATION (user_data))));
}

/* Built when asked, not kept hidden as GtkApplication keeps a help
 * overlay for each window: GTK 4.8 logs criticals when the accessibility
 * bus asks after a window never shown. */
static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/lajna/Lajna/app/lajna-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (get_window (LAJNA_APPLICATION (user_data))));
  gtk_window_present (shortcuts);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LajnaApplication *self = user_data;
  LajnaWindow *window = get_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (lajna_preferences_window_new (GTK_WINDOW (window),
                                                                  self->settings,
                                                                  self->worker)));
}

static void
lock_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  lajna_idle_lock_lock (LAJNA_APPLICATION (user_data)->idle_lock);
}

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LajnaApplication) self = user_data;

  self->signing_in = FALSE;
  if (lajna_sign_in_dialog_run_finish (result, NULL))
    lajna_idle_lock_unlock (self->idle_lock);
}

/* On a shared server the person's password unlocks; the embedded
 * database is the computer account's own, whose password unlocks it. */
static void
unlock_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LajnaApplication *self = user_data;
  LajnaWindow *window = get_window (self);

  if (self->database == NULL || window == NULL)
    {
      lajna_idle_lock_unlock (self->idle_lock);
      return;
    }
  if (self->signing_in)
    return;
  self->signing_in = TRUE;
  lajna_sign_in_dialog_run_async (GTK_WINDOW (window), self->database, TRUE, self->cancellable,
                                  unlocked_cb, g_object_ref (self));
}

static const GActionEntry app_actions[] = {
  { "lock", lock_activated, NULL, NULL, NULL },
  { "unlock", unlock_activated, NULL, NULL, NULL },
  { "open-database", open_database_activated, NULL, NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
  { "help", help_activated, NULL, NULL, NULL },
  { "shortcuts", shortcuts_activated, NULL, NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
};

static gboolean
quit_on_signal (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static void
lajna_application_startup (GApplication *application)
{
  LajnaApplication *self = LAJNA_APPLICATION (application);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *lock_accels[] = { "<Control>l", NULL };
  const char *help_accels[] = { "F1", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (lajna_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  g_unix_signal_add (SIGINT, quit_on_signal, self);
  g_unix_signal_add (SIGTERM, quit_on_signal, self);
  self->settings = new_settings ();
  self->idle_lock = lajna_idle_lock_new (GTK_APPLICATION (self));
  lajna_idle_lock_set_minutes (self->idle_lock, DEFAULT_LOCK_MINUTES);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "lock-after-minutes", self->idle_lock, "minutes",
                     G_SETTINGS_BIND_GET);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.lock", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  /* The server starts while the window is being built. */
  open_database (self);
}

static void
lajna_application_activate (GApplication *application)
{
  LajnaApplication *self = LAJNA_APPLICATION (application);
  LajnaWindow *window = get_window (self);

  if (window == NULL)
    {
      window = lajna_window_new (GTK_APPLICATION (self));
      if (self->settings != NULL)
        {
          g_settings_bind (self->settings, "window-width", window, "default-width",
                           G_SETTINGS_BIND_DEFAULT);
          g_settings_bind (self->settings, "window-height", window, "default-height",
                           G_SETTINGS_BIND_DEFAULT);
          g_settings_bind (self->settings, "window-maximized", window, "maximized",
                           G_SETTINGS_BIND_DEFAULT);
          g_settings_bind (self->settings, "digits", lajna_window_get_dashboard (window),
                           "digits", G_SETTINGS_BIND_GET);
        }
      if (self->worker != NULL)
        lajna_window_set_worker (window, self->worker);
      lajna_window_set_idle_lock (window, self->idle_lock);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static int
lajna_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  LajnaApplication *self = LAJNA_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lajna %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "database", "s", &self->database_option);
  return -1;
}

static void
lajna_application_shutdown (GApplication *application)
{
  LajnaApplication *self = LAJNA_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->cancellable);
  /* The worker's thread closes its connection before the server stops. */
  g_clear_object (&self->worker);
  if (self->database != NULL && !lajna_database_close (self->database, TRUE, &error))
    g_warning ("%s", error->message);

  G_APPLICATION_CLASS (lajna_application_parent_class)->shutdown (application);
}

static void
lajna_application_dispose (GObject *object)
{
  LajnaApplication *self = LAJNA_APPLICATION (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->database);
  g_clear_object (&self->idle_lock);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lajna_application_parent_class)->dispose (object);
}

static void
lajna_application_finalize (GObject *object)
{
  LajnaApplication *self = LAJNA_APPLICATION (object);

  g_free (self->database_option);

  G_OBJECT_CLASS (lajna_application_parent_class)->finalize (object);
}

static void
lajna_application_class_init (LajnaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lajna_application_dispose;
  object_class->finalize = lajna_application_finalize;
  app_class->startup = lajna_application_startup;
  app_class->activate = lajna_application_activate;
  app_class->handle_local_options = lajna_application_handle_local_options;
  app_class->shutdown = lajna_application_shutdown;
}

static void
lajna_application_init (LajnaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("libpq connection string of a shared server (default: the embedded database)"),
      N_("CONNINFO") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

LajnaApplication *
lajna_application_new (void)
{
  return g_object_new (LAJNA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/lajna/Lajna/app",
                       NULL);
}

/**
 * lajna_application_duplicate_threshold:
 *
 * Returns: how alike two names must be to offer their people as duplicates:
 *   the `duplicate-threshold` setting, or its default without settings
 */
double
lajna_application_duplicate_threshold (void)
{
  GApplication *application = g_application_get_default ();

  if (LAJNA_IS_APPLICATION (application) && LAJNA_APPLICATION (application)->settings != NULL)
    return g_settings_get_double (LAJNA_APPLICATION (application)->settings, "duplicate-threshold");
  return DEFAULT_DUPLICATE_THRESHOLD;
}

/**
 * lajna_application_dup_timestamp_authority:
 *
 * Returns: (transfer full) (nullable): the web address of the
 *   time-stamping authority that dates signatures (the
 *   `timestamp-authority` setting), or %NULL for none
 */
char *
lajna_application_dup_timestamp_authority (void)
{
  GApplication *application = g_application_get_default ();
  g_autofree char *url = NULL;

  if (LAJNA_IS_APPLICATION (application) && LAJNA_APPLICATION (application)->settings != NULL)
    url = g_settings_get_string (LAJNA_APPLICATION (application)->settings,
                                 "timestamp-authority");
  return url != NULL && *url != '\0' ? g_steal_pointer (&url) : NULL;
}
