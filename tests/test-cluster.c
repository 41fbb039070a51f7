/* test-cluster.c: the embedded server's life: first start, stop, a crash
 * (kill -9) and restart, a stale lock file, another program's server, the
 * account it runs as, and the errors that must leave data alone. */

#include <check.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lajna-cluster.h"
#include "lajna-database.h"
#include "lajna-db-private.h"
#include "lajna-db.h"
#include "lajna-test-util.h"

static char *data_dir;

static void
setup (void)
{
  data_dir = lajna_test_make_data_dir ();
}

static void
teardown (void)
{
  g_autoptr(LajnaCluster) cluster = lajna_cluster_new (data_dir);

  lajna_cluster_stop (cluster, NULL);
  lajna_test_remove_dir (data_dir);
  g_clear_pointer (&data_dir, g_free);
}

static char *
query_value (LajnaCluster *cluster,
             const char   *sql)
{
  g_autofree char *conninfo = lajna_cluster_dup_conninfo (cluster);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = lajna_db_connect (conninfo, NULL, &error);
  g_autoptr(PGresult) result = NULL;

  ck_assert_msg (db != NULL, "%s", error != NULL ? error->message : "");
  result = lajna_db_exec (db, sql, &error);
  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
assert_start (LajnaCluster *cluster)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_cluster_start (cluster, NULL, &error), "%s",
                 error != NULL ? error->message : "");
}

START_TEST (test_init_start_stop)
{
  g_autoptr(LajnaCluster) cluster = lajna_cluster_new (data_dir);
  g_autofree char *run_dir = g_build_filename (data_dir, "run", NULL);
  g_autofree char *pid_file = g_build_filename (data_dir, "pgdata", "postmaster.pid", NULL);
  g_autofree char *encoding = NULL;
  g_autofree char *ctype = NULL;
  g_autofree char *listen = NULL;
  GStatBuf st;

  ck_assert (!lajna_cluster_is_initialized (cluster));
  assert_start (cluster);
  ck_assert (lajna_cluster_is_initialized (cluster));
  ck_assert (lajna_cluster_get_started_here (cluster));
  ck_assert_int_gt (lajna_cluster_get_server_pid (cluster), 0);

  encoding = query_value (cluster, "SHOW server_encoding");
  ctype = query_value (cluster, "SELECT datctype FROM pg_database WHERE datname = current_database()");
  listen = query_value (cluster, "SHOW listen_addresses");
  ck_assert_str_eq (encoding, "UTF8");
  ck_assert_str_eq (ctype, "C.UTF-8");
  ck_assert_str_eq (listen, "");

  ck_assert_int_eq (g_stat (run_dir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);

  ck_assert (lajna_cluster_stop (cluster, NULL));
  ck_assert_int_eq (lajna_cluster_get_server_pid (cluster), 0);
  ck_assert (!g_file_test (pid_file, G_FILE_TEST_EXISTS));

  /* A second start reuses the cluster. */
  assert_start (cluster);
  ck_assert_int_gt (lajna_cluster_get_server_pid (cluster), 0);
}
END_TEST

START_TEST (test_kill9_then_restart)
{
  g_autoptr(LajnaCluster) cluster = lajna_cluster_new (data_dir);
  g_autofree char *kept = NULL;
  GPid first;

  assert_start (cluster);
  g_free (query_value (cluster, "CREATE TABLE kept AS SELECT 42 AS answer; SELECT 1"));
  first = lajna_cluster_get_server_pid (cluster);
  ck_assert_int_eq (kill (first, SIGKILL), 0);

  /* Start at once: the old processes may still hold the lock. */
  assert_start (cluster);
  ck_assert_int_ne (lajna_cluster_get_server_pid (cluster), first);
  kept = query_value (cluster, "SELECT answer FROM kept");
  ck_assert_str_eq (kept, "42");
}
END_TEST

START_TEST (test_stale_pid_file)
{
  g_autoptr(LajnaCluster) cluster = lajna_cluster_new (data_dir);
  g_autofree char *pid_file = g_build_filename (data_dir, "pgdata", "postmaster.pid", NULL);
  g_autofree char *aside = g_strconcat (pid_file, ".stale", NULL);
  g_autofree char *contents = g_strdup_printf ("%d\n%s/pgdata\n", (int) getpid (), data_dir);

  assert_start (cluster);
  ck_assert (lajna_cluster_stop (cluster, NULL));

  /* As after a power cut: the lock names a live process that is not a
   * PostgreSQL server (this test program). */
  ck_assert (g_file_set_contents (pid_file, contents, -1, NULL));
  assert_start (cluster);
  ck_assert_int_gt (lajna_cluster_get_server_pid (cluster), 0);
  ck_assert (g_file_test (aside, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_takes_over_running_server)
{
  g_autoptr(LajnaCluster) first = lajna_cluster_new (data_dir);
  g_autoptr(LajnaCluster) second = lajna_cluster_new (data_dir);
  GPid pid;

  assert_start (first);
  pid = lajna_cluster_get_server_pid (first);
  assert_start (second);
  ck_assert (!lajna_cluster_get_started_here (second));
  ck_assert_int_eq (lajna_cluster_get_server_pid (second), pid);
}
END_TEST

static uid_t
process_uid (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d", pid);
  GStatBuf st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  return st.st_uid;
}

START_TEST (test_server_account)
{
  g_autoptr(LajnaCluster) cluster = lajna_cluster_new (data_dir);
  g_autofree char *pgdata = g_build_filename (data_dir, "pgdata", NULL);
  g_autofree char *user = NULL;
  GStatBuf st;

  assert_start (cluster);
  ck_assert_int_eq (g_stat (pgdata, &st), 0);
  if (geteuid () == 0)
    {
      /* initdb refuses root: the server runs unprivileged. */
      ck_assert_int_ne (st.st_uid, 0);
      ck_assert_int_ne (process_uid (lajna_cluster_get_server_pid (cluster)), 0);
    }
  else
    {
      ck_assert_int_eq (st.st_uid, geteuid ());
      ck_assert_int_eq (process_uid (lajna_cluster_get_server_pid (cluster)), geteuid ());
    }

  /* Peer authentication: the database user is the one running Lajna. */
  user = query_value (cluster, "SELECT current_user");
  ck_assert_str_eq (user, g_get_user_name ());
}
END_TEST

START_TEST (test_missing_server_programs)
{
  g_autofree char *inner = g_build_filename (data_dir, "db", NULL);
  g_autoptr(LajnaCluster) cluster = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("LAJNA_PG_BINDIR", "/nonexistent/bin", TRUE);
  cluster = lajna_cluster_new (inner);
  g_unsetenv ("LAJNA_PG_BINDIR");

  ck_assert (!lajna_cluster_start (cluster, NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_NO_SERVER));
  ck_assert (!g_file_test (inner, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_other_major_version_left_alone)
{
  g_autofree char *pgdata = g_build_filename (data_dir, "pgdata", NULL);
  g_autofree char *version_file = g_build_filename (pgdata, "PG_VERSION", NULL);
  g_autofree char *marker = g_build_filename (pgdata, "base", NULL);
  g_autofree char *version = NULL;
  g_autoptr(LajnaCluster) cluster = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir_with_parents (marker, 0700), 0);
  ck_assert (g_file_set_contents (version_file, "14\n", -1, NULL));
  cluster = lajna_cluster_new (data_dir);

  ck_assert (!lajna_cluster_start (cluster, NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_VERSION));
  ck_assert (g_file_test (marker, G_FILE_TEST_IS_DIR));
  ck_assert (g_file_get_contents (version_file, &version, NULL, NULL));
  ck_assert_str_eq (version, "14\n");
}
END_TEST

START_TEST (test_unreachable_data_dir)
{
  g_autofree char *locked = g_build_filename (data_dir, "locked", NULL);
  g_autofree char *inner = g_build_filename (locked, "db", NULL);
  g_autoptr(LajnaCluster) cluster = NULL;
  g_autoptr(GError) error = NULL;
  gboolean started;

  ck_assert_int_eq (g_mkdir (locked, 0700), 0);
  cluster = lajna_cluster_new (inner);
  started = lajna_cluster_start (cluster, NULL, &error);
  if (geteuid () == 0)
    {
      /* The server's account cannot pass a folder private to root. */
      ck_assert (!started);
      ck_assert (g_error_matches (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_ACCOUNT));
      ck_assert (!g_file_test (inner, G_FILE_TEST_EXISTS));
    }
  else
    {
      /* A private folder of the user is fine: the server runs as the user. */
      ck_assert_msg (started, "%s", error != NULL ? error->message : "");
      lajna_cluster_stop (cluster, NULL);
    }
}
END_TEST

static Suite *
cluster_suite (void)
{
  Suite *suite = suite_create ("cluster");
  TCase *tc = tcase_create ("/cluster");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_init_start_stop);
  tcase_add_test (tc, test_kill9_then_restart);
  tcase_add_test (tc, test_stale_pid_file);
  tcase_add_test (tc, test_takes_over_running_server);
  tcase_add_test (tc, test_server_account);
  tcase_add_test (tc, test_missing_server_programs);
  tcase_add_test (tc, test_other_major_version_left_alone);
  tcase_add_test (tc, test_unreachable_data_dir);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (cluster_suite ());
}
