#pragma once

#include <adwaita.h>

#include "lajna-case-record.h"

G_BEGIN_DECLS

void  lajna_conflict_dialog_choose_async  (GtkWindow              *parent,
                                          const LajnaCaseRecord  *mine,
                                          const LajnaCaseRecord  *theirs,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
char *lajna_conflict_dialog_choose_finish (GAsyncResult           *result,
                                          GError                **error);

G_END_DECLS
