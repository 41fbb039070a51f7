#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean lajna_discard_dialog_stop_close (GtkWindow  *window,
                                          gboolean    unsaved,
                                          const char *heading,
                                          const char *body,
                                          const char *keep);

G_END_DECLS
