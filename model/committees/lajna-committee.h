#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

typedef struct
{
  int   id;
  char *kind;
  char *name_ar;
  char *name_en;
  char *city;
  /* The person serves only as a social worker or psychologist there. */
  gboolean casework_only;
} LajnaCommittee;

GPtrArray *lajna_committee_fetch_all (LajnaDb  *db,
                                      GError  **error);
void       lajna_committee_fetch_all_async  (LajnaDbWorker        *worker,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *lajna_committee_fetch_all_finish (LajnaDbWorker        *worker,
                                             GAsyncResult         *result,
                                             GError              **error);
void       lajna_committee_free      (LajnaCommittee *committee);

G_END_DECLS
