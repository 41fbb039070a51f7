#pragma once

#include <adwaita.h>

#include "lajna-meeting-session.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_MEETING_VIEW (lajna_meeting_view_get_type ())

G_DECLARE_FINAL_TYPE (LajnaMeetingView, lajna_meeting_view, LAJNA, MEETING_VIEW, GtkWidget)

void lajna_meeting_view_set_session (LajnaMeetingView    *self,
                                     LajnaMeetingSession *session);

G_END_DECLS
