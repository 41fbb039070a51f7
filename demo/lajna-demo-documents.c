/* lajna-demo-documents.c: the documents of the demo's files waiting for a
 * meeting, so that a meeting can be prepared from the demo as from real
 * files: for the newest files complete or scheduled of each committee,
 * every document their checklist lacks, as a one-page scan. Each page is
 * a plain sheet ruled with grey lines, a different number for each type
 * (the same bytes are attached to a file once). A document goes through
 * lajna_document_attach(), previews and audit event included. A complete
 * file that still lacks a document (an expired passport) then waits. */

#include "lajna-demo-private.h"

#include <cairo.h>

#include "lajna-db-private.h"
#include "lajna-document-file.h"
#include "lajna-document-image.h"
#include "lajna-document-store.h"

/* A sheet at 50 dpi: A4. */
#define SHEET_WIDTH 413
#define SHEET_HEIGHT 585

/* The sheet for the @index-th document type: a heading bar and ruled
 * lines, @index + 3 of them. */
static LajnaDocumentFile *
make_sheet (guint    index,
            GError **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_image_page_free);
  LajnaImagePage *page = g_new0 (LajnaImagePage, 1);
  cairo_t *cr;

  page->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SHEET_WIDTH, SHEET_HEIGHT);
  page->dpi = 50;
  cr = cairo_create (page->surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_rectangle (cr, 120, 40, SHEET_WIDTH - 160, 18);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  for (guint line = 0; line < index + 3; line++)
    {
      cairo_rectangle (cr, 40 + (line % 3) * 20, 100 + line * 22, SHEET_WIDTH - 80 - (line % 3) * 20,
                       6);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  g_ptr_array_add (pages, page);
  return lajna_document_file_from_pages (pages, error);
}

/**
 * lajna_demo_attach_documents:
 * @db: a connection with no transaction open
 * @per_committee: how many files of each committee, the newest first
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every document was attached
 */
gboolean
lajna_demo_attach_documents (LajnaDb  *db,
                             guint     per_committee,
                             GError  **error)
{
  g_autofree char *limit = g_strdup_printf ("%u", per_committee);
  const char *params[] = { limit };
  g_autoptr(PGresult) lacking = lajna_db_exec_params (db,
      "SELECT f.id, l.type_code, t.name_ar,"
      "       dense_rank() OVER (ORDER BY l.type_code) - 1"
      "  FROM committee k"
      "  CROSS JOIN LATERAL (SELECT c.id FROM case_file c"
      "                       WHERE c.committee_id = k.id AND c.status IN ('complete', 'scheduled')"
      "                       ORDER BY c.received_on DESC, c.id DESC LIMIT $1::integer) f"
      "  CROSS JOIN LATERAL lajna_case_lacking(f.id) l"
      "  JOIN document_type t ON t.code = l.type_code"
      " WHERE l.state = 'missing'"
      " ORDER BY f.id, l.type_code", 1, params, error);
  g_autoptr(GHashTable) sheets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                        (GDestroyNotify) lajna_document_file_free);

  if (lacking == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (lacking); i++)
    {
      guint index = (guint) g_ascii_strtoll (PQgetvalue (lacking, i, 3), NULL, 10);
      LajnaDocumentFile *sheet = g_hash_table_lookup (sheets, GUINT_TO_POINTER (index));
      gboolean already;

      if (sheet == NULL)
        {
          if ((sheet = make_sheet (index, error)) == NULL)
            return FALSE;
          g_hash_table_insert (sheets, GUINT_TO_POINTER (index), sheet);
        }
      if (lajna_document_attach (db, g_ascii_strtoll (PQgetvalue (lacking, i, 0), NULL, 10),
                                 PQgetvalue (lacking, i, 1), PQgetvalue (lacking, i, 2), "scan",
                                 sheet, &already, error) == 0)
        return FALSE;
    }
  /* A file is complete only with its checklist met, and a party's
   * passport may have expired since: such a file waits for a new one. */
  return lajna_db_run (db,
      "SELECT lajna_case_set_status(c.id, 'documents_pending', 'a document has expired')"
      "  FROM case_file c"
      " WHERE c.status = 'complete' AND EXISTS (SELECT FROM lajna_case_lacking(c.id))", error);
}
