/* lajna-case-duplicates.c: duplicate candidates of a file's parties
 * across both committees (the rules live in SQL, lajna_case_duplicates()
 * in model/sql/0005-duplicates.sql), best first. */

#include "lajna-case-duplicates.h"

static void
duplicate_free (LajnaDuplicate *duplicate)
{
  g_free (duplicate->file_number);
  g_free (duplicate->title);
  g_free (duplicate->role);
  g_free (duplicate->reason);
  g_free (duplicate);
}

/**
 * lajna_case_duplicates_fetch:
 * @db: a connection
 * @case_id: the file
 * @threshold: the least name similarity (0–1) that makes a candidate
 * @error: return location for a #GError
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
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT d.other_case_id, c.file_number, c.title, d.role, d.reason, d.score"
      "  FROM lajna_case_duplicates($1, $2::real) d JOIN case_file c ON c.id = d.other_case_id"
      " ORDER BY d.score DESC, c.received_on DESC, c.id", 2, params, error);
  GPtrArray *duplicates;

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
      g_ptr_array_add (duplicates, duplicate);
    }
  return duplicates;
}
