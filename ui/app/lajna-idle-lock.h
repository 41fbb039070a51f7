#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_IDLE_LOCK (lajna_idle_lock_get_type ())

G_DECLARE_FINAL_TYPE (LajnaIdleLock, lajna_idle_lock, LAJNA, IDLE_LOCK, GObject)

LajnaIdleLock *lajna_idle_lock_new          (GtkApplication *application);
void           lajna_idle_lock_set_minutes  (LajnaIdleLock  *self,
                                             guint           minutes);
void           lajna_idle_lock_lock         (LajnaIdleLock  *self);
void           lajna_idle_lock_unlock       (LajnaIdleLock  *self);
gboolean       lajna_idle_lock_get_locked   (LajnaIdleLock  *self);
void           lajna_idle_lock_show_while_locked (GtkWindow *window);

G_END_DECLS
