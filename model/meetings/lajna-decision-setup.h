#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* What a decision on a file is chosen from. */
typedef struct
{
  GPtrArray *choices;  /* (element-type LajnaDecisionChoice): the outcomes of its kind */
  GPtrArray *slots;    /* (element-type LajnaDocumentSlot): documents it may lack */
} LajnaDecisionSetup;

void                lajna_decision_setup_load_async  (LajnaDbWorker        *worker,
                                                      gint64                case_id,
                                                      const char           *kind,
                                                      gboolean              arabic,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LajnaDecisionSetup *lajna_decision_setup_load_finish (LajnaDbWorker        *worker,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void                lajna_decision_setup_free        (LajnaDecisionSetup   *setup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaDecisionSetup, lajna_decision_setup_free)

G_END_DECLS
