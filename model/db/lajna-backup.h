#pragma once

#include "lajna-database.h"

G_BEGIN_DECLS

#define LAJNA_BACKUP_ERROR (lajna_backup_error_quark ())

/**
 * LajnaBackupError:
 * @LAJNA_BACKUP_ERROR_TOOL: pg_dump or pg_restore failed
 * @LAJNA_BACKUP_ERROR_CHECKSUM: the backup does not match its checksum, or
 *   has none
 * @LAJNA_BACKUP_ERROR_NOT_EMPTY: the database to restore into holds data
 *
 * Why a backup or a restore did not happen. Nothing is left half-written
 * by either.
 */
typedef enum
{
  LAJNA_BACKUP_ERROR_TOOL,
  LAJNA_BACKUP_ERROR_CHECKSUM,
  LAJNA_BACKUP_ERROR_NOT_EMPTY,
} LajnaBackupError;

GQuark    lajna_backup_error_quark (void);
char     *lajna_backup_checksum_path (const char *path);
gboolean  lajna_backup_write       (LajnaDatabase  *database,
                                    const char     *path,
                                    GError        **error);
gboolean  lajna_backup_restore     (LajnaDatabase  *database,
                                    LajnaDb        *db,
                                    const char     *path,
                                    GError        **error);

gboolean  lajna_backup_daily       (LajnaDatabase  *database,
                                    const char     *folder,
                                    guint           keep,
                                    GDateTime      *now,
                                    char          **written,
                                    GError        **error);
void      lajna_backup_daily_async  (LajnaDatabase        *database,
                                     guint                 keep,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  lajna_backup_daily_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
