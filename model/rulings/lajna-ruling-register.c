/* lajna-ruling-register.c: the register of rulings: every version of the
 * rulings of the committees the person sees, by number, and the decision
 * in force on a file with its ruling (lajna_case_decision() and
 * lajna_decision_ruling() in the schema). Members, rapporteurs and
 * administrators read a ruling's number, day and version but not its
 * text or PDF (0022-ruling-custody.sql), so nothing here reads those
 * columns: a ruling counts as signed once its signed PDF's digest is on
 * record. */

#include "lajna-ruling-register.h"

#include "lajna-db-private.h"
#include "lajna-text.h"

/* A ruling's columns, read by read_entry(); $1 says whether the
 * committee's name is the Arabic one. */
#define ENTRY_COLUMNS \
  "r.id, r.committee_id, CASE WHEN $1::boolean THEN k.name_ar ELSE k.name_en END," \
  " r.number, r.year, r.version, r.issued_on::text, r.sha256 IS NOT NULL, d.case_id"

static gint64
int_value (const PGresult *result,
           int             row,
           int             column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

/* The ruling of ENTRY_COLUMNS from @column on; NULL when there is none. */
static LajnaRulingEntry *
read_entry (const PGresult *result,
            int             row,
            int             column)
{
  LajnaRulingEntry *entry;

  if (PQgetisnull (result, row, column))
    return NULL;
  entry = g_new0 (LajnaRulingEntry, 1);
  entry->id = int_value (result, row, column);
  entry->committee_id = (int) int_value (result, row, column + 1);
  entry->committee_name = lajna_db_dup_value (result, row, column + 2);
  entry->number = (int) int_value (result, row, column + 3);
  entry->year = (int) int_value (result, row, column + 4);
  entry->version = (int) int_value (result, row, column + 5);
  entry->issued_on = lajna_db_dup_value (result, row, column + 6);
  entry->is_signed = *PQgetvalue (result, row, column + 7) == 't';
  entry->case_id = int_value (result, row, column + 8);
  return entry;
}

/**
 * lajna_ruling_register_list:
 * @db: a connection
 * @committee_id: a committee, or 0 for all the person sees
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaRulingEntry) (nullable):
 *   every version of every ruling, the latest year first, then by number
 *   and version
 */
GPtrArray *
lajna_ruling_register_list (LajnaDb  *db,
                            int       committee_id,
                            GError  **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { lajna_prefer_arabic () ? "t" : "f", committee };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT " ENTRY_COLUMNS
      "  FROM ruling r JOIN committee k ON k.id = r.committee_id"
      "  JOIN decision d ON d.id = r.decision_id"
      " WHERE $2::integer = 0 OR r.committee_id = $2::integer"
      " ORDER BY r.year DESC, r.committee_id, r.number DESC, r.version DESC", 2, params, error);
  GPtrArray *entries;

  if (result == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_ruling_entry_free);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (entries, read_entry (result, i, 0));
  return entries;
}

/**
 * lajna_ruling_register_in_force:
 * @db: a connection
 * @case_id: the file
 * @decision: (out) (transfer full) (nullable): the decision in force on
 *   the file with its ruling, %NULL when the file has none (or is not
 *   one the person sees)
 * @error: return location for a #GError
 *
 * Returns: whether it was read
 */
gboolean
lajna_ruling_register_in_force (LajnaDb               *db,
                                gint64                 case_id,
                                LajnaDecisionInForce **decision,
                                GError               **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { lajna_prefer_arabic () ? "t" : "f", id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT d.id, d.outcome, d.decided_on::text, " ENTRY_COLUMNS
      "  FROM decision d"
      "  LEFT JOIN ruling r ON r.id = lajna_decision_ruling(d.id)"
      "  LEFT JOIN committee k ON k.id = r.committee_id"
      " WHERE d.id = lajna_case_decision($2::bigint)", 2, params, error);

  *decision = NULL;
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  *decision = g_new0 (LajnaDecisionInForce, 1);
  (*decision)->id = int_value (result, 0, 0);
  (*decision)->outcome = lajna_db_dup_value (result, 0, 1);
  (*decision)->decided_on = lajna_db_dup_value (result, 0, 2);
  (*decision)->ruling = read_entry (result, 0, 3);
  return TRUE;
}

void
lajna_ruling_entry_free (LajnaRulingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->committee_name);
  g_free (entry->issued_on);
  g_free (entry);
}

void
lajna_decision_in_force_free (LajnaDecisionInForce *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->outcome);
  g_free (decision->decided_on);
  lajna_ruling_entry_free (decision->ruling);
  g_free (decision);
}
