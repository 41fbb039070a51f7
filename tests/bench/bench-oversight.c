/* bench-oversight.c: the oversight figures as the dashboard asks for them
 * (lajna_stats_fetch(), server warm), for the committee with the most
 * files over the last full year, and for every committee over that year.
 * The reference is the plainest question about the same files, counted
 * from case_file itself: how many the committee (or all of them) received
 * that year. The statistics report of every committee's year is timed
 * from the figures read to the PDF written, beside pdftotext reading the
 * same PDF back. */

#include "bench-stats.h"

#include <glib/gstdio.h>
#include "lajna-database.h"
#include "lajna-db-private.h"
#include "lajna-stats.h"
#include "lajna-stats-report.h"

#define RUNS 10

static double
time_stats (LajnaDb     *db,
            int          committee,
            const GDate *from,
            const GDate *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaStats) stats = NULL;
  gint64 start = g_get_monotonic_time ();

  stats = lajna_stats_fetch (db, committee, from, to, &error);
  if (stats == NULL)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_count (LajnaDb     *db,
            int          committee,
            const GDate *from,
            const GDate *to)
{
  g_autofree char *id = g_strdup_printf ("%d", committee);
  char first[16], last[16];
  const char *params[] = { id, first, last };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  gint64 start;

  g_date_strftime (first, sizeof first, "%Y-%m-%d", from);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", to);
  start = g_get_monotonic_time ();
  result = lajna_db_exec_params (db,
                                 "SELECT count(*) FROM case_file"
                                 " WHERE ($1::integer = 0 OR committee_id = $1::integer)"
                                 "   AND received_on BETWEEN $2::date AND $3::date",
                                 3, params, &error);
  if (result == NULL)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
measure (LajnaDb     *db,
         const char  *label,
         double     (*run) (LajnaDb *, int, const GDate *, const GDate *),
         int          committee,
         const GDate *from,
         const GDate *to)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  double p50;

  run (db, committee, from, to); /* warm-up */
  for (guint r = 0; r < RUNS; r++)
    {
      double t = run (db, committee, from, to);

      g_array_append_val (ms, t);
    }
  p50 = bench_percentile (ms, 0.50);
  g_print ("%-46s p50 %8.2f ms   p95 %8.2f ms   (%u runs)\n", label, p50,
           bench_percentile (ms, 0.95), ms->len);
  return p50;
}

/* The figures read and the report written, p50 of RUNS, in ms. */
static double
measure_report (LajnaDb     *db,
                const GDate *from,
                const GDate *to,
                const char  *path)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r <= RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaStats) stats = NULL;
      gint64 start = g_get_monotonic_time ();
      double t;

      stats = lajna_stats_fetch (db, 0, from, to, &error);
      if (stats == NULL
          || !lajna_stats_report_write (db, stats, LAJNA_CHART_DIGITS_LATIN, path, &error))
        g_error ("%s", error->message);
      t = (g_get_monotonic_time () - start) / 1000.0;
      if (r > 0) /* the first warms up */
        g_array_append_val (ms, t);
    }
  g_print ("%-46s p50 %8.2f ms   p95 %8.2f ms   (%u runs)\n",
           "statistics report PDF, all, one year", bench_percentile (ms, 0.50),
           bench_percentile (ms, 0.95), ms->len);
  return bench_percentile (ms, 0.50);
}

/* pdftotext reading @path back, exec to exit, p50 of RUNS, in ms. */
static double
measure_pdftotext (const char *path)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv[] = { "pdftotext", path, "/dev/null", NULL };

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double t;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                         NULL, &error))
        g_error ("%s", error->message);
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, t);
    }
  g_print ("%-46s p50 %8.2f ms\n", "reference: pdftotext of the report",
           bench_percentile (ms, 0.50));
  return bench_percentile (ms, 0.50);
}

int
main (void)
{
  g_autoptr(LajnaDatabase) database = lajna_database_new (g_getenv ("LAJNA_DATABASE"));
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) largest = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate from, to;
  int committee;
  double ours, ref;

  if (!lajna_database_open (database, TRUE, NULL, &error)
      || (db = lajna_database_connect (database, &error)) == NULL)
    g_error ("%s", error->message);
  largest = lajna_db_exec (db, "SELECT committee_id FROM case_file GROUP BY 1"
                               " ORDER BY count(*) DESC LIMIT 1", &error);
  if (largest == NULL || PQntuples (largest) != 1)
    g_error ("No files: %s", error != NULL ? error->message : "");
  committee = (int) g_ascii_strtoll (PQgetvalue (largest, 0, 0), NULL, 10);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, (GDateYear) g_date_time_get_year (now) - 1);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, (GDateYear) g_date_time_get_year (now) - 1);

  ours = measure (db, "stats, one committee, one year", time_stats, committee, &from, &to);
  ref = measure (db, "reference: count(*) received, same", time_count, committee, &from, &to);
  g_print ("stats-committee-year-ms %.2f\nratio-vs-count %.2f\n", ours, ours / ref);
  ours = measure (db, "stats, all committees, one year", time_stats, 0, &from, &to);
  ref = measure (db, "reference: count(*) received, same", time_count, 0, &from, &to);
  g_print ("stats-all-year-ms %.2f\nratio-vs-count %.2f\n", ours, ours / ref);
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "lajna-bench-stats.pdf", NULL);

    ours = measure_report (db, &from, &to, path);
    ref = measure_pdftotext (path);
    g_print ("stats-report-ms %.2f\nratio-vs-pdftotext %.2f\n", ours, ours / ref);
    g_unlink (path);
  }

  g_clear_object (&db);
  lajna_database_close (database, FALSE, NULL);
  return 0;
}
