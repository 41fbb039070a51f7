/* lajna-case-bulk.c: many files registered in one transaction.
 *
 * A spreadsheet import registers its files in batches while it reads the
 * rest of the sheet. Each batch is streamed with COPY into the session's
 * staging table and registered there by one call (0032-bulk-intake.sql),
 * with the caller's rights: the rows meet the checks a form's file meets,
 * without the cost of writing and parsing JSON. Nothing is seen by anyone
 * else until the commit; a bulk freed before it rolls everything back,
 * file numbers included.
 */

#include "lajna-case-bulk.h"

#include "lajna-db-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _LajnaCaseBulk
{
  LajnaDb  *db;
  GString  *rows;
  /* Files sent so far: the ordinals of the next batch follow them. */
  guint     n_sent;
  gboolean  open;
};

/* The staging table's columns besides ordinal, committee and kind, and
 * for each kind of file the field each is read from (none: SQL NULL). A
 * party's field goes to the first_ or second_ column by the party's place
 * in lajna_case_parties_of(). */
typedef struct
{
  char                  *copy_sql;
  guint                  n_columns;
  const LajnaCaseField **marriage;
  const LajnaCaseField **juvenile;
} Columns;

static char *
column_of (const char *kind,
           const char *key)
{
  const char *first = lajna_case_parties_of (kind)[0];
  const char *dot = strchr (key, '.');
  gboolean of_first;

  if (dot == NULL)
    return g_strdup (key);
  of_first = strlen (first) == (gsize) (dot - key) && strncmp (key, first, dot - key) == 0;
  return g_strconcat (of_first ? "first_" : "second_", dot + 1, NULL);
}

static void
add_kind (GPtrArray  *names,
          GPtrArray  *by_kind[2],
          guint       k,
          const char *kind)
{
  guint n;
  const LajnaCaseField *fields = lajna_case_fields (kind, &n);

  for (guint i = 0; i < n; i++)
    {
      char *name = column_of (kind, fields[i].key);
      guint at;

      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, &at))
        {
          at = names->len;
          g_ptr_array_add (names, g_strdup (name));
          g_ptr_array_add (by_kind[0], NULL);
          g_ptr_array_add (by_kind[1], NULL);
        }
      by_kind[k]->pdata[at] = (gpointer) &fields[i];
      g_free (name);
    }
}

static const Columns *
columns (void)
{
  static Columns c;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      GPtrArray *by_kind[2] = { g_ptr_array_new (), g_ptr_array_new () };
      g_autofree char *list = NULL;

      add_kind (names, by_kind, 0, "marriage");
      add_kind (names, by_kind, 1, "juvenile");
      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **) names->pdata);
      c.copy_sql = g_strdup_printf ("COPY pg_temp.lajna_case_staging"
                                    " (ordinal, committee_id, kind, %s) FROM STDIN", list);
      c.n_columns = by_kind[0]->len;
      c.marriage = (const LajnaCaseField **) g_ptr_array_free (by_kind[0], FALSE);
      c.juvenile = (const LajnaCaseField **) g_ptr_array_free (by_kind[1], FALSE);
      g_once_init_leave (&ready, 1);
    }
  return &c;
}

/* A list of codes as an array literal, each element quoted. */
static void
append_list (GString    *out,
             const char *value)
{
  g_auto(GStrv) codes = g_strsplit (value, ",", -1);
  g_autoptr(GString) literal = g_string_new ("{");

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_string_append (literal, i > 0 ? ",\"" : "\"");
      for (const char *p = codes[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (literal, '\\');
          g_string_append_c (literal, *p);
        }
      g_string_append_c (literal, '"');
    }
  g_string_append_c (literal, '}');
  lajna_db_copy_append_text (out, literal->str);
}

/* A value as lajna_case_record_to_json() hands it over: a text as it is,
 * anything else empty, or not a value of its type, as SQL NULL. */
static void
append_value (GString              *out,
              const LajnaCaseField *field,
              const char           *value)
{
  GDate date;
  gint64 number;

  if (field != NULL && field->type == LAJNA_FIELD_TEXT)
    lajna_db_copy_append_text (out, value);
  else if (field == NULL || *value == '\0')
    g_string_append (out, "\\N");
  else if (field->type == LAJNA_FIELD_DATE)
    {
      if (lajna_parse_date (value, &date))
        g_string_append_printf (out, "%04u-%02u-%02u", g_date_get_year (&date),
                                g_date_get_month (&date), g_date_get_day (&date));
      else
        g_string_append (out, "\\N");
    }
  else if (field->type == LAJNA_FIELD_INT)
    {
      if (g_ascii_string_to_signed (value, 10, 0, G_MAXINT32, &number, NULL))
        g_string_append_printf (out, "%" G_GINT64_FORMAT, number);
      else
        g_string_append (out, "\\N");
    }
  else if (field->type == LAJNA_FIELD_LIST)
    append_list (out, value);
  else
    lajna_db_copy_append_text (out, value);
}

static void
append_record (GString               *out,
               const LajnaCaseRecord *record,
               guint                  ordinal)
{
  const Columns *c = columns ();
  const LajnaCaseField **fields = strcmp (record->kind, "juvenile") == 0 ? c->juvenile
                                                                          : c->marriage;

  g_string_append_printf (out, "%u\t%d\t", ordinal, record->committee_id);
  lajna_db_copy_append_text (out, record->kind);
  for (guint i = 0; i < c->n_columns; i++)
    {
      g_string_append_c (out, '\t');
      append_value (out, fields[i],
                    fields[i] != NULL ? lajna_case_record_get (record, fields[i]->key) : NULL);
    }
  g_string_append_c (out, '\n');
}

/**
 * lajna_case_bulk_begin:
 * @db: a connection, outside a transaction
 * @error: return location for a #GError
 *
 * Opens a transaction in which files are registered in batches with
 * lajna_case_bulk_register(), until lajna_case_bulk_commit().
 *
 * Returns: (transfer full) (nullable): the bulk registration
 */
LajnaCaseBulk *
lajna_case_bulk_begin (LajnaDb  *db,
                       GError  **error)
{
  LajnaCaseBulk *self;

  if (!lajna_db_run (db, "BEGIN", error))
    return NULL;
  self = g_new0 (LajnaCaseBulk, 1);
  self->db = g_object_ref (db);
  self->rows = g_string_new (NULL);
  self->open = TRUE;
  if (!lajna_db_run (db, "SELECT lajna_case_staging_open()", error))
    g_clear_pointer (&self, lajna_case_bulk_free);
  return self;
}

/**
 * lajna_case_bulk_register:
 * @self: a bulk registration
 * @records: (element-type LajnaCaseRecord): new files, validated
 * @error: return location for a #GError
 *
 * Registers @records, numbered after the files registered before them in
 * this transaction. Each record gets its id and file number. After an
 * error the transaction is lost: free @self.
 *
 * Returns: whether the files were registered
 */
gboolean
lajna_case_bulk_register (LajnaCaseBulk  *self,
                          GPtrArray      *records,
                          GError        **error)
{
  g_autoptr(PGresult) result = NULL;

  g_string_truncate (self->rows, 0);
  for (guint i = 0; i < records->len; i++)
    append_record (self->rows, g_ptr_array_index (records, i), self->n_sent + i + 1);
  if (!lajna_db_copy_begin (self->db, columns ()->copy_sql, error)
      || !lajna_db_copy_put (self->db, self->rows->str, self->rows->len, error)
      || !lajna_db_copy_end (self->db, error))
    return FALSE;
  result = lajna_db_exec (self->db,
      "SELECT ordinal, case_id, file_number FROM lajna_case_create_staged()", error);
  if (result == NULL)
    return FALSE;
  if ((guint) PQntuples (result) != records->len)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   _("The database registered %d of %u files; nothing was imported."),
                   PQntuples (result), records->len);
      return FALSE;
    }

  for (int row = 0; row < PQntuples (result); row++)
    {
      guint ordinal = (guint) g_ascii_strtoull (PQgetvalue (result, row, 0), NULL, 10);

      lajna_case_record_set_registered (g_ptr_array_index (records, ordinal - self->n_sent - 1),
                                        PQgetvalue (result, row, 1), PQgetvalue (result, row, 2));
    }
  self->n_sent += records->len;
  return TRUE;
}

/**
 * lajna_case_bulk_commit:
 * @self: a bulk registration
 * @error: return location for a #GError
 *
 * Returns: whether every file registered is now written
 */
gboolean
lajna_case_bulk_commit (LajnaCaseBulk  *self,
                        GError        **error)
{
  self->open = FALSE;
  return lajna_db_run (self->db, "COMMIT", error);
}

/**
 * lajna_case_bulk_free:
 * @self: (nullable): a bulk registration
 *
 * Frees @self; if it was not committed, nothing it registered is written.
 */
void
lajna_case_bulk_free (LajnaCaseBulk *self)
{
  if (self == NULL)
    return;
  if (self->open)
    lajna_db_run (self->db, "ROLLBACK", NULL);
  g_object_unref (self->db);
  g_string_free (self->rows, TRUE);
  g_free (self);
}
