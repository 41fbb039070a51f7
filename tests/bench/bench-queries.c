/* bench-queries.c: query latency at scale, through the same model code the
 * app and lajnactl use.
 * - `case search`: 20 Arabic queries, each run 5 times after a warm-up;
 *   the reference is the same queries as a naive ILIKE over the
 *   unnormalized text (no folding, no trigram index).
 * - `case duplicates`: the candidates for 20 files spread over the table,
 *   as the file view asks for them.
 * - intake: the candidates for 20 new files whose parties are people of
 *   files spread over the table, typed again with another national number
 *   and passport, as the form asks while a clerk types; only the name and
 *   birth date can find them. */


#include "bench-stats.h"
#include "lajna-case-duplicates.h"
#include "lajna-case-record.h"
#include "lajna-case-query.h"
#include "lajna-database.h"
#include "lajna-db-private.h"

#define RUNS 5

static const char *queries[] = {
  "احمد", "محمد علي", "فاطمه", "يحيي", "الورفلي", "المصراتي", "عبد الله", "مصطفي",
  "ابراهيم", "عائشه", "خديجة", "سالم الزاوي", "بن غلبون", "الترهوني", "مريم", "يوسف حسن",
  "نوري", "اسماء", "ز/2026/00123", "الكيلاني",
};

static double
time_ours (LajnaDb    *db,
           const char *text)
{
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start = g_get_monotonic_time ();

  lajna_case_query_set_text (query, text);
  rows = lajna_case_query_fetch (query, db, NULL, 50, &error);
  if (rows == NULL)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_naive (LajnaDb    *db,
            const char *text)
{
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", text);
  const char *values[] = { pattern };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  result = lajna_db_exec_params (db,
                                 "SELECT id, file_number, title FROM case_file"
                                 " WHERE search_text ILIKE $1"
                                 " ORDER BY received_on DESC, id DESC LIMIT 50",
                                 1, values, &error);
  if (result == NULL)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_duplicates (LajnaDb *db,
                 gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 start = g_get_monotonic_time ();

  found = lajna_case_duplicates_fetch (db, case_id, 0.5, &error);
  if (found == NULL)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure_duplicates (LajnaDb *db)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PGresult) ids = lajna_db_exec (db,
      "SELECT id FROM case_file WHERE id % (SELECT greatest(count(*) / 20, 1) FROM case_file) = 0"
      " ORDER BY id LIMIT 20", NULL);

  for (int i = 0; ids != NULL && i < PQntuples (ids); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (ids, i, 0), NULL, 10);
      double t;

      time_duplicates (db, id); /* warm-up */
      t = time_duplicates (db, id);
      g_array_append_val (ms, t);
    }
  if (ms->len == 0)
    return;
  g_print ("%-34s p50 %8.2f ms   p95 %8.2f ms   (%u files)\n", "case duplicates (file view)",
           bench_percentile (ms, 0.50), bench_percentile (ms, 0.95), ms->len);
  g_print ("duplicates-p95-ms %.2f\n", bench_percentile (ms, 0.95));
}

static double
time_intake (LajnaDb               *db,
             const LajnaCaseRecord *record,
             guint                 *found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  gint64 start = g_get_monotonic_time ();

  candidates = lajna_case_record_find_duplicates (db, record, 0.5, &error);
  if (candidates == NULL)
    g_error ("%s", error->message);
  *found += candidates->len > 0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure_intake (LajnaDb *db)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PGresult) ids = lajna_db_exec (db,
      "SELECT id FROM case_file WHERE id % (SELECT greatest(count(*) / 20, 1) FROM case_file) = 7"
      " ORDER BY id LIMIT 20", NULL);
  guint found = 0, warm = 0;

  for (int i = 0; ids != NULL && i < PQntuples (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaCaseRecord) record = lajna_case_record_load (db,
          g_ascii_strtoll (PQgetvalue (ids, i, 0), NULL, 10), &error);
      const char * const *parties;
      double t;

      if (record == NULL)
        g_error ("%s", error->message);
      record->id = 0;
      parties = lajna_case_parties_of (record->kind);
      for (guint p = 0; parties[p] != NULL; p++)
        {
          g_autofree char *number = g_strconcat (parties[p], ".national_number", NULL);
          g_autofree char *passport = g_strconcat (parties[p], ".passport_number", NULL);

          lajna_case_record_set (record, number, "");
          lajna_case_record_set (record, passport, "");
        }
      time_intake (db, record, &warm); /* warm-up */
      t = time_intake (db, record, &found);
      g_array_append_val (ms, t);
    }
  if (ms->len == 0)
    return;
  g_print ("%-34s p50 %8.2f ms   p95 %8.2f ms   (%u new files, %u with candidates)\n",
           "duplicates at intake (form)", bench_percentile (ms, 0.50), bench_percentile (ms, 0.95), ms->len,
           found);
  g_print ("intake-duplicates-p95-ms %.2f\n", bench_percentile (ms, 0.95));
}

static void
measure (LajnaDb    *db,
         const char *label,
         double    (*run) (LajnaDb *, const char *),
         guint        runs,
         double      *p50,
         double      *p95)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      run (db, queries[q]); /* warm-up */
      for (guint r = 0; r < runs; r++)
        {
          double t = run (db, queries[q]);

          g_array_append_val (ms, t);
        }
    }
  *p50 = bench_percentile (ms, 0.50);
  *p95 = bench_percentile (ms, 0.95);
  g_print ("%-34s p50 %8.2f ms   p95 %8.2f ms   (%u runs)\n", label, *p50, *p95, ms->len);
}

int
main (void)
{
  g_autoptr(LajnaDatabase) database = lajna_database_new (g_getenv ("LAJNA_DATABASE"));
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  double p50, p95, ref50, ref95;

  if (!lajna_database_open (database, TRUE, NULL, &error)
      || (db = lajna_database_connect (database, &error)) == NULL)
    g_error ("%s", error->message);

  measure (db, "case search (20 Arabic queries)", time_ours, RUNS, &p50, &p95);
  measure (db, "reference: naive ILIKE scan", time_naive, 1, &ref50, &ref95);
  g_print ("search-p50-ms %.2f\nsearch-p95-ms %.2f\nratio-p95-vs-naive %.3f\n", p50, p95,
           p95 / ref95);
  measure_duplicates (db);
  measure_intake (db);

  g_clear_object (&db);
  lajna_database_close (database, FALSE, NULL);
  return 0;
}
