/* lajna-export-record.c: an export recorded in the audit trail, with the
 * watermark its pages carry; a LajnaPdfRecordFunc, run before the PDF
 * takes its name. */

#include "lajna-export-record.h"

/**
 * lajna_export_record:
 * @record: (type LajnaExportRecord): what was exported, by whom's connection
 * @error: return location for a #GError
 *
 * Returns: whether the export is recorded
 */
gboolean
lajna_export_record (gpointer   record,
                     GError   **error)
{
  LajnaExportRecord *exported = record;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, exported->id);
  const char *params[] = { exported->action, exported->object, id, exported->watermark };

  return lajna_db_run_params (exported->db,
      "SELECT lajna_audit($1, $2, $3::bigint,"
      "                   jsonb_build_object('format', 'pdf', 'watermark', $4::text))",
      4, params, error);
}
