#pragma once

#include "lajna-meeting.h"
#include "lajna-pdf-writer.h"

G_BEGIN_DECLS

LajnaPdfWriter *lajna_minutes_lay_out (const LajnaMeeting *meeting);
const char     *lajna_minutes_words   (const char         *code);
gboolean        lajna_minutes_export  (LajnaDb            *db,
                                       gint64              meeting_id,
                                       const char         *path,
                                       GError            **error);

G_END_DECLS
