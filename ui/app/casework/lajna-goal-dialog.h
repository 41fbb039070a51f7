#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     lajna_goal_dialog_ask_goal_async    (GtkWindow            *parent,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean lajna_goal_dialog_ask_goal_finish   (GAsyncResult         *result,
                                              char                **domain,
                                              char                **goal,
                                              char                **day,
                                              GError              **error);
void     lajna_goal_dialog_ask_review_async  (GtkWindow            *parent,
                                              const char           *goal,
                                              const char           *status,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean lajna_goal_dialog_ask_review_finish (GAsyncResult         *result,
                                              char                **status,
                                              char                **note,
                                              GError              **error);

G_END_DECLS
