/* lajna-cluster.c: the embedded PostgreSQL 15 server of one user.
 *
 * Layout of the data folder D:
 *   D/pgdata      the cluster (owned by the server's account, 0700)
 *   D/run         the Unix socket (owned by the server's account, 0700)
 *   D/server.log  what initdb and the server print (never parsed: it is
 *                 localized; only exit codes, postmaster.pid and PG_VERSION
 *                 are read)
 *
 * initdb refuses to run as root, so when Lajna runs as root the server runs
 * as an unprivileged account (postgres, or LAJNA_SERVER_USER), and the data
 * folder defaults to /var/lib/lajna, which that account can reach. The
 * database superuser is always named after the user running Lajna, so that
 * peer authentication lets that user in and nobody else.
 */

#include "lajna-cluster.h"

#include "lajna-db-private.h"
#include "lajna-disk-space.h"
#include "lajna-process.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG_MAJOR "15"
#define DATABASE_NAME "lajna"
#define READY_TIMEOUT_US (120 * G_USEC_PER_SEC)
#define STOP_TIMEOUT_US (60 * G_USEC_PER_SEC)
#define MAX_START_ATTEMPTS 8

struct _LajnaCluster
{
  GObject  parent_instance;

  char    *data_dir;
  char    *pgdata;
  char    *run_dir;
  char    *log_path;
  char    *bindir;
  char    *db_user;

  /* The account the server runs as; differs from ours only as root. */
  char    *server_user;
  uid_t    server_uid;
  gid_t    server_gid;
  gboolean drop_privileges;

  /* The postmaster we spawned, until it is reaped. */
  GPid     child;
  gboolean started_here;
};

G_DEFINE_TYPE (LajnaCluster, lajna_cluster, G_TYPE_OBJECT)

G_DEFINE_QUARK (lajna-cluster-error-quark, lajna_cluster_error)

typedef struct
{
  uid_t    uid;
  gid_t    gid;
  gboolean drop;
} Account;

static void
child_setup (gpointer user_data)
{
  const Account *account = user_data;

  /* Its own session, so a Ctrl+C meant for the app does not reach it. */
  setsid ();
  umask (077);
  if (account->drop
      && (setgroups (0, NULL) != 0 || setgid (account->gid) != 0 || setuid (account->uid) != 0))
    _exit (127);
}

static gboolean
spawn_server_program (LajnaCluster  *self,
                      const char   **argv,
                      GPid          *pid,
                      GError       **error)
{
  Account account = { self->server_uid, self->server_gid, self->drop_privileges };
  g_autoptr(GError) local_error = NULL;
  int log_fd;
  gboolean ok;

  log_fd = g_open (self->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0)
    {
      int saved = errno;

      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_START,
                   _("Cannot write the database log %s: %s"), self->log_path, g_strerror (saved));
      return FALSE;
    }

  ok = g_spawn_async_with_pipes_and_fds (self->data_dir, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                         child_setup, &account, -1, log_fd, log_fd, NULL, NULL, 0,
                                         pid, NULL, NULL, NULL, &local_error);
  g_close (log_fd, NULL);
  if (!ok)
    {
      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_START,
                   _("Cannot run the database server program %s: %s"), argv[0],
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_private_dir (LajnaCluster  *self,
                  const char    *path,
                  gboolean       for_server,
                  int            mode,
                  GError       **error)
{
  if (g_mkdir_with_parents (path, mode) != 0)
    {
      int saved = errno;

      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_INIT,
                   _("Cannot create the folder %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (for_server && self->drop_privileges
      && (chown (path, self->server_uid, self->server_gid) != 0 || g_chmod (path, mode) != 0))
    {
      int saved = errno;

      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_ACCOUNT,
                   _("Cannot hand the folder %s to the account “%s”: %s"), path,
                   self->server_user, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Every folder above pgdata must let the server's account pass. */
static gboolean
check_reachable (LajnaCluster  *self,
                 GError       **error)
{
  g_autofree char *path = g_strdup (self->data_dir);

  if (!self->drop_privileges)
    return TRUE;

  while (TRUE)
    {
      GStatBuf st;
      g_autofree char *parent = NULL;
      gboolean can_pass;

      /* A folder not made yet gets the right mode when it is made. */
      can_pass = g_stat (path, &st) != 0
                 || (st.st_mode & S_IXOTH)
                 || (st.st_uid == self->server_uid && (st.st_mode & S_IXUSR))
                 || (st.st_gid == self->server_gid && (st.st_mode & S_IXGRP));
      if (!can_pass)
        {
          g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_ACCOUNT,
                       _("The database server runs as “%s”, which cannot enter %s. Choose a "
                         "data folder it can reach with LAJNA_DATA_DIR, for example under /var/lib."),
                       self->server_user, path);
          return FALSE;
        }

      parent = g_path_get_dirname (path);
      if (strcmp (parent, path) == 0)
        return TRUE;
      g_free (path);
      path = g_steal_pointer (&parent);
    }
}

static gboolean
ensure_layout (LajnaCluster  *self,
               GError       **error)
{
  if (!check_reachable (self, error))
    return FALSE;

  return make_private_dir (self, self->data_dir, FALSE, self->drop_privileges ? 0711 : 0700, error)
         && make_private_dir (self, self->run_dir, TRUE, 0700, error);
}

static gboolean
check_programs (LajnaCluster  *self,
                GError       **error)
{
  const char *programs[] = { "initdb", "postgres" };

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *path = g_build_filename (self->bindir, programs[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        {
          g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_NO_SERVER,
                       _("The PostgreSQL %s server is not installed (%s is missing). Install the "
                         "package postgresql-%s, or connect to a shared server with --database."),
                       PG_MAJOR, path, PG_MAJOR);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_version (LajnaCluster  *self,
               GError       **error)
{
  g_autofree char *path = g_build_filename (self->pgdata, "PG_VERSION", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_VERSION,
                   _("The folder %s is not a PostgreSQL database. Nothing was changed; move it "
                     "away or choose another data folder with LAJNA_DATA_DIR."),
                   self->pgdata);
      return FALSE;
    }
  g_strstrip (contents);
  if (strcmp (contents, PG_MAJOR) != 0)
    {
      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_VERSION,
                   _("The database in %s was made by PostgreSQL %s, but this computer runs "
                     "PostgreSQL %s. Nothing was changed; upgrade the database with "
                     "pg_upgrade, or install PostgreSQL %s."),
                   self->pgdata, contents, PG_MAJOR, contents);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wait_child (GPid  pid,
            int  *wait_status)
{
  for (;;)
    {
      pid_t r = waitpid (pid, wait_status, 0);

      if (r == pid)
        return TRUE;
      if (r < 0 && errno != EINTR)
        return FALSE;
    }
}

/* initdb writes into a fresh folder that is renamed into place only when
 * it succeeded, so an interrupted first start leaves no half cluster. */
static gboolean
init_cluster (LajnaCluster  *self,
              GError       **error)
{
  g_autofree char *initdb = g_build_filename (self->bindir, "initdb", NULL);
  g_autofree char *fresh = g_strconcat (self->pgdata, ".new", NULL);
  g_autofree char *user_arg = g_strconcat ("--username=", self->db_user, NULL);
  const char *argv[] = { initdb, "--pgdata", fresh, user_arg, "--encoding=UTF8",
                         "--locale=C.UTF-8", "--auth-local=peer", "--auth-host=reject", NULL };
  GPid pid;
  int wait_status = 0;

  if (g_file_test (fresh, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
      g_autofree char *aside = g_strconcat (self->pgdata, ".incomplete-", stamp, NULL);

      if (g_rename (fresh, aside) != 0)
        {
          int saved = errno;

          g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_INIT,
                       _("Cannot move the unfinished database %s aside: %s"), fresh,
                       g_strerror (saved));
          return FALSE;
        }
    }

  if (!make_private_dir (self, fresh, TRUE, 0700, error)
      || !spawn_server_program (self, argv, &pid, error))
    return FALSE;

  if (!wait_child (pid, &wait_status) || !WIFEXITED (wait_status)
      || WEXITSTATUS (wait_status) != 0)
    {
      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_INIT,
                   _("Creating the database failed; the details are in %s."), self->log_path);
      return FALSE;
    }

  if (g_rename (fresh, self->pgdata) != 0)
    {
      int saved = errno;

      g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_INIT,
                   _("Cannot move the new database into place at %s: %s"), self->pgdata,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
reap_child (LajnaCluster *self)
{
  int wait_status;

  if (self->child != 0 && waitpid (self->child, &wait_status, WNOHANG) == self->child)
    self->child = 0;
}

static char *
dup_conninfo_for (LajnaCluster *self,
                  const char   *dbname)
{
  g_autoptr(GString) s = g_string_new ("host='");

  for (const char *p = self->run_dir; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_printf (s, "' dbname=%s user='%s'", dbname, self->db_user);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static PGPing
ping (LajnaCluster *self)
{
  g_autofree char *conninfo = dup_conninfo_for (self, "postgres");
  g_autofree char *full = g_strconcat (conninfo, " connect_timeout=5", NULL);

  return PQping (full);
}

/* Waits until the server accepts connections, the process @pid exited
 * (returns FALSE with *exited set), or the time is up. */
static gboolean
wait_ready (LajnaCluster  *self,
            GPid           pid,
            gboolean      *exited,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + READY_TIMEOUT_US;
  gulong delay = 2000;

  *exited = FALSE;
  while (g_get_monotonic_time () < deadline)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (ping (self) == PQPING_OK)
        return TRUE;

      if (pid == self->child)
        {
          reap_child (self);
          if (self->child == 0)
            {
              *exited = TRUE;
              return FALSE;
            }
        }
      else if (!lajna_process_alive (pid))
        {
          *exited = TRUE;
          return FALSE;
        }

      g_usleep (delay);
      delay = MIN (delay * 2, 50000);
    }

  g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_START,
               _("The database server did not become ready; the details are in %s."),
               self->log_path);
  return FALSE;
}

static gboolean
spawn_postmaster (LajnaCluster  *self,
                  GError       **error)
{
  g_autofree char *postgres = g_build_filename (self->bindir, "postgres", NULL);
  g_autofree char *sockets = g_strdup_printf ("unix_socket_directories=\"%s\"", self->run_dir);
  const char *argv[] = { postgres, "-D", self->pgdata,
                         "-c", "listen_addresses=",
                         "-c", sockets,
                         "-c", "unix_socket_permissions=0700",
                         "-c", "cluster_name=lajna",
                         NULL };

  return spawn_server_program (self, argv, &self->child, error);
}

static gboolean
ensure_database (LajnaCluster  *self,
                 GError       **error)
{
  g_autofree char *conninfo = dup_conninfo_for (self, "postgres");
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;
  gboolean ok;

  result = PQexec (conn, "SELECT 1 FROM pg_database WHERE datname = '" DATABASE_NAME "'");
  ok = PQresultStatus (result) == PGRES_TUPLES_OK;
  if (ok && PQntuples (result) == 0)
    {
      PQclear (result);
      result = PQexec (conn, "CREATE DATABASE " DATABASE_NAME);
      ok = PQresultStatus (result) == PGRES_COMMAND_OK;
    }
  if (!ok)
    g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_INIT,
                 _("Cannot create the Lajna database: %s"), PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
  return ok;
}

static gboolean
start_server (LajnaCluster  *self,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *pid_file = g_build_filename (self->pgdata, "postmaster.pid", NULL);
  g_autofree char *socket_lock = g_build_filename (self->run_dir, ".s.PGSQL.5432.lock", NULL);
  gulong backoff = 50000;

  for (guint attempt = 0; attempt < MAX_START_ATTEMPTS; attempt++)
    {
      GPid running;
      gboolean exited = FALSE;
      g_autoptr(GError) attempt_error = NULL;

      reap_child (self);

      /* A server left by an earlier run (the app crashed) is taken over. */
      running = lajna_pid_file_read (pid_file);
      if (running != 0 && lajna_process_is_postgres_of (running, self->pgdata))
        {
          if (wait_ready (self, running, &exited, cancellable, error))
            return TRUE;
          if (!exited)
            return FALSE;
        }
      else
        {
          lajna_pid_file_set_aside_if_stale (pid_file, self->pgdata);
          lajna_pid_file_set_aside_if_stale (socket_lock, self->pgdata);

          if (!spawn_postmaster (self, error))
            return FALSE;
          if (wait_ready (self, self->child, &exited, cancellable, &attempt_error))
            {
              self->started_here = TRUE;
              return TRUE;
            }
          if (!exited)
            {
              g_propagate_error (error, g_steal_pointer (&attempt_error));
              return FALSE;
            }
        }

      /* The server exited at once: after a kill -9 the old processes may
       * still hold the lock or shared memory for a moment. */
      g_usleep (backoff);
      backoff = MIN (backoff * 2, 2 * G_USEC_PER_SEC);
    }

  /* A server that cannot write its log does not start. */
  if (lajna_disk_space_low (self->pgdata))
    lajna_disk_space_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_DISK_FULL,
                                self->data_dir, 0);
  else
    g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_START,
                 _("The database server would not start; the details are in %s."), self->log_path);
  return FALSE;
}

static void
lajna_cluster_finalize (GObject *object)
{
  LajnaCluster *self = LAJNA_CLUSTER (object);

  g_free (self->data_dir);
  g_free (self->pgdata);
  g_free (self->run_dir);
  g_free (self->log_path);
  g_free (self->bindir);
  g_free (self->db_user);
  g_free (self->server_user);

  G_OBJECT_CLASS (lajna_cluster_parent_class)->finalize (object);
}

static void
lajna_cluster_class_init (LajnaClusterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lajna_cluster_finalize;
}

static void
lajna_cluster_init (LajnaCluster *self)
{
}

static void
choose_account (LajnaCluster *self)
{
  const char *wanted = g_getenv ("LAJNA_SERVER_USER");
  const char *candidates[] = { wanted, "postgres", "nobody" };

  self->server_uid = geteuid ();
  self->server_gid = getegid ();
  self->server_user = g_strdup (g_get_user_name ());
  if (self->server_uid != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      struct passwd *pw = candidates[i] != NULL ? getpwnam (candidates[i]) : NULL;

      if (pw != NULL && pw->pw_uid != 0)
        {
          self->server_uid = pw->pw_uid;
          self->server_gid = pw->pw_gid;
          g_free (self->server_user);
          self->server_user = g_strdup (pw->pw_name);
          self->drop_privileges = TRUE;
          return;
        }
    }
}

/* $LAJNA_DATA_DIR, else /var/lib/lajna for root, else $XDG_DATA_HOME/lajna. */
static char *
default_data_dir (void)
{
  const char *env = g_getenv ("LAJNA_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);
  if (geteuid () == 0)
    return g_strdup ("/var/lib/lajna");
  return g_build_filename (g_get_user_data_dir (), "lajna", NULL);
}

/**
 * lajna_cluster_new:
 * @data_dir: (nullable): the data folder, or %NULL for the default
 *
 * Returns: (transfer full): a cluster; nothing is touched on disk until
 *   lajna_cluster_start()
 */
LajnaCluster *
lajna_cluster_new (const char *data_dir)
{
  LajnaCluster *self = g_object_new (LAJNA_TYPE_CLUSTER, NULL);
  self->data_dir = data_dir != NULL ? g_canonicalize_filename (data_dir, NULL)
                                    : default_data_dir ();
  self->pgdata = g_build_filename (self->data_dir, "pgdata", NULL);
  self->run_dir = g_build_filename (self->data_dir, "run", NULL);
  self->log_path = g_build_filename (self->data_dir, "server.log", NULL);
  self->bindir = g_strdup (lajna_pg_bindir ());
  self->db_user = g_strdup (g_get_user_name ());
  choose_account (self);

  return self;
}

const char *
lajna_cluster_get_data_dir (LajnaCluster *self)
{
  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), NULL);

  return self->data_dir;
}

const char *
lajna_cluster_get_log_path (LajnaCluster *self)
{
  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), NULL);

  return self->log_path;
}

gboolean
lajna_cluster_is_initialized (LajnaCluster *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), FALSE);

  path = g_build_filename (self->pgdata, "PG_VERSION", NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/**
 * lajna_cluster_start:
 * @self: a #LajnaCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Creates the cluster on first use, starts the server (or takes over one
 * that is already running on this data folder) and waits until it accepts
 * connections. Blocks: call it from a worker thread in the app.
 *
 * Returns: %TRUE when the server is ready
 */
gboolean
lajna_cluster_start (LajnaCluster  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gboolean fresh;

  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), FALSE);

  if (!check_programs (self, error) || !ensure_layout (self, error))
    return FALSE;

  fresh = !g_file_test (self->pgdata, G_FILE_TEST_EXISTS);
  if (fresh && !init_cluster (self, error))
    return FALSE;

  if (!check_version (self, error) || !start_server (self, cancellable, error))
    return FALSE;

  return ensure_database (self, error);
}

/**
 * lajna_cluster_stop:
 * @self: a #LajnaCluster
 * @error: return location for a #GError
 *
 * Asks the server to shut down (fast: open transactions roll back) and
 * waits until it is gone. Does nothing when no server runs.
 *
 * Returns: %TRUE when no server runs any more
 */
gboolean
lajna_cluster_stop (LajnaCluster  *self,
                    GError       **error)
{
  g_autofree char *pid_file = NULL;
  GPid pid;
  gint64 deadline;
  int signal_number = SIGINT;

  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), FALSE);

  pid_file = g_build_filename (self->pgdata, "postmaster.pid", NULL);
  reap_child (self);
  pid = lajna_pid_file_read (pid_file);
  if (pid == 0 || !lajna_process_is_postgres_of (pid, self->pgdata))
    return TRUE;

  kill (pid, signal_number);
  deadline = g_get_monotonic_time () + STOP_TIMEOUT_US;
  for (;;)
    {
      reap_child (self);
      if (!lajna_process_alive (pid))
        break;
      if (g_get_monotonic_time () > deadline)
        {
          if (signal_number == SIGQUIT)
            {
              g_set_error (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_STOP,
                           _("The database server (process %d) does not stop."), pid);
              return FALSE;
            }
          /* An immediate shutdown; the next start recovers from the WAL. */
          signal_number = SIGQUIT;
          kill (pid, signal_number);
          deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
        }
      g_usleep (5000);
    }

  self->started_here = FALSE;
  return TRUE;
}

/**
 * lajna_cluster_get_started_here:
 * @self: a #LajnaCluster
 *
 * Returns: %TRUE when this object started the running server, %FALSE when
 *   it took over one that was already running (then another program may
 *   still be using it)
 */
gboolean
lajna_cluster_get_started_here (LajnaCluster *self)
{
  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), FALSE);

  return self->started_here;
}

/**
 * lajna_cluster_get_server_pid:
 * @self: a #LajnaCluster
 *
 * Returns: the postmaster's process id, or 0 when no server runs
 */
GPid
lajna_cluster_get_server_pid (LajnaCluster *self)
{
  g_autofree char *pid_file = NULL;
  GPid pid;

  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), 0);

  pid_file = g_build_filename (self->pgdata, "postmaster.pid", NULL);
  pid = lajna_pid_file_read (pid_file);
  return pid != 0 && lajna_process_is_postgres_of (pid, self->pgdata) ? pid : 0;
}

/**
 * lajna_cluster_dup_conninfo:
 * @self: a #LajnaCluster
 *
 * Returns: (transfer full): the libpq connection string of the Lajna
 *   database on this cluster
 */
char *
lajna_cluster_dup_conninfo (LajnaCluster *self)
{
  g_return_val_if_fail (LAJNA_IS_CLUSTER (self), NULL);

  return dup_conninfo_for (self, DATABASE_NAME);
}
