/* test-backup.c: a backup, the data folder wiped, a restore into an empty
 * one: every table holds exactly what it held, the audit trail is intact;
 * a damaged backup, one without its checksum, and a restore over data are
 * refused and write nothing. */

#include <check.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lajna-audit.h"
#include "lajna-backup.h"
#include "lajna-db-private.h"
#include "lajna-demo.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

typedef struct
{
  char          *dir;
  LajnaDatabase *database;
  LajnaDb       *db;
} Instance;

/* An embedded database in a folder of its own; @migrate FALSE leaves it
 * empty, as a restore wants it. */
static Instance *
instance_start (gboolean migrate)
{
  Instance *self = g_new0 (Instance, 1);
  g_autoptr(GError) error = NULL;

  self->dir = lajna_test_make_data_dir ();
  g_setenv ("LAJNA_DATA_DIR", self->dir, TRUE);
  self->database = lajna_database_new (NULL);
  ck_assert_msg (lajna_database_open (self->database, migrate, NULL, &error), "%s",
                 MESSAGE (error));
  self->db = lajna_database_connect (self->database, &error);
  ck_assert_msg (self->db != NULL, "%s", MESSAGE (error));
  return self;
}

static void
instance_stop (Instance *self)
{
  g_clear_object (&self->db);
  lajna_database_close (self->database, TRUE, NULL);
  g_clear_object (&self->database);
  lajna_test_remove_dir (self->dir);
  g_free (self->dir);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Instance, instance_stop)

/* Each table's rows, hashed in a fixed order: what "bit for bit" means for
 * a database. */
static char *
content_hashes (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) tables = lajna_db_exec (db,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", &error);
  GString *hashes = g_string_new (NULL);

  ck_assert_msg (tables != NULL, "%s", MESSAGE (error));
  for (int i = 0; i < PQntuples (tables); i++)
    {
      const char *table = PQgetvalue (tables, i, 0);
      g_autofree char *sql = g_strdup_printf (
          "SELECT count(*), md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), ''))"
          "  FROM %s x", table);
      g_autoptr(PGresult) hash = lajna_db_exec (db, sql, &error);

      ck_assert_msg (hash != NULL, "%s", MESSAGE (error));
      g_string_append_printf (hashes, "%s %s %s\n", table, PQgetvalue (hash, 0, 0),
                              PQgetvalue (hash, 0, 1));
    }
  return g_string_free (hashes, FALSE);
}

/* An ACL as text, its items in order, "default" for none set. */
#define SORTED(acl) \
  "coalesce((SELECT string_agg(i::text, ',' ORDER BY i::text) FROM unnest(" acl ") i), 'default')"

/* Who may do what: every function's, table's and column's rights, as the
 * server keeps them (with the owner's name, the same on both sides). */
static char *
rights (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT string_agg(r, E'\\n' ORDER BY r) FROM ("
      "  SELECT p.oid::regprocedure::text || ' ' || " SORTED ("p.proacl") " r"
      "    FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
      "  UNION ALL"
      "  SELECT c.relname || ' ' || " SORTED ("c.relacl")
      "    FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
      "  UNION ALL"
      "  SELECT c.relname || '.' || a.attname || ' ' || " SORTED ("a.attacl")
      "    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
      "   WHERE c.relnamespace = 'public'::regnamespace AND a.attacl IS NOT NULL) x", &error);

  ck_assert_msg (result != NULL, "%s", MESSAGE (error));
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* Each line of @expected that @actual lacks, or holds otherwise. */
static void
assert_same_rights (const char *expected,
                    const char *actual)
{
  g_auto(GStrv) lines = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) others = g_strsplit (actual, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    ck_assert_msg (g_strv_contains ((const char * const *) others, lines[i]),
                   "not so after the restore: %s", lines[i]);
  ck_assert_int_eq (g_strv_length (lines), g_strv_length (others));
}

static void
fill (Instance *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(PGresult) committee = NULL;

  ck_assert_msg (lajna_demo_fill (self->db, 300, 5, NULL, NULL, &error), "%s", MESSAGE (error));
  committee = lajna_db_exec (self->db, "SELECT min(id) FROM committee WHERE kind = 'marriage'",
                             &error);
  ck_assert (committee != NULL);
  g_ptr_array_add (records, lajna_test_make_record ("marriage",
                                                    atoi (PQgetvalue (committee, 0, 0)), NULL));
  ck_assert_msg (lajna_case_record_register (self->db, records, &error), "%s", MESSAGE (error));
}

static void
assert_empty (Instance *self)
{
  g_autoptr(PGresult) tables = lajna_db_exec (self->db,
      "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace", NULL);

  ck_assert (tables != NULL);
  ck_assert_str_eq (PQgetvalue (tables, 0, 0), "0");
}

START_TEST (test_backup_wipe_restore)
{
  g_autoptr(Instance) original = instance_start (TRUE);
  g_autoptr(Instance) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = lajna_test_make_data_dir ();
  g_autofree char *backup = g_build_filename (folder, "lajna.dump", NULL);
  g_autofree char *sum_path = lajna_backup_checksum_path (backup);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rights_before = NULL;
  g_autofree char *rights_after = NULL;
  g_autoptr(PGresult) seal_key = NULL;
  LajnaAuditReport report;
  GStatBuf st;

  fill (original);
  before = content_hashes (original->db);
  rights_before = rights (original->db);
  ck_assert_msg (lajna_backup_write (original->database, backup, &error), "%s", MESSAGE (error));
  ck_assert_int_eq (g_stat (backup, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (g_stat (sum_path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  /* The data folder wiped; a new one, empty. */
  g_clear_pointer (&original, instance_stop);
  restored = instance_start (FALSE);
  ck_assert_msg (lajna_backup_restore (restored->database, restored->db, backup, &error), "%s",
                 MESSAGE (error));
  after = content_hashes (restored->db);
  ck_assert_str_eq (before, after);
  ck_assert (strstr (after, "case_file 301 ") != NULL);
  ck_assert (lajna_audit_verify (restored->db, &report, &error));
  ck_assert_int_eq (report.result, LAJNA_AUDIT_INTACT);

  /* Nobody may do after a restore what they could not do before: a clerk
   * reads no committee's private seal key. */
  rights_after = rights (restored->db);
  assert_same_rights (rights_before, rights_after);
  seal_key = lajna_db_exec (restored->db,
      "SELECT has_function_privilege('lajna_clerk', 'lajna_seal_key_in_use(integer)', 'EXECUTE'),"
      "       has_table_privilege('lajna_clerk', 'case_follow_up', 'SELECT')", &error);
  ck_assert_msg (seal_key != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (PQgetvalue (seal_key, 0, 0), "f");
  ck_assert_str_eq (PQgetvalue (seal_key, 0, 1), "t");

  /* Over data, a restore is refused. */
  g_clear_error (&error);
  ck_assert (!lajna_backup_restore (restored->database, restored->db, backup, &error));
  ck_assert (g_error_matches (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_NOT_EMPTY));
  lajna_test_remove_dir (folder);
}
END_TEST

START_TEST (test_damaged_backup_refused)
{
  g_autoptr(Instance) original = instance_start (TRUE);
  g_autoptr(Instance) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = lajna_test_make_data_dir ();
  g_autofree char *backup = g_build_filename (folder, "lajna.dump", NULL);
  g_autofree char *sum_path = lajna_backup_checksum_path (backup);
  g_autofree char *contents = NULL;
  gsize length;

  fill (original);
  ck_assert_msg (lajna_backup_write (original->database, backup, &error), "%s", MESSAGE (error));
  target = instance_start (FALSE);

  /* One byte changed in the middle. */
  ck_assert (g_file_get_contents (backup, &contents, &length, NULL));
  contents[length / 2] ^= 0x01;
  ck_assert (g_file_set_contents (backup, contents, (gssize) length, NULL));
  ck_assert (!lajna_backup_restore (target->database, target->db, backup, &error));
  ck_assert (g_error_matches (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_CHECKSUM));
  assert_empty (target);

  /* No checksum at all. */
  g_clear_error (&error);
  g_remove (sum_path);
  ck_assert (!lajna_backup_restore (target->database, target->db, backup, &error));
  ck_assert (g_error_matches (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_CHECKSUM));
  assert_empty (target);
  lajna_test_remove_dir (folder);
}
END_TEST

START_TEST (test_daily_backups_rotate)
{
  g_autoptr(Instance) db = instance_start (TRUE);
  g_autofree char *folder = lajna_test_make_data_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *name;

  for (int day = 1; day <= 5; day++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, day, 9, 0, 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;
      g_autofree char *again = NULL;

      ck_assert_msg (lajna_backup_daily (db->database, folder, 3, now, &written, &error), "%s",
                     MESSAGE (error));
      ck_assert (written != NULL);
      /* Once a day only. */
      ck_assert (lajna_backup_daily (db->database, folder, 3, now, &again, &error));
      ck_assert (again == NULL);
    }

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (left, g_strdup (name));
  g_ptr_array_add (left, NULL);
  joined = g_strjoinv (" ", (char **) left->pdata);
  /* The three newest days, each with its checksum. */
  ck_assert_msg (left->len - 1 == 6, "%s", joined);
  for (int day = 3; day <= 5; day++)
    {
      g_autofree char *dump = g_strdup_printf ("lajna-2026-11-%02d.dump", day);
      g_autofree char *sum = g_strconcat (dump, ".sha256", NULL);

      ck_assert_msg (g_strv_contains ((const char * const *) left->pdata, dump)
                     && g_strv_contains ((const char * const *) left->pdata, sum), "%s", joined);
    }
  lajna_test_remove_dir (folder);
}
END_TEST

static Suite *
backup_suite (void)
{
  Suite *suite = suite_create ("backup");
  TCase *tc = tcase_create ("/backup");

  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_backup_wipe_restore);
  tcase_add_test (tc, test_damaged_backup_refused);
  tcase_add_test (tc, test_daily_backups_rotate);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (backup_suite ());
}
