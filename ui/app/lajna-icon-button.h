#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *lajna_icon_button_new (const char *icon_name,
                                  const char *label);

G_END_DECLS
