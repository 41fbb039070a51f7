#pragma once

#include <adwaita.h>

#include "lajna-meeting-session.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DECISION_DIALOG (lajna_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDecisionDialog, lajna_decision_dialog, LAJNA, DECISION_DIALOG, AdwWindow)

LajnaDecisionDialog *lajna_decision_dialog_new (GtkWidget             *parent,
                                                LajnaMeetingSession   *session,
                                                const LajnaAgendaItem *item,
                                                gint64                 decision_id,
                                                const char            *held_on);

G_END_DECLS
