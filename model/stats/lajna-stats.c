/* lajna-stats.c: the oversight figures of a committee over a period, as
 * lajna_stats() counts them from the summary tables its triggers keep
 * (model/db/sql/0034-statistics.sql), with the words a person reads for each
 * code. The server reads them with the caller's rights, so every figure
 * counts only the files the person connected may see. */

#include "lajna-stats.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lajna-case-fields.h"
#include "lajna-db-private.h"
#include "lajna-json.h"
#include "lajna-labels.h"
#include "lajna-text.h"

/* The document's sections as rows: which, in what order, the key and its
 * value (and for the months, what was decided; for a document type, its
 * name). */
#define STATS_ROWS \
  "SELECT x.section, x.key, x.value, x.extra" \
  "  FROM lajna_stats(nullif($1::integer, 0), $2::date, $3::date) j" \
  "  CROSS JOIN LATERAL (" \
  "    SELECT s.section, s.position, NULL::text, j ->> s.section, NULL::text" \
  "      FROM unnest(ARRAY['today', 'received', 'reviews_due', 'reviews_overdue'," \
  "                        'deferrals_returned']) WITH ORDINALITY s (section, position)" \
  "    UNION ALL" \
  "    SELECT s.section, e.position, e.item ->> 'key', e.item ->> 'value'," \
  "           (SELECT CASE WHEN $4::boolean THEN t.name_ar ELSE t.name_en END" \
  "              FROM document_type t" \
  "             WHERE s.section = 'waiting_by_type' AND t.code = e.item ->> 'key')" \
  "      FROM unnest(ARRAY['decided', 'pending', 'waiting_by_type', 'waiting_by_age'])" \
  "           s (section)" \
  "      CROSS JOIN LATERAL jsonb_array_elements(j -> s.section)" \
  "                         WITH ORDINALITY e (item, position)" \
  "    UNION ALL" \
  "    SELECT s.section, 0, p.key, p.value, NULL" \
  "      FROM unnest(ARRAY['decision_days', 'signing_days']) s (section)" \
  "      CROSS JOIN LATERAL jsonb_each_text(j -> s.section) p" \
  "    UNION ALL" \
  "    SELECT 'monthly', e.position, e.item ->> 'month', e.item ->> 'received'," \
  "           e.item ->> 'decided'" \
  "      FROM jsonb_array_elements(j -> 'monthly') WITH ORDINALITY e (item, position)" \
  "  ) x (section, position, key, value, extra)" \
  " ORDER BY x.section, x.position"

static const struct
{
  const char *key;
  const char *label;
} age_bands[] = {
  { "0-30", N_("Up to 30 days") },
  { "31-90", N_("31 to 90 days") },
  { "91-180", N_("91 to 180 days") },
  { "181-", N_("More than 180 days") },
};

static void
clear_item (gpointer data)
{
  LajnaStatsItem *item = data;

  g_free (item->key);
  g_free (item->label);
}

static GArray *
new_items (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LajnaStatsItem));

  g_array_set_clear_func (items, clear_item);
  return items;
}

static const char *
age_band_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (age_bands); i++)
    if (strcmp (age_bands[i].key, key) == 0)
      return _(age_bands[i].label);
  return key;
}

static gint64
parse_count (const char *text)
{
  return g_ascii_strtoll (text, NULL, 10);
}

static void
add_item (LajnaStats *stats,
          const char *section,
          const char *key,
          const char *value,
          const char *name)
{
  GArray *items;
  LajnaStatsItem item;

  if (strcmp (section, "decided") == 0)
    items = stats->decided;
  else if (strcmp (section, "pending") == 0)
    items = stats->pending;
  else if (strcmp (section, "waiting_by_type") == 0)
    items = stats->waiting_by_type;
  else
    items = stats->waiting_by_age;

  item.key = g_strdup (key);
  if (items == stats->waiting_by_age)
    item.label = g_strdup (age_band_label (key));
  else if (items == stats->waiting_by_type)
    item.label = g_strdup (name != NULL ? name : key);
  else
    item.label = g_strdup (lajna_label_for (key));
  item.value = parse_count (value);
  g_array_append_val (items, item);
}

static void
set_span (LajnaStatsSpan *span,
          const char     *key,
          const char     *value)
{
  double number = value != NULL ? g_ascii_strtod (value, NULL) : NAN;

  if (strcmp (key, "files") == 0)
    span->files = parse_count (value);
  else if (strcmp (key, "median") == 0)
    span->median = number;
  else if (strcmp (key, "p90") == 0)
    span->p90 = number;
}

static void
add_month (LajnaStats *stats,
           const char *month,
           const char *received,
           const char *decided)
{
  g_autofree char *first = g_strconcat (month, "-01", NULL);
  LajnaStatsMonth row = { 0 };

  lajna_parse_date (first, &row.month);
  row.received = parse_count (received);
  row.decided = parse_count (decided);
  g_array_append_val (stats->monthly, row);
}

static void
read_row (LajnaStats     *stats,
          const PGresult *result,
          int             row)
{
  const char *section = PQgetvalue (result, row, 0);
  const char *key = PQgetisnull (result, row, 1) ? NULL : PQgetvalue (result, row, 1);
  const char *value = PQgetisnull (result, row, 2) ? NULL : PQgetvalue (result, row, 2);
  const char *extra = PQgetisnull (result, row, 3) ? NULL : PQgetvalue (result, row, 3);

  if (strcmp (section, "today") == 0)
    lajna_parse_date (value, &stats->today);
  else if (strcmp (section, "received") == 0)
    stats->received = parse_count (value);
  else if (strcmp (section, "reviews_due") == 0)
    stats->reviews_due = parse_count (value);
  else if (strcmp (section, "reviews_overdue") == 0)
    stats->reviews_overdue = parse_count (value);
  else if (strcmp (section, "deferrals_returned") == 0)
    stats->deferrals_returned = parse_count (value);
  else if (strcmp (section, "decision_days") == 0)
    set_span (&stats->to_decision, key, value);
  else if (strcmp (section, "signing_days") == 0)
    set_span (&stats->to_signing, key, value);
  else if (strcmp (section, "monthly") == 0)
    add_month (stats, key, value, extra);
  else
    add_item (stats, section, key, value, extra);
}

static void
write_items (LajnaJson    *json,
             const char   *name,
             const GArray *items)
{
  lajna_json_key (json, name);
  lajna_json_begin_array (json);
  for (guint i = 0; i < items->len; i++)
    {
      const LajnaStatsItem *item = &g_array_index (items, LajnaStatsItem, i);

      lajna_json_begin_object (json);
      lajna_json_member (json, "key", item->key);
      lajna_json_member (json, "label", item->label);
      lajna_json_key (json, "value");
      lajna_json_int (json, item->value);
      lajna_json_end_object (json);
    }
  lajna_json_end_array (json);
}

static void
write_days (LajnaJson    *json,
            const char   *name,
            double        days)
{
  lajna_json_key (json, name);
  if (isnan (days))
    lajna_json_null (json);
  else
    lajna_json_int (json, (gint64) days);
}

static void
write_span (LajnaJson            *json,
            const char           *name,
            const LajnaStatsSpan *span)
{
  lajna_json_key (json, name);
  lajna_json_begin_object (json);
  lajna_json_key (json, "files");
  lajna_json_int (json, span->files);
  write_days (json, "median", span->median);
  write_days (json, "p90", span->p90);
  lajna_json_end_object (json);
}

static void
write_count (LajnaJson  *json,
             const char *name,
             gint64      value)
{
  lajna_json_key (json, name);
  lajna_json_int (json, value);
}

/**
 * lajna_stats_free:
 * @stats: (nullable): figures from lajna_stats_fetch()
 */
void
lajna_stats_free (LajnaStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->decided, g_array_unref);
  g_clear_pointer (&stats->pending, g_array_unref);
  g_clear_pointer (&stats->waiting_by_type, g_array_unref);
  g_clear_pointer (&stats->waiting_by_age, g_array_unref);
  g_clear_pointer (&stats->monthly, g_array_unref);
  g_free (stats);
}

/**
 * lajna_stats_fetch:
 * @db: a connection
 * @committee_id: the committee, or 0 for every committee the person sees
 * @from: the period's first day
 * @to: its last day, not before @from
 * @error: return location for a #GError
 *
 * Reads the figures of @committee_id from @from to @to, both included;
 * what is waiting or due is counted as of today. A period that ends
 * before it starts, or spans more than a hundred years, is refused with
 * %LAJNA_DB_ERROR_INVALID.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL on error
 */
LajnaStats *
lajna_stats_fetch (LajnaDb      *db,
                   int           committee_id,
                   const GDate  *from,
                   const GDate  *to,
                   GError      **error)
{
  g_autoptr(LajnaStats) stats = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  char first[16], last[16];
  const char *params[] = { committee, first, last, lajna_prefer_arabic () ? "true" : "false" };

  g_return_val_if_fail (LAJNA_IS_DB (db), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_date_strftime (first, sizeof first, "%Y-%m-%d", from);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", to);
  result = lajna_db_exec_params (db, STATS_ROWS, G_N_ELEMENTS (params), params, error);
  if (result == NULL)
    return NULL;

  stats = g_new0 (LajnaStats, 1);
  stats->committee_id = committee_id;
  stats->from = *from;
  stats->to = *to;
  stats->decided = new_items ();
  stats->pending = new_items ();
  stats->waiting_by_type = new_items ();
  stats->waiting_by_age = new_items ();
  stats->monthly = g_array_new (FALSE, TRUE, sizeof (LajnaStatsMonth));
  stats->to_decision.median = stats->to_decision.p90 = NAN;
  stats->to_signing.median = stats->to_signing.p90 = NAN;
  for (int i = 0; i < PQntuples (result); i++)
    read_row (stats, result, i);
  g_clear_pointer (&result, PQclear);
  result = lajna_db_exec_params (db,
      "SELECT count(*) FROM lajna_reports_due(" G_STRINGIFY (LAJNA_STATS_REVIEW_DAYS) ") d"
      "  JOIN case_file c ON c.id = d.case_id"
      " WHERE $1::integer = 0 OR c.committee_id = $1::integer", 1, params, error);
  if (result == NULL)
    return NULL;
  stats->reports_due = parse_count (PQgetvalue (result, 0, 0));
  return g_steal_pointer (&stats);
}

/**
 * lajna_stats_to_json:
 * @stats: figures from lajna_stats_fetch()
 *
 * The figures for scripts: codes with their labels, dates as YYYY-MM-DD,
 * a percentile without files as null.
 *
 * Returns: (transfer full): a JSON object
 */
char *
lajna_stats_to_json (const LajnaStats *stats)
{
  LajnaJson *json = lajna_json_new ();

  lajna_json_begin_object (json);
  lajna_json_key (json, "committee");
  if (stats->committee_id != 0)
    lajna_json_int (json, stats->committee_id);
  else
    lajna_json_null (json);
  lajna_json_key (json, "from");
  lajna_json_date (json, &stats->from);
  lajna_json_key (json, "to");
  lajna_json_date (json, &stats->to);
  lajna_json_key (json, "today");
  lajna_json_date (json, &stats->today);
  write_count (json, "received", stats->received);
  write_items (json, "decided", stats->decided);
  write_items (json, "pending", stats->pending);
  write_span (json, "to_decision", &stats->to_decision);
  write_span (json, "to_signing", &stats->to_signing);
  write_items (json, "waiting_by_type", stats->waiting_by_type);
  write_items (json, "waiting_by_age", stats->waiting_by_age);
  write_count (json, "reviews_due", stats->reviews_due);
  write_count (json, "reviews_overdue", stats->reviews_overdue);
  write_count (json, "deferrals_returned", stats->deferrals_returned);
  write_count (json, "reports_due", stats->reports_due);
  lajna_json_key (json, "monthly");
  lajna_json_begin_array (json);
  for (guint i = 0; i < stats->monthly->len; i++)
    {
      const LajnaStatsMonth *month = &g_array_index (stats->monthly, LajnaStatsMonth, i);
      char text[8];

      g_date_strftime (text, sizeof text, "%Y-%m", &month->month);
      lajna_json_begin_object (json);
      lajna_json_member (json, "month", text);
      write_count (json, "received", month->received);
      write_count (json, "decided", month->decided);
      lajna_json_end_object (json);
    }
  lajna_json_end_array (json);
  lajna_json_end_object (json);
  return lajna_json_free_to_string (json);
}

/* The committee and period asked for. */
typedef struct
{
  int   committee_id;
  GDate from;
  GDate to;
} Asked;

static gpointer
fetch_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  const Asked *asked = data;

  return lajna_stats_fetch (db, asked->committee_id, &asked->from, &asked->to, error);
}

/**
 * lajna_stats_fetch_async:
 * @worker: the database worker
 * @committee_id: a committee, or 0 for every one the person sees
 * @from: the period's first day
 * @to: its last day
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once counted
 * @user_data: for @callback
 *
 * Counts the figures (lajna_stats_fetch()) on the worker.
 */
void
lajna_stats_fetch_async (LajnaDbWorker        *worker,
                         int                   committee_id,
                         const GDate          *from,
                         const GDate          *to,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->committee_id = committee_id;
  asked->from = *from;
  asked->to = *to;
  lajna_db_worker_run_async (worker, fetch_job, asked, g_free, (GDestroyNotify) lajna_stats_free,
                             cancellable, callback, user_data);
}

/**
 * lajna_stats_fetch_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the figures
 */
LajnaStats *
lajna_stats_fetch_finish (LajnaDbWorker  *worker,
                          GAsyncResult   *result,
                          GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
