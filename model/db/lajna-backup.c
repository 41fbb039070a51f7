/* lajna-backup.c: the whole database in one file, and back.
 *
 * A backup is pg_dump's custom format, written beside its final name and
 * renamed into place only when complete, with a SHA-256 checksum in a
 * file of the same name plus ".sha256" (the format of sha256sum, so that
 * `sha256sum -c` checks it too). A restore checks the checksum first and
 * goes only into an empty database, in one transaction: a damaged file or
 * a failure half-way leaves the database as it was. The roles and their
 * privileges, which belong to the server, are made again afterwards.
 */

#include "lajna-backup.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lajna-db-private.h"
#include "lajna-process.h"
#include "lajna-schema.h"

G_DEFINE_QUARK (lajna-backup-error-quark, lajna_backup_error)

/**
 * lajna_backup_checksum_path:
 * @path: a backup file
 *
 * Returns: (transfer full): the path of its checksum
 */
char *
lajna_backup_checksum_path (const char *path)
{
  return g_strconcat (path, ".sha256", NULL);
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[64 * 1024];
  gssize n;

  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Runs a PostgreSQL tool; its error output becomes the message. */
static gboolean
run_tool (const char * const  *argv,
          GError             **error)
{
  g_autoptr(GSubprocess) tool = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                           | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                   error);
  g_autofree char *err = NULL;

  if (tool == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (tool, NULL, NULL, NULL, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (tool))
    {
      g_set_error (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_TOOL,
                   _("%s failed: %s"), argv[0], err != NULL ? g_strstrip (err) : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_backup_write:
 * @database: an open database
 * @path: the backup file to write
 * @error: return location for a #GError
 *
 * Writes a backup of the whole database and its checksum.
 *
 * Returns: whether both were written
 */
gboolean
lajna_backup_write (LajnaDatabase  *database,
                    const char     *path,
                    GError        **error)
{
  g_autofree char *pg_dump = g_build_filename (lajna_pg_bindir (), "pg_dump", NULL);
  /* Two programs backing up at once each write a file of their own. */
  g_autofree char *partial = g_strdup_printf ("%s.partial-%d", path, (int) getpid ());
  g_autofree char *dbname = g_strconcat ("--dbname=", lajna_database_get_conninfo (database), NULL);
  g_autofree char *sum_path = lajna_backup_checksum_path (path);
  g_autofree char *sum = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *line = NULL;
  const char *argv[] = { pg_dump, "--format=custom", "--no-owner", "--file", partial, dbname,
                         NULL };

  if (!run_tool (argv, error) || (sum = file_sha256 (partial, error)) == NULL)
    {
      g_remove (partial);
      return FALSE;
    }
  line = g_strdup_printf ("%s  %s\n", sum, base);
  /* The private data of families and children: for the owner's eyes. */
  if (g_chmod (partial, 0600) != 0 || !g_file_set_contents (sum_path, line, -1, error)
      || g_chmod (sum_path, 0600) != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                     _("Cannot write “%s”: %s"), sum_path, g_strerror (errno));
      g_remove (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      g_remove (partial);
      g_remove (sum_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_sum (const char  *path,
           GError     **error)
{
  g_autofree char *sum_path = lajna_backup_checksum_path (path);
  g_autofree char *line = NULL;
  g_autofree char *actual = NULL;

  if (!g_file_get_contents (sum_path, &line, NULL, NULL) || strlen (line) < 64)
    {
      g_set_error (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_CHECKSUM,
                   _("The backup has no checksum file (“%s”), so it cannot be trusted."),
                   sum_path);
      return FALSE;
    }
  if ((actual = file_sha256 (path, error)) == NULL)
    return FALSE;
  if (strncmp (line, actual, 64) != 0)
    {
      g_set_error (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_CHECKSUM,
                   _("The backup “%s” does not match its checksum: it is damaged or was "
                     "changed. Nothing was restored."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_empty (LajnaDb  *db,
             GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace", error);

  if (result == NULL)
    return FALSE;
  if (strcmp (PQgetvalue (result, 0, 0), "0") != 0)
    {
      g_set_error (error, LAJNA_BACKUP_ERROR, LAJNA_BACKUP_ERROR_NOT_EMPTY,
                   _("The database already holds data. Restore into an empty data folder "
                     "(LAJNA_DATA_DIR) or an empty database."));
      return FALSE;
    }
  return TRUE;
}

/* The groups the casework rules are for (0038): the backup's rules name
 * them, and a new server has no roles yet. */
static const char casework_groups_sql[] =
  "DO $$ BEGIN"
  " IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'lajna_social_worker') THEN"
  "   CREATE ROLE lajna_social_worker NOLOGIN;"
  " END IF;"
  " IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'lajna_psychologist') THEN"
  "   CREATE ROLE lajna_psychologist NOLOGIN;"
  " END IF;"
  " END $$";

/**
 * lajna_backup_restore:
 * @database: an open database, without its schema (not migrated)
 * @db: a connection to it
 * @path: a backup written by lajna_backup_write()
 * @error: return location for a #GError
 *
 * Restores the backup into the empty database, all of it or nothing.
 *
 * Returns: whether it was restored
 */
gboolean
lajna_backup_restore (LajnaDatabase  *database,
                      LajnaDb        *db,
                      const char     *path,
                      GError        **error)
{
  g_autofree char *pg_restore = g_build_filename (lajna_pg_bindir (), "pg_restore", NULL);
  g_autofree char *dbname = g_strconcat ("--dbname=", lajna_database_get_conninfo (database), NULL);
  const char *argv[] = { pg_restore, "--exit-on-error", "--single-transaction", "--no-owner",
                         "--no-privileges", dbname, path, NULL };

  /* Roles belong to the server, not to the backup: they and their
   * rights are made again as after a migration. */
  return check_sum (path, error) && check_empty (db, error)
         && lajna_db_run (db, casework_groups_sql, error) && run_tool (argv, error)
         && lajna_schema_apply_subjects (db, error);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The backups of @folder that lajna_backup_daily() made, oldest first. */
static GPtrArray *
list_daily (const char  *folder,
            GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  GPtrArray *names;
  const char *name;

  if (dir == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "lajna-") && g_str_has_suffix (name, ".dump"))
      g_ptr_array_add (names, g_strdup (name));
  /* Named by day, so the name's order is the days'. */
  g_ptr_array_sort (names, compare_names);
  return names;
}

/**
 * lajna_backup_daily:
 * @database: an open database
 * @folder: where the daily backups are kept
 * @keep: how many to keep
 * @now: the time of the check
 * @written: (out) (optional) (transfer full): the backup written, %NULL
 *   when today's was already there
 * @error: return location for a #GError
 *
 * Writes today's backup (lajna-2026-11-23.dump) unless there is one, then
 * removes the oldest beyond @keep, with their checksums.
 *
 * Returns: whether today's backup is there
 */
gboolean
lajna_backup_daily (LajnaDatabase  *database,
                    const char     *folder,
                    guint           keep,
                    GDateTime      *now,
                    char          **written,
                    GError        **error)
{
  g_autofree char *day = g_date_time_format (now, "lajna-%Y-%m-%d.dump");
  g_autofree char *path = g_build_filename (folder, day, NULL);
  g_autoptr(GPtrArray) names = NULL;

  if (written != NULL)
    *written = NULL;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!lajna_backup_write (database, path, error))
        return FALSE;
      if (written != NULL)
        *written = g_strdup (path);
    }

  if ((names = list_daily (folder, error)) == NULL)
    return FALSE;
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *old = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *old_sum = lajna_backup_checksum_path (old);

      g_remove (old);
      g_remove (old_sum);
    }
  return TRUE;
}

/* The embedded database to back up, and how many backups to keep. */
typedef struct
{
  LajnaDatabase *database;
  guint          keep;
} DailyBackup;

static void
daily_backup_free (DailyBackup *backup)
{
  g_object_unref (backup->database);
  g_free (backup);
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  DailyBackup *backup = data;
  LajnaCluster *cluster = lajna_database_get_cluster (backup->database);
  g_autofree char *folder = g_build_filename (lajna_cluster_get_data_dir (cluster), "backups",
                                              NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!lajna_backup_daily (backup->database, folder, backup->keep, now, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * lajna_backup_daily_async:
 * @database: an open embedded database
 * @keep: how many backups to keep
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once done
 * @user_data: for @callback
 *
 * lajna_backup_daily() on a thread, into the data folder's backups/.
 */
void
lajna_backup_daily_async (LajnaDatabase        *database,
                          guint                 keep,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DailyBackup *backup = g_new0 (DailyBackup, 1);

  g_return_if_fail (lajna_database_get_cluster (database) != NULL);

  backup->database = g_object_ref (database);
  backup->keep = keep;
  g_task_set_source_tag (task, lajna_backup_daily_async);
  g_task_set_task_data (task, backup, (GDestroyNotify) daily_backup_free);
  g_task_run_in_thread (task, daily_backup_thread);
}

/**
 * lajna_backup_daily_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether today's backup is there
 */
gboolean
lajna_backup_daily_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
