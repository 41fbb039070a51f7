#pragma once

#include <gtk/gtk.h>

#include "lajna-meeting.h"

G_BEGIN_DECLS

char *lajna_vote_tally_describe    (const LajnaVoteTally  *tally);
char *lajna_decision_describe      (const LajnaDecision   *decision);
char *lajna_agenda_item_rejections (const LajnaAgendaItem *item);
char *lajna_text_directed          (GtkWidget             *widget,
                                    const char            *text);

G_END_DECLS
