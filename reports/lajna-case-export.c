/* lajna-case-export.c: a file's summary as a PDF in the interface's
 * language (Arabic, right to left; English, left to right): its facts,
 * parties, checklist and history, as the file view shows them to the
 * person exporting. A juvenile file's pages are crossed by a watermark
 * naming who exported it and when. Every export is recorded in the audit
 * trail before the PDF takes its name: no copy leaves unrecorded. */

#include "lajna-case-export.h"

#include <glib/gi18n-lib.h>

#include "lajna-case-details.h"
#include "lajna-export-record.h"
#include "lajna-pdf-writer.h"
#include "lajna-text.h"

static void
add_details (LajnaPdfWriter         *writer,
             const LajnaCaseDetails *details)
{
  for (guint i = 0; i < details->sections->len; i++)
    {
      LajnaFactSection *section = g_ptr_array_index (details->sections, i);

      if (section->facts->len == 0)
        continue;
      lajna_pdf_writer_add_heading (writer, section->title);
      for (guint j = 0; j < section->facts->len; j++)
        {
          LajnaFact *fact = g_ptr_array_index (section->facts, j);

          lajna_pdf_writer_add_fact (writer, fact->label, fact->value);
        }
    }
}

/**
 * lajna_case_export_pdf:
 * @db: a connection, as the person exporting
 * @case_id: the file
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Writes the file's summary. The export is recorded in the audit trail;
 * when it cannot be, nothing is left at @path.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_case_export_pdf (LajnaDb     *db,
                       gint64       case_id,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(LajnaCaseDetails) details = lajna_case_details_fetch (db, case_id, error);
  g_autofree char *watermark = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autoptr(LajnaPdfWriter) writer = NULL;
  LajnaExportRecord exported = { db, "case.export", "case_file", case_id };

  if (details == NULL)
    return FALSE;
  if (g_strcmp0 (details->kind, "juvenile") == 0
      && (watermark = lajna_audit_dup_watermark (db, error)) == NULL)
    return FALSE;

  number = lajna_isolate (details->file_number);
  title = g_strdup_printf (_("Summary of file %s"), number);
  writer = lajna_pdf_writer_new (title);
  /* In the interface's language, and so in its direction. */
  lajna_pdf_writer_set_left_to_right (writer, !lajna_prefer_arabic ());
  lajna_pdf_writer_set_watermark (writer, watermark);
  lajna_pdf_writer_add_title (writer, title);
  lajna_pdf_writer_add_paragraph (writer, details->title);
  add_details (writer, details);

  exported.watermark = watermark;
  return lajna_pdf_writer_write_recorded (writer, path, lajna_export_record, &exported, error);
}
