#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the day (YYYY-MM-DD), the hour (HH:MM, maybe ""), the
 * place of the new meeting and its secretary (0: the clerk preparing it). */
typedef void (*LajnaNewMeetingFunc) (const char *day,
                                     const char *hour,
                                     const char *place,
                                     int         secretary_id,
                                     gpointer    user_data);

void lajna_new_meeting_dialog_ask (GtkWindow          *parent,
                                   const char         *place,
                                   GPtrArray          *clerks,
                                   LajnaNewMeetingFunc func,
                                   gpointer            user_data);

G_END_DECLS
