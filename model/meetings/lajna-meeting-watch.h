#pragma once

#include "lajna-database.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_MEETING_WATCH (lajna_meeting_watch_get_type ())

G_DECLARE_FINAL_TYPE (LajnaMeetingWatch, lajna_meeting_watch, LAJNA, MEETING_WATCH, GObject)

LajnaMeetingWatch *lajna_meeting_watch_new           (LajnaDatabase      *database);
gboolean           lajna_meeting_watch_get_connected (LajnaMeetingWatch  *self);
gint64             lajna_meeting_watch_get_seq       (LajnaMeetingWatch  *self);
int                lajna_meeting_watch_get_server_pid (LajnaMeetingWatch *self);

G_END_DECLS
