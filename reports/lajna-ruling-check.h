#pragma once

#include "lajna-db-worker.h"
#include "lajna-seal.h"

G_BEGIN_DECLS

/* A ruling's PDF checked: its seal's verdict, the ruling it names, and
 * whether a corrected version replaced it since. */
typedef struct
{
  LajnaSealVerdict verdict;
  LajnaSealFacts   facts;
  gboolean         superseded;
} LajnaRulingCheck;

void              lajna_ruling_check_async  (LajnaDbWorker        *worker,
                                             const char           *path,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
LajnaRulingCheck *lajna_ruling_check_finish (LajnaDbWorker        *worker,
                                             GAsyncResult         *result,
                                             GError              **error);
void              lajna_ruling_check_free   (LajnaRulingCheck     *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaRulingCheck, lajna_ruling_check_free)

G_END_DECLS
