#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *lajna_edit_row_new        (const char          *title,
                                      const char          *subtitle,
                                      guint                index,
                                      GCallback            edit,
                                      gpointer             user_data);
guint      lajna_edit_row_get_index  (GtkWidget           *button);
void       lajna_edit_rows_clear     (AdwPreferencesGroup *group,
                                      GPtrArray           *rows);

G_END_DECLS
