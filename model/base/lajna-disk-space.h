#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a server on this computer needs free to start and to write: a WAL
 * segment and room beside it. */
#define LAJNA_DISK_ROOM_NEEDED ((guint64) 64 * 1024 * 1024)

guint64  lajna_disk_space_free      (const char  *path);
gboolean lajna_disk_space_low       (const char  *path);
void     lajna_disk_space_set_error (GError     **error,
                                     GQuark       domain,
                                     int          code,
                                     const char  *where,
                                     guint64      needed);

G_END_DECLS
