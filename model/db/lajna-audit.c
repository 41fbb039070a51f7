/* lajna-audit.c: the audit trail, as its readers check it.
 *
 * Events are appended by the database function lajna_audit() in the
 * transaction of what they record (0011-audit-chain.sql). Verifying walks
 * the chain in id order, a batch at a time, inside one snapshot: the
 * server says whether each event's hash covers its content, and here each
 * event's previous hash is compared with the hash of the event before it,
 * and the last with the head the database keeps.
 */

#include "lajna-audit.h"

#include "lajna-db-private.h"

#include <string.h>

/* Events read at a time: a million events stay within a few megabytes. */
#define VERIFY_BATCH 50000

/**
 * lajna_audit_append:
 * @db: a connection
 * @action: what was done, such as "case.open"
 * @object: on what kind of object, such as "case_file"
 * @object_id: which one, or 0
 * @error: return location for a #GError
 *
 * Appends an event in the connection's current transaction (its own, when
 * none is open).
 *
 * Returns: the event's id, 0 on error
 */
gint64
lajna_audit_append (LajnaDb     *db,
                    const char  *action,
                    const char  *object,
                    gint64       object_id,
                    GError     **error)
{
  g_autofree char *id = object_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, object_id) : NULL;
  const char *params[] = { action, object, id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db, "SELECT lajna_audit($1, $2, $3::bigint)",
                                                     3, params, error);

  return result != NULL ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
}

static gboolean
same_hash (PGresult   *result,
           int         row,
           int         column,
           const char *hash)
{
  if (PQgetisnull (result, row, column))
    return hash == NULL;
  return hash != NULL && strcmp (PQgetvalue (result, row, column), hash) == 0;
}

static gboolean
walk_chain (LajnaDb           *db,
            LajnaAuditReport  *report,
            char             **last_hash,
            GError           **error)
{
  gint64 after = 0;

  for (;;)
    {
      g_autofree char *after_text = g_strdup_printf ("%" G_GINT64_FORMAT, after);
      g_autofree char *limit = g_strdup_printf ("%d", VERIFY_BATCH);
      const char *params[] = { after_text, limit };
      g_autoptr(PGresult) chain = lajna_db_exec_params (db,
          "SELECT id, prev_hash, hash, content_ok FROM lajna_audit_chain($1) LIMIT $2",
          2, params, error);
      int n;

      if (chain == NULL)
        return FALSE;
      n = PQntuples (chain);
      for (int i = 0; i < n; i++)
        {
          gint64 id = g_ascii_strtoll (PQgetvalue (chain, i, 0), NULL, 10);

          report->n_events++;
          if (!same_hash (chain, i, 1, *last_hash))
            report->result = LAJNA_AUDIT_LINK_BROKEN;
          else if (*PQgetvalue (chain, i, 3) != 't')
            report->result = LAJNA_AUDIT_CONTENT_CHANGED;
          if (report->result != LAJNA_AUDIT_INTACT)
            {
              report->event_id = id;
              return TRUE;
            }
          g_free (*last_hash);
          *last_hash = g_strdup (PQgetvalue (chain, i, 2));
          after = id;
        }
      if (n < VERIFY_BATCH)
        return TRUE;
    }
}

/**
 * lajna_audit_verify:
 * @db: a connection
 * @report: (out caller-allocates): what was found
 * @error: return location for a #GError
 *
 * Walks the whole audit trail and names the first event that is wrong.
 *
 * Returns: whether the trail could be read (intact or not: see @report)
 */
gboolean
lajna_audit_verify (LajnaDb           *db,
                    LajnaAuditReport  *report,
                    GError           **error)
{
  g_autofree char *last_hash = NULL;
  g_autoptr(PGresult) head = NULL;
  gboolean ok;

  memset (report, 0, sizeof *report);
  if (!lajna_db_run (db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  ok = walk_chain (db, report, &last_hash, error)
       && (head = lajna_db_exec (db, "SELECT last_id, last_hash FROM audit_head", error)) != NULL;
  lajna_db_run (db, "COMMIT", NULL);
  if (!ok)
    return FALSE;

  if (report->result == LAJNA_AUDIT_INTACT && PQntuples (head) == 1
      && !same_hash (head, 0, 1, last_hash))
    {
      report->result = LAJNA_AUDIT_END_MISSING;
      report->event_id = PQgetisnull (head, 0, 0) ? 0
                                                  : g_ascii_strtoll (PQgetvalue (head, 0, 0), NULL, 10);
    }
  return TRUE;
}
