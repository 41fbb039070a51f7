#pragma once

#include "lajna-people.h"

G_BEGIN_DECLS

/* The people of the committees an administrator administers, as their
 * page shows them. */
typedef struct
{
  GPtrArray *people;      /* (element-type LajnaPeopleRow) */
  GPtrArray *committees;  /* (element-type LajnaCommitteeSettings): those administered */
  gboolean   passwords;   /* whether the server asks people for passwords */
} LajnaPeopleList;

void             lajna_people_list_load_async  (LajnaDbWorker        *worker,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
LajnaPeopleList *lajna_people_list_load_finish (LajnaDbWorker        *worker,
                                                GAsyncResult         *result,
                                                GError              **error);
void             lajna_people_list_free        (LajnaPeopleList      *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaPeopleList, lajna_people_list_free)

G_END_DECLS
