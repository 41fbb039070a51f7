/* lajna-disk-space.c: the room left on the disk that holds a folder, and
 * what a person is told when the database's disk is full: which folder,
 * how much is free, how much to free, and that nothing was saved. */

#include "lajna-disk-space.h"

#include <glib/gi18n-lib.h>
#include <sys/statvfs.h>

/**
 * lajna_disk_space_free:
 * @path: a folder
 *
 * Returns: the bytes free for an ordinary account on its disk, or
 *   %G_MAXUINT64 when that cannot be told
 */
guint64
lajna_disk_space_free (const char *path)
{
  struct statvfs disk;

  if (path == NULL || statvfs (path, &disk) != 0)
    return G_MAXUINT64;
  return (guint64) disk.f_bavail * disk.f_frsize;
}

/**
 * lajna_disk_space_low:
 * @path: a folder
 *
 * Returns: whether its disk has less than %LAJNA_DISK_ROOM_NEEDED free
 */
gboolean
lajna_disk_space_low (const char *path)
{
  return lajna_disk_space_free (path) < LAJNA_DISK_ROOM_NEEDED;
}

/**
 * lajna_disk_space_set_error:
 * @error: return location for a #GError
 * @domain: its domain
 * @code: its code
 * @where: the folder on the full disk, or the server that holds it
 * @needed: the bytes to free at least
 *
 * Sets @error to say that the disk holding the database is full.
 */
void
lajna_disk_space_set_error (GError     **error,
                            GQuark       domain,
                            int          code,
                            const char  *where,
                            guint64      needed)
{
  guint64 free_bytes = lajna_disk_space_free (where);
  g_autofree char *need = g_format_size (MAX (needed, LAJNA_DISK_ROOM_NEEDED));

  if (free_bytes == G_MAXUINT64)
    g_set_error (error, domain, code,
                 _("The disk that holds the database (%s) is full: nothing was saved. Free at "
                   "least %s there and try again."), where, need);
  else
    {
      g_autofree char *left = g_format_size (free_bytes);

      g_set_error (error, domain, code,
                   _("The disk that holds the database (%s) is full, %s left: nothing was "
                     "saved. Free at least %s there and try again."), where, left, need);
    }
}
