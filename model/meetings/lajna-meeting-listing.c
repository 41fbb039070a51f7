/* lajna-meeting-listing.c: a committee's meetings as its meetings window
 * lists them, read on the database worker. The window's first listing
 * also lets the reviews that fell due come back to the committee, and
 * reads the clerks who may keep a new meeting's minutes. */

#include "lajna-meeting-listing.h"

#include "lajna-meeting-actions.h"
#include "lajna-meeting.h"
#include "lajna-staff.h"

void
lajna_meeting_listing_free (LajnaMeetingListing *listing)
{
  g_clear_pointer (&listing->meetings, g_ptr_array_unref);
  g_clear_pointer (&listing->clerks, g_ptr_array_unref);
  g_free (listing);
}

/* The committee (0 for all the person's), and whether it is the first
 * listing. */
typedef struct
{
  int      committee_id;
  gboolean first;
} Asked;

static gpointer
list_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  const Asked *asked = data;
  gboolean with_clerks = asked->first && asked->committee_id != 0;
  g_autoptr(LajnaMeetingListing) listing = NULL;

  if (asked->first && lajna_reviews_fall_due (db, NULL, error) < 0)
    return NULL;
  listing = g_new0 (LajnaMeetingListing, 1);
  if ((listing->meetings = lajna_meeting_list (db, asked->committee_id, error)) == NULL
      || (with_clerks
          && (listing->clerks = lajna_meeting_clerks (db, asked->committee_id, error)) == NULL))
    return NULL;
  return g_steal_pointer (&listing);
}

/**
 * lajna_meeting_listing_load_async:
 * @worker: the database worker
 * @committee_id: a committee, or 0 for every committee of the person's
 * @first: whether it is the window's first listing: reviews fall due
 *   first, and a committee's clerks are read too
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the meetings on the worker.
 */
void
lajna_meeting_listing_load_async (LajnaDbWorker        *worker,
                                  int                   committee_id,
                                  gboolean              first,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  Asked asked = { committee_id, first };

  lajna_db_worker_run_async (worker, list_job, g_memdup2 (&asked, sizeof asked), g_free,
                             (GDestroyNotify) lajna_meeting_listing_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_meeting_listing_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the meetings
 */
LajnaMeetingListing *
lajna_meeting_listing_load_finish (LajnaDbWorker  *worker,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
