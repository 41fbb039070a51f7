/* lajna-idle-lock.c: the files are hidden when nobody is at the desk.
 *
 * Every window of the application reports key presses, clicks and pointer
 * moves; after a configured time without any, or at once when the person
 * locks, the windows that belong to another (forms, dialogs) are hidden
 * and the lock is reported through the "locked" property, which the main
 * window follows by showing its locked page instead of the files. Unlocking shows the
 * hidden windows again, as they were.
 */

#include "lajna-idle-lock.h"

/* How often the idle time is looked at. */
#define CHECK_SECONDS 15

struct _LajnaIdleLock
{
  GObject         parent_instance;

  GtkApplication *application;
  GPtrArray      *hidden;
  gint64          last_activity;
  guint           minutes;
  guint           check_id;
  gboolean        locked;
};

G_DEFINE_FINAL_TYPE (LajnaIdleLock, lajna_idle_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCKED,
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

  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                    | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lajna_idle_lock_init (LajnaIdleLock *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
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

  self->minutes = minutes;
}

/**
 * lajna_idle_lock_lock:
 * @self: the lock
 *
 * Hides the windows that belong to another (forms, dialogs) and reports
 * the lock, for the main window to hide the files.
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
    {
      if (!gtk_widget_get_visible (l->data) || gtk_window_get_transient_for (l->data) == NULL)
        continue;
      gtk_widget_set_visible (l->data, FALSE);
      g_ptr_array_add (self->hidden, g_object_ref (l->data));
    }
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
  for (guint i = 0; i < self->hidden->len; i++)
    gtk_window_present (g_ptr_array_index (self->hidden, i));
  g_ptr_array_set_size (self->hidden, 0);
  note_activity (self);
  self->locked = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gboolean
lajna_idle_lock_get_locked (LajnaIdleLock *self)
{
  g_return_val_if_fail (LAJNA_IS_IDLE_LOCK (self), FALSE);

  return self->locked;
}
