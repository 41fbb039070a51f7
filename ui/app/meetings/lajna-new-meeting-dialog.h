#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the day (YYYY-MM-DD), the hour (HH:MM, maybe "") and the
 * place of the new meeting. */
typedef void (*LajnaNewMeetingFunc) (const char *day,
                                     const char *hour,
                                     const char *place,
                                     gpointer    user_data);

void lajna_new_meeting_dialog_ask (GtkWindow          *parent,
                                   const char         *place,
                                   LajnaNewMeetingFunc func,
                                   gpointer            user_data);

G_END_DECLS
