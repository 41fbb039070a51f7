#pragma once

#include "lajna-db-worker.h"

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaStatsItem:
 * @key: the code counted by (a status, an outcome, a document type, an
 *   age band such as "31-90")
 * @label: what a person reads for @key, in the interface language
 * @value: how many
 *
 * One bar of a chart, one row of its table.
 */
typedef struct
{
  char   *key;
  char   *label;
  gint64  value;
} LajnaStatsItem;

/**
 * LajnaStatsMonth:
 * @month: its first day
 * @received: files received that month
 * @decided: decisions in force taken that month
 */
typedef struct
{
  GDate   month;
  gint64  received;
  gint64  decided;
} LajnaStatsMonth;

/**
 * LajnaStatsSpan:
 * @files: how many files the durations were measured on
 * @median: the median number of days, NAN without files
 * @p90: the 90th percentile, NAN without files
 */
typedef struct
{
  gint64  files;
  double  median;
  double  p90;
} LajnaStatsSpan;

/**
 * LajnaStats:
 * @committee_id: the committee counted, 0 for every one the person sees
 * @from: the first day of the period
 * @to: its last day
 * @today: the day "now" was measured from
 * @received: files received in the period
 * @decided: (element-type LajnaStatsItem): decisions in force taken in the
 *   period, by outcome
 * @pending: (element-type LajnaStatsItem): files now, by status
 * @to_decision: days from receipt to the first decision, of the files
 *   decided in the period
 * @to_signing: days from the decision to the signed ruling, of the
 *   rulings signed in the period
 * @waiting_by_type: (element-type LajnaStatsItem): files waiting on their
 *   documents now, by document type lacking (a file counts once a type)
 * @waiting_by_age: (element-type LajnaStatsItem): the same files by how long
 *   they have waited: 0-30, 31-90, 91-180 days and longer
 * @reviews_due: juvenile files whose review falls in the seven days from
 *   @today
 * @reviews_overdue: juvenile files whose review day has passed
 * @deferrals_returned: deferred files scheduled again in the period
 * @reports_due: social workers' and psychologists' reports missing or
 *   lapsing before a review overdue or in the seven days from @today
 * @monthly: (element-type LajnaStatsMonth): received and decided, month by
 *   month over the period
 *
 * The oversight figures of a committee, counting only the files the person
 * connected may see.
 */
/* The days ahead that a review is due. */
#define LAJNA_STATS_REVIEW_DAYS 7

typedef struct
{
  int             committee_id;
  GDate           from;
  GDate           to;
  GDate           today;
  gint64          received;
  GArray         *decided;
  GArray         *pending;
  LajnaStatsSpan  to_decision;
  LajnaStatsSpan  to_signing;
  GArray         *waiting_by_type;
  GArray         *waiting_by_age;
  gint64          reviews_due;
  gint64          reviews_overdue;
  gint64          deferrals_returned;
  gint64          reports_due;
  GArray         *monthly;
} LajnaStats;

void        lajna_stats_free    (LajnaStats        *stats);
LajnaStats *lajna_stats_fetch   (LajnaDb           *db,
                                 int                committee_id,
                                 const GDate       *from,
                                 const GDate       *to,
                                 GError           **error);
char       *lajna_stats_to_json (const LajnaStats  *stats);
void        lajna_stats_fetch_async  (LajnaDbWorker        *worker,
                                      int                   committee_id,
                                      const GDate          *from,
                                      const GDate          *to,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
LajnaStats *lajna_stats_fetch_finish (LajnaDbWorker        *worker,
                                      GAsyncResult         *result,
                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaStats, lajna_stats_free)

G_END_DECLS
