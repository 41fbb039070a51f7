#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

void     lajna_ruling_sign_run_async  (GtkWindow            *parent,
                                       LajnaDbWorker        *worker,
                                       gint64                case_id,
                                       const char           *file_name,
                                       AdwToastOverlay      *toasts,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean lajna_ruling_sign_run_finish (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
