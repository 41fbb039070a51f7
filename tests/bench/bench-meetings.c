/* bench-meetings.c: a committee meeting of 40 files, on the database of
 * LAJNA_DATA_DIR (a small demo database of its own: the meeting changes
 * the files it decides).
 * - a vote entered on one workstation, visible on another: from just before
 *   the vote is written on one connection to when a second client, woken
 *   by its LajnaMeetingWatch, has read the meeting again on its database
 *   worker and finds the vote there, as the meeting view does; 60 votes.
 *   Reference: the vote's own write on the first connection.
 * - the minutes of the 40-item meeting (every member's vote, decisions):
 *   laid out and written as a PDF, from the meeting already read; median
 *   of 5. Reference: reading the meeting (lajna_meeting_load()). */

#include <glib/gstdio.h>

#include "bench-pdf.h"
#include "bench-stats.h"
#include "lajna-db-private.h"
#include "lajna-db-worker.h"
#include "lajna-meeting-actions.h"
#include "lajna-meeting-watch.h"
#include "lajna-meeting.h"
#include "lajna-minutes.h"

#define ITEMS 40
#define VOTES 60

static void
run (LajnaDb    *db,
     const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!lajna_db_run (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static gint64
number (LajnaDb    *db,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);

  if (result == NULL)
    g_error ("%s: %s", sql, error->message);
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* A convened meeting of the first marriage committee with ITEMS complete
 * files (their documents filled in; a foreign party's passport that has
 * expired keeps a file out), its five members present. */
static gint64
prepare (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  int committee = (int) number (db, "SELECT id FROM committee WHERE kind = 'marriage' ORDER BY id LIMIT 1");
  g_autofree char *sql = NULL;
  gint64 meeting;

  sql = g_strdup_printf ("UPDATE case_file SET status = 'complete'"
                         " WHERE id IN (SELECT id FROM case_file WHERE committee_id = %d"
                         "   AND status IN ('registered', 'documents_pending', 'complete')"
                         " ORDER BY id LIMIT %d)", committee, 3 * ITEMS);
  run (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256,"
                         "                      source, issued_on)"
                         " SELECT c.id, l.type_code, 'application/pdf', 1,"
                         "        sha256(convert_to(l.type_code || c.id, 'UTF8')), 'scan',"
                         "        current_date"
                         "   FROM case_file c CROSS JOIN LATERAL lajna_case_lacking(c.id) l"
                         "  WHERE c.committee_id = %d AND c.status = 'complete'", committee);
  run (db, sql);
  meeting = lajna_meeting_create (db, committee, "2026-12-30", "10:00", "قاعة الاجتماعات", 0,
                                  &error);
  if (meeting == 0)
    g_error ("%s", error->message);
  g_free (sql);
  sql = g_strdup_printf ("SELECT lajna_agenda_add(%" G_GINT64_FORMAT ", id) FROM"
                         " (SELECT id FROM case_file WHERE committee_id = %d AND status = 'complete'"
                         "     AND NOT EXISTS (SELECT FROM lajna_case_lacking(id))"
                         "   ORDER BY id LIMIT %d) f", meeting, committee, ITEMS);
  run (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT lajna_attendance_set(%" G_GINT64_FORMAT ", user_id, 'present')"
                         "  FROM attendance WHERE meeting_id = %" G_GINT64_FORMAT ";"
                         "SELECT lajna_meeting_set_state(%" G_GINT64_FORMAT ", 'convened', true)",
                         meeting, meeting, meeting);
  run (db, sql);
  return meeting;
}

typedef struct
{
  LajnaDbWorker *worker;
  gint64         meeting;
  gint64         vote;
  gint64         seen_at;
  gboolean       loading;
  gboolean       again;
} Second;

static gpointer
load_thread (LajnaDb       *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return lajna_meeting_load (db, *(gint64 *) data, TRUE, error);
}

static void load (Second *second);

static gboolean
holds_vote (const LajnaMeeting *meeting,
            gint64              vote)
{
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const LajnaAgendaItem *item = g_ptr_array_index (meeting->items, i);

      for (guint v = 0; v < item->votes->len; v++)
        if (((LajnaVote *) g_ptr_array_index (item->votes, v))->id == vote)
          return TRUE;
    }
  return FALSE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Second *second = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaMeeting) meeting = lajna_db_worker_run_finish (second->worker, result, &error);

  second->loading = FALSE;
  if (meeting == NULL)
    g_error ("%s", error->message);
  if (second->vote != 0 && second->seen_at == 0 && holds_vote (meeting, second->vote))
    second->seen_at = g_get_monotonic_time ();
  if (second->again)
    load (second);
}

static void
load (Second *second)
{
  if (second->loading)
    {
      second->again = TRUE;
      return;
    }
  second->loading = TRUE;
  second->again = FALSE;
  lajna_db_worker_run_async (second->worker, load_thread,
                             g_memdup2 (&second->meeting, sizeof (gint64)), g_free,
                             (GDestroyNotify) lajna_meeting_free, NULL, loaded_cb, second);
}

static void
changed_cb (LajnaMeetingWatch *watch,
            gint64             meeting,
            gint64             seq,
            Second            *second)
{
  if (meeting == second->meeting)
    load (second);
}

static void
measure_votes (LajnaDatabase *database,
               LajnaDb       *db,
               gint64         meeting)
{
  g_autoptr(LajnaDbWorker) worker = lajna_db_worker_new (database);
  g_autoptr(LajnaMeetingWatch) watch = lajna_meeting_watch_new (database);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) written = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *sql = g_strdup_printf (
      "SELECT i.id, a.user_id FROM agenda_item i JOIN attendance a ON a.meeting_id = i.meeting_id"
      " WHERE i.meeting_id = %" G_GINT64_FORMAT " AND a.role IN ('chair', 'member', 'rapporteur')"
      " ORDER BY i.position, a.user_id LIMIT %d", meeting, VOTES);
  g_autoptr(PGresult) targets = lajna_db_exec (db, sql, NULL);
  Second second = { worker, meeting };

  g_signal_connect (watch, "changed", G_CALLBACK (changed_cb), &second);
  while (!lajna_meeting_watch_get_connected (watch))
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < PQntuples (targets); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start, wrote, deadline;
      double ms;

      /* Each vote alone, as a member casts it. */
      while (second.loading)
        g_main_context_iteration (NULL, TRUE);
      second.seen_at = 0;
      second.vote = 0;
      start = g_get_monotonic_time ();
      second.vote = lajna_vote_cast (db, g_ascii_strtoll (PQgetvalue (targets, i, 0), NULL, 10),
                                     (int) g_ascii_strtoll (PQgetvalue (targets, i, 1), NULL, 10),
                                     i % 3 == 0 ? "abstain" : "approve", "", &error);
      wrote = g_get_monotonic_time ();
      if (second.vote == 0)
        g_error ("%s", error->message);
      deadline = start + 10 * G_USEC_PER_SEC;
      while (second.seen_at == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (second.seen_at == 0)
        g_error ("vote %d was not seen on the second workstation within 10 s", i);
      ms = (second.seen_at - start) / 1000.0;
      g_array_append_val (seen, ms);
      ms = (wrote - start) / 1000.0;
      g_array_append_val (written, ms);
    }
  g_print ("meeting-vote-visible-p50-ms %.1f\nmeeting-vote-visible-p95-ms %.1f   (%u votes)\n",
           bench_percentile (seen, 0.50), bench_percentile (seen, 0.95), seen->len);
  g_print ("reference: the vote written on the first workstation, p50 %.1f ms, p95 %.1f ms;"
           " ratio p95 %.1f\n", bench_percentile (written, 0.50), bench_percentile (written, 0.95),
           bench_percentile (seen, 0.95) / bench_percentile (written, 0.95));
}

static gpointer
read_meeting (LajnaDb  *db,
              gint64    meeting,
              GError  **error)
{
  return lajna_meeting_load (db, meeting, TRUE, error);
}

static LajnaPdfWriter *
lay_out_minutes (gconstpointer meeting)
{
  return lajna_minutes_lay_out (meeting);
}

static void
measure_minutes (LajnaDb *db,
                 gint64   meeting)
{
  double read_ms, render_ms;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "lajna-bench-minutes.pdf", NULL);
  g_autofree char *sql = g_strdup_printf (
      "SELECT lajna_decision_record(i.id, CASE WHEN i.position %% 5 = 0 THEN 'defer' ELSE 'approve' END,"
      "       '{}', '', CASE WHEN i.position %% 5 = 0 THEN '{police_clearance}'::text[] ELSE '{}' END)"
      "  FROM agenda_item i WHERE i.meeting_id = %" G_GINT64_FORMAT, meeting);
  int votes;

  run (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT lajna_vote_cast(i.id, a.user_id, 'approve')"
                         "  FROM agenda_item i JOIN attendance a ON a.meeting_id = i.meeting_id"
                         " WHERE i.meeting_id = %" G_GINT64_FORMAT
                         "   AND a.role IN ('chair', 'member', 'rapporteur')"
                         "   AND NOT EXISTS (SELECT FROM vote v WHERE v.agenda_item_id = i.id"
                         "                     AND v.user_id = a.user_id)", meeting);
  run (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM vote v JOIN agenda_item i ON i.id = v.agenda_item_id"
                         " WHERE i.meeting_id = %" G_GINT64_FORMAT, meeting);
  votes = (int) number (db, sql);
  bench_time_pdf (db, meeting, read_meeting, lay_out_minutes, (GDestroyNotify) lajna_meeting_free,
                  path, 5, &read_ms, &render_ms);
  g_print ("minutes-40-items-ms %.1f   (median of 5: laid out and written, %d votes)\n",
           render_ms, votes);
  g_print ("reference: reading the meeting (lajna_meeting_load) %.1f ms; ratio %.1f\n", read_ms,
           render_ms / read_ms);
  g_remove (path);
}

int
main (void)
{
  g_autoptr(LajnaDatabase) database = lajna_database_new (g_getenv ("LAJNA_DATABASE"));
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting;

  if (!lajna_database_open (database, TRUE, NULL, &error)
      || (db = lajna_database_connect (database, &error)) == NULL)
    g_error ("%s", error->message);
  meeting = prepare (db);
  measure_votes (database, db, meeting);
  measure_minutes (db, meeting);
  g_clear_object (&db);
  lajna_database_close (database, FALSE, NULL);
  return 0;
}
