/* bench-audit.c: what the audit trail costs, on the bench database.
 * - the cost of the audit trail on a save: a transaction that updates a
 *   file's row (its notes, row version and time, as a save does) with the
 *   lajna_audit() call a save makes and the write event the update makes,
 *   against the same transaction with neither (the reference: no call, the
 *   table's write-event trigger disabled), 200 of each;
 *   lajna_case_update() itself cannot be run without its events;
 * - `audit verify` over at least 1,000,000 events (made once, chained as
 *   lajna_audit() chains them, when the trail is shorter). */


#include "bench-stats.h"
#include "lajna-audit.h"
#include "lajna-database.h"
#include "lajna-db-private.h"

#define SAVES 200
#define EVENTS 1000000

static void
run (LajnaDb    *db,
     const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!lajna_db_run (db, sql, &error))
    g_error ("%s", error->message);
}

/* One update of a file's row in a transaction of its own, with or without
 * the audit event a save appends. */
static double
time_save (LajnaDb  *db,
           gboolean  audited,
           guint     i)
{
  g_autofree char *sql = g_strdup_printf (
      "BEGIN;"
      "UPDATE case_file SET notes = 'bench %u', row_version = row_version + 1, updated_at = now()"
      " WHERE id = (SELECT min(id) FROM case_file);"
      "%s COMMIT",
      i, audited ? "SELECT lajna_audit('case.update', 'case_file', (SELECT min(id) FROM case_file));"
                 : "");
  gint64 start = g_get_monotonic_time ();

  run (db, sql);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure_save (LajnaDb *db)
{
  g_autoptr(GArray) with_audit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  double a, b;

  for (guint i = 0; i < SAVES; i++)
    {
      double t = time_save (db, TRUE, i);

      g_array_append_val (with_audit, t);
    }
  run (db, "ALTER TABLE case_file DISABLE TRIGGER audit_update");
  for (guint i = 0; i < SAVES; i++)
    {
      double t = time_save (db, FALSE, i);

      g_array_append_val (without, t);
    }
  run (db, "ALTER TABLE case_file ENABLE TRIGGER audit_update");
  a = bench_percentile (with_audit, 0.5);
  b = bench_percentile (without, 0.5);
  g_print ("%-34s p50 %8.3f ms   (%u saves)\n", "file update with its audit events", a, SAVES);
  g_print ("reference: the same update without them: p50 %.3f ms\n", b);
  g_print ("audit-overhead-ms %.3f\n", a - b);
}

static void
ensure_events (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) count = lajna_db_exec (db, "SELECT count(*) FROM audit_event", &error);
  gint64 have, start;
  g_autofree char *sql = NULL;

  if (count == NULL)
    g_error ("%s", error->message);
  have = g_ascii_strtoll (PQgetvalue (count, 0, 0), NULL, 10);
  if (have >= EVENTS)
    return;

  /* Chained one by one, as lajna_audit() would, but with the head written
   * once at the end. */
  start = g_get_monotonic_time ();
  sql = g_strdup_printf (
      "DO $$"
      "DECLARE v_head audit_head; v_event audit_event; v_prev bytea;"
      "BEGIN"
      "  SELECT * INTO v_head FROM audit_head FOR UPDATE;"
      "  v_prev := v_head.last_hash;"
      "  FOR i IN 1 .. %" G_GINT64_FORMAT " LOOP"
      "    v_event.id := nextval(pg_get_serial_sequence('audit_event', 'id'));"
      "    v_event.at := clock_timestamp(); v_event.actor := lajna_actor();"
      "    v_event.action := 'bench.event'; v_event.object := 'case_file';"
      "    v_event.object_id := i; v_event.detail := '{}'; v_event.prev_hash := v_prev;"
      "    v_event.hash := sha256(coalesce(v_prev, '') || convert_to(lajna_audit_text(v_event), 'UTF8'));"
      "    INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT v_event.*;"
      "    v_prev := v_event.hash;"
      "  END LOOP;"
      "  UPDATE audit_head SET last_id = v_event.id, last_hash = v_prev;"
      "END $$", (gint64) EVENTS - have);
  run (db, sql);
  /* What autovacuum does within a minute of so many rows: without it the
   * planner takes the trail for the few rows it last counted. */
  run (db, "ANALYZE audit_event");
  g_print ("(made %" G_GINT64_FORMAT " audit events in %.1f s)\n", (gint64) EVENTS - have,
           (g_get_monotonic_time () - start) / 1e6);
}

static void
measure_verify (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  LajnaAuditReport report;
  gint64 start;

  ensure_events (db);
  start = g_get_monotonic_time ();
  if (!lajna_audit_verify (db, &report, &error))
    g_error ("%s", error->message);
  g_print ("%-34s %.1f s   (%" G_GUINT64_FORMAT " events, %s)\n", "audit verify",
           (g_get_monotonic_time () - start) / 1e6, report.n_events,
           report.result == LAJNA_AUDIT_INTACT ? "intact" : "BROKEN");
  g_print ("audit-verify-s %.1f\n", (g_get_monotonic_time () - start) / 1e6);
}

int
main (void)
{
  g_autoptr(LajnaDatabase) database = lajna_database_new (g_getenv ("LAJNA_DATABASE"));
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!lajna_database_open (database, TRUE, NULL, &error)
      || (db = lajna_database_connect (database, &error)) == NULL)
    g_error ("%s", error->message);

  measure_save (db);
  measure_verify (db);

  g_clear_object (&db);
  lajna_database_close (database, FALSE, NULL);
  return 0;
}
