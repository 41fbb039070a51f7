#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     lajna_new_meeting_dialog_ask_async  (GtkWindow            *parent,
                                              const char           *place,
                                              GPtrArray            *clerks,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean lajna_new_meeting_dialog_ask_finish (GAsyncResult         *result,
                                              char                **day,
                                              char                **hour,
                                              char                **place,
                                              int                  *secretary_id,
                                              GError              **error);

G_END_DECLS
