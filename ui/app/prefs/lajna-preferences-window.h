#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_PREFERENCES_WINDOW (lajna_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPreferencesWindow, lajna_preferences_window, LAJNA,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *lajna_preferences_window_new (GtkWindow     *parent,
                                         GSettings     *settings,
                                         LajnaDbWorker *worker);
void       lajna_preferences_window_set_worker (LajnaPreferencesWindow *self,
                                                LajnaDbWorker          *worker);

G_END_DECLS
