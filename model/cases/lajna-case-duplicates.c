/* lajna-case-duplicates.c: duplicate candidates of a file's parties
 * across both committees (the rules live in SQL, lajna_case_duplicates()
 * in model/db/sql/0005-duplicates.sql), best first; two candidates side by
 * side, and a clerk's verdict on them. */

#include "lajna-case-duplicates.h"

#include <glib/gi18n-lib.h>

#include "lajna-db-private.h"
#include "lajna-labels.h"
#include "lajna-text.h"

static void
duplicate_free (LajnaDuplicate *duplicate)
{
  g_free (duplicate->file_number);
  g_free (duplicate->title);
  g_free (duplicate->role);
  g_free (duplicate->reason);
  g_free (duplicate->earlier_outcome);
  g_free (duplicate);
}

/**
 * lajna_case_duplicates_fetch:
 * @db: a connection
 * @case_id: the file
 * @threshold: the least name similarity (0–1) that makes a candidate
 * @error: return location for a #GError
 *
 * Telling duplicates apart takes identity numbers: for a person who does
 * not read them, there are none to show.
 *
 * Returns: (transfer full) (element-type LajnaDuplicate) (nullable): the
 *   candidates, the surest first
 */
GPtrArray *
lajna_case_duplicates_fetch (LajnaDb  *db,
                             gint64    case_id,
                             double    threshold,
                             GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  char limit[G_ASCII_DTOSTR_BUF_SIZE];
  const char *params[] = { id, g_ascii_dtostr (limit, sizeof limit, threshold) };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *duplicates = NULL;

  if (!lajna_db_sees (db, LAJNA_DB_SIGHT_NUMBERS))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  result = lajna_db_exec_params (db,
      "SELECT d.other_case_id, c.file_number, c.title, d.role, d.reason, d.score,"
      "       d.person_id, d.other_person_id,"
      /* As lajna_case_earlier_decisions() in 0018, at this threshold. */
      "       (SELECT e.outcome FROM decision_now e"
      "         WHERE e.case_id = d.other_case_id"
      "           AND e.outcome IN ('reject', 'defer', 'refer_to_court')"
      "         ORDER BY e.decided_on DESC, e.id DESC LIMIT 1)"
      "  FROM lajna_case_duplicates($1, $2::real) d JOIN case_file c ON c.id = d.other_case_id"
      " ORDER BY d.score DESC, c.received_on DESC, c.id", 2, params, error);
  if (result == NULL)
    return NULL;

  duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaDuplicate *duplicate = g_new0 (LajnaDuplicate, 1);

      duplicate->case_id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      duplicate->file_number = g_strdup (PQgetvalue (result, i, 1));
      duplicate->title = g_strdup (PQgetvalue (result, i, 2));
      duplicate->role = g_strdup (PQgetvalue (result, i, 3));
      duplicate->reason = g_strdup (PQgetvalue (result, i, 4));
      duplicate->score = g_ascii_strtod (PQgetvalue (result, i, 5), NULL);
      duplicate->person_id = g_ascii_strtoll (PQgetvalue (result, i, 6), NULL, 10);
      duplicate->other_person_id = g_ascii_strtoll (PQgetvalue (result, i, 7), NULL, 10);
      if (!PQgetisnull (result, i, 8))
        duplicate->earlier_outcome = g_strdup (PQgetvalue (result, i, 8));
      g_ptr_array_add (duplicates, duplicate);
    }
  return duplicates;
}

static void
compared_fact_free (LajnaComparedFact *fact)
{
  g_free (fact->value);
  g_free (fact->other_value);
  g_free (fact);
}

/* The columns of the query below, in order; a coded one is shown by its
 * label. */
static const struct
{
  const char *label;
  gboolean    coded;
} person_columns[] = {
  { N_("Name"), FALSE },
  { N_("Name in Latin letters"), FALSE },
  { N_("Sex"), TRUE },
  { N_("Birth date"), FALSE },
  { N_("Nationality"), FALSE },
  { N_("National number"), FALSE },
  { N_("Passport number"), FALSE },
  { N_("Passport expiry"), FALSE },
};

static int
row_of (PGresult   *result,
        const char *id)
{
  for (int i = 0; i < PQntuples (result); i++)
    {
      if (g_str_equal (PQgetvalue (result, i, 0), id))
        return i;
    }
  return -1;
}

static char *
value_at (PGresult *result,
          int       row,
          guint     column)
{
  const char *value = PQgetvalue (result, row, column + 1);

  return g_strdup (person_columns[column].coded ? lajna_label_for (value) : value);
}

/**
 * lajna_duplicate_compare:
 * @db: a connection
 * @person_id: a party of the file being looked at
 * @other_person_id: the candidate on the other file (may be @person_id
 *   itself when the same person is a party of both files)
 * @error: return location for a #GError; %LAJNA_DB_ERROR_NOT_FOUND when
 *   either person does not exist
 *
 * Returns: (transfer full) (element-type LajnaComparedFact) (nullable):
 *   both people's identity, fact by fact
 */
GPtrArray *
lajna_duplicate_compare (LajnaDb  *db,
                         gint64    person_id,
                         gint64    other_person_id,
                         GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  g_autofree char *other_id = g_strdup_printf ("%" G_GINT64_FORMAT, other_person_id);
  const char *params[] = { id, other_id, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT p.id, p.full_name, p.latin_name, p.sex, p.birth_date::text,"
      "       CASE WHEN $3::boolean THEN c.name_ar ELSE c.name_en END,"
      "       p.national_number, p.passport_number, p.passport_expiry::text"
      "  FROM person p JOIN country c ON c.code = p.nationality"
      " WHERE p.id IN ($1, $2)", 3, params, error);
  GPtrArray *facts;
  int row, other_row;

  if (result == NULL)
    return NULL;
  row = row_of (result, id);
  other_row = row_of (result, other_id);
  if (row < 0 || other_row < 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("One of the two people no longer exists. Read the file again."));
      return NULL;
    }

  facts = g_ptr_array_new_with_free_func ((GDestroyNotify) compared_fact_free);
  for (guint i = 0; i < G_N_ELEMENTS (person_columns); i++)
    {
      LajnaComparedFact *fact = g_new0 (LajnaComparedFact, 1);

      fact->label = _(person_columns[i].label);
      fact->value = value_at (result, row, i);
      fact->other_value = value_at (result, other_row, i);
      g_ptr_array_add (facts, fact);
    }
  return facts;
}

/**
 * lajna_duplicate_mark:
 * @db: a connection
 * @person_id: a party of one file
 * @other_person_id: the candidate on the other file
 * @same_person: the clerk's verdict: the same person (the files are
 *   linked), or not a duplicate (the candidate is not offered again)
 * @error: return location for a #GError
 *
 * Records the verdict; a later one on the same pair replaces it.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_duplicate_mark (LajnaDb   *db,
                      gint64     person_id,
                      gint64     other_person_id,
                      gboolean   same_person,
                      GError   **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  g_autofree char *other_id = g_strdup_printf ("%" G_GINT64_FORMAT, other_person_id);
  const char *params[] = { id, other_id, same_person ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_mark_duplicate($1, $2, $3)", 3, params, error);

  return result != NULL;
}

/* Two people, and whether they are one. */
typedef struct
{
  gint64   person_id;
  gint64   other_person_id;
  gboolean same_person;
} Pair;

static Pair *
pair_new (gint64   person_id,
          gint64   other_person_id,
          gboolean same_person)
{
  Pair pair = { person_id, other_person_id, same_person };

  return g_memdup2 (&pair, sizeof pair);
}

static gpointer
compare_job (LajnaDb       *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Pair *pair = data;

  return lajna_duplicate_compare (db, pair->person_id, pair->other_person_id, error);
}

/**
 * lajna_duplicate_compare_async:
 * @worker: the database worker
 * @person_id: a person
 * @other_person_id: another, who may be the same
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the two side by side (lajna_duplicate_compare()) on the worker.
 */
void
lajna_duplicate_compare_async (LajnaDbWorker        *worker,
                               gint64                person_id,
                               gint64                other_person_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  lajna_db_worker_run_async (worker, compare_job, pair_new (person_id, other_person_id, FALSE),
                             g_free, (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_duplicate_compare_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaComparedFact) (nullable):
 *   their facts side by side
 */
GPtrArray *
lajna_duplicate_compare_finish (LajnaDbWorker  *worker,
                                GAsyncResult   *result,
                                GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

static gpointer
mark_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Pair *pair = data;

  return lajna_duplicate_mark (db, pair->person_id, pair->other_person_id, pair->same_person,
                               error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_duplicate_mark_async:
 * @worker: the database worker
 * @person_id: a person
 * @other_person_id: another
 * @same_person: whether they are one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once recorded
 * @user_data: for @callback
 *
 * Records the verdict on the pair (lajna_duplicate_mark()) on the worker.
 */
void
lajna_duplicate_mark_async (LajnaDbWorker        *worker,
                            gint64                person_id,
                            gint64                other_person_id,
                            gboolean              same_person,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  lajna_db_worker_run_async (worker, mark_job,
                             pair_new (person_id, other_person_id, same_person), g_free, NULL,
                             cancellable, callback, user_data);
}

/**
 * lajna_duplicate_mark_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the verdict was recorded
 */
gboolean
lajna_duplicate_mark_finish (LajnaDbWorker  *worker,
                             GAsyncResult   *result,
                             GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
