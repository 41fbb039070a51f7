#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"
#include "lajna-idle-lock.h"
#include "stats/lajna-dashboard.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_WINDOW (lajna_window_get_type ())

G_DECLARE_FINAL_TYPE (LajnaWindow, lajna_window, LAJNA, WINDOW, AdwApplicationWindow)

LajnaWindow    *lajna_window_new           (GtkApplication *application);
void            lajna_window_show_opening  (LajnaWindow    *self);
void            lajna_window_show_failed   (LajnaWindow    *self,
                                            const GError   *error);
void            lajna_window_set_worker    (LajnaWindow    *self,
                                            LajnaDbWorker  *worker);
void            lajna_window_set_idle_lock (LajnaWindow    *self,
                                            LajnaIdleLock  *lock);
LajnaDashboard *lajna_window_get_dashboard (LajnaWindow    *self);

G_END_DECLS
