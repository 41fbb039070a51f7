/* lajna-bounded-process.c: the process that reads untrusted documents
 * (lajna-document-check), started with its address space limited, no
 * core file and few malloc arenas (each would reserve 64 MB of that
 * space), and the plain reads and writes on the descriptors it is handed,
 * a read waiting no longer than its deadline, numbers little-endian. The sandbox of imported
 * files and the viewer's renderer use it. */

#include "lajna-bounded-process.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *
check_program (void)
{
  return g_file_test (LAJNA_DOCUMENT_CHECK_BUILT, G_FILE_TEST_IS_EXECUTABLE)
           ? LAJNA_DOCUMENT_CHECK_BUILT : LAJNA_DOCUMENT_CHECK_INSTALLED;
}

/* In the child, between fork and exec: its bound on memory, and no core
 * file. Only async-signal-safe calls here. */
static void
limit_child (gpointer data)
{
  rlim_t bytes = (rlim_t) GPOINTER_TO_SIZE (data);
  struct rlimit memory = { bytes, bytes };
  struct rlimit core = { 0, 0 };

  setrlimit (RLIMIT_AS, &memory);
  setrlimit (RLIMIT_CORE, &core);
}

/**
 * lajna_bounded_process_spawn:
 * @mode: what the process does ("check" or "render")
 * @memory: its address space, in bytes
 * @fds: descriptors it gets as 3, 4…
 * @n_fds: how many
 * @pid: (out): its process id, to pass to lajna_bounded_process_end()
 * @error: return location for a #GError
 *
 * Returns: whether it started
 */
gboolean
lajna_bounded_process_spawn (const char  *mode,
                             gsize        memory,
                             const int   *fds,
                             guint        n_fds,
                             GPid        *pid,
                             GError     **error)
{
  /* Large buffers (a page's decoded image) come from the heap and are
   * used again, rather than mapped and faulted in afresh each page. */
  g_auto(GStrv) env = g_environ_setenv (g_environ_setenv (g_environ_setenv (
      g_get_environ (), "MALLOC_ARENA_MAX", "2", TRUE),
      "MALLOC_MMAP_THRESHOLD_", "134217728", TRUE), "MALLOC_TRIM_THRESHOLD_", "268435456", TRUE);
  const char *argv[] = { check_program (), mode, NULL };
  int targets[4] = { 3, 4, 5, 6 };

  g_return_val_if_fail (n_fds <= G_N_ELEMENTS (targets), FALSE);

  return g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *) env,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                                             | G_SPAWN_STDERR_TO_DEV_NULL,
                                           limit_child, GSIZE_TO_POINTER (memory), -1, -1, -1,
                                           fds, targets, n_fds, pid, NULL, NULL, NULL, error);
}

/**
 * lajna_bounded_process_end:
 * @pid: a process lajna_bounded_process_spawn() started
 * @kill_it: whether to kill it first
 *
 * Returns: whether it ended of its own accord, with status 0
 */
gboolean
lajna_bounded_process_end (GPid     pid,
                           gboolean kill_it)
{
  int status = 0;

  if (kill_it)
    kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  return !kill_it && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/**
 * lajna_fd_write_all:
 * @fd: a descriptor
 * @data: bytes
 * @length: how many
 *
 * Returns: whether all were written
 */
gboolean
lajna_fd_write_all (int         fd,
                    const void *data,
                    gsize       length)
{
  const guint8 *at = data;

  while (length > 0)
    {
      gssize n = write (fd, at, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      at += n;
      length -= n;
    }
  return TRUE;
}

/**
 * lajna_fd_read_all:
 * @fd: a descriptor
 * @buffer: where the bytes go
 * @length: how many
 * @deadline: the monotonic time to give up at, or -1 to wait forever
 * @timed_out: (out) (optional): whether the deadline passed
 *
 * Returns: whether all were read, before the end of the input and the
 *   deadline
 */
gboolean
lajna_fd_read_all (int       fd,
                   void     *buffer,
                   gsize     length,
                   gint64    deadline,
                   gboolean *timed_out)
{
  guint8 *at = buffer;

  while (length > 0)
    {
      gint64 wait_ms = deadline < 0 ? -1 : (deadline - g_get_monotonic_time ()) / 1000;
      struct pollfd ready = { fd, POLLIN, 0 };
      gssize n;

      if (deadline >= 0 && wait_ms <= 0)
        {
          if (timed_out != NULL)
            *timed_out = TRUE;
          return FALSE;
        }
      if (poll (&ready, 1, (int) MIN (wait_ms, G_MAXINT)) == 0)
        continue;
      n = read (fd, at, length);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        return FALSE;
      at += n;
      length -= n;
    }
  return TRUE;
}

/**
 * lajna_fd_put_u32:
 * @fd: a descriptor
 * @value: a number
 *
 * Returns: whether @value was written, little-endian
 */
gboolean
lajna_fd_put_u32 (int     fd,
                  guint32 value)
{
  guint32 le = GUINT32_TO_LE (value);

  return lajna_fd_write_all (fd, &le, 4);
}

gboolean
lajna_fd_put_u64 (int     fd,
                  guint64 value)
{
  guint64 le = GUINT64_TO_LE (value);

  return lajna_fd_write_all (fd, &le, 8);
}

/**
 * lajna_fd_get_u32:
 * @fd: a descriptor
 * @value: (out): the number read, little-endian
 * @deadline: as lajna_fd_read_all()
 * @timed_out: (out) (optional): as lajna_fd_read_all()
 *
 * Returns: whether it was read
 */
gboolean
lajna_fd_get_u32 (int       fd,
                  guint32  *value,
                  gint64    deadline,
                  gboolean *timed_out)
{
  guint32 le;

  if (!lajna_fd_read_all (fd, &le, 4, deadline, timed_out))
    return FALSE;
  *value = GUINT32_FROM_LE (le);
  return TRUE;
}

gboolean
lajna_fd_get_u64 (int       fd,
                  guint64  *value,
                  gint64    deadline,
                  gboolean *timed_out)
{
  guint64 le;

  if (!lajna_fd_read_all (fd, &le, 8, deadline, timed_out))
    return FALSE;
  *value = GUINT64_FROM_LE (le);
  return TRUE;
}
