#pragma once

#include "lajna-case-details.h"
#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* A file as its view shows it. */
typedef struct
{
  LajnaCaseDetails *details;
  GPtrArray        *steps;       /* (element-type LajnaCaseStep) */
  GPtrArray        *duplicates;  /* (element-type LajnaDuplicate) */
  /* Whether the person takes part in the committee's work on the file
   * (steps, rulings), not only in its casework. */
  gboolean          deliberates;
} LajnaCaseDossier;

void              lajna_case_dossier_load_async  (LajnaDbWorker        *worker,
                                                  gint64                case_id,
                                                  double                threshold,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LajnaCaseDossier *lajna_case_dossier_load_finish (LajnaDbWorker        *worker,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void              lajna_case_dossier_free        (LajnaCaseDossier     *dossier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseDossier, lajna_case_dossier_free)

G_END_DECLS
