/* lajna-demo.c: realistic demo data for both kinds of committee.
 *
 * The data is first decided in a compact model in memory (who the parties
 * are, how far each file got, which meeting took it up: lajna-demo-model.c)
 * and then streamed table by table with COPY, each row formatted from the
 * model as it goes (lajna-demo-rows.c), so a million files need no buffer of
 * a million rows. One GRand seeded by the caller decides everything; a
 * file's cosmetic details (phone digits, court numbers…) are hashed from a
 * salt drawn from it, so the model need not store them and every table sees
 * the same values. This file runs the load in one transaction.
 *
 * Into empty tables the load is a bulk load: indexes, keys and foreign keys
 * are dropped and rebuilt from their own catalog definitions, and COPY
 * FREEZE writes rows that need no vacuum. Either way the per-row triggers
 * that keep case_file.title and search_text are off during the load, and
 * lajna-demo-rows.c computes both exactly as lajna_case_refresh_search() would.
 */

#include "lajna-demo.h"

#include "lajna-db-private.h"
#include "lajna-demo-private.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_BYTES   (1 << 20)

static const char *const bulk_tables[] = {
  "person", "case_file", "marriage_case", "juvenile_case", "case_history", "meeting",
  "attendance", "agenda_item", "vote", "decision", "ruling", "signature", "case_follow_up",
  NULL
};

static const struct
{
  const char *login;
  const char *profession;
  const char *roles[2];
  gboolean    juvenile_only;
} user_slots[] = {
  { "chair", "official", { "chair", "signatory" } }, { "member1", "lawyer", { "member" } },
  { "member2", "social_worker", { "member" } }, { "member3", "official", { "member" } },
  { "member4", "", { "member" } }, { "clerk1", "", { "clerk" } }, { "clerk2", "", { "clerk" } },
  { "sw1", "social_worker", { "social_worker" }, TRUE },
  { "sw2", "social_worker", { "social_worker" }, TRUE },
  { "sw3", "social_worker", { "social_worker" }, TRUE },
  { "sw4", "social_worker", { "social_worker" }, TRUE },
  { "psy1", "psychologist", { "psychologist" }, TRUE },
  { "psy2", "psychologist", { "psychologist" }, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (user_slots) == N_SLOTS);

static void
demo_free (Demo *d)
{
  for (guint k = 0; k < d->n_committees; k++)
    {
      g_free (d->committees[k].prefix);
      for (guint s = 0; s < N_SLOTS; s++)
        g_free (d->committees[k].logins[s]);
    }
  for (guint k = 0; k < G_N_ELEMENTS (d->s); k++)
    g_string_free (d->s[k], TRUE);
  g_string_free (d->buf, TRUE);
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->persons, g_array_unref);
  g_clear_pointer (&d->meetings, g_array_unref);
  g_clear_pointer (&d->restore, g_ptr_array_unref);
  g_free (d->committees);
  g_free (d->cases);
  g_free (d->rulings);
  g_free (d->dates);
  g_free (d->table_list);
  g_free (d->table_array);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

#define WEIGHT_PREPARE 1
#define WEIGHT_RESTORE 65
#define WEIGHT_ANALYZE 2

static void
report (Demo *d, const char *stage, double weight, double fraction)
{
  if (d->progress != NULL)
    d->progress (stage, MIN ((d->done + weight * fraction) / d->total, 1.0), d->user_data);
  if (fraction >= 1.0)
    d->done += weight;
}

static gboolean
run (Demo *d, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
run (Demo *d, GError **error, const char *format, ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return lajna_db_run (d->db, sql, error);
}

/* Runs @sql and gives the first column of its first row as an integer. */
static gboolean
query_int (Demo *d, const char *sql, int n, const char * const *values, gint64 *out,
           GError **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (d->db, sql, n, values, error);

  if (result == NULL)
    return FALSE;
  *out = PQntuples (result) > 0 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  return TRUE;
}

static gboolean
setup_committee (Demo *d, Committee *com, GError **error)
{
  const LajnaDemoCommittee *def = com->def;
  const char *values[] = { def->code, def->kind, def->name_ar, def->name_en, def->branch,
                           def->city, def->letterhead, def->file_prefix };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *id = NULL;

  result = lajna_db_exec_params (d->db,
    "WITH ins AS (INSERT INTO committee (code, kind, name_ar, name_en, branch, city, "
    "                                    letterhead, file_prefix)"
    "             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    "             ON CONFLICT (code) DO NOTHING RETURNING id, file_prefix)"
    "SELECT id, file_prefix FROM ins"
    " UNION ALL SELECT id, file_prefix FROM committee WHERE code = $1 LIMIT 1",
    G_N_ELEMENTS (values), values, error);
  if (result == NULL)
    return FALSE;
  com->id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  com->prefix = g_strdup (PQgetvalue (result, 0, 1));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, com->id);
  for (guint s = 0; s < N_SLOTS; s++)
    {
      LajnaDemoPerson p;
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *user = NULL;
      const char *user_values[3];

      /* Drawn even when the user exists, so the rest of the data stays the same. */
      lajna_demo_person_init (&p, d->rand, 0,
                              lajna_demo_chance (d->rand, s < FIRST_SOCIAL_WORKER ? 0.2 : 0.5)
                                ? 'f' : 'm');
      if (user_slots[s].juvenile_only && !com->juvenile)
        continue;
      lajna_demo_person_full_name (&p, name);
      com->logins[s] = g_strdup_printf ("%s.%s", def->code, user_slots[s].login);
      user_values[0] = com->logins[s];
      user_values[1] = name->str;
      user_values[2] = user_slots[s].profession;
      if (!query_int (d,
            "WITH ins AS (INSERT INTO app_user (login, full_name, profession)"
            "             VALUES ($1, $2, $3) ON CONFLICT (login) DO NOTHING RETURNING id)"
            "SELECT id FROM ins UNION ALL SELECT id FROM app_user WHERE login = $1 LIMIT 1",
            3, user_values, &com->users[s], error))
        return FALSE;
      user = g_strdup_printf ("%" G_GINT64_FORMAT, com->users[s]);
      for (guint k = 0; k < G_N_ELEMENTS (user_slots[s].roles) && user_slots[s].roles[k]; k++)
        {
          const char *role_values[] = { id, user, user_slots[s].roles[k],
                                        lajna_demo_date_of (d, -SPAN_DAYS - 30) };
          g_autoptr(PGresult) done = lajna_db_exec_params (d->db,
            "INSERT INTO committee_role (committee_id, user_id, role, since)"
            " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", 4, role_values, error);

          if (done == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

/* Numbers already taken, so that another run continues after them: file
 * numbers by prefix, whichever committee used it, and meeting and ruling
 * numbers by committee and year. One scan each, keyed by the first column. */
static gboolean
load_numbers (Demo *d, GError **error)
{
  static const char *const queries[] = {
    "SELECT split_part(file_number, '/', 1), split_part(file_number, '/', 2)::int,"
    "       max(split_part(file_number, '/', 3)::bigint)"
    "  FROM case_file WHERE file_number ~ '^[^/]+/[0-9]{4}/[0-9]{1,18}$' GROUP BY 1, 2",
    "SELECT committee_id, year, max(number) FROM meeting GROUP BY 1, 2",
    "SELECT committee_id, year, max(n)"
    "  FROM (SELECT committee_id, year, last_number AS n FROM ruling_counter"
    "        UNION ALL SELECT committee_id, year, max(number) FROM ruling GROUP BY 1, 2) AS x"
    " GROUP BY 1, 2",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(PGresult) result = lajna_db_exec (d->db, queries[q], error);

      if (result == NULL)
        return FALSE;
      for (int row = 0; row < PQntuples (result); row++)
        for (guint k = 0; k < d->n_committees; k++)
          {
            Committee *com = &d->committees[k];
            const char *key = PQgetvalue (result, row, 0);
            int year = atoi (PQgetvalue (result, row, 1));
            guint32 *numbers[] = { com->file_seq, com->meeting_seq, com->ruling_seq };

            if ((q == 0 ? strcmp (key, com->prefix) == 0 : g_ascii_strtoll (key, NULL, 10) == com->id)
                && year >= FIRST_YEAR && year < FIRST_YEAR + N_YEARS)
              numbers[q][year - FIRST_YEAR] = atoi (PQgetvalue (result, row, 2));
          }
    }
  for (guint k = 0; k < d->n_committees; k++)
    {
      memcpy (d->committees[k].file_start, d->committees[k].file_seq,
              sizeof d->committees[k].file_seq);
      memcpy (d->committees[k].ruling_start, d->committees[k].ruling_seq,
              sizeof d->committees[k].ruling_seq);
    }
  return TRUE;
}

/* Takes the ids of each table's rows from its identity at once; the table
 * locks keep others from drawing any in between. */
static gboolean
reserve_ids (Demo *d, GError **error)
{
  struct { const char *table; guint n; gint64 *base; } ids[] = {
    { "person", d->persons->len, &d->person_base },
    { "case_file", d->n_cases, &d->case_base },
    { "case_history", d->n_history, &d->history_base },
    { "meeting", d->meetings->len, &d->meeting_base },
    { "agenda_item", d->n_agenda, &d->agenda_base },
    { "decision", d->n_decisions, &d->decision_base },
    { "ruling", d->n_rulings, &d->ruling_base },
  };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autofree char *count = g_strdup_printf ("%u", MAX (ids[k].n, 1));
      const char *values[] = { ids[k].table, count };

      if (!query_int (d,
            "SELECT setval(s, nextval(s) + $2::bigint - 1) - $2::bigint + 1"
            " FROM CAST(pg_get_serial_sequence($1, 'id') AS regclass) AS s",
            2, values, ids[k].base, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs the first column of each row of @sql now and keeps the second to
 * run, in reverse order, once the data is in. */
static gboolean
undo_later (Demo *d, const char *sql, GError **error)
{
  const char *values[] = { d->table_array };
  g_autoptr(PGresult) result = lajna_db_exec_params (d->db, sql, 1, values, error);

  if (result == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (result); row++)
    {
      if (!lajna_db_run (d->db, PQgetvalue (result, row, 0), error))
        return FALSE;
      g_ptr_array_add (d->restore, g_strdup (PQgetvalue (result, row, 1)));
    }
  return TRUE;
}

/* Empty tables are loaded without their indexes and keys, which are built
 * again afterwards from their own definitions: far faster than keeping them
 * up to date row by row. Foreign keys go first and come back last. */
static gboolean
drop_indexes (Demo *d, GError **error)
{
  return undo_later (d,
    "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),"
    "       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,"
    "              pg_get_constraintdef(oid)), CASE contype WHEN 'f' THEN 0 ELSE 1 END AS o"
    "  FROM pg_constraint"
    " WHERE (contype IN ('p', 'u') AND conrelid = ANY ($1::regclass[]))"
    "    OR (contype = 'f' AND (conrelid = ANY ($1::regclass[]) OR confrelid = ANY ($1::regclass[])))"
    " UNION ALL "
    "SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 2"
    "  FROM pg_index AS i"
    " WHERE i.indrelid = ANY ($1::regclass[])"
    "   AND NOT EXISTS (SELECT FROM pg_constraint AS c"
    "                    WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))"
    " ORDER BY 3", error);
}

/* Per-row triggers would refresh every file's search text as its parties
 * arrive; the load writes it right the first time instead. Each comes back
 * in the mode it had. */
static gboolean
disable_triggers (Demo *d, GError **error)
{
  return undo_later (d,
    "SELECT format('ALTER TABLE %s DISABLE TRIGGER %I', tgrelid::regclass, tgname),"
    "       format('ALTER TABLE %s ENABLE %s TRIGGER %I', tgrelid::regclass,"
    "              CASE tgenabled WHEN 'A' THEN 'ALWAYS' WHEN 'R' THEN 'REPLICA' ELSE '' END,"
    "              tgname)"
    "  FROM pg_trigger WHERE tgrelid = ANY ($1::regclass[]) AND NOT tgisinternal"
    "   AND tgenabled <> 'D'", error);
}

/* Ends a COPY with an error, so that the transaction can roll back. */
static void
abort_copy (Demo *d)
{
  PGconn *conn = lajna_db_get_conn (d->db);
  PGresult *result;

  if (PQputCopyEnd (conn, "demo data could not be sent") == 1)
    while ((result = PQgetResult (conn)) != NULL)
      PQclear (result);
}

static gboolean
copy_table (Demo *d, const Copy *copy, GError **error)
{
  guint n = (copy->items == ITEMS_PERSONS ? d->persons->len
             : copy->items == ITEMS_CASES ? d->n_cases
             : copy->items == ITEMS_MEETINGS ? d->meetings->len : d->n_rulings);
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN%s", copy->table,
                                          copy->columns, d->fast ? " WITH (FREEZE)" : "");

  report (d, copy->stage, copy->weight, 0.0);
  if (!lajna_db_copy_begin (d->db, sql, error))
    return FALSE;
  g_string_truncate (d->buf, 0);
  for (guint i = 0; i <= n; i++)
    {
      if (i < n)
        copy->write (d, i, d->buf);
      if (d->buf->len < CHUNK_BYTES && i < n)
        continue;
      if (!lajna_db_copy_put (d->db, d->buf->str, d->buf->len, error))
        {
          abort_copy (d);
          return FALSE;
        }
      g_string_truncate (d->buf, 0);
      report (d, copy->stage, copy->weight, n > 0 ? (double) i / n : 1.0);
    }
  return lajna_db_copy_end (d->db, error);
}

/* The counters that number files and rulings without gaps, per committee
 * and year, go on from the demo's last numbers, as if its files had been
 * registered one by one: the next file is not numbered by reading all of
 * its committee's (lajna_take_file_numbers()). */
static gboolean
save_counters (Demo *d, GError **error)
{
  static const char *const tables[] = { "file_number_counter", "ruling_counter" };

  for (guint k = 0; k < d->n_committees; k++)
    for (guint y = 0; y < N_YEARS; y++)
      {
        const Committee *com = &d->committees[k];
        const guint32 last[] = { com->file_seq[y], com->ruling_seq[y] };
        const guint32 start[] = { com->file_start[y], com->ruling_start[y] };

        for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
          if (last[t] != start[t]
              && !run (d, error,
                       "INSERT INTO %s (committee_id, year, last_number)"
                       " VALUES (%" G_GINT64_FORMAT ", %d, %u) ON CONFLICT (committee_id, year)"
                       " DO UPDATE SET last_number = greatest(%s.last_number, EXCLUDED.last_number)",
                       tables[t], com->id, FIRST_YEAR + y, last[t], tables[t]))
            return FALSE;
      }
  return TRUE;
}

/* Committees and their users first; then, with the tables locked, the model
 * is made knowing which numbers are taken, and its ids are reserved. */
static gboolean
prepare (Demo *d, GError **error)
{
  g_autofree char *tables = g_strjoinv (") AND NOT EXISTS (SELECT FROM ", (char **) bulk_tables);
  g_autofree char *empty_sql = g_strdup_printf ("SELECT (NOT EXISTS (SELECT FROM %s))::int", tables);
  gint64 empty = 0;

  report (d, "Preparing", WEIGHT_PREPARE, 0.0);
  if (!lajna_db_run (d->db,
                     "SET LOCAL maintenance_work_mem = '512MB';"
                     "SET LOCAL synchronous_commit = off", error))
    return FALSE;
  for (guint k = 0; k < d->n_committees; k++)
    if (!setup_committee (d, &d->committees[k], error))
      return FALSE;
  if (!run (d, error, "LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE", d->table_list)
      || !query_int (d, empty_sql, 0, NULL, &empty, error))
    return FALSE;
  d->fast = empty != 0;
  if (!load_numbers (d, error))
    return FALSE;

  lajna_demo_make_model (d);
  return reserve_ids (d, error);
}

static gboolean
load (Demo *d, guint32 seed, GError **error)
{
  g_autofree char *audit = g_strdup_printf ("SELECT lajna_audit('demo_fill', 'database', NULL,"
                                            " jsonb_build_object('cases', %u, 'seed', %u))",
                                            d->n_cases, seed);
  guint n_copies;
  const Copy *copies = lajna_demo_copies (&n_copies);

  /* FREEZE needs the tables truncated in this transaction; they are empty. */
  if (d->fast && (!drop_indexes (d, error) || !run (d, error, "TRUNCATE %s", d->table_list)))
    return FALSE;
  if (!disable_triggers (d, error))
    return FALSE;
  report (d, "Preparing", WEIGHT_PREPARE, 1.0);

  for (guint t = 0; t < n_copies; t++)
    if (!copy_table (d, &copies[t], error))
      return FALSE;
  if (!save_counters (d, error))
    return FALSE;

  for (guint k = d->restore->len; k > 0; k--)
    {
      report (d, "Indexing", WEIGHT_RESTORE, 1.0 - (double) k / d->restore->len);
      if (!lajna_db_run (d->db, g_ptr_array_index (d->restore, k - 1), error))
        return FALSE;
    }
  report (d, "Indexing", WEIGHT_RESTORE, 1.0);
  report (d, "Analyzing", WEIGHT_ANALYZE, 0.0);
  /* The follow-up rows the disabled triggers did not keep. The statistics'
   * triggers were off with the others: count them again, once the planner
   * knows the tables are no longer empty. */
  if (!lajna_db_run (d->db, "SELECT lajna_follow_up_fill()", error)
      || !lajna_db_run (d->db, audit, error) || !run (d, error, "ANALYZE %s", d->table_list)
      || !lajna_db_run (d->db, "SELECT lajna_stats_rebuild()", error))
    return FALSE;
  report (d, "Analyzing", WEIGHT_ANALYZE, 1.0);
  return TRUE;
}

/**
 * lajna_demo_fill:
 * @db: a connection with no transaction open
 * @n_cases: how many case files to add
 * @seed: the same seed gives the same data
 * @progress: (nullable) (scope call): called now and then with the stage
 *   and the fraction done
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * Fills the database with realistic demo data for both kinds of committee:
 * the committees and their members, people, marriage and juvenile files in
 * every status, meetings with attendance, agendas and votes, decisions and
 * rulings numbered without gaps. Files, meetings and rulings already there
 * are kept and numbered after. All of it is one transaction: on error
 * nothing is left behind. Then the newest files waiting for a meeting get
 * the documents their checklist lacks, each in a transaction of its own.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_demo_fill (LajnaDb            *db,
                 guint               n_cases,
                 guint32             seed,
                 LajnaDemoProgress   progress,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(Demo) d = NULL;
  const LajnaDemoCommittee *defs;
  const Copy *copies;
  guint n_countries, n_copies;

  g_return_val_if_fail (LAJNA_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (PQtransactionStatus (lajna_db_get_conn (db)) != PQTRANS_IDLE)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_FAILED,
                   _("Demo data is loaded in a transaction of its own. Finish the open transaction first."));
      return FALSE;
    }

  d = g_new0 (Demo, 1);
  d->db = db;
  d->countries = lajna_demo_countries (&n_countries);
  d->rand = g_rand_new_with_seed (seed);
  d->progress = progress;
  d->user_data = user_data;
  d->persons = g_array_sized_new (FALSE, FALSE, sizeof (LajnaDemoPerson), n_cases * 8 / 5 + 16);
  d->meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  d->restore = g_ptr_array_new_with_free_func (g_free);
  d->cases = g_new0 (Case, MAX (n_cases, 1));
  d->n_cases = n_cases;
  d->buf = g_string_sized_new (CHUNK_BYTES + 64 * 1024);
  for (guint k = 0; k < G_N_ELEMENTS (d->s); k++)
    d->s[k] = g_string_sized_new (256);
  defs = lajna_demo_committees (&d->n_committees);
  d->committees = g_new0 (Committee, d->n_committees);
  for (guint k = 0; k < d->n_committees; k++)
    {
      d->committees[k].def = &defs[k];
      d->committees[k].juvenile = strcmp (defs[k].kind, "juvenile") == 0;
    }
  lajna_demo_make_dates (d);
  d->table_list = g_strjoinv (", ", (char **) bulk_tables);
  d->table_array = g_strdup_printf ("{%s}", d->table_list);
  d->total = WEIGHT_PREPARE + WEIGHT_ANALYZE + WEIGHT_RESTORE;
  copies = lajna_demo_copies (&n_copies);
  for (guint t = 0; t < n_copies; t++)
    d->total += copies[t].weight;

  if (!lajna_db_run (db, "BEGIN", error))
    return FALSE;
  if (!prepare (d, error) || !load (d, seed, error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!lajna_db_run (db, "COMMIT", error))
    return FALSE;
  report (d, "Documents", 0, 0.0);
  return lajna_demo_attach_documents (db, DOCUMENTED_FILES, error);
}
