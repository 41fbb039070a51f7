/* lajna-schema.c: the tables from numbered migrations (model/db/sql/),
 * the functions, triggers, policies and rights from each subject's own SQL
 * (model/<subject>/<subject>.sql), both shipped as GResources.
 *
 * The migrations change tables and their rows only, and run once. The
 * subjects' SQL states how things are to be (CREATE OR REPLACE), so it is
 * applied again after a restore, whose backup carries no rights, and at
 * every start by the schema's owner unless the database's rules are those
 * it made last (schema_rules: the digest of the shipped SQL, and one of
 * the functions, triggers, policies and rights it made, which the start
 * compares with what the database holds now). The functions the tables'
 * columns compute or check with (columns.sql) come before the migrations;
 * the rest after them; then what a migration asks of the stored rows with
 * those functions (sql/backfills/). All of it is one transaction under an
 * advisory lock, so two workstations starting at once apply it once.
 */

#include "lajna-schema.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-sql-resources.h"
#include "lajna-subjects-resources.h"

#define SQL_PATH "/org/lajna/Lajna/sql"
#define SUBJECTS_PATH "/org/lajna/Lajna/subjects"
#define BACKFILLS_PATH "/org/lajna/Lajna/backfills"
#define MIGRATION_LOCK "7152025"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The migrations in version order; their names start with the version. */
static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (lajna_sql_get_resource (), SQL_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (names != NULL);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return g_steal_pointer (&names);
}

static guint
version_of (const char *name)
{
  return (guint) g_ascii_strtoull (name, NULL, 10);
}

/**
 * lajna_schema_get_latest:
 *
 * Returns: the version of the newest migration this program carries
 */
guint
lajna_schema_get_latest (void)
{
  g_auto(GStrv) names = list_migrations ();
  guint n = g_strv_length (names);

  return n > 0 ? version_of (names[n - 1]) : 0;
}

/**
 * lajna_schema_get_version:
 * @db: a connection
 * @version: (out): the newest applied migration, 0 on an empty database
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_schema_get_version (LajnaDb  *db,
                          guint    *version,
                          GError  **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) result = NULL;

  exists = lajna_db_exec (db, "SELECT to_regclass('schema_version') IS NOT NULL", error);
  if (exists == NULL)
    return FALSE;
  if (strcmp (PQgetvalue (exists, 0, 0), "t") != 0)
    {
      *version = 0;
      return TRUE;
    }

  result = lajna_db_exec (db, "SELECT coalesce(max(version), 0) FROM schema_version", error);
  if (result == NULL)
    return FALSE;
  *version = (guint) g_ascii_strtoull (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

/* Runs the resource at @path. */
static gboolean
run_resource (LajnaDb     *db,
              GResource   *resource,
              const char  *path,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                    NULL);
  g_autofree char *sql = NULL;

  g_assert (bytes != NULL);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return lajna_db_run (db, sql, error);
}

/* Applies the migration @name unless schema_version has it already, as it
 * does when another workstation applied it while this one waited on the
 * lock. */
static gboolean
apply (LajnaDb     *db,
       const char  *name,
       gboolean    *applied,
       GError     **error)
{
  g_autofree char *path = g_build_path ("/", SQL_PATH, name, NULL);
  g_autofree char *version = g_strdup_printf ("%u", version_of (name));
  const char *params[] = { version, name };
  g_autoptr(PGresult) done = NULL;
  g_autoptr(PGresult) recorded = NULL;

  *applied = FALSE;
  done = lajna_db_exec_params (db, "SELECT 1 FROM schema_version WHERE version = $1", 1, params,
                               error);
  if (done == NULL)
    return FALSE;
  if (PQntuples (done) > 0)
    return TRUE;

  if (!run_resource (db, lajna_sql_get_resource (), path, error))
    {
      g_prefix_error (error, _("Updating the database to version %s failed: "), version);
      return FALSE;
    }
  recorded = lajna_db_exec_params (db, "INSERT INTO schema_version (version, name) VALUES ($1, $2)",
                                   2, params, error);
  *applied = recorded != NULL;
  return recorded != NULL;
}

/* Runs what migration @name asks of the stored rows once the subjects'
 * functions are in place, if it asks anything. */
static gboolean
backfill (LajnaDb     *db,
          const char  *name,
          GError     **error)
{
  g_autofree char *path = g_build_path ("/", BACKFILLS_PATH, name, NULL);

  if (!g_resource_get_info (lajna_sql_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL,
                            NULL, NULL))
    return TRUE;
  if (!run_resource (db, lajna_sql_get_resource (), path, error))
    {
      g_autofree char *version = g_strdup_printf ("%u", version_of (name));

      g_prefix_error (error, _("Updating the database to version %s failed: "), version);
      return FALSE;
    }
  return TRUE;
}

/* The subjects, each after those it builds on. */
static const char * const subjects[] = {
  "access.sql", "committees.sql", "cases.sql", "casework.sql", "documents.sql", "meetings.sql",
  "rulings.sql", "stats.sql",
};

static gboolean
run_subject (LajnaDb     *db,
             const char  *name,
             GError     **error)
{
  g_autofree char *path = g_build_path ("/", SUBJECTS_PATH, name, NULL);

  if (!run_resource (db, lajna_subjects_get_resource (), path, error))
    {
      g_prefix_error (error, _("Updating the database’s rules (%s) failed: "), name);
      return FALSE;
    }
  return TRUE;
}

/* What the rules the database holds are: its functions, triggers,
 * policies and rights, as one digest. */
#define RULES_MADE \
  "SELECT pg_catalog.md5(pg_catalog.string_agg(r, E'\\n' ORDER BY r)) FROM (" \
  "  SELECT pg_catalog.pg_get_functiondef(p.oid) || coalesce(p.proacl::text, '') AS r" \
  "    FROM pg_catalog.pg_proc p" \
  "   WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'" \
  "  UNION ALL SELECT pg_catalog.pg_get_triggerdef(t.oid)" \
  "    FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal" \
  "  UNION ALL SELECT pg_catalog.format('%s %s %s %s %s %s %s', p.tablename, p.policyname," \
  "                                    p.permissive, p.roles, p.cmd, p.qual, p.with_check)" \
  "    FROM pg_catalog.pg_policies p" \
  "  UNION ALL SELECT c.relname || c.relrowsecurity || c.relforcerowsecurity" \
  "                   || coalesce(c.relacl::text, '')" \
  "    FROM pg_catalog.pg_class c WHERE c.relnamespace = 'public'::regnamespace) s"

/**
 * lajna_schema_dup_rules:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a digest of the database's
 *   functions, triggers, policies and rights, as schema_rules keeps it
 */
char *
lajna_schema_dup_rules (LajnaDb  *db,
                        GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db, RULES_MADE, error);

  return result != NULL ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
}

/* The digest of the subjects' SQL this program ships. */
static char *
dup_shipped (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i <= G_N_ELEMENTS (subjects); i++)
    {
      const char *name = i == 0 ? "columns.sql" : subjects[i - 1];
      g_autofree char *path = g_build_path ("/", SUBJECTS_PATH, name, NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (lajna_subjects_get_resource (), path,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert (bytes != NULL);
      g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Notes what the rules were made from and what they are, for the next
 * start to compare (rules_current()); a database restored from before
 * schema_rules has nowhere to note it. */
static gboolean
record_rules (LajnaDb  *db,
              GError  **error)
{
  g_autofree char *shipped = dup_shipped ();
  const char *params[] = { shipped };
  g_autoptr(PGresult) exists = lajna_db_exec (db, "SELECT to_regclass('public.schema_rules')"
                                                  " IS NOT NULL", error);

  if (exists == NULL)
    return FALSE;
  if (strcmp (PQgetvalue (exists, 0, 0), "t") != 0)
    return TRUE;
  return lajna_db_run_params (db,
                              "INSERT INTO public.schema_rules (shipped, made)"
                              " SELECT $1, (" RULES_MADE ")"
                              " ON CONFLICT (only_row) DO UPDATE"
                              " SET shipped = EXCLUDED.shipped, made = EXCLUDED.made",
                              1, params, error);
}

/* Whether the rules were made from the subjects this program ships and
 * nobody has changed them since. */
static gboolean
rules_current (LajnaDb   *db,
               gboolean  *current,
               GError   **error)
{
  g_autofree char *shipped = dup_shipped ();
  const char *params[] = { shipped };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT r.shipped = $1 AND r.made = (" RULES_MADE ") FROM public.schema_rules r",
      1, params, error);

  if (result == NULL)
    return FALSE;
  *current = PQntuples (result) == 1 && strcmp (PQgetvalue (result, 0, 0), "t") == 0;
  return TRUE;
}

/* Each subject's functions, triggers and policies, then the roles and
 * their grants; inside the caller's transaction. */
static gboolean
apply_subjects (LajnaDb  *db,
                GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      if (!run_subject (db, subjects[i], error))
        return FALSE;
    }
  return lajna_db_run (db, "SELECT lajna_grant_access()", error) && record_rules (db, error);
}

/* Takes the migration lock and says what the functions' bodies name may
 * not exist yet: the subjects are applied as a whole. */
static gboolean
begin (LajnaDb  *db,
       GError  **error)
{
  return lajna_db_run (db,
                       "BEGIN; SELECT pg_advisory_xact_lock(" MIGRATION_LOCK "); "
                       "SET LOCAL client_min_messages = warning; "
                       "SET LOCAL check_function_bodies = off", error);
}

static gboolean
rollback (LajnaDb *db)
{
  PQclear (PQexec (lajna_db_get_conn (db), "ROLLBACK"));
  return FALSE;
}

/**
 * lajna_schema_apply_subjects:
 * @db: a connection as the schema's owner
 * @error: return location for a #GError
 *
 * Applies the functions the tables' columns use (columns.sql), each
 * subject's SQL in order, and the roles and their grants
 * (lajna_grant_access()), all in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_schema_apply_subjects (LajnaDb  *db,
                             GError  **error)
{
  if (!begin (db, error) || !run_subject (db, "columns.sql", error) || !apply_subjects (db, error))
    return rollback (db);
  return lajna_db_run (db, "COMMIT", error);
}

/* Whether @db's login owns the schema's tables, as the embedded database's
 * account and a shared server's administrator do; a committee's login
 * does not, and leaves the rules as they are. */
static gboolean
owns_schema (LajnaDb   *db,
             gboolean  *owns,
             GError   **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE')"
      "  FROM pg_catalog.pg_class c WHERE c.oid = 'public.schema_version'::regclass", error);

  if (result == NULL)
    return FALSE;
  *owns = PQntuples (result) == 1 && strcmp (PQgetvalue (result, 0, 0), "t") == 0;
  return TRUE;
}

/**
 * lajna_schema_migrate:
 * @db: a connection
 * @n_applied: (out) (optional): how many migrations were applied
 * @error: return location for a #GError
 *
 * Applies the pending migrations, then, as the schema's owner, the
 * subjects' SQL (lajna_schema_apply_subjects()) unless the database's
 * rules are still those it made from the same SQL. Refuses a database
 * that a newer Lajna has already moved on.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_schema_migrate (LajnaDb  *db,
                      guint    *n_applied,
                      GError  **error)
{
  g_auto(GStrv) names = list_migrations ();
  guint latest = lajna_schema_get_latest ();
  guint current = 0;
  g_autoptr(GPtrArray) applied = g_ptr_array_new ();
  gboolean owns = FALSE;

  if (!lajna_schema_get_version (db, &current, error))
    return FALSE;

  if (current > latest)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_SCHEMA,
                   _("The database has been updated by a newer Lajna (schema %u; this program "
                     "knows %u). Install the newer Lajna on this computer."),
                   current, latest);
      return FALSE;
    }

  if (current > 0 && !owns_schema (db, &owns, error))
    return FALSE;
  if (current == latest && !owns)
    return TRUE;
  if (current == latest)
    {
      gboolean same = FALSE;

      if (!rules_current (db, &same, error))
        return FALSE;
      if (same)
        {
          if (n_applied != NULL)
            *n_applied = 0;
          return TRUE;
        }
    }

  /* One transaction: the functions the columns use, the pending
   * migrations, the subjects, then what the migrations ask of the rows. */
  if (!begin (db, error)
      || !lajna_db_run (db,
                        "CREATE TABLE IF NOT EXISTS schema_version ("
                        "  version integer PRIMARY KEY,"
                        "  name text NOT NULL,"
                        "  applied_at timestamptz NOT NULL DEFAULT now())", error)
      || !run_subject (db, "columns.sql", error))
    return rollback (db);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean done = FALSE;

      if (version_of (names[i]) <= current)
        continue;
      if (!apply (db, names[i], &done, error))
        return rollback (db);
      if (done)
        g_ptr_array_add (applied, names[i]);
    }
  if (!apply_subjects (db, error))
    return rollback (db);
  for (guint i = 0; i < applied->len; i++)
    {
      if (!backfill (db, g_ptr_array_index (applied, i), error))
        return rollback (db);
    }
  if (!lajna_db_run (db, "COMMIT", error))
    return rollback (db);

  if (n_applied != NULL)
    *n_applied = applied->len;
  return TRUE;
}
