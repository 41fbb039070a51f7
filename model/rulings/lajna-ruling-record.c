/* lajna-ruling-record.c: rulings put on record. Issuing one gives it the
 * next number of its committee's year (lajna_ruling_issue() in
 * 0022-ruling-custody.sql) and seals it, in one transaction: its content
 * is frozen and the code of its QR code made by the database with the
 * committee's key; its PDF is laid out with that code, the same bytes
 * whenever it is laid out, kept as issued and sealed by the database too
 * (0024-ruling-pdf-seal.sql, reports/lajna-seal.c), before the number is
 * committed, so that numbers have no gap, none is given twice, and no
 * ruling is on record unsealed (the database refuses to commit one),
 * whatever workstations issue at once. A correction is a new version of
 * the same number, sealed the same way. A ruling issued before seals
 * existed, or sealed the earlier way, is sealed when it is first
 * printed. Printing is recorded in the audit trail; a signed PDF is
 * stored once, a ruling signed being final. */

#include "lajna-ruling-record.h"

#include <glib/gi18n-lib.h>

#include "lajna-db-private.h"
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
seal_content (LajnaDb                *db,
              LajnaRulingContent     *content,
              LajnaRulingLayOutFunc   lay_out,
              GError                **error)
{
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
  if ((pdf = lay_out (content, error)) == NULL)
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
put_on_record (LajnaDb                *db,
               const char             *sql,
               int                     n_params,
               const char * const     *params,
               gint64                  case_id,
               LajnaRulingLayOutFunc   lay_out,
               GError                **error)
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
  if (content == NULL || !seal_content (db, content, lay_out, error)
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
 * @lay_out: (scope call): lays out the ruling's PDF, to be sealed
 * @error: return location for a #GError
 *
 * Issues and seals the ruling of the decision in force on the file.
 *
 * Returns: the ruling's id, 0 on failure (and then no number is taken)
 */
gint64
lajna_ruling_issue (LajnaDb                *db,
                    gint64                  case_id,
                    const char             *issued_on,
                    LajnaRulingLayOutFunc   lay_out,
                    GError                **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  return put_on_record (db,
      "SELECT lajna_ruling_issue(d.id, coalesce($2::date, current_date)) FROM decision_now d"
      " WHERE d.case_id = $1 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1",
      2, (const char * const[]) { id, issued_on }, case_id, lay_out, error);
}

/**
 * lajna_ruling_correct:
 * @db: a connection
 * @case_id: the file whose ruling is corrected
 * @reason: why
 * @issued_on: (nullable): the day of the new version; %NULL for today
 * @lay_out: (scope call): lays out the ruling's PDF, to be sealed
 * @error: return location for a #GError
 *
 * Issues and seals a corrected version of the file's ruling: the same
 * number, the next version, for the decision in force now. The version it
 * corrects stays on record.
 *
 * Returns: the new version's id, 0 on failure
 */
gint64
lajna_ruling_correct (LajnaDb                *db,
                      gint64                  case_id,
                      const char             *reason,
                      const char             *issued_on,
                      LajnaRulingLayOutFunc   lay_out,
                      GError                **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *why = lajna_strip_bidi (reason);

  return put_on_record (db,
      "SELECT lajna_ruling_correct(r, $2, coalesce($3::date, current_date))"
      "  FROM (SELECT lajna_decision_ruling(d.id) r FROM decision_now d WHERE d.case_id = $1"
      "         ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) l WHERE r IS NOT NULL",
      3, (const char * const[]) { id, why, issued_on }, case_id, lay_out, error);
}

/* Seals @content, an issued ruling just read whose PDF is not sealed yet
 * (one issued before seals existed, or sealed the earlier way), in a
 * transaction of its own: its text as it prints today is frozen (or, sealed
 * the earlier way, the text it was frozen with), and its PDF kept as
 * issued. @content then holds its seals; when another workstation sealed
 * it meanwhile, it holds none, and the ruling is to be read again. */
static gboolean
seal (LajnaDb                *db,
      LajnaRulingContent     *content,
      LajnaRulingLayOutFunc   lay_out,
      GError                **error)
{
  if (!lajna_db_run (db, "BEGIN", error))
    return FALSE;
  if (!seal_content (db, content, lay_out, error) || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_ruling_load_printable:
 * @db: a connection, as one who may print rulings
 * @case_id: the file
 * @lay_out: (scope call): lays out the ruling's PDF, should it be sealed
 * @error: return location for a #GError
 *
 * Reads the file's ruling as it prints: an issued ruling whose PDF is not
 * sealed yet (one issued before seals existed, or sealed the earlier way)
 * is sealed first; one signed before seals existed is not sealed
 * afterwards. Those who read a ruling whole (with the parties' numbers:
 * clerks, chairs, signatories) may seal.
 *
 * Returns: (transfer full) (nullable): the ruling
 */
LajnaRulingContent *
lajna_ruling_load_printable (LajnaDb                *db,
                             gint64                  case_id,
                             LajnaRulingLayOutFunc   lay_out,
                             GError                **error)
{
  g_autoptr(LajnaRulingContent) content = lajna_ruling_content_load (db, case_id, error);

  if (content != NULL && content->text_hidden)
    {
      g_set_error_literal (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED,
                           _("You read this ruling’s number, not its text: the committee’s "
                             "clerk, chair or a signatory prints it."));
      return NULL;
    }
  /* Signed before seals existed: its signed PDF stands as it is. */
  if (content == NULL || content->ruling_id == 0 || content->pdf_seal != NULL
      || content->is_signed)
    return g_steal_pointer (&content);
  if (!seal (db, content, lay_out, error))
    return NULL;
  if (content->pdf_seal != NULL)
    return g_steal_pointer (&content);
  /* Sealed meanwhile by another workstation: its seal and text stand. */
  return lajna_ruling_content_load (db, case_id, error);
}

/**
 * lajna_ruling_read_pdf:
 * @db: a connection
 * @ruling_id: an issued ruling
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ruling's PDF on record: signed,
 *   or as issued (its seal not applied)
 */
GBytes *
lajna_ruling_read_pdf (LajnaDb  *db,
                       gint64    ruling_id,
                       GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_binary (db,
      "SELECT coalesce(pdf, issued_pdf) FROM ruling"
      " WHERE id = $1 AND coalesce(pdf, issued_pdf) IS NOT NULL", 1, params, NULL, NULL, TRUE,
      error);

  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The ruling’s PDF on record cannot be found."));
      return NULL;
    }
  return dup_bytes (result, 0, 0);
}

/**
 * lajna_ruling_record_print:
 * @db: a connection, as the person printing
 * @case_id: the file
 * @ruling_id: its ruling, or 0 for a draft
 * @error: return location for a #GError
 *
 * Records in the audit trail that the file's ruling was printed.
 *
 * Returns: whether it is recorded
 */
gboolean
lajna_ruling_record_print (LajnaDb  *db,
                           gint64    case_id,
                           gint64    ruling_id,
                           GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *ruling = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_id);
  const char *params[] = { id, ruling };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_audit('ruling.print', 'case_file', $1::bigint,"
      "                   jsonb_build_object('ruling', nullif($2::bigint, 0)))", 2, params, error);

  return result != NULL;
}

/**
 * lajna_ruling_record_prints:
 * @db: a connection, as the person printing
 * @case_ids: (element-type gint64): the files
 * @ruling_ids: (element-type gint64): their rulings, 0 for a draft
 * @error: return location for a #GError
 *
 * Records every printing of a batch, in one transaction: all or none.
 *
 * Returns: whether they are recorded
 */
gboolean
lajna_ruling_record_prints (LajnaDb  *db,
                            GArray   *case_ids,
                            GArray   *ruling_ids,
                            GError  **error)
{
  gboolean done = lajna_db_run (db, "BEGIN", error);

  for (guint i = 0; i < case_ids->len && done; i++)
    done = lajna_ruling_record_print (db, g_array_index (case_ids, gint64, i),
                                      g_array_index (ruling_ids, gint64, i), error);
  if (!done || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * lajna_ruling_dup_signer:
 * @db: a connection, as the signatory
 * @content: the ruling they sign
 *
 * Returns: (transfer full): the name of the person signing, or else the
 *   ruling's chair's
 */
char *
lajna_ruling_dup_signer (LajnaDb                  *db,
                         const LajnaRulingContent *content)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT full_name FROM app_user WHERE login = lajna_actor()", NULL);
  const LajnaSignatory *chair = g_ptr_array_index (content->signatories, 0);

  if (result != NULL && PQntuples (result) == 1)
    return g_strdup (PQgetvalue (result, 0, 0));
  return g_strdup (chair->full_name);
}

/**
 * lajna_ruling_store_signed:
 * @db: a connection, as the signatory
 * @ruling_id: the ruling
 * @signed_pdf: its PDF as signed
 * @subject: the signing certificate's subject
 * @error: return location for a #GError
 *
 * Stores the signed PDF with its SHA-256, once: a ruling signed is final.
 *
 * Returns: whether it is stored
 */
gboolean
lajna_ruling_store_signed (LajnaDb     *db,
                           gint64       ruling_id,
                           GBytes      *signed_pdf,
                           const char  *subject,
                           GError     **error)
{
  g_autofree char *ruling = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_id);
  const char *values[] = { ruling, g_bytes_get_data (signed_pdf, NULL), subject };
  const int lengths[] = { 0, (int) g_bytes_get_size (signed_pdf), 0 };
  const int formats[] = { 0, 1, 0 };
  g_autoptr(PGresult) stored = lajna_db_exec_binary (db,
      "SELECT lajna_ruling_store_signed($1, $2, $3)", 3, values, lengths, formats, FALSE, error);

  return stored != NULL;
}

/**
 * lajna_ruling_find:
 * @db: a connection
 * @ruling_id: a ruling, any version
 * @case_id: (out): its file, or 0 when the person connected reads no such
 *   ruling
 * @in_force: (out): whether it is the ruling of the file's decision in
 *   force, not a version a correction replaced
 * @error: return location for a #GError
 *
 * Returns: whether the ruling was looked for
 */
gboolean
lajna_ruling_find (LajnaDb   *db,
                   gint64     ruling_id,
                   gint64    *case_id,
                   gboolean  *in_force,
                   GError   **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_id);
  const char *params[] = { id };
  g_autoptr(PGresult) found = lajna_db_exec_params (db,
      "SELECT d.case_id, r.id IS NOT DISTINCT FROM"
      "         (SELECT lajna_decision_ruling(n.id) FROM decision_now n WHERE n.case_id = d.case_id"
      "           ORDER BY n.decided_on DESC, n.id DESC LIMIT 1)"
      "  FROM ruling r JOIN decision d ON d.id = r.decision_id WHERE r.id = $1", 1, params, error);

  if (found == NULL)
    return FALSE;
  *case_id = PQntuples (found) == 0 ? 0 : g_ascii_strtoll (PQgetvalue (found, 0, 0), NULL, 10);
  *in_force = PQntuples (found) > 0 && PQgetvalue (found, 0, 1)[0] == 't';
  return TRUE;
}

/**
 * lajna_ruling_number:
 * @db: a connection
 * @ruling_id: an issued ruling
 * @number: (out): its number of its year
 * @year: (out): its year
 * @error: return location for a #GError
 *
 * Returns: whether the ruling was read
 */
gboolean
lajna_ruling_number (LajnaDb  *db,
                     gint64    ruling_id,
                     int      *number,
                     int      *year,
                     GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_id);
  const char *params[] = { id };
  g_autoptr(PGresult) issued = lajna_db_exec_params (db,
      "SELECT number, year FROM ruling WHERE id = $1", 1, params, error);

  if (issued == NULL)
    return FALSE;
  if (PQntuples (issued) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The ruling is not there, or you may not read it."));
      return FALSE;
    }
  *number = (int) g_ascii_strtoll (PQgetvalue (issued, 0, 0), NULL, 10);
  *year = (int) g_ascii_strtoll (PQgetvalue (issued, 0, 1), NULL, 10);
  return TRUE;
}

/**
 * lajna_ruling_is_superseded:
 * @db: a connection
 * @ruling_id: a ruling
 * @superseded: (out): whether a corrected version replaced it
 * @error: return location for a #GError
 *
 * Returns: whether the ruling was looked for
 */
gboolean
lajna_ruling_is_superseded (LajnaDb   *db,
                            gint64     ruling_id,
                            gboolean  *superseded,
                            GError   **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_id);
  const char *params[] = { id };
  g_autoptr(PGresult) newer = lajna_db_exec_params (db,
      "SELECT EXISTS (SELECT FROM ruling WHERE supersedes = $1)", 1, params, error);

  if (newer == NULL)
    return FALSE;
  *superseded = PQgetvalue (newer, 0, 0)[0] == 't';
  return TRUE;
}
