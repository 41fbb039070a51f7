#pragma once

#include "lajna-db-worker.h"
#include "lajna-ruling-content.h"

G_BEGIN_DECLS

void                lajna_ruling_issue_async      (LajnaDbWorker        *worker,
                                                   gint64                case_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void                lajna_ruling_correct_async    (LajnaDbWorker        *worker,
                                                   gint64                case_id,
                                                   const char           *reason,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gint64              lajna_ruling_issue_finish     (LajnaDbWorker        *worker,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void                lajna_ruling_printable_async  (LajnaDbWorker        *worker,
                                                   gint64                case_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
LajnaRulingContent *lajna_ruling_printable_finish (LajnaDbWorker        *worker,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void                lajna_rulings_printable_async  (LajnaDbWorker        *worker,
                                                    GArray               *case_ids,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray          *lajna_rulings_printable_finish (LajnaDbWorker        *worker,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void                lajna_ruling_sign_async       (LajnaDbWorker        *worker,
                                                   gint64                case_id,
                                                   const char           *p12_path,
                                                   const char           *password,
                                                   const char           *tsa_url,
                                                   const char           *path,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean            lajna_ruling_sign_finish      (LajnaDbWorker        *worker,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
