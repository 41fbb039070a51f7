/* lajna-process.c: what the embedded cluster needs to know about other
 * processes: whether one is alive, whether it is a PostgreSQL server, and
 * what a lock file left by a crash says. Linux /proc is read; nothing the
 * tools print is parsed. */

#include "lajna-process.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/**
 * lajna_pid_file_read:
 * @path: a lock file whose first line is a process id
 *
 * Returns: the process id, or 0 when there is none
 */
GPid
lajna_pid_file_read (const char *path)
{
  g_autofree char *contents = NULL;
  gint64 pid;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  pid = g_ascii_strtoll (contents, NULL, 10);
  return pid > 0 && pid <= G_MAXINT ? (GPid) pid : 0;
}

/* A process that exited is gone even while it waits to be reaped: reap
 * it if it is ours, and count a zombie of another parent as gone. */
gboolean
lajna_process_alive (GPid pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char *state;
  int wait_status;

  if (waitpid (pid, &wait_status, WNOHANG) == pid)
    return FALSE;
  if (kill (pid, 0) != 0 && errno == ESRCH)
    return FALSE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  /* "pid (comm) S …": the state follows the last parenthesis. */
  state = strrchr (stat, ')');
  return state == NULL || state[1] == '\0' || state[2] != 'Z';
}

/* Whether @pid is a PostgreSQL process of the cluster in @pgdata (the
 * server works in its data folder). After a crash the server's process id
 * may have gone to another program, or to another cluster's server. */
gboolean
lajna_process_is_postgres_of (GPid        pid,
                              const char *pgdata)
{
  g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", pid);
  g_autofree char *cwd_path = g_strdup_printf ("/proc/%d/cwd", pid);
  g_autofree char *comm = NULL;
  g_autofree char *cwd = NULL;
  g_autofree char *data = NULL;

  if (!lajna_process_alive (pid))
    return FALSE;
  if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
    return FALSE;
  g_strstrip (comm);
  if (strcmp (comm, "postgres") != 0)
    return FALSE;
  cwd = g_file_read_link (cwd_path, NULL);
  data = realpath (pgdata, NULL);
  return cwd != NULL && data != NULL && strcmp (cwd, data) == 0;
}

/* A lock file left by a crash may name a process id that now belongs to
 * another program; the server would then refuse to start for ever. Such a
 * file is renamed, never deleted. */
void
lajna_pid_file_set_aside_if_stale (const char *path,
                                   const char *pgdata)
{
  GPid pid = lajna_pid_file_read (path);
  g_autofree char *aside = NULL;

  if (pid == 0 || lajna_process_is_postgres_of (pid, pgdata))
    return;

  aside = g_strconcat (path, ".stale", NULL);
  if (g_rename (path, aside) == 0)
    g_message ("Set aside the stale lock file %s of process %d", path, pid);
}


/**
 * lajna_pg_bindir:
 *
 * Returns: the folder of the PostgreSQL 15 programs (initdb, postgres,
 *   pg_dump…): `LAJNA_PG_BINDIR`, or Debian's
 */
const char *
lajna_pg_bindir (void)
{
  const char *bindir = g_getenv ("LAJNA_PG_BINDIR");

  return bindir != NULL && *bindir != '\0' ? bindir : "/usr/lib/postgresql/15/bin";
}
