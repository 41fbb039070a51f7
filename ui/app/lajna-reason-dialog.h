#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  lajna_reason_dialog_ask_async  (GtkWindow            *parent,
                                      const char           *heading,
                                      const char           *body,
                                      const char           *confirm,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char *lajna_reason_dialog_ask_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
