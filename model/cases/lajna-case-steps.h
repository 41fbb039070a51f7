#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/**
 * LajnaCaseStep:
 * @to_status: the status the step leads to
 * @blocked_reason: (nullable): why the step cannot be taken yet,
 *   translated; %NULL when it can
 *
 * A status a file may go to from the one it has.
 */
typedef struct
{
  char *to_status;
  char *blocked_reason;
} LajnaCaseStep;

GPtrArray *lajna_case_steps_fetch (LajnaDb     *db,
                                   gint64       case_id,
                                   GError     **error);
gboolean   lajna_case_step_take   (LajnaDb     *db,
                                   gint64       case_id,
                                   const char  *to_status,
                                   const char  *note,
                                   GError     **error);
void       lajna_case_step_take_async  (LajnaDbWorker        *worker,
                                        gint64                case_id,
                                        const char           *to_status,
                                        const char           *note,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean   lajna_case_step_take_finish (LajnaDbWorker        *worker,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
