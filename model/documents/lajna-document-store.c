/* lajna-document-store.c: documents in PostgreSQL, so that a shared server
 * holds everything and a backup is one dump. Attaching writes the
 * document, its bytes and its previews in one transaction with its audit
 * event; the same bytes attached to a file a second time are not stored
 * again, and the caller is told. Taking the original bytes out is an
 * export, and recorded as one. */

#include "lajna-document-store.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "lajna-db-private.h"
#include "lajna-document-stream.h"
#include "lajna-text.h"
#include "lajna-time.h"

void
lajna_document_free (LajnaDocument *document)
{
  g_free (document->type_code);
  g_free (document->title);
  g_free (document->mime_type);
  g_free (document->sha256);
  g_free (document->source);
  g_free (document->added_by);
  g_free (document->added_at);
  g_free (document->type_name);
  g_free (document);
}

/**
 * lajna_document_can_attach:
 * @db: a connection
 * @can: (out): whether the person may attach documents
 * @error: return location for a #GError
 *
 * Whether the person's groups may store documents at all (a clerk may, a
 * member only reads), so that the app offers scanning and attaching only
 * to those who can.
 *
 * Returns: %FALSE on error
 */
gboolean
lajna_document_can_attach (LajnaDb   *db,
                           gboolean  *can,
                           GError   **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT has_table_privilege('document', 'INSERT')"
      "   AND has_table_privilege('document_blob', 'INSERT')", error);

  if (result == NULL)
    return FALSE;
  *can = PQgetvalue (result, 0, 0)[0] == 't';
  return TRUE;
}

/**
 * lajna_document_slot_label:
 * @slot: a slot
 *
 * Returns: (transfer full): the slot's name as offered to a clerk, saying
 *   when its document is still missing
 */
char *
lajna_document_slot_label (const LajnaDocumentSlot *slot)
{
  return slot->missing ? g_strdup_printf (_("%s (missing)"), slot->name) : g_strdup (slot->name);
}

void
lajna_document_slot_free (LajnaDocumentSlot *slot)
{
  g_free (slot->code);
  g_free (slot->name);
  g_free (slot);
}

/**
 * lajna_document_slots:
 * @db: a connection
 * @case_id: the file
 * @error: return location for a #GError
 *
 * The slots of the file's checklist a document can fill, those still
 * missing or expired first, and "other" last.
 *
 * Returns: (transfer full) (element-type LajnaDocumentSlot) (nullable):
 *   the slots
 */
GPtrArray *
lajna_document_slots (LajnaDb  *db,
                      gint64    case_id,
                      GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id, lajna_prefer_arabic () ? "ar" : "en" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT code, name, missing FROM ("
      "  SELECT t.code, CASE WHEN $2 = 'ar' THEN t.name_ar ELSE t.name_en END,"
      "         c.state <> 'satisfied'"
      "    FROM lajna_case_checklist($1) c JOIN document_type t ON t.code = c.type_code"
      "   WHERE t.code <> 'other'"
      "  UNION ALL"
      "  SELECT code, CASE WHEN $2 = 'ar' THEN name_ar ELSE name_en END, false"
      "    FROM document_type WHERE code = 'other') s (code, name, missing)"
      " ORDER BY missing DESC, code = 'other', name", 2, params, error);
  GPtrArray *slots;

  if (result == NULL)
    return NULL;
  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_document_slot_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaDocumentSlot *slot = g_new0 (LajnaDocumentSlot, 1);

      slot->code = g_strdup (PQgetvalue (result, i, 0));
      slot->name = g_strdup (PQgetvalue (result, i, 1));
      slot->missing = PQgetvalue (result, i, 2)[0] == 't';
      g_ptr_array_add (slots, slot);
    }
  return slots;
}

static char *
hex_of (const guint8 *digest,
        gsize         size)
{
  GString *hex = g_string_sized_new (size * 2);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

/* The document of @case_id with these bytes, if any: 0 when none. */
static gint64
find_same (LajnaDb     *db,
           const char  *case_id,
           const char  *sha256,
           GError     **error)
{
  const char *params[] = { case_id, sha256 };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT id FROM document WHERE case_id = $1 AND sha256 = decode($2, 'hex')", 2, params,
      error);

  if (result == NULL)
    return -1;
  return PQntuples (result) > 0 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
}

static gboolean
store_bytes (LajnaDb                 *db,
             const char              *id,
             const LajnaDocumentFile *file,
             GError                 **error)
{
  gsize original_size, pdf_size = 0;
  const char *original = g_bytes_get_data (file->original, &original_size);
  const char *pdf = file->pdf != NULL ? g_bytes_get_data (file->pdf, &pdf_size) : NULL;
  const char *values[] = { id, original, pdf };
  const int lengths[] = { 0, (int) original_size, (int) pdf_size };
  const int formats[] = { 0, 1, 1 };
  g_autoptr(PGresult) stored = lajna_db_exec_binary (db,
      "INSERT INTO document_blob (document_id, original, pdf) VALUES ($1, $2, $3)",
      3, values, lengths, formats, FALSE, error);

  g_autoptr(GString) sql = g_string_new ("INSERT INTO document_preview (document_id, page, size, png)"
                                         " VALUES ");
  g_autoptr(GPtrArray) preview_values = g_ptr_array_new ();
  g_autoptr(GArray) preview_lengths = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) preview_formats = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(PGresult) previews = NULL;

  if (stored == NULL)
    return FALSE;
  /* All previews in one statement: $1 is the document, $2… the pictures. */
  g_ptr_array_add (preview_values, (gpointer) id);
  g_array_append_val (preview_lengths, lengths[0]);
  g_array_append_val (preview_formats, formats[0]);
  for (guint i = 0; i < file->previews->len; i++)
    {
      gsize size;
      const char *png = g_bytes_get_data (g_ptr_array_index (file->previews, i), &size);
      int length = (int) size;

      g_string_append_printf (sql, "%s($1, %u, 30, $%u)", i > 0 ? ", " : "", i + 1, i + 2);
      g_ptr_array_add (preview_values, (gpointer) png);
      g_array_append_val (preview_lengths, length);
      g_array_append_val (preview_formats, formats[1]);
    }
  previews = lajna_db_exec_binary (db, sql->str, preview_values->len,
                                   (const char * const *) preview_values->pdata,
                                   (const int *) preview_lengths->data,
                                   (const int *) preview_formats->data, FALSE, error);
  return previews != NULL;
}

/* The bytes a document stores: its original, its PDF and its previews. */
static guint64
stored_size (const LajnaDocumentFile *file)
{
  guint64 size = g_bytes_get_size (file->original);

  if (file->pdf != NULL)
    size += g_bytes_get_size (file->pdf);
  for (guint i = 0; i < file->previews->len; i++)
    size += g_bytes_get_size (g_ptr_array_index (file->previews, i));
  return size;
}

/**
 * lajna_document_attach:
 * @db: a connection
 * @case_id: the file
 * @type_code: the document's type (a checklist slot)
 * @title: (nullable): a title, such as the file's name
 * @source: "scan" or "import"
 * @file: what lajna_document_sandbox_read() made
 * @already: (out): set when the file already holds these bytes (nothing
 *   is stored; their document's id is returned)
 * @error: return location for a #GError
 *
 * Returns: the document's id, 0 on error
 */
gint64
lajna_document_attach (LajnaDb                 *db,
                       gint64                   case_id,
                       const char              *type_code,
                       const char              *title,
                       const char              *source,
                       const LajnaDocumentFile *file,
                       gboolean                *already,
                       GError                 **error)
{
  g_autofree char *case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *sha256 = hex_of (file->sha256, sizeof file->sha256);
  g_autofree char *pages = g_strdup_printf ("%u", file->pages);
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (file->original));
  const char *params[] = { case_text, type_code, title != NULL ? title : "", file->mime_type,
                           pages, size, sha256, source };
  g_autoptr(PGresult) added = NULL;
  g_autoptr(PGresult) audited = NULL;
  g_autofree char *id = NULL;
  gint64 same;

  *already = FALSE;
  if (!lajna_db_run (db, "BEGIN", error))
    return 0;
  same = find_same (db, case_text, sha256, error);
  if (same != 0)
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      *already = same > 0;
      return MAX (same, 0);
    }
  added = lajna_db_exec_params (db,
      "INSERT INTO document (case_id, type_code, title, mime_type, pages, byte_size, sha256,"
      "                      source)"
      " VALUES ($1, $2, $3, $4, $5, $6, decode($7, 'hex'), $8) RETURNING id", 8, params, error);
  if (added != NULL)
    {
      const char *audit_params[] = { PQgetvalue (added, 0, 0), case_text, pages };

      id = g_strdup (PQgetvalue (added, 0, 0));
      audited = lajna_db_exec_params (db,
          "SELECT lajna_audit('document.attach', 'document', $1::bigint,"
          "                   jsonb_build_object('case', $2::bigint, 'pages', $3::integer))",
          3, audit_params, error);
    }
  if (added == NULL || audited == NULL || !store_bytes (db, id, file, error)
      || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      /* The document's bytes, written twice (its table and the log). */
      if (error != NULL && g_error_matches (*error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DISK_FULL))
        {
          g_clear_error (error);
          lajna_db_set_disk_full (db, 2 * stored_size (file), error);
        }
      return 0;
    }
  return g_ascii_strtoll (id, NULL, 10);
}

/**
 * lajna_document_list:
 * @db: a connection
 * @case_id: the file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaDocument) (nullable): its
 *   documents, as they were attached
 */
GPtrArray *
lajna_document_list (LajnaDb  *db,
                     gint64    case_id,
                     GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT d.id, d.type_code, d.title, d.mime_type, d.pages, d.byte_size,"
      "       encode(d.sha256, 'hex'), d.source, d.added_by,"
      "       " LAJNA_TIME_EPOCH ("d.added_at") ","
      "       CASE WHEN $2::boolean THEN t.name_ar ELSE t.name_en END"
      "  FROM document d JOIN document_type t ON t.code = d.type_code"
      " WHERE d.case_id = $1 ORDER BY d.added_at, d.id", 2, params, error);
  GPtrArray *documents;

  if (result == NULL)
    return NULL;
  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_document_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaDocument *document = g_new0 (LajnaDocument, 1);

      document->id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      document->type_code = g_strdup (PQgetvalue (result, i, 1));
      document->title = g_strdup (PQgetvalue (result, i, 2));
      document->mime_type = g_strdup (PQgetvalue (result, i, 3));
      document->pages = atoi (PQgetvalue (result, i, 4));
      document->byte_size = g_ascii_strtoll (PQgetvalue (result, i, 5), NULL, 10);
      document->sha256 = g_strdup (PQgetvalue (result, i, 6));
      document->source = g_strdup (PQgetvalue (result, i, 7));
      document->added_by = g_strdup (PQgetvalue (result, i, 8));
      document->added_at = lajna_time_local_text (PQgetvalue (result, i, 9));
      document->type_name = g_strdup (PQgetvalue (result, i, 10));
      g_ptr_array_add (documents, document);
    }
  return documents;
}

/* The bytes of @document_id (its PDF, or its original), read in one
 * transaction with an audit event of @action. */
static GBytes *
read_recorded (LajnaDb     *db,
               gint64       document_id,
               const char  *column,
               const char  *action,
               GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM document_blob WHERE document_id = $1",
                                          column);
  const char *values[] = { id, action };
  const int formats[] = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(PGresult) audited = NULL;

  if (!lajna_db_run (db, "BEGIN", error))
    return NULL;
  result = lajna_db_exec_binary (db, sql, 1, values, NULL, formats, TRUE, error);
  if (result != NULL && PQntuples (result) == 0)
    g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                 _("There is no document with the id %s."), id);
  else if (result != NULL)
    audited = lajna_db_exec_params (db, "SELECT lajna_audit($2, 'document', $1::bigint)", 2,
                                    values, error);
  if (audited == NULL || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return NULL;
    }
  return g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
}

/**
 * lajna_document_original:
 * @db: a connection
 * @document_id: the document
 * @error: return location for a #GError; %LAJNA_DB_ERROR_NOT_FOUND for a
 *   document that does not exist or is not the person's to see
 *
 * The bytes exactly as they were attached, recorded in the audit trail as
 * an export.
 *
 * Returns: (transfer full) (nullable): the bytes
 */
GBytes *
lajna_document_original (LajnaDb  *db,
                         gint64    document_id,
                         GError  **error)
{
  return read_recorded (db, document_id, "original", "document.export", error);
}

/**
 * lajna_document_open:
 * @db: a connection
 * @reader: (transfer full): another connection, for the stream to read with
 * @document_id: the document
 * @length: (out): the PDF's length in bytes
 * @error: return location for a #GError; %LAJNA_DB_ERROR_NOT_FOUND as above
 *
 * The document's pages as a PDF, for reading, fetched a slice at a time as
 * it is read; the opening is recorded (lajna_document_readers() tells who
 * read what).
 *
 * Returns: (transfer full) (nullable): a seekable stream of the PDF
 */
GInputStream *
lajna_document_open (LajnaDb  *db,
                     LajnaDb  *reader,
                     gint64    document_id,
                     goffset  *length,
                     GError  **error)
{
  g_autoptr(LajnaDb) owned = reader;
  g_autoptr(GBytes) digits = read_recorded (db, document_id,
                                            "octet_length(coalesce(pdf, original))::text",
                                            "document.open", error);
  g_autofree char *text = NULL;

  if (digits == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (digits, NULL), g_bytes_get_size (digits));
  *length = g_ascii_strtoll (text, NULL, 10);
  return lajna_document_stream_new (g_steal_pointer (&owned), document_id, *length);
}

/**
 * lajna_document_readers:
 * @db: a connection
 * @case_id: a file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): for each of the file's documents
 *   (by id, as a string), the names of those who opened it
 */
GHashTable *
lajna_document_readers (LajnaDb  *db,
                        gint64    case_id,
                        GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT document_id, lajna_user_name(reader) FROM lajna_document_readers($1)", 1, params,
      error);
  GHashTable *readers;

  if (result == NULL)
    return NULL;
  readers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *document = PQgetvalue (result, i, 0);
      GPtrArray *names = g_hash_table_lookup (readers, document);

      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (readers, g_strdup (document), names);
        }
      g_ptr_array_add (names, g_strdup (PQgetvalue (result, i, 1)));
    }
  return readers;
}

/**
 * lajna_document_previews:
 * @db: a connection
 * @document_id: the document
 * @error: return location for a #GError
 *
 * The small pictures made at import, so that a viewer shows every page at
 * once, before it renders them.
 *
 * Returns: (transfer full) (element-type GBytes) (nullable): a PNG a page,
 *   in order
 */
GPtrArray *
lajna_document_previews (LajnaDb  *db,
                         gint64    document_id,
                         GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  const char *values[] = { id };
  const int formats[] = { 0 };
  g_autoptr(PGresult) result = lajna_db_exec_binary (db,
      "SELECT png FROM document_preview WHERE document_id = $1 ORDER BY page", 1, values, NULL,
      formats, TRUE, error);
  GPtrArray *previews;

  if (result == NULL)
    return NULL;
  previews = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (previews, g_bytes_new (PQgetvalue (result, i, 0), PQgetlength (result, i, 0)));
  return previews;
}
