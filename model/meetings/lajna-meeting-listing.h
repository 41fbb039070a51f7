#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* A committee's meetings, as its meetings window lists them. */
typedef struct
{
  GPtrArray *meetings;  /* (element-type LajnaMeetingRow): newest first */
  GPtrArray *clerks;    /* (element-type LajnaStaff) (nullable): who may keep minutes */
} LajnaMeetingListing;

void                 lajna_meeting_listing_load_async  (LajnaDbWorker        *worker,
                                                        int                   committee_id,
                                                        gboolean              first,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
LajnaMeetingListing *lajna_meeting_listing_load_finish (LajnaDbWorker        *worker,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void                 lajna_meeting_listing_free        (LajnaMeetingListing  *listing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaMeetingListing, lajna_meeting_listing_free)

G_END_DECLS
