/* lajna-idle-lock.c: the files are hidden when nobody is at the desk.
 *
 * Every window of the application reports key presses, clicks and pointer
 * moves; after a configured time without any, or at once when the person
 * locks, every window but those that show the lock themselves (the main
 * window, with its locked page) and the one that unlocks is hidden, every
 * application action but unlocking and quitting is disabled (so that no
 * shortcut opens anything), a window that comes up meanwhile is hidden as
 * it appears, and the lock is reported through the "locked" property,
 * which the main window follows by showing its locked page instead of the
 * files and disabling its own actions. Unlocking shows the hidden windows
 * again, as they were, and gives the actions back.
 */

#include "lajna-idle-lock.h"

/* How often the idle time is looked at. */
#define CHECK_SECONDS 15

struct _LajnaIdleLock
{
  GObject         parent_instance;

  GtkApplication *application;
  GPtrArray      *hidden;
  GPtrArray      *disabled;
  gint64          last_activity;
  guint           minutes;
  guint           check_id;
  gboolean        locked;
};

G_DEFINE_FINAL_TYPE (LajnaIdleLock, lajna_idle_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCKED,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
note_activity (LajnaIdleLock *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
key_pressed_cb (LajnaIdleLock *self)
{
  note_activity (self);
  return FALSE;
}

/* Whether @window stays shown while locked. */
static gboolean
shown_while_locked (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "lajna-shown-while-locked") != NULL;
}

static void
hide_window (LajnaIdleLock *self,
             GtkWindow     *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_ptr_array_add (self->hidden, g_object_ref (window));
}

/* A window that comes up while locked is hidden at once. */
static void
window_mapped_cb (LajnaIdleLock *self,
                  GtkWidget     *window)
{
  if (self->locked && !shown_while_locked (GTK_WINDOW (window)))
    hide_window (self, GTK_WINDOW (window));
}

static void
watch_window (LajnaIdleLock *self,
              GtkWindow     *window)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (note_activity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "pressed", G_CALLBACK (note_activity), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), key);
  gtk_widget_add_controller (GTK_WIDGET (window), motion);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Disables every application action but those that lock, unlock and quit,
 * keeping those it disabled. */
static void
disable_actions (LajnaIdleLock *self)
{
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->application));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->application), names[i]);

      if (g_strv_contains ((const char * const[]) { "lock", "unlock", "quit", NULL }, names[i])
          || !G_IS_SIMPLE_ACTION (action) || !g_action_get_enabled (action))
        continue;
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
      g_ptr_array_add (self->disabled, g_object_ref (action));
    }
}

static void
window_added_cb (LajnaIdleLock *self,
                 GtkWindow     *window)
{
  watch_window (self, window);
}

static gboolean
check_cb (gpointer user_data)
{
  LajnaIdleLock *self = LAJNA_IDLE_LOCK (user_data);
  gint64 idle = g_get_monotonic_time () - self->last_activity;

  if (!self->locked && self->minutes > 0 && idle >= (gint64) self->minutes * 60 * G_USEC_PER_SEC)
    lajna_idle_lock_lock (self);
  return G_SOURCE_CONTINUE;
}

static void
lajna_idle_lock_dispose (GObject *object)
{
  LajnaIdleLock *self = LAJNA_IDLE_LOCK (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->disabled, g_ptr_array_unref);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (lajna_idle_lock_parent_class)->dispose (object);
}

static void
lajna_idle_lock_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LajnaIdleLock *self = LAJNA_IDLE_LOCK (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_idle_lock_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LajnaIdleLock *self = LAJNA_IDLE_LOCK (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      lajna_idle_lock_set_minutes (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_idle_lock_class_init (LajnaIdleLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_idle_lock_dispose;
  object_class->get_property = lajna_idle_lock_get_property;
  object_class->set_property = lajna_idle_lock_set_property;

  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                    | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LajnaIdleLock:minutes:
   *
   * Idle minutes before the lock comes on by itself, 0 for never.
   */
  properties[PROP_MINUTES] = g_param_spec_uint ("minutes", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                  | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lajna_idle_lock_init (LajnaIdleLock *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->disabled = g_ptr_array_new_with_free_func (g_object_unref);
  note_activity (self);
}

/**
 * lajna_idle_lock_new:
 * @application: the application whose windows are watched
 *
 * Returns: (transfer full): a lock that never locks by itself until
 *   lajna_idle_lock_set_minutes() is called
 */
LajnaIdleLock *
lajna_idle_lock_new (GtkApplication *application)
{
  LajnaIdleLock *self = g_object_new (LAJNA_TYPE_IDLE_LOCK, NULL);

  self->application = g_object_ref (application);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    watch_window (self, l->data);
  g_signal_connect_object (application, "window-added", G_CALLBACK (window_added_cb), self,
                           G_CONNECT_SWAPPED);
  self->check_id = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);
  return self;
}

/**
 * lajna_idle_lock_set_minutes:
 * @self: the lock
 * @minutes: idle minutes before it locks, 0 for never
 */
void
lajna_idle_lock_set_minutes (LajnaIdleLock *self,
                             guint          minutes)
{
  g_return_if_fail (LAJNA_IS_IDLE_LOCK (self));

  if (self->minutes == minutes)
    return;
  self->minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

/**
 * lajna_idle_lock_lock:
 * @self: the lock
 *
 * Hides every window but those shown while locked, disables the
 * application's actions and reports the lock, for the main window to hide
 * the files.
 */
void
lajna_idle_lock_lock (LajnaIdleLock *self)
{
  GList *windows;

  g_return_if_fail (LAJNA_IS_IDLE_LOCK (self));

  if (self->locked)
    return;
  windows = gtk_application_get_windows (self->application);
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) && !shown_while_locked (l->data))
      hide_window (self, l->data);
  disable_actions (self);
  self->locked = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/**
 * lajna_idle_lock_unlock:
 * @self: the lock
 */
void
lajna_idle_lock_unlock (LajnaIdleLock *self)
{
  g_return_if_fail (LAJNA_IS_IDLE_LOCK (self));

  if (!self->locked)
    return;
  self->locked = FALSE;
  for (guint i = 0; i < self->disabled->len; i++)
    g_simple_action_set_enabled (g_ptr_array_index (self->disabled, i), TRUE);
  g_ptr_array_set_size (self->disabled, 0);
  for (guint i = 0; i < self->hidden->len; i++)
    gtk_window_present (g_ptr_array_index (self->hidden, i));
  g_ptr_array_set_size (self->hidden, 0);
  note_activity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gboolean
lajna_idle_lock_get_locked (LajnaIdleLock *self)
{
  g_return_val_if_fail (LAJNA_IS_IDLE_LOCK (self), FALSE);

  return self->locked;
}

/**
 * lajna_idle_lock_show_while_locked:
 * @window: a window that shows the lock itself (the main window), or the
 *   one that unlocks
 *
 * Leaves @window shown while the application is locked.
 */
void
lajna_idle_lock_show_while_locked (GtkWindow *window)
{
  g_object_set_data (G_OBJECT (window), "lajna-shown-while-locked", GINT_TO_POINTER (TRUE));
}
