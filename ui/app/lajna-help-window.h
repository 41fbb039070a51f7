#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_HELP_WINDOW (lajna_help_window_get_type ())

G_DECLARE_FINAL_TYPE (LajnaHelpWindow, lajna_help_window, LAJNA, HELP_WINDOW, AdwWindow)

LajnaHelpWindow *lajna_help_window_new (GtkWindow *parent);

G_END_DECLS
