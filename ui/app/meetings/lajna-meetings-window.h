#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_MEETINGS_WINDOW (lajna_meetings_window_get_type ())

G_DECLARE_FINAL_TYPE (LajnaMeetingsWindow, lajna_meetings_window, LAJNA, MEETINGS_WINDOW, AdwWindow)

LajnaMeetingsWindow *lajna_meetings_window_new (GtkWindow     *parent,
                                                LajnaDbWorker *worker,
                                                int            committee_id);

G_END_DECLS
