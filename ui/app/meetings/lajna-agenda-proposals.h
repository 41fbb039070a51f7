#pragma once

#include <adwaita.h>

#include "lajna-meeting-session.h"

G_BEGIN_DECLS

GtkWidget *lajna_agenda_proposals_new (GtkWidget           *parent,
                                       LajnaMeetingSession *session);

G_END_DECLS
