#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  lajna_message_dialog_choose_async  (AdwMessageDialog     *dialog,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
char *lajna_message_dialog_choose_finish (AdwMessageDialog     *dialog,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
