#pragma once

#include <adwaita.h>

#include "lajna-database.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_SIGN_IN_DIALOG (lajna_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LajnaSignInDialog, lajna_sign_in_dialog, LAJNA, SIGN_IN_DIALOG,
                      AdwMessageDialog)

void     lajna_sign_in_dialog_run_async  (GtkWindow           *parent,
                                          LajnaDatabase       *database,
                                          gboolean             unlocking,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean lajna_sign_in_dialog_run_finish (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
