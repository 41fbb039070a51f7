/* lajna-db.c: one libpq connection, with SQLSTATE turned into GError.
 *
 * A LajnaDb is used from one thread at a time: the CLI and the tests call
 * it directly, the app through LajnaDbWorker, which owns it on a thread.
 */

#include "lajna-db.h"

#include "lajna-db-private.h"
#include "lajna-db-rules.h"
#include "lajna-disk-space.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _LajnaDb
{
  GObject  parent_instance;
  PGconn  *conn;
  /* What the person may read, once asked; 0 until then. */
  guint    sight;
  gboolean sight_known;
};

G_DEFINE_TYPE (LajnaDb, lajna_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (lajna-db-error-quark, lajna_db_error)

static LajnaDbError
code_from_sqlstate (const char *state)
{
  if (state == NULL)
    return LAJNA_DB_ERROR_UNAVAILABLE;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return LAJNA_DB_ERROR_UNAVAILABLE;
  if (strcmp (state, "23505") == 0)
    return LAJNA_DB_ERROR_CONFLICT;
  if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    return LAJNA_DB_ERROR_INVALID;
  if (strcmp (state, "42501") == 0 || g_str_has_prefix (state, "28"))
    return LAJNA_DB_ERROR_DENIED;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0)
    return LAJNA_DB_ERROR_RETRY;
  if (strcmp (state, "P0002") == 0 || strcmp (state, "02000") == 0)
    return LAJNA_DB_ERROR_NOT_FOUND;
  /* Raised by lajna_case_update() when the row version moved on. */
  if (strcmp (state, "LJ409") == 0)
    return LAJNA_DB_ERROR_STALE;
  return LAJNA_DB_ERROR_FAILED;
}

static char *
trim_message (const char *message)
{
  char *copy = g_strdup (message != NULL ? message : "");

  return g_strstrip (copy);
}

/* Where a server's disk is: its folder on this computer (beside its
 * socket's, an absolute path), or its host. */
static char *
server_place (PGconn *conn)
{
  const char *host = PQhost (conn);

  return host != NULL && host[0] == '/' ? g_path_get_dirname (host)
                                        : g_strdup (host != NULL ? host : "");
}

/* Whether the server's disk is full: it says so (SQLSTATE 53100), or it
 * went away from a folder on this computer whose disk is full (a server
 * that cannot write its log stops). */
static gboolean
disk_full (PGconn      *conn,
           const char  *state,
           LajnaDbError code)
{
  g_autofree char *place = server_place (conn);

  return g_strcmp0 (state, "53100") == 0
         || (code == LAJNA_DB_ERROR_UNAVAILABLE && g_path_is_absolute (place)
             && lajna_disk_space_low (place));
}

/**
 * lajna_db_set_disk_full:
 * @self: the connection whose server's disk is full
 * @needed: the bytes the work needed, at least
 * @error: return location for a #GError
 *
 * Sets @error to %LAJNA_DB_ERROR_DISK_FULL: where the disk is, how much it
 * has left, how much to free.
 */
void
lajna_db_set_disk_full (LajnaDb  *self,
                        guint64   needed,
                        GError  **error)
{
  g_autofree char *place = server_place (self->conn);

  lajna_disk_space_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DISK_FULL, place, needed);
}

/* Sets @error when @result is not a success; returns whether it is one. */
static gboolean
set_error_from_result (GError  **error,
                                PGconn   *conn,
                                PGresult *result)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *state;
  LajnaDbError code;
  g_autofree char *rule = NULL;
  g_autofree char *detail = NULL;

  switch (status)
    {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_EMPTY_QUERY:
      return TRUE;
    default:
      break;
    }

  state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  code = code_from_sqlstate (state);
  if (PQstatus (conn) == CONNECTION_BAD)
    code = LAJNA_DB_ERROR_UNAVAILABLE;
  if (disk_full (conn, state, code))
    {
      g_autofree char *place = server_place (conn);

      lajna_disk_space_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DISK_FULL, place, 0);
      return FALSE;
    }
  detail = trim_message (result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (conn));
  if (result != NULL)
    rule = lajna_db_rule_describe (PQresultErrorField (result, PG_DIAG_MESSAGE_HINT),
                                   PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL));
  if (rule != NULL && code != LAJNA_DB_ERROR_UNAVAILABLE)
    {
      g_debug ("%s", detail);
      /* A refusal for who asks stays one; any other rule is the data's. */
      g_set_error_literal (error, LAJNA_DB_ERROR,
                           code == LAJNA_DB_ERROR_DENIED ? code : LAJNA_DB_ERROR_INVALID, rule);
      return FALSE;
    }

  switch (code)
    {
    case LAJNA_DB_ERROR_UNAVAILABLE:
      g_set_error (error, LAJNA_DB_ERROR, code,
                   _("The database server cannot be reached. Check that it is running and try again. (%s)"),
                   detail);
      break;
    case LAJNA_DB_ERROR_CONFLICT:
      g_set_error (error, LAJNA_DB_ERROR, code,
                   _("This record already exists. (%s)"), detail);
      break;
    case LAJNA_DB_ERROR_DENIED:
      g_set_error (error, LAJNA_DB_ERROR, code,
                   _("You are not allowed to do this. Ask the committee’s administrator. (%s)"),
                   detail);
      break;
    case LAJNA_DB_ERROR_RETRY:
      g_set_error (error, LAJNA_DB_ERROR, code,
                   _("Another workstation changed the same data at the same time. Try again. (%s)"),
                   detail);
      break;
    case LAJNA_DB_ERROR_STALE:
      g_set_error (error, LAJNA_DB_ERROR, code,
                   _("Another workstation saved this file after you opened it."));
      break;
    default:
      g_set_error (error, LAJNA_DB_ERROR, code,
                   _("The database reported an error: %s"), detail);
      break;
    }
  return FALSE;
}

/* The server's notices are for developers, not for a clerk's terminal. */
static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("%s", message);
}

static void
lajna_db_finalize (GObject *object)
{
  LajnaDb *self = LAJNA_DB (object);

  g_clear_pointer (&self->conn, PQfinish);

  G_OBJECT_CLASS (lajna_db_parent_class)->finalize (object);
}

static void
lajna_db_class_init (LajnaDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lajna_db_finalize;
}

static void
lajna_db_init (LajnaDb *self)
{
}

/**
 * lajna_db_connect:
 * @conninfo: a libpq connection string
 * @password: (nullable): the password, when the server asks for one and
 *   @conninfo does not hold it
 * @error: return location for a #GError; %LAJNA_DB_ERROR_PASSWORD when
 *   the server wants a password or refused @password
 *
 * Connects, blocking, and sets the session up for Lajna (UTF-8, UTC dates
 * shown as ISO 8601).
 *
 * Returns: (transfer full) (nullable): the connection
 */
LajnaDb *
lajna_db_connect (const char  *conninfo,
                  const char  *password,
                  GError     **error)
{
  g_autoptr(LajnaDb) self = g_object_new (LAJNA_TYPE_DB, NULL);
  const char *keys[] = { "dbname", "client_encoding", "application_name", "connect_timeout",
                         password != NULL ? "password" : NULL, NULL };
  const char *values[] = { conninfo, "UTF8", "lajna", "10", password, NULL };

  /* expand_dbname lets @conninfo carry everything; the rest are defaults
   * that it may override. */
  self->conn = PQconnectdbParams (keys, values, 1);
  if (self->conn != NULL && PQstatus (self->conn) != CONNECTION_OK
      && (PQconnectionNeedsPassword (self->conn) || PQconnectionUsedPassword (self->conn)))
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD,
                   _("The server asks for your password, or did not accept the one given."));
      return NULL;
    }
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *detail = trim_message (self->conn != NULL ? PQerrorMessage (self->conn) : "");

      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_UNAVAILABLE,
                   _("Cannot connect to the database. Check the connection settings and that the server is running. (%s)"),
                   detail);
      return NULL;
    }

  PQsetNoticeProcessor (self->conn, log_notice, NULL);

  /* JIT compiling pays off for long reports, never for a clerk's query:
   * where the planner overestimates rows (a set-returning function), it
   * would spend 400 ms compiling a query that runs in 5. */
  if (!lajna_db_run (self,
                     "SET datestyle = 'ISO, YMD'; SET intervalstyle = 'iso_8601'; SET jit = off",
                     error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * lajna_db_dup_server_version:
 * @self: a #LajnaDb
 *
 * Returns: (transfer full): the server's version, major.minor, such as
 *   "15.8"
 */
char *
lajna_db_dup_server_version (LajnaDb *self)
{
  int version;

  g_return_val_if_fail (LAJNA_IS_DB (self), NULL);

  version = PQserverVersion (self->conn);
  return g_strdup_printf ("%d.%d", version / 10000, version % 10000);
}

/**
 * lajna_db_sees:
 * @self: a #LajnaDb
 * @sight: what to ask about
 *
 * Whether the person connected may read @sight, so that a query can leave
 * out the columns their roles do not read (PostgreSQL would refuse the
 * whole query). Asked once per connection; a database without the tables
 * yet has nothing to hide.
 *
 * Returns: %TRUE if they may
 */
gboolean
lajna_db_sees (LajnaDb      *self,
               LajnaDbSight  sight)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (LAJNA_IS_DB (self), FALSE);

  if (!self->sight_known)
    {
      result = lajna_db_exec (self,
          "SELECT CASE WHEN to_regclass('person') IS NULL THEN true"
          "            ELSE has_column_privilege('case_file', 'title', 'SELECT') END,"
          "       CASE WHEN to_regclass('person') IS NULL THEN true"
          "            ELSE has_column_privilege('person', 'national_number', 'SELECT') END,"
          "       CASE WHEN to_regclass('seal_key') IS NULL THEN true"
          "            ELSE has_column_privilege('ruling', 'content', 'SELECT') END,"
          "       CASE WHEN to_regclass('decision') IS NULL THEN true"
          "            ELSE has_table_privilege('decision', 'SELECT') END",
          NULL);
      if (result == NULL)
        return FALSE;
      self->sight = (*PQgetvalue (result, 0, 0) == 't' ? LAJNA_DB_SIGHT_NAMES : 0)
                    | (*PQgetvalue (result, 0, 1) == 't' ? LAJNA_DB_SIGHT_NUMBERS : 0)
                    | (*PQgetvalue (result, 0, 2) == 't' ? LAJNA_DB_SIGHT_RULING_TEXT : 0)
                    | (*PQgetvalue (result, 0, 3) == 't' ? LAJNA_DB_SIGHT_DELIBERATIONS : 0);
      self->sight_known = TRUE;
    }
  return (self->sight & sight) == sight;
}

PGconn *
lajna_db_get_conn (LajnaDb *self)
{
  g_return_val_if_fail (LAJNA_IS_DB (self), NULL);

  return self->conn;
}

/**
 * lajna_db_dup_safe_conninfo:
 * @self: a #LajnaDb
 *
 * Returns: (transfer full): where the connection goes, without a password
 */
char *
lajna_db_dup_safe_conninfo (LajnaDb *self)
{
  const char *host = PQhost (self->conn);
  const char *port = PQport (self->conn);

  return g_strdup_printf ("host=%s port=%s dbname=%s user=%s",
                          host != NULL ? host : "", port != NULL ? port : "",
                          PQdb (self->conn), PQuser (self->conn));
}

/**
 * lajna_db_exec_params:
 * @self: a #LajnaDb
 * @sql: one SQL statement with $1… placeholders
 * @n_params: the number of @values
 * @values: (array length=n_params) (nullable): text values, %NULL for SQL NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the result, %NULL on error
 */
PGresult *
lajna_db_exec_params (LajnaDb            *self,
                      const char         *sql,
                      int                 n_params,
                      const char * const *values,
                      GError            **error)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (LAJNA_IS_DB (self), NULL);

  result = PQexecParams (self->conn, sql, n_params, NULL, values, NULL, NULL, 0);
  if (!set_error_from_result (error, self->conn, result))
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * lajna_db_exec_binary:
 * @self: a #LajnaDb
 * @sql: one SQL statement with $1… placeholders
 * @n_params: the number of @values
 * @values: (array length=n_params): the values, %NULL for SQL NULL
 * @lengths: (array length=n_params): each value's length, for binary ones
 * @formats: (array length=n_params): 0 for a text value, 1 for binary
 * @binary_result: whether the result comes in binary (bytea as its bytes)
 * @error: return location for a #GError
 *
 * Like lajna_db_exec_params(), for bytes that must not be escaped (a
 * scanned document of 100 MB would double as text).
 *
 * Returns: (transfer full) (nullable): the result, %NULL on error
 */
PGresult *
lajna_db_exec_binary (LajnaDb            *self,
                      const char         *sql,
                      int                 n_params,
                      const char * const *values,
                      const int          *lengths,
                      const int          *formats,
                      gboolean            binary_result,
                      GError            **error)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (LAJNA_IS_DB (self), NULL);

  result = PQexecParams (self->conn, sql, n_params, NULL, values, lengths, formats,
                         binary_result ? 1 : 0);
  if (!set_error_from_result (error, self->conn, result))
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * lajna_db_exec:
 * @self: a #LajnaDb
 * @sql: SQL without parameters; may hold several statements
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the result of the last statement
 */
PGresult *
lajna_db_exec (LajnaDb     *self,
               const char  *sql,
               GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (LAJNA_IS_DB (self), NULL);

  result = PQexec (self->conn, sql);
  if (!set_error_from_result (error, self->conn, result))
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * lajna_db_run:
 * @self: a #LajnaDb
 * @sql: SQL without parameters and without rows to read
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_db_run (LajnaDb     *self,
              const char  *sql,
              GError     **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (self, sql, error);

  return result != NULL;
}

/**
 * lajna_db_run_params:
 * @self: a #LajnaDb
 * @sql: SQL whose rows, if any, are not read
 * @n_params: how many parameters
 * @values: (array length=n_params): their text values, %NULL for NULL
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_db_run_params (LajnaDb             *self,
                     const char          *sql,
                     int                  n_params,
                     const char * const  *values,
                     GError             **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (self, sql, n_params, values, error);

  return result != NULL;
}

/**
 * lajna_db_copy_begin:
 * @self: a #LajnaDb
 * @copy_sql: a `COPY … FROM STDIN` statement
 * @error: return location for a #GError
 *
 * Starts a COPY; feed it with lajna_db_copy_put() and finish with
 * lajna_db_copy_end().
 *
 * Returns: %TRUE when the server waits for data
 */
gboolean
lajna_db_copy_begin (LajnaDb     *self,
                     const char  *copy_sql,
                     GError     **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (self, copy_sql, error);

  return result != NULL;
}

gboolean
lajna_db_copy_put (LajnaDb     *self,
                   const char  *data,
                   gsize        len,
                   GError     **error)
{
  if (PQputCopyData (self->conn, data, (int) len) != 1)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_UNAVAILABLE,
                   _("The database server went away while loading data: %s"),
                   PQerrorMessage (self->conn));
      return FALSE;
    }
  return TRUE;
}

gboolean
lajna_db_copy_end (LajnaDb  *self,
                   GError  **error)
{
  g_autoptr(PGresult) result = NULL;
  gboolean ok = TRUE;

  if (PQputCopyEnd (self->conn, NULL) != 1)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_UNAVAILABLE,
                   _("The database server went away while loading data: %s"),
                   PQerrorMessage (self->conn));
      return FALSE;
    }

  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (ok)
        ok = set_error_from_result (error, self->conn, result);
      g_clear_pointer (&result, PQclear);
    }
  return ok;
}

/**
 * lajna_db_copy_append_text:
 * @out: the data of a COPY in text format
 * @text: a value
 *
 * Appends @text as a field of COPY's text format: with what would end the
 * field (a backslash, a tab, a line break) escaped.
 */
void
lajna_db_copy_append_text (GString    *out,
                           const char *text)
{
  while (*text != '\0')
    {
      gsize run = strcspn (text, "\\\t\n\r");

      g_string_append_len (out, text, run);
      text += run;
      if (*text == '\0')
        break;
      g_string_append_c (out, '\\');
      g_string_append_c (out, *text == '\t'   ? 't'
                              : *text == '\n' ? 'n'
                              : *text == '\r' ? 'r'
                                              : '\\');
      text++;
    }
}

/**
 * lajna_db_dup_value:
 * @result: a result
 * @row: a row of it
 * @column: a column of it
 *
 * Returns: (transfer full) (nullable): the value as text, or %NULL for SQL NULL
 */
char *
lajna_db_dup_value (const PGresult *result,
                    int             row,
                    int             column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

/**
 * lajna_db_dup_lines:
 * @result: a result
 * @row: a row of it
 * @column: a column of it, a list with one element per line (as from
 *   array_to_string (…, E'\n') or string_agg (…, E'\n'))
 *
 * Returns: (transfer full): the elements; none for an empty value or NULL
 */
GStrv
lajna_db_dup_lines (const PGresult *result,
                    int             row,
                    int             column)
{
  const char *text = PQgetvalue (result, row, column);

  return text[0] == '\0' ? g_new0 (char *, 1) : g_strsplit (text, "\n", -1);
}
