/* test-stats.c: the oversight figures that lajna_stats() reads from the
 * summary tables equal plain SQL over the files themselves, after demo
 * files and files registered one by one and in bulk, moved through their
 * steps, decided, corrected, signed and removed; each person counts only
 * the files they see; and nobody writes the summary tables but their
 * triggers, however they try. */

#include <check.h>
#include <math.h>
#include <string.h>

#include "lajna-case-bulk.h"
#include "lajna-db-private.h"
#include "lajna-demo.h"
#include "lajna-stats.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

#define DEMO_FILES 400
#define BULK_FILES 120

static const char * const logins[] = { "clerk_m", "member_m", "chair_j", "admin_j", "nobody" };

static const char people_sql[] =
  "SELECT lajna_user_add('clerk_m', 'كاتب', 'clerk', (SELECT id FROM committee"
  "                                                   WHERE code = 'marriage-tripoli'));"
  "SELECT lajna_user_add('member_m', 'عضو', 'member', (SELECT id FROM committee"
  "                                                    WHERE code = 'marriage-tripoli'));"
  "SELECT lajna_user_add('chair_j', 'رئيس', 'chair', (SELECT id FROM committee"
  "                                                   WHERE code = 'juvenile-tripoli'));"
  "SELECT lajna_user_add('admin_j', 'مدير', 'admin', (SELECT id FROM committee"
  "                                                   WHERE code = 'juvenile-tripoli'));"
  "SELECT lajna_user_add('nobody', 'بلا لجنة', 'member', (SELECT id FROM committee"
  "                                                       WHERE code = 'marriage-tripoli'));"
  "UPDATE committee_role SET until = current_date - 1"
  " WHERE user_id = (SELECT id FROM app_user WHERE login = 'nobody')";

/* What happens to files after the demo: a decision corrected, rulings
 * signed, deferred files scheduled again, receipt dates changed, reviews
 * falling due and overdue, files waiting on documents, a document
 * removed, a file removed. */
static const char * const changes[] = {
  "INSERT INTO decision (case_id, agenda_item_id, outcome, reasons, decided_on, corrects,"
  "                      correction_reason)"
  "SELECT d.case_id, d.agenda_item_id, 'reject', 'سبب', d.decided_on + 1, d.id, 'تصحيح'"
  "  FROM decision d WHERE d.outcome = 'approve'"
  "   AND NOT EXISTS (SELECT FROM decision c WHERE c.corrects = d.id)"
  " ORDER BY d.id LIMIT 3",
  "WITH c AS (SELECT id FROM case_file WHERE status = 'ruling_issued' ORDER BY id LIMIT 4)"
  "INSERT INTO case_history (case_id, from_status, to_status)"
  "SELECT id, 'ruling_issued', 'signed' FROM c",
  "UPDATE case_file SET status = 'signed'"
  " WHERE id IN (SELECT case_id FROM case_history WHERE to_status = 'signed' AND at = now())",
  "WITH c AS (SELECT id FROM case_file WHERE status = 'deferred' ORDER BY id LIMIT 5)"
  "INSERT INTO case_history (case_id, from_status, to_status)"
  "SELECT id, 'complete', 'scheduled' FROM c",
  /* Scheduled twice after one deferral: it came back once. */
  "WITH c AS (SELECT id FROM case_file WHERE status = 'deferred' ORDER BY id LIMIT 1)"
  "INSERT INTO case_history (case_id, from_status, to_status)"
  "SELECT id, 'complete', 'scheduled' FROM c",
  "UPDATE case_file SET received_on = received_on - 5"
  " WHERE id IN (SELECT case_id FROM decision ORDER BY id LIMIT 6)",
  "UPDATE juvenile_case SET next_review_on = current_date + (case_id % 12)::integer - 6"
  " WHERE case_id IN (SELECT case_id FROM juvenile_case ORDER BY case_id LIMIT 12)",
  "SELECT lajna_case_set_status(id, 'documents_pending') FROM case_file"
  " WHERE status = 'registered' ORDER BY id LIMIT 3",
  "DELETE FROM document WHERE id = (SELECT min(d.id) FROM document d"
  "                                  JOIN case_file c ON c.id = d.case_id"
  "                                 WHERE c.status = 'documents_pending')",
  "DELETE FROM case_file WHERE id = (SELECT max(id) FROM case_file WHERE status = 'registered')",
  /* A juvenile file takes its review with it. */
  "DELETE FROM case_file WHERE id = (SELECT max(id) FROM case_file"
  "                                   WHERE status = 'registered' AND kind = 'juvenile')",
};

/* The same figures as lajna_stats(), counted from the files themselves
 * (as the database's owner, past row-level security) for the committees
 * $5 of committee $1 (NULL: all of them), from $2 to $3, today $4. */
static const char reference_sql[] =
  "WITH f AS (SELECT c.* FROM case_file c WHERE c.committee_id = ANY ($5::integer[])"
  "             AND ($1::integer IS NULL OR c.committee_id = $1::integer)),"
  " d AS (SELECT x.* FROM decision x JOIN f ON f.id = x.case_id"
  "        WHERE NOT EXISTS (SELECT FROM decision y WHERE y.corrects = x.id)),"
  " first AS (SELECT min(x.decided_on) AS day, min(x.decided_on) - f.received_on AS days"
  "             FROM f JOIN decision x ON x.case_id = f.id GROUP BY f.id, f.received_on),"
  " signed AS (SELECT h.at::date AS day,"
  "                   h.at::date - (SELECT max(x.decided_on) FROM decision x"
  "                                  WHERE x.case_id = h.case_id"
  "                                    AND x.decided_on <= h.at::date) AS days"
  "              FROM case_history h JOIN f ON f.id = h.case_id WHERE h.to_status = 'signed'),"
  " waiting AS (SELECT f.id, coalesce((SELECT max(h.at)::date FROM case_history h"
  "                                     WHERE h.case_id = f.id"
  "                                       AND h.to_status = 'documents_pending'),"
  "                                    f.received_on) AS since"
  "               FROM f WHERE f.status = 'documents_pending'),"
  " months AS (SELECT m::date AS month, greatest(m::date, $2::date) AS first,"
  "                   least((m + interval '1 month')::date - 1, $3::date) AS last"
  "              FROM generate_series(date_trunc('month', $2::timestamp), $3::timestamp,"
  "                                   interval '1 month') m)"
  "SELECT jsonb_build_object("
  " 'received', (SELECT count(*) FROM f WHERE f.received_on BETWEEN $2 AND $3),"
  " 'decided', (SELECT coalesce(jsonb_agg(jsonb_build_object('key', o.code, 'value', n.n)"
  "                                       ORDER BY o.kind, o.position), '[]')"
  "               FROM decision_outcome o CROSS JOIN LATERAL"
  "                    (SELECT count(*) AS n FROM d WHERE d.outcome = o.code"
  "                        AND d.decided_on BETWEEN $2 AND $3) n"
  "              WHERE n.n <> 0 OR o.kind IN (SELECT k.kind FROM committee k"
  "                                            WHERE $1::integer IS NULL OR k.id = $1)),"
  " 'pending', (SELECT jsonb_agg(jsonb_build_object('key', w.s, 'value',"
  "                                (SELECT count(*) FROM f WHERE f.status = w.s)) ORDER BY w.p)"
  "               FROM unnest(ARRAY['registered', 'documents_pending', 'complete', 'scheduled',"
  "                                 'deferred', 'decided', 'ruling_issued', 'signed'])"
  "                    WITH ORDINALITY w (s, p)),"
  " 'decision_days', (SELECT jsonb_build_object('files', count(*),"
  "                     'median', percentile_disc(0.5) WITHIN GROUP (ORDER BY days),"
  "                     'p90', percentile_disc(0.9) WITHIN GROUP (ORDER BY days))"
  "                     FROM first WHERE day BETWEEN $2 AND $3),"
  " 'signing_days', (SELECT jsonb_build_object('files', count(*),"
  "                    'median', percentile_disc(0.5) WITHIN GROUP (ORDER BY days),"
  "                    'p90', percentile_disc(0.9) WITHIN GROUP (ORDER BY days))"
  "                    FROM signed WHERE day BETWEEN $2 AND $3 AND days IS NOT NULL),"
  " 'waiting_by_type', (SELECT coalesce(jsonb_agg(jsonb_build_object('key', t.code,"
  "                                                                  'value', t.n)"
  "                                               ORDER BY t.n DESC, t.code), '[]')"
  "                       FROM (SELECT l.type_code AS code, count(*) AS n FROM waiting w"
  "                               CROSS JOIN lajna_case_lacking(w.id) l GROUP BY 1) t),"
  " 'waiting_by_age', (SELECT jsonb_agg(jsonb_build_object('key', b.band, 'value',"
  "                          (SELECT count(*) FROM waiting w"
  "                            WHERE $4::date - w.since BETWEEN b.low AND b.high))"
  "                          ORDER BY b.low)"
  "                      FROM (VALUES ('0-30', -100000, 30), ('31-90', 31, 90),"
  "                                   ('91-180', 91, 180), ('181-', 181, 100000))"
  "                           b (band, low, high)),"
  " 'reviews_due', (SELECT count(*) FROM juvenile_case j JOIN f ON f.id = j.case_id"
  "                  WHERE j.next_review_on BETWEEN $4 AND $4::date + 6),"
  " 'reviews_overdue', (SELECT count(*) FROM juvenile_case j JOIN f ON f.id = j.case_id"
  "                      WHERE j.next_review_on < $4),"
  " 'deferrals_returned', (SELECT count(*) FROM case_history h JOIN f ON f.id = h.case_id"
  "    WHERE h.to_status = 'scheduled' AND h.at::date BETWEEN $2 AND $3"
  "      AND (SELECT p.to_status FROM case_history p"
  "            WHERE p.case_id = h.case_id AND p.id < h.id"
  "              AND p.to_status IN ('deferred', 'scheduled')"
  "            ORDER BY p.id DESC LIMIT 1) = 'deferred'),"
  " 'monthly', (SELECT jsonb_agg(jsonb_build_object('month', to_char(m.month, 'YYYY-MM'),"
  "               'received', (SELECT count(*) FROM f"
  "                             WHERE f.received_on BETWEEN m.first AND m.last),"
  "               'decided', (SELECT count(*) FROM d"
  "                            WHERE d.decided_on BETWEEN m.first AND m.last))"
  "               ORDER BY m.month) FROM months m))";

/* The figures lajna_stats() gives, without the arguments it echoes. */
static const char stats_sql[] =
  "SELECT lajna_stats($1::integer, $2::date, $3::date, $4::date)"
  "       - ARRAY['committee', 'from', 'to', 'today']";

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(LajnaCaseBulk) bulk = NULL;
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GError) error = NULL;
  int committee;

  lajna_test_shared_start ();
  db = lajna_test_shared_connect ();
  if (!lajna_demo_fill (db, DEMO_FILES, 7, NULL, NULL, &error))
    g_error ("Cannot load the demo files: %s", error->message);
  if (!lajna_db_run (db, people_sql, &error))
    g_error ("Cannot add the people: %s", error->message);

  for (int i = 0; i < 3; i++)
    lajna_test_register_file (db, "marriage", "marriage-tripoli");
  lajna_test_register_file (db, "juvenile", "juvenile-tripoli");

  /* An import: one statement a batch. */
  committee = lajna_test_committee (db, "marriage-benghazi");
  for (int i = 0; i < BULK_FILES; i++)
    {
      g_autofree char *received = g_strdup_printf ("2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
      g_autofree char *number = g_strdup_printf ("11990%07d", i);
      g_autofree char *passport = g_strdup_printf ("B%07d", i);
      const char *overrides[] = { "received_on", received, "libyan_party.national_number",
                                  number, "foreign_party.passport_number", passport, NULL };

      g_ptr_array_add (records, lajna_test_make_record ("marriage", committee, overrides));
    }
  bulk = lajna_case_bulk_begin (db, &error);
  if (bulk == NULL || !lajna_case_bulk_register (bulk, records, &error) ||
      !lajna_case_bulk_commit (bulk, &error))
    g_error ("Cannot import the files: %s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    if (!lajna_db_run (db, changes[i], &error))
      g_error ("Cannot change the files (%u): %s", i, error->message);
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

/* The figures of @committee (NULL: all) over a period, by lajna_stats()
 * as @db's person and by plain SQL over @committees, side by side. */
static void
assert_equal_sql (LajnaDb    *db,
                  const char *committee,
                  const char *committees,
                  const char *from,
                  const char *to,
                  const char *today)
{
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  const char *params[] = { committee, from, to, today, committees };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) stats = lajna_db_exec_params (db, stats_sql, 4, params, &error);
  g_autoptr(PGresult) reference = NULL;

  ck_assert_msg (stats != NULL, "%s", MESSAGE (error));
  reference = lajna_db_exec_params (owner, reference_sql, 5, params, &error);
  ck_assert_msg (reference != NULL, "%s", MESSAGE (error));
  {
    const char *compare[] = { PQgetvalue (stats, 0, 0), PQgetvalue (reference, 0, 0) };
    g_autoptr(PGresult) differ = lajna_db_exec_params (owner,
        "SELECT left(string_agg(format('%s: %s, not %s', a.key, a.value, b.value), '; '), 900)"
        "  FROM jsonb_each($1::jsonb) a FULL JOIN jsonb_each($2::jsonb) b USING (key)"
        " WHERE a.value IS DISTINCT FROM b.value", 2, compare, &error);

    ck_assert_msg (differ != NULL, "%s", MESSAGE (error));
    ck_assert_msg (PQgetisnull (differ, 0, 0), "committee %s, %s to %s, today %s: %s",
                   committee != NULL ? committee : "all", from, to, today,
                   PQgetvalue (differ, 0, 0));
  }
}

static const struct
{
  const char *from;
  const char *to;
} periods[] = {
  { "2025-01-01", "2025-12-31" },
  { "2000-01-01", "2030-12-31" },
  { "2025-03-01", "2025-03-01" },
};

/* Every committee and all together, over several periods, as the owner. */
START_TEST (test_equal_plain_sql)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *all = lajna_test_value (db, "SELECT array_agg(id)::text FROM committee");
  g_autoptr(PGresult) ids = lajna_db_exec (db, "SELECT id::text FROM committee ORDER BY id",
                                           NULL);
  g_autofree char *today = lajna_test_value (db, "SELECT current_date::text");

  ck_assert (ids != NULL && PQntuples (ids) >= 4);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      assert_equal_sql (db, NULL, all, periods[p].from, periods[p].to, today);
      for (int i = 0; i < PQntuples (ids); i++)
        assert_equal_sql (db, PQgetvalue (ids, i, 0), all, periods[p].from, periods[p].to,
                          today);
    }
  /* "Now" moved: what waits and what falls due is counted from it. */
  assert_equal_sql (db, NULL, all, "2025-01-01", "2025-12-31", "2025-06-30");
  assert_equal_sql (db, NULL, all, "2025-01-01", "2025-12-31", "2031-01-01");
}
END_TEST

/* The counts the triggers kept equal those counted again from scratch. */
START_TEST (test_kept_equal_rebuilt)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  static const char snapshot[] =
    "SELECT md5(string_agg(t, '|' ORDER BY t)) FROM ("
    "  SELECT format('r%s %s %s', committee_id, day, files) AS t FROM stats_received"
    "   WHERE files <> 0"
    "  UNION ALL SELECT format('s%s %s %s', committee_id, status, files) FROM stats_status"
    "   WHERE files <> 0"
    "  UNION ALL SELECT format('d%s %s %s %s', committee_id, day, outcome, decisions)"
    "    FROM stats_decided WHERE decisions <> 0"
    "  UNION ALL SELECT format('p%s %s %s %s %s', committee_id, span, day, days, files)"
    "    FROM stats_span WHERE files <> 0"
    "  UNION ALL SELECT format('v%s %s %s', committee_id, day, files) FROM stats_review"
    "   WHERE files <> 0"
    "  UNION ALL SELECT format('b%s %s %s', committee_id, day, files) FROM stats_returned"
    "   WHERE files <> 0"
    "  UNION ALL SELECT format('w%s %s %s %s', case_id, committee_id, since, missing)"
    "    FROM stats_waiting"
    "  UNION ALL SELECT format('a%s %s %s', committee_id, since, files)"
    "    FROM stats_waiting_since WHERE files <> 0"
    "  UNION ALL SELECT format('m%s %s %s', committee_id, type_code, files) FROM stats_missing"
    "   WHERE files <> 0) x";
  g_autofree char *kept = lajna_test_value (db, snapshot);
  g_autofree char *rebuilt = NULL;

  ck_assert (lajna_db_run (db, "BEGIN", NULL));
  ck_assert (lajna_db_run (db, "SELECT lajna_stats_rebuild()", NULL));
  rebuilt = lajna_test_value (db, snapshot);
  ck_assert (lajna_db_run (db, "ROLLBACK", NULL));
  ck_assert_str_eq (kept, rebuilt);
}
END_TEST

/* Each person counts the files of their own committees: the clerk and the
 * member theirs, the juvenile committee's chair and administrator theirs
 * (the administrator without reading a name), someone without a role
 * nothing. */
static const struct
{
  const char *login;
  const char *committees;
} sights[] = {
  { "clerk_m", "marriage-tripoli" },
  { "member_m", "marriage-tripoli" },
  { "chair_j", "juvenile-tripoli" },
  { "admin_j", "juvenile-tripoli" },
  { "nobody", NULL },
};

START_TEST (test_each_role_sees_its_own)
{
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (sights[_i].login);
  const char *params[] = { sights[_i].committees };
  g_autoptr(PGresult) ids = lajna_db_exec_params (owner,
      "SELECT coalesce(array_agg(id), '{}')::text, min(id)::text FROM committee"
      " WHERE code = $1", 1, params, NULL);
  g_autofree char *today = lajna_test_value (owner, "SELECT current_date::text");
  g_autofree char *other = lajna_test_value (owner,
      "SELECT id::text FROM committee WHERE code = 'marriage-benghazi'");

  ck_assert (ids != NULL);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      const char *mine = PQgetisnull (ids, 0, 1) ? NULL : PQgetvalue (ids, 0, 1);

      assert_equal_sql (db, NULL, PQgetvalue (ids, 0, 0), periods[p].from, periods[p].to,
                        today);
      if (mine != NULL)
        assert_equal_sql (db, mine, PQgetvalue (ids, 0, 0), periods[p].from, periods[p].to,
                          today);
      /* Another committee's number gives nothing of it. */
      assert_equal_sql (db, other, "{}", periods[p].from, periods[p].to, today);
    }
}
END_TEST

/* The model: labels in the interface language, a document type by its
 * name, the months of the period, NAN for a percentile without files. */
START_TEST (test_fetch)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaStats) stats = NULL;
  g_autoptr(LajnaStats) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = lajna_test_value (db,
      "SELECT count(*) FROM case_file WHERE received_on BETWEEN '2025-01-01' AND '2025-12-31'");
  g_autofree char *passport = lajna_test_value (db,
      "SELECT name_en FROM document_type WHERE code = 'passport'");
  g_autofree char *json = NULL;
  GDate from, to;
  gboolean named = FALSE;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2025);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2025);
  stats = lajna_stats_fetch (db, 0, &from, &to, &error);
  ck_assert_msg (stats != NULL, "%s", MESSAGE (error));
  ck_assert_int_eq (stats->received, g_ascii_strtoll (received, NULL, 10));
  ck_assert_uint_eq (stats->monthly->len, 12);
  ck_assert_uint_eq (g_date_get_month (&g_array_index (stats->monthly, LajnaStatsMonth,
                                                       11).month), 12);
  ck_assert_uint_eq (stats->pending->len, 8);
  ck_assert_str_eq (g_array_index (stats->pending, LajnaStatsItem, 1).key, "documents_pending");
  ck_assert_str_eq (g_array_index (stats->pending, LajnaStatsItem, 1).label, "Documents pending");
  ck_assert_uint_eq (stats->waiting_by_age->len, 4);
  ck_assert_str_eq (g_array_index (stats->waiting_by_age, LajnaStatsItem, 3).label,
                    "More than 180 days");
  for (guint i = 0; i < stats->waiting_by_type->len; i++)
    {
      const LajnaStatsItem *item = &g_array_index (stats->waiting_by_type, LajnaStatsItem, i);

      if (strcmp (item->key, "passport") == 0)
        named = strcmp (item->label, passport) == 0;
    }
  ck_assert (named);
  ck_assert (stats->to_decision.files > 0 && !isnan (stats->to_decision.median));
  ck_assert (stats->to_decision.median <= stats->to_decision.p90);

  json = lajna_stats_to_json (stats);
  ck_assert_msg (strstr (json, "\"from\":\"2025-01-01\"") != NULL, "%s", json);
  ck_assert (strstr (json, "\"label\":\"Documents pending\"") != NULL);

  /* A year without files: nothing, and no percentile. */
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2090);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2090);
  empty = lajna_stats_fetch (db, lajna_test_committee (db, "juvenile-tripoli"), &from, &to,
                             &error);
  ck_assert_msg (empty != NULL, "%s", MESSAGE (error));
  ck_assert_int_eq (empty->received, 0);
  ck_assert (isnan (empty->to_decision.median) && isnan (empty->to_signing.p90));
  g_free (json);
  json = lajna_stats_to_json (empty);
  ck_assert_msg (strstr (json, "\"median\":null") != NULL, "%s", json);
}
END_TEST

/* Bad arguments are refused with a sentence, or count nothing. */
START_TEST (test_bad_arguments)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("clerk_m");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaStats) stats = NULL;
  g_autofree char *far = NULL;
  static const char * const refused[] = {
    "SELECT lajna_stats(NULL, '2025-12-31', '2025-01-01')",
    "SELECT lajna_stats(NULL, NULL, '2025-01-01')",
    "SELECT lajna_stats(NULL, '2025-01-01', NULL)",
    "SELECT lajna_stats(NULL, '2025-01-01', '2025-12-31', NULL)",
    "SELECT lajna_stats(NULL, '0001-01-01', '9999-12-31')",
    "SELECT lajna_stats(-1, '2025-01-01', '2025-12-31')",
    "SELECT lajna_stats(2147483647, '2025-01-01', '2025-12-31')",
  };
  GDate from, to;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PGresult) result = lajna_db_exec (db, refused[i], &error);

      ck_assert_msg (result == NULL, "%s: allowed", refused[i]);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID), "%s: %s",
                     refused[i], error->message);
      g_clear_error (&error);
    }
  far = lajna_test_value (db,
      "SELECT lajna_stats(NULL, '9000-01-01', '9000-12-31') ->> 'received'");
  ck_assert_str_eq (far, "0");

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 2, G_DATE_JANUARY, 2025);
  g_date_set_dmy (&to, 1, G_DATE_JANUARY, 2025);
  stats = lajna_stats_fetch (db, 0, &from, &to, &error);
  ck_assert (stats == NULL);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  ck_assert_str_eq (error->message,
                    "A period runs from a day to the same day or a later one, within a hundred "
                    "years.");
}
END_TEST

/* Ways around the triggers, each tried by a person of each role: none
 * writes a figure. NULL: refused. */
static const struct
{
  const char *sql;
  const char *rows;
} attacks[] = {
  { "INSERT INTO stats_received (committee_id, day, files)"
    " SELECT id, '2025-01-01', 1000 FROM committee", NULL },
  { "UPDATE stats_status SET files = files + 1000", NULL },
  { "DELETE FROM stats_span", NULL },
  { "DELETE FROM stats_waiting", NULL },
  { "TRUNCATE stats_decided", NULL },
  { "TRUNCATE stats_missing", NULL },
  { "INSERT INTO stats_missing (committee_id, type_code, files)"
    " SELECT id, 'passport', 1000 FROM committee", NULL },
  { "UPDATE stats_waiting_since SET since = current_date", NULL },
  { "SELECT lajna_stats_files_moved('{}', ARRAY[(1, 1, 'marriage', '2025-01-01',"
    " 'registered')::lajna_stats_file])", NULL },
  { "SELECT lajna_stats_decisions_moved('{}', '{}')", NULL },
  { "SELECT lajna_stats_history_added('{}')", NULL },
  { "SELECT lajna_stats_reviews_moved('{}', '{}')", NULL },
  { "SELECT lajna_stats_waiting_moved('{}', ARRAY[(1, current_date,"
    " '{passport}')::lajna_stats_wait])", NULL },
  { "SELECT lajna_stats_documents_changed('{1}')", NULL },
  { "SELECT lajna_stats_rebuild()", NULL },
  { "SELECT lajna_stats_file_changed()", NULL },
  { "SELECT lajna_stats_wait_changed()", NULL },
  { "SET ROLE lajna_admin; DELETE FROM stats_status", NULL },
  { "SET ROLE lajna_clerk; UPDATE stats_received SET files = 0", NULL },
  { "SET ROLE root", NULL },
  { "SET SESSION AUTHORIZATION root", NULL },
  { "CREATE TEMP TABLE stats_received (committee_id integer, day date, files bigint)", NULL },
  { "CREATE TABLE public.stats_fake (x integer)", NULL },
  { "ALTER TABLE stats_received DISABLE ROW LEVEL SECURITY", NULL },
  { "CREATE FUNCTION pg_temp.lajna_my_committees() RETURNS integer[]"
    " LANGUAGE sql AS 'SELECT array_agg(id) FROM committee'", NULL },
  /* Reading past the policies: only one's own committees' rows. */
  { "SELECT count(*) FROM stats_received WHERE committee_id NOT IN"
    " (SELECT r.committee_id FROM committee_role r JOIN app_user u ON u.id = r.user_id"
    "   WHERE u.login = current_user AND (r.until IS NULL OR r.until >= current_date))", "0" },
};

START_TEST (test_attacks)
{
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autofree char *before = lajna_test_value (owner,
      "SELECT lajna_stats(NULL, '2000-01-01', '2030-12-31')::text");
  g_autofree char *after = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (logins); l++)
    {
      g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (logins[l]);

      for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PGresult) result = lajna_db_exec (db, attacks[i].sql, &error);

          if (attacks[i].rows == NULL)
            {
              ck_assert_msg (result == NULL, "%s: allowed for %s", attacks[i].sql, logins[l]);
              continue;
            }
          ck_assert_msg (result != NULL, "%s as %s: %s", attacks[i].sql, logins[l],
                         MESSAGE (error));
          ck_assert_str_eq (PQgetvalue (result, 0, 0), attacks[i].rows);
        }
    }
  after = lajna_test_value (owner, "SELECT lajna_stats(NULL, '2000-01-01', '2030-12-31')::text");
  ck_assert_str_eq (before, after);
}
END_TEST

static void
assert_cli (const char * const *args,
            int                 expected,
            const char         *out_part)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = lajna_test_run_program (LAJNACTL_PATH, args, &out, &err);

  ck_assert_msg (status == expected, "exit %d, not %d: %s", status, expected, err);
  if (out_part != NULL)
    ck_assert_msg (strstr (out, out_part) != NULL, "no “%s” in: %s", out_part, out);
  if (expected != 0)
    ck_assert_msg (*err != '\0' && *out == '\0', "out: %s", out);
}

/* lajnactl stats: what lajna_stats() counts, for scripts and people. */
START_TEST (test_cli)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *received = lajna_test_value (db,
      "SELECT format('\"received\":%s,', count(*)) FROM case_file c JOIN committee k"
      "    ON k.id = c.committee_id"
      " WHERE k.code = 'marriage-benghazi' AND received_on BETWEEN '2025-01-01' AND '2025-12-31'");
  g_autofree char *id = lajna_test_value (db,
      "SELECT id FROM committee WHERE code = 'marriage-benghazi'");
  g_autofree char *year = lajna_test_value (db,
      "SELECT format('\"from\":\"%s-01-01\",\"to\":\"%s-12-31\"', y, y)"
      "  FROM extract(year FROM current_date) y");

  assert_cli (ARGS ("stats", "--committee", id, "--from", "2025-01-01", "--to", "2025-12-31",
                    "--json"), 0, received);
  assert_cli (ARGS ("stats", "--json"), 0, year);
  assert_cli (ARGS ("stats", "--from", "2025-01-01", "--to", "2025-12-31"), 0,
              "From 2025-01-01 to 2025-12-31\n");
  assert_cli (ARGS ("stats", "--from", "2025-01-01", "--to", "2025-12-31"), 0,
              "  Documents pending: ");
  assert_cli (ARGS ("stats", "--from", "2025-12-31", "--to", "2025-01-01"), 1, NULL);
  assert_cli (ARGS ("stats", "--committee", "999999"), 1, NULL);
  assert_cli (ARGS ("stats", "--from", "yesterday"), 2, NULL);
  assert_cli (ARGS ("stats", "--committee", "-3"), 2, NULL);
  assert_cli (ARGS ("stats", "extra"), 2, NULL);
}
END_TEST

static Suite *
stats_suite (void)
{
  Suite *suite = suite_create ("stats");
  TCase *tc = tcase_create ("/stats");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_equal_plain_sql);
  tcase_add_test (tc, test_kept_equal_rebuilt);
  tcase_add_loop_test (tc, test_each_role_sees_its_own, 0, G_N_ELEMENTS (sights));
  tcase_add_test (tc, test_fetch);
  tcase_add_test (tc, test_bad_arguments);
  tcase_add_test (tc, test_attacks);
  tcase_add_test (tc, test_cli);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (stats_suite ());
}
