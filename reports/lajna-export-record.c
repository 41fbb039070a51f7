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
  return lajna_audit_record_export (exported->db, exported->action, exported->object,
                                    exported->id, exported->watermark, error);
}
