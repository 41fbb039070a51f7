#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *lajna_committee_row_new (const char *name,
                                    const char *icon_name,
                                    int         id);

G_END_DECLS
