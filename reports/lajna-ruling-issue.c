/* lajna-ruling-issue.c: rulings put on record. Issuing one gives it the
 * next number of its committee's year (lajna_ruling_issue() in
 * 0022-ruling-custody.sql) and seals it, in one transaction: its content
 * is frozen and the code of its QR code made by the database with the
 * committee's key; its PDF is laid out with that code, the same bytes
 * whenever it is laid out, kept as issued and sealed by the database too
 * (0024-ruling-pdf-seal.sql, lajna-seal.c), before the number is
 * committed, so that numbers have no gap, none is given twice, and no
 * ruling is on record unsealed (the database refuses to commit one),
 * whatever workstations issue at once. A correction is a new version of
 * the same number, sealed the same way. A ruling issued before seals
 * existed, or sealed the earlier way, is sealed when it is first
 * printed. */

#include "lajna-ruling-issue.h"

#include <glib/gi18n-lib.h>

#include "lajna-pdf-writer.h"
#include "lajna-ruling-content.h"
#include "lajna-ruling.h"
#include "lajna-text.h"

/* The bytes of a bytea column of a result read in binary. */
static GBytes *
dup_bytes (const PGresult *result,
           int             row,
           int             column)
{
  return g_bytes_new (PQgetvalue (result, row, column), PQgetlength (result, row, column));
}

/* Seals @content, an issued ruling just read, in the caller's transaction,
 * unless its PDF is sealed: its content frozen and its code made
 * (lajna_ruling_seal()), then its PDF laid out with the code, kept and
 * sealed (lajna_ruling_seal_pdf()). @content then holds its code and PDF
 * seal, or neither when another workstation sealed it meanwhile (its seal
 * stands, and the ruling is to be read again). */
static gboolean
seal_content (LajnaDb             *db,
              LajnaRulingContent  *content,
              GError             **error)
{
  g_autoptr(LajnaPdfWriter) writer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PGresult) sealed = NULL;
  g_autoptr(PGresult) pdf_sealed = NULL;
  g_autofree char *frozen = NULL, *id = NULL;

  if (content->ruling_id == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   _("The ruling is not issued yet: issue it first."));
      return FALSE;
    }
  if (content->pdf_seal != NULL)
    return TRUE;
  frozen = lajna_ruling_content_freeze (content);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, content->ruling_id);
  sealed = lajna_db_exec_params (db, "SELECT lajna_ruling_seal($1, $2::jsonb)", 2,
                                 (const char *[]) { id, frozen }, error);
  if (sealed == NULL)
    return FALSE;
  g_clear_pointer (&content->seal, g_free);
  if (PQgetisnull (sealed, 0, 0))
    return TRUE;
  content->seal = lajna_db_dup_value (sealed, 0, 0);
  writer = lajna_ruling_lay_out (content);
  if ((pdf = lajna_pdf_writer_write_bytes (writer, error)) == NULL)
    return FALSE;
  {
    const char *values[] = { id, g_bytes_get_data (pdf, NULL) };
    const int lengths[] = { 0, (int) g_bytes_get_size (pdf) };
    const int formats[] = { 0, 1 };

    pdf_sealed = lajna_db_exec_binary (db, "SELECT lajna_ruling_seal_pdf($1, $2)", 2, values,
                                       lengths, formats, FALSE, error);
  }
  if (pdf_sealed == NULL)
    return FALSE;
  content->pdf_seal = lajna_db_dup_value (pdf_sealed, 0, 0);
  return TRUE;
}

/* Runs @sql (its first parameter the file) and seals the ruling it
 * makes, in one transaction. */
static gint64
put_on_record (LajnaDb            *db,
               const char         *sql,
               int                 n_params,
               const char * const *params,
               gint64              case_id,
               GError            **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(LajnaRulingContent) content = NULL;
  gint64 ruling = 0;

  if (!lajna_db_run (db, "BEGIN", error))
    return 0;
  result = lajna_db_exec_params (db, sql, n_params, (const char **) params, error);
  if (result != NULL && PQntuples (result) == 0)
    g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                 _("The file has no decision to issue a ruling for."));
  else if (result != NULL)
    ruling = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  if (ruling != 0)
    content = lajna_ruling_content_load (db, case_id, error);
  if (content == NULL || !seal_content (db, content, error)
      || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return 0;
    }
  return ruling;
}

/**
 * lajna_ruling_issue:
 * @db: a connection
 * @case_id: the file
 * @issued_on: (nullable): the day, YYYY-MM-DD; %NULL for today
 * @error: return location for a #GError
 *
 * Issues and seals the ruling of the decision in force on the file.
 *
 * Returns: the ruling's id, 0 on failure (and then no number is taken)
 */
gint64
lajna_ruling_issue (LajnaDb     *db,
                    gint64       case_id,
                    const char  *issued_on,
                    GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  return put_on_record (db,
      "SELECT lajna_ruling_issue(d.id, coalesce($2::date, current_date)) FROM decision_now d"
      " WHERE d.case_id = $1 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1",
      2, (const char * const[]) { id, issued_on }, case_id, error);
}

/**
 * lajna_ruling_correct:
 * @db: a connection
 * @case_id: the file whose ruling is corrected
 * @reason: why
 * @issued_on: (nullable): the day of the new version; %NULL for today
 * @error: return location for a #GError
 *
 * Issues and seals a corrected version of the file's ruling: the same
 * number, the next version, for the decision in force now. The version it
 * corrects stays on record.
 *
 * Returns: the new version's id, 0 on failure
 */
gint64
lajna_ruling_correct (LajnaDb     *db,
                      gint64       case_id,
                      const char  *reason,
                      const char  *issued_on,
                      GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *why = lajna_strip_bidi (reason);

  return put_on_record (db,
      "SELECT lajna_ruling_correct(r, $2, coalesce($3::date, current_date))"
      "  FROM (SELECT lajna_decision_ruling(d.id) r FROM decision_now d WHERE d.case_id = $1"
      "         ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) l WHERE r IS NOT NULL",
      3, (const char * const[]) { id, why, issued_on }, case_id, error);
}

/**
 * lajna_ruling_seal:
 * @db: a connection, as one who may issue rulings
 * @content: an issued ruling, just read, its PDF not sealed yet (one
 *   issued before seals existed, or sealed the earlier way)
 * @error: return location for a #GError
 *
 * Seals the ruling: its text as it prints today is frozen (or, sealed the
 * earlier way, the text it was frozen with), and its PDF kept as issued.
 * @content then holds its seals; when another workstation sealed it
 * meanwhile, it holds none, and the ruling is to be read again.
 *
 * Returns: whether the ruling is sealed, here or by another workstation
 */
gboolean
lajna_ruling_seal (LajnaDb             *db,
                   LajnaRulingContent  *content,
                   GError             **error)
{
  if (!lajna_db_run (db, "BEGIN", error))
    return FALSE;
  if (!seal_content (db, content, error) || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_ruling_seal_keys:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GBytes) (nullable): the public
 *   seal keys rulings are checked against: every committee's, those in use
 *   and those retired
 */
GPtrArray *
lajna_ruling_seal_keys (LajnaDb  *db,
                        GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_binary (db,
      "SELECT public_key FROM seal_public_key ORDER BY id", 0, NULL, NULL, NULL, TRUE, error);
  GPtrArray *keys;

  if (result == NULL)
    return NULL;
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (keys, dup_bytes (result, i, 0));
  return keys;
}
