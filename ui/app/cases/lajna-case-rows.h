#pragma once

#include <adwaita.h>

#include "lajna-case-duplicates.h"

G_BEGIN_DECLS

void       lajna_case_row_set_text      (GtkWidget            *row,
                                         const char           *title,
                                         const char           *subtitle);
GtkWidget *lajna_case_action_row_new    (const char           *title,
                                         const char           *subtitle,
                                         const char           *what,
                                         const char           *icon_name,
                                         const char           *action_name,
                                         GVariant             *target);
GtkWidget *lajna_case_duplicate_row_new (const LajnaDuplicate *duplicate,
                                         guint                 index);

G_END_DECLS
