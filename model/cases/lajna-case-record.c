/* lajna-case-record.c: a file as a form or a spreadsheet row edits it.
 *
 * The values are kept as clean text by field key, so that a form row, a
 * spreadsheet column and a validation message all speak of the same thing.
 * They reach the database as one JSON object per file, through
 * lajna_case_create() and lajna_case_update() (0008-case-intake.sql); the
 * first hands its files to lajna_cases_register() (0032-bulk-intake.sql),
 * which also registers an import's, and the two hold the only SQL that
 * writes a file's fields.
 */

#include "lajna-case-record.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-json.h"

/* Files registered by one statement: few round trips for many files, a
 * modest JSON value for each. */
#define REGISTER_BATCH 2000

/* Today's local date as "YYYY-MM-DD". A spreadsheet import makes a record
 * per row, and g_date_time_new_now_local() looks the time zone up each
 * time (a stat() and a readlink() of /etc/localtime), so the date is kept
 * for the span of local time it holds: from the moment it was read up to
 * the next local midnight. */
static char *
dup_today (void)
{
  static GMutex lock;
  static char today[sizeof "YYYY-MM-DD"];
  static gint64 from, until;
  gint64 now = g_get_real_time ();
  char *copy;

  g_mutex_lock (&lock);
  if (now < from || now >= until)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local),
                                                             g_date_time_get_month (local),
                                                             g_date_time_get_day_of_month (local),
                                                             0, 0, 0);
      g_autoptr(GDateTime) next = midnight != NULL ? g_date_time_add_days (midnight, 1) : NULL;
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d");

      g_strlcpy (today, text, sizeof today);
      from = now;
      /* Without a midnight to go by, the date is read again each second. */
      until = next != NULL ? g_date_time_to_unix (next) * G_USEC_PER_SEC : now + G_USEC_PER_SEC;
    }
  copy = g_strdup (today);
  g_mutex_unlock (&lock);
  return copy;
}

/**
 * lajna_case_record_new:
 * @kind: "marriage" or "juvenile"
 * @committee_id: the committee the file is for
 *
 * Returns: (transfer full): an empty file, received today, with the
 *   schema's defaults
 */
LajnaCaseRecord *
lajna_case_record_new (const char *kind,
                       int         committee_id)
{
  LajnaCaseRecord *self = g_new0 (LajnaCaseRecord, 1);

  self->kind = g_strdup (kind);
  self->committee_id = committee_id;
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (self->values, (gpointer) g_intern_static_string ("received_on"),
                       dup_today ());
  /* The defaults of the schema, shown so that the clerk sees them. */
  if (strcmp (kind, "juvenile") == 0)
    lajna_case_record_set (self, "review_cycle_days", "90");
  else
    lajna_case_record_set (self, "previous_marriages", "0");
  return self;
}

LajnaCaseRecord *
lajna_case_record_copy (const LajnaCaseRecord *self)
{
  LajnaCaseRecord *copy = lajna_case_record_new (self->kind, self->committee_id);
  GHashTableIter iter;
  gpointer key, value;

  copy->id = self->id;
  copy->row_version = self->row_version;
  copy->file_number = g_strdup (self->file_number);
  copy->status = g_strdup (self->status);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, key, g_strdup (value));
  return copy;
}

void
lajna_case_record_free (LajnaCaseRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->file_number);
  g_free (self->status);
  g_hash_table_unref (self->values);
  g_free (self);
}

/**
 * lajna_case_record_get:
 * @self: a record
 * @key: a field key
 *
 * Returns: (transfer none): the field's clean text, "" when it is empty
 */
const char *
lajna_case_record_get (const LajnaCaseRecord *self,
                       const char            *key)
{
  const char *value = g_hash_table_lookup (self->values, key);

  return value != NULL ? value : "";
}

/**
 * lajna_case_record_get_date:
 * @self: a record
 * @key: the key of a date field
 * @date: (out caller-allocates): the date, cleared when there is none
 *
 * Returns: whether the field holds a date
 */
gboolean
lajna_case_record_get_date (const LajnaCaseRecord *self,
                            const char            *key,
                            GDate                 *date)
{
  return lajna_parse_date (lajna_case_record_get (self, key), date);
}

/**
 * lajna_case_record_set:
 * @self: a record
 * @key: a field key of lajna_case_fields()
 * @input: (nullable): the text as typed or imported
 *
 * Stores @input cleaned as its field needs (lajna_case_field_clean()).
 *
 * Returns: %FALSE when a file of this kind has no such field or @input is
 *   not UTF-8; nothing is stored then
 */
gboolean
lajna_case_record_set (LajnaCaseRecord *self,
                       const char      *key,
                       const char      *input)
{
  const LajnaCaseField *field = lajna_case_field_lookup (self->kind, key);
  char *clean;

  if (field == NULL)
    return FALSE;
  clean = lajna_case_field_clean (field, input != NULL ? input : "");
  if (clean == NULL)
    return FALSE;
  g_hash_table_insert (self->values, (gpointer) field->key, clean);
  return TRUE;
}

/**
 * lajna_case_record_diff:
 * @self: a record
 * @other: another version of the same file
 *
 * Returns: (transfer container) (element-type LajnaCaseField): the fields
 *   whose values differ, in form order
 */
GPtrArray *
lajna_case_record_diff (const LajnaCaseRecord *self,
                        const LajnaCaseRecord *other)
{
  GPtrArray *differ = g_ptr_array_new ();
  guint n;
  const LajnaCaseField *fields = lajna_case_fields (self->kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (lajna_case_record_get (self, fields[i].key),
                lajna_case_record_get (other, fields[i].key)) != 0)
      g_ptr_array_add (differ, (gpointer) &fields[i]);
  return differ;
}

static void
write_value (LajnaJson            *json,
             const LajnaCaseField *field,
             const char           *value)
{
  GDate date;
  gint64 number;

  if (field->type == LAJNA_FIELD_TEXT)
    {
      lajna_json_string (json, value);
      return;
    }
  if (*value == '\0')
    {
      lajna_json_null (json);
      return;
    }
  switch (field->type)
    {
    case LAJNA_FIELD_DATE:
      lajna_parse_date (value, &date);
      lajna_json_date (json, &date);
      break;
    case LAJNA_FIELD_INT:
      if (g_ascii_string_to_signed (value, 10, 0, G_MAXINT32, &number, NULL))
        lajna_json_int (json, number);
      else
        lajna_json_null (json);
      break;
    case LAJNA_FIELD_LIST:
      {
        g_auto(GStrv) codes = g_strsplit (value, ",", -1);

        lajna_json_begin_array (json);
        for (guint i = 0; codes[i] != NULL; i++)
          lajna_json_string (json, codes[i]);
        lajna_json_end_array (json);
      }
      break;
    default:
      lajna_json_string (json, value);
      break;
    }
}

static void
write_record (const LajnaCaseRecord *self,
              LajnaJson             *json)
{
  const char * const *parties = lajna_case_parties_of (self->kind);
  guint n;
  const LajnaCaseField *fields = lajna_case_fields (self->kind, &n);

  lajna_json_begin_object (json);
  lajna_json_key (json, "committee_id");
  lajna_json_int (json, self->committee_id);
  lajna_json_member (json, "kind", self->kind);
  for (guint i = 0; i < n && strchr (fields[i].key, '.') == NULL; i++)
    {
      lajna_json_key (json, fields[i].key);
      write_value (json, &fields[i], lajna_case_record_get (self, fields[i].key));
    }
  for (guint p = 0; parties[p] != NULL; p++)
    {
      gsize prefix = strlen (parties[p]);

      lajna_json_key (json, parties[p]);
      lajna_json_begin_object (json);
      for (guint i = 0; i < n; i++)
        {
          if (strncmp (fields[i].key, parties[p], prefix) != 0 || fields[i].key[prefix] != '.')
            continue;
          lajna_json_key (json, fields[i].key + prefix + 1);
          write_value (json, &fields[i], lajna_case_record_get (self, fields[i].key));
        }
      lajna_json_end_object (json);
    }
  lajna_json_end_object (json);
}

/**
 * lajna_case_record_to_json:
 * @self: a record
 *
 * Returns: (transfer full): the record as lajna_case_create() and
 *   lajna_case_update() take it
 */
char *
lajna_case_record_to_json (const LajnaCaseRecord *self)
{
  LajnaJson *json = lajna_json_new ();

  write_record (self, json);
  return lajna_json_free_to_string (json);
}

/**
 * lajna_case_record_load:
 * @db: a connection
 * @id: a file id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file as it is now
 */
LajnaCaseRecord *
lajna_case_record_load (LajnaDb  *db,
                        gint64    id,
                        GError  **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text };
  g_autoptr(PGresult) file = NULL;
  g_autoptr(PGresult) values = NULL;
  g_autoptr(LajnaCaseRecord) self = NULL;

  if (!lajna_db_run (db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return NULL;
  file = lajna_db_exec_params (db,
      "SELECT committee_id, kind, file_number, status, row_version FROM case_file WHERE id = $1",
      1, params, error);
  if (file != NULL)
    values = lajna_db_exec_params (db, "SELECT key, value FROM lajna_case_values($1)",
                                   1, params, error);
  if (values == NULL || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return NULL;
    }
  if (PQntuples (file) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The file no longer exists."));
      return NULL;
    }

  self = lajna_case_record_new (PQgetvalue (file, 0, 1),
                                (int) g_ascii_strtoll (PQgetvalue (file, 0, 0), NULL, 10));
  self->id = id;
  self->file_number = g_strdup (PQgetvalue (file, 0, 2));
  self->status = g_strdup (PQgetvalue (file, 0, 3));
  self->row_version = (int) g_ascii_strtoll (PQgetvalue (file, 0, 4), NULL, 10);
  for (int i = 0; i < PQntuples (values); i++)
    if (!PQgetisnull (values, i, 1))
      lajna_case_record_set (self, PQgetvalue (values, i, 0), PQgetvalue (values, i, 1));
  return g_steal_pointer (&self);
}

static char *
dup_batch_json (GPtrArray *records,
                guint      first,
                guint      count)
{
  LajnaJson *json = lajna_json_new ();

  lajna_json_begin_array (json);
  for (guint i = first; i < first + count; i++)
    write_record (g_ptr_array_index (records, i), json);
  lajna_json_end_array (json);
  return lajna_json_free_to_string (json);
}

static gboolean
register_batch (LajnaDb     *db,
                GPtrArray   *records,
                guint        first,
                guint        count,
                const char  *json,
                GError     **error)
{
  const char *params[] = { json };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT case_id, file_number FROM lajna_case_create($1::jsonb) ORDER BY ordinal",
      1, params, error);

  if (result == NULL)
    return FALSE;
  for (guint i = 0; i < count; i++)
    lajna_case_record_set_registered (g_ptr_array_index (records, first + i),
                                      PQgetvalue (result, (int) i, 0),
                                      PQgetvalue (result, (int) i, 1));
  return TRUE;
}

/**
 * lajna_case_record_set_registered:
 * @self: a new file
 * @id: the id the database gave it, as text
 * @file_number: its file number
 *
 * Makes @self the file as it was registered: its first version.
 */
void
lajna_case_record_set_registered (LajnaCaseRecord *self,
                                  const char      *id,
                                  const char      *file_number)
{
  self->id = g_ascii_strtoll (id, NULL, 10);
  g_free (self->file_number);
  self->file_number = g_strdup (file_number);
  g_free (self->status);
  self->status = g_strdup ("registered");
  self->row_version = 1;
}

/**
 * lajna_case_record_register:
 * @db: a connection
 * @records: (element-type LajnaCaseRecord): new files, validated
 * @error: return location for a #GError
 *
 * Registers every file of @records in one transaction: all of them or,
 * on any error, none. Each record gets its id and file number. (A
 * spreadsheet import registers its files through lajna-case-bulk.c.)
 *
 * Returns: whether the files were registered
 */
gboolean
lajna_case_record_register (LajnaDb    *db,
                            GPtrArray  *records,
                            GError    **error)
{
  if (!lajna_db_run (db, "BEGIN", error))
    return FALSE;
  for (guint first = 0; first < records->len; first += REGISTER_BATCH)
    {
      guint count = MIN (REGISTER_BATCH, records->len - first);
      g_autofree char *json = dup_batch_json (records, first, count);

      if (!register_batch (db, records, first, count, json, error))
        {
          lajna_db_run (db, "ROLLBACK", NULL);
          for (guint i = 0; i < records->len; i++)
            ((LajnaCaseRecord *) g_ptr_array_index (records, i))->id = 0;
          return FALSE;
        }
    }
  return lajna_db_run (db, "COMMIT", error);
}

/**
 * lajna_case_record_save:
 * @db: a connection
 * @self: a file, validated
 * @error: return location for a #GError
 *
 * Registers a new file, or saves an edited one if nobody saved it since
 * it was read: otherwise fails with %LAJNA_DB_ERROR_STALE and writes
 * nothing, so that the person can compare and choose. On success the
 * record holds the new row version.
 *
 * Returns: whether the file was saved
 */
gboolean
lajna_case_record_save (LajnaDb          *db,
                        LajnaCaseRecord  *self,
                        GError          **error)
{
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *json = NULL;
  const char *params[3];
  g_autoptr(PGresult) result = NULL;

  if (self->id == 0)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, self);
      return lajna_case_record_register (db, one, error);
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
  version = g_strdup_printf ("%d", self->row_version);
  json = lajna_case_record_to_json (self);
  params[0] = id;
  params[1] = version;
  params[2] = json;
  result = lajna_db_exec_params (db, "SELECT lajna_case_update($1, $2, $3::jsonb)",
                                 3, params, error);
  if (result == NULL)
    return FALSE;
  self->row_version = (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

/**
 * lajna_intake_candidate_anchor:
 * @candidate: a duplicate candidate found while a file is typed
 * @last_changed: (nullable): the key of the field typed last
 *
 * Where a form shows @candidate: next to the field being typed when that
 * field is of the candidate's party, otherwise next to that party's name.
 *
 * Returns: (transfer full): a field key of lajna_case_fields()
 */
char *
lajna_intake_candidate_anchor (const LajnaIntakeCandidate *candidate,
                               const char                 *last_changed)
{
  g_autofree char *prefix = g_strconcat (candidate->for_role, ".", NULL);

  if (last_changed != NULL && g_str_has_prefix (last_changed, prefix))
    return g_strdup (last_changed);
  return g_strconcat (prefix, "name", NULL);
}

void
lajna_intake_candidate_free (LajnaIntakeCandidate *candidate)
{
  g_free (candidate->for_role);
  g_free (candidate->file_number);
  g_free (candidate->title);
  g_free (candidate->reason);
  g_free (candidate->earlier_outcome);
  g_free (candidate);
}

/**
 * lajna_case_record_find_duplicates:
 * @db: a connection
 * @self: a file being entered or edited
 * @threshold: the least name similarity (0–1) that makes a candidate
 * @error: return location for a #GError
 *
 * The files on which a person like one of @self's parties already
 * appears, by national number, passport, or a similar name with the same
 * birth date; @self itself is left out.
 *
 * Returns: (transfer full) (element-type LajnaIntakeCandidate) (nullable):
 *   the candidates, the surest first
 */
GPtrArray *
lajna_case_record_find_duplicates (LajnaDb               *db,
                                   const LajnaCaseRecord *self,
                                   double                 threshold,
                                   GError               **error)
{
  g_autofree char *json = lajna_case_record_to_json (self);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
  char limit[G_ASCII_DTOSTR_BUF_SIZE];
  const char *params[] = { json, g_ascii_dtostr (limit, sizeof limit, threshold), id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT p.key, d.case_id, d.file_number, d.title, d.reason, d.score, d.earlier_outcome"
      "  FROM jsonb_each($1::jsonb) p"
      "  CROSS JOIN LATERAL lajna_intake_duplicates(p.value, $2::real) d"
      " WHERE jsonb_typeof(p.value) = 'object' AND d.case_id <> $3::bigint"
      " ORDER BY d.score DESC, d.case_id DESC LIMIT 50", 3, params, error);
  GPtrArray *candidates;

  if (result == NULL)
    return NULL;
  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_intake_candidate_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaIntakeCandidate *candidate = g_new0 (LajnaIntakeCandidate, 1);

      candidate->for_role = g_strdup (PQgetvalue (result, i, 0));
      candidate->case_id = g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10);
      candidate->file_number = g_strdup (PQgetvalue (result, i, 2));
      candidate->title = g_strdup (PQgetvalue (result, i, 3));
      candidate->reason = g_strdup (PQgetvalue (result, i, 4));
      candidate->score = g_ascii_strtod (PQgetvalue (result, i, 5), NULL);
      if (!PQgetisnull (result, i, 6))
        candidate->earlier_outcome = g_strdup (PQgetvalue (result, i, 6));
      g_ptr_array_add (candidates, candidate);
    }
  return candidates;
}

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return lajna_case_record_load (db, *(gint64 *) data, error);
}

/**
 * lajna_case_record_load_async:
 * @worker: the database worker
 * @id: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read; finish with lajna_case_record_load_finish()
 * @user_data: for @callback
 *
 * Reads the file as it is saved (lajna_case_record_load()) on the worker.
 */
void
lajna_case_record_load_async (LajnaDbWorker        *worker,
                              gint64                id,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  lajna_db_worker_run_async (worker, load_job, g_memdup2 (&id, sizeof id), g_free,
                             (GDestroyNotify) lajna_case_record_free, cancellable, callback,
                             user_data);
}

static gpointer
save_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  LajnaCaseRecord *record = data;

  if (!lajna_case_record_save (db, record, error))
    return NULL;
  return lajna_case_record_copy (record);
}

/**
 * lajna_case_record_save_async:
 * @worker: the database worker
 * @self: the file as written, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once saved; finish with lajna_case_record_load_finish()
 * @user_data: for @callback
 *
 * Registers a new file or saves an edited one (lajna_case_record_save())
 * on the worker; a file saved elsewhere since it was read is refused with
 * %LAJNA_DB_ERROR_STALE.
 */
void
lajna_case_record_save_async (LajnaDbWorker          *worker,
                              const LajnaCaseRecord  *self,
                              GCancellable           *cancellable,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  lajna_db_worker_run_async (worker, save_job, lajna_case_record_copy (self),
                             (GDestroyNotify) lajna_case_record_free,
                             (GDestroyNotify) lajna_case_record_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_record_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file as read, or as saved
 *   (with its id and number once registered)
 */
LajnaCaseRecord *
lajna_case_record_load_finish (LajnaDbWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* The file as typed, and how alike a person must be to be shown. */
typedef struct
{
  LajnaCaseRecord *record;
  double           threshold;
} DuplicateSearch;

static void
duplicate_search_free (DuplicateSearch *search)
{
  lajna_case_record_free (search->record);
  g_free (search);
}

static gpointer
duplicates_job (LajnaDb       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  DuplicateSearch *search = data;

  return lajna_case_record_find_duplicates (db, search->record, search->threshold, error);
}

/**
 * lajna_case_record_find_duplicates_async:
 * @worker: the database worker
 * @self: the file as typed, copied
 * @threshold: how alike a person must be to be shown
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once searched
 * @user_data: for @callback
 *
 * Looks for the people the file's parties may be
 * (lajna_case_record_find_duplicates()) on the worker.
 */
void
lajna_case_record_find_duplicates_async (LajnaDbWorker          *worker,
                                         const LajnaCaseRecord  *self,
                                         double                  threshold,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data)
{
  DuplicateSearch *search = g_new0 (DuplicateSearch, 1);

  search->record = lajna_case_record_copy (self);
  search->threshold = threshold;
  lajna_db_worker_run_async (worker, duplicates_job, search,
                             (GDestroyNotify) duplicate_search_free,
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_record_find_duplicates_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaIntakeCandidate) (nullable):
 *   the people found, best first
 */
GPtrArray *
lajna_case_record_find_duplicates_finish (LajnaDbWorker  *worker,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
