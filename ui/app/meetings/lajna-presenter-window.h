#pragma once

#include <adwaita.h>

#include "lajna-meeting-session.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_PRESENTER_WINDOW (lajna_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPresenterWindow, lajna_presenter_window, LAJNA, PRESENTER_WINDOW,
                      AdwWindow)

LajnaPresenterWindow *lajna_presenter_window_new (GtkWindow           *parent,
                                                  LajnaMeetingSession *session);

G_END_DECLS
