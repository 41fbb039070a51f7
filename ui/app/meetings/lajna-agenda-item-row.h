#pragma once

#include <adwaita.h>

#include "lajna-meeting-session.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_AGENDA_ITEM_ROW (lajna_agenda_item_row_get_type ())

G_DECLARE_FINAL_TYPE (LajnaAgendaItemRow, lajna_agenda_item_row, LAJNA, AGENDA_ITEM_ROW,
                      AdwExpanderRow)

GtkWidget *lajna_agenda_item_row_new         (LajnaMeetingSession   *session,
                                              const LajnaMeeting    *meeting,
                                              const LajnaAgendaItem *item);
gint64     lajna_agenda_item_row_get_item_id (LajnaAgendaItemRow    *self);

G_END_DECLS
