#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LAJNA_DB_ERROR (lajna_db_error_quark ())

/**
 * LajnaDbError:
 * @LAJNA_DB_ERROR_UNAVAILABLE: the server cannot be reached or went away
 * @LAJNA_DB_ERROR_CONFLICT: a unique key is already taken
 * @LAJNA_DB_ERROR_INVALID: the data breaks a rule of the schema
 * @LAJNA_DB_ERROR_DENIED: the user may not do this
 * @LAJNA_DB_ERROR_RETRY: a serialization failure or deadlock; try again
 * @LAJNA_DB_ERROR_NOT_FOUND: the object does not exist
 * @LAJNA_DB_ERROR_SCHEMA: the schema is newer or older than this program
 * @LAJNA_DB_ERROR_STALE: the record was saved by someone else since it was read
 * @LAJNA_DB_ERROR_PASSWORD: the server wants a password, or refused the one given
 * @LAJNA_DB_ERROR_FAILED: anything else the server reported
 * @LAJNA_DB_ERROR_DISK_FULL: the disk that holds the database is full
 *
 * Errors from the database, converted from SQLSTATE at the border.
 */
typedef enum
{
  LAJNA_DB_ERROR_UNAVAILABLE,
  LAJNA_DB_ERROR_CONFLICT,
  LAJNA_DB_ERROR_INVALID,
  LAJNA_DB_ERROR_DENIED,
  LAJNA_DB_ERROR_RETRY,
  LAJNA_DB_ERROR_NOT_FOUND,
  LAJNA_DB_ERROR_SCHEMA,
  LAJNA_DB_ERROR_STALE,
  LAJNA_DB_ERROR_PASSWORD,
  LAJNA_DB_ERROR_FAILED,
  LAJNA_DB_ERROR_DISK_FULL,
} LajnaDbError;

/**
 * LajnaDbSight:
 * @LAJNA_DB_SIGHT_NAMES: the parties' names of the files in the list
 * @LAJNA_DB_SIGHT_NUMBERS: national and passport numbers
 * @LAJNA_DB_SIGHT_RULING_TEXT: rulings' text and PDF (which hold both)
 * @LAJNA_DB_SIGHT_DELIBERATIONS: meetings, decisions and a file's steps,
 *   which a social worker or psychologist does not read
 *
 * What the person connected may read of the files they see (by the
 * column privileges of their roles).
 */
typedef enum
{
  LAJNA_DB_SIGHT_NAMES = 1 << 0,
  LAJNA_DB_SIGHT_NUMBERS = 1 << 1,
  LAJNA_DB_SIGHT_RULING_TEXT = 1 << 2,
  LAJNA_DB_SIGHT_DELIBERATIONS = 1 << 3,
} LajnaDbSight;

#define LAJNA_TYPE_DB (lajna_db_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDb, lajna_db, LAJNA, DB, GObject)

GQuark      lajna_db_error_quark     (void);
LajnaDb    *lajna_db_connect         (const char          *conninfo,
                                      const char          *password,
                                      GError             **error);
char       *lajna_db_dup_safe_conninfo (LajnaDb           *self);
char       *lajna_db_dup_server_version (LajnaDb          *self);
gboolean    lajna_db_sees            (LajnaDb             *self,
                                      LajnaDbSight         sight);
G_END_DECLS
