/* lajna-report-pdf.c: a social worker's or psychologist's report, printed
 * in Arabic on the committee's letterhead: the file, the juvenile, each
 * section written, and the author's name and day. Submitted, the page is
 * the file's document; exported, it carries the watermark of who
 * exported it and when, and the export is recorded before the PDF takes
 * its name. */

#include "lajna-report-pdf.h"

#include <glib/gi18n-lib.h>

#include "lajna-document-sandbox.h"
#include "lajna-export-record.h"
#include "lajna-letterhead.h"
#include "lajna-pdf-writer.h"
#include "lajna-text.h"

static void
add_file_facts (LajnaPdfWriter        *writer,
                const LajnaReportFile *file,
                const LajnaReport     *report)
{
  g_autofree char *number = lajna_isolate (file->file_number);
  g_autofree char *version = g_strdup_printf ("%d", report->version);
  g_autofree char *day = lajna_isolate (report->submitted_on[0] != '\0' ? report->submitted_on
                                                                        : file->today);

  lajna_pdf_writer_add_fact (writer, "رقم الملف", number);
  lajna_pdf_writer_add_fact (writer, "الحدث", file->juvenile);
  if (file->facility[0] != '\0')
    lajna_pdf_writer_add_fact (writer, "الدار", file->facility);
  lajna_pdf_writer_add_fact (writer, "التاريخ", day);
  if (report->version > 1)
    {
      lajna_pdf_writer_add_fact (writer, "النسخة", version);
      lajna_pdf_writer_add_fact (writer, "سبب التصحيح", report->reason);
    }
}

/* @report laid out; a draft marked as one. */
static LajnaPdfWriter *
lay_out (LajnaDb            *db,
         const LajnaReport  *report,
         gboolean            draft,
         const char         *watermark,
         GError            **error)
{
  g_autoptr(LajnaReportFile) file = lajna_report_file_read (db, report->case_id, error);
  g_autoptr(LajnaCommitteeHeading) head = NULL;
  LajnaPdfWriter *writer;
  const char *capacity = g_strcmp0 (report->author_role, "psychologist") == 0
                         ? "الأخصائي النفسي" : "الأخصائي الاجتماعي";

  if (file == NULL
      || (head = lajna_committee_heading_read (db, report->committee_id, error)) == NULL)
    return NULL;

  writer = lajna_pdf_writer_new (report->kind_ar);
  lajna_pdf_writer_set_arabic (writer, TRUE);
  lajna_pdf_writer_set_watermark (writer, watermark);
  lajna_letterhead_add (writer, head);
  lajna_pdf_writer_add_title (writer, report->kind_ar);
  if (draft)
    lajna_pdf_writer_add_paragraph (writer, "مسودة لم تُقدَّم بعد");
  add_file_facts (writer, file, report);
  for (guint i = 0; i < report->sections->len; i++)
    {
      const LajnaReportSection *section = g_ptr_array_index (report->sections, i);
      g_autofree char *body = g_strstrip (g_strdup (section->body));

      if (body[0] == '\0' && !section->required)
        continue;
      lajna_pdf_writer_add_heading (writer, section->title_ar);
      lajna_pdf_writer_add_paragraph (writer, body[0] != '\0' ? body : "—");
    }
  lajna_pdf_writer_add_signatures (writer, (const char * const[]) { capacity, NULL },
                                   (const char * const[]) { report->author_name, NULL });
  return writer;
}

/**
 * lajna_report_pdf_render:
 * @db: a connection, as a person who reads the report
 * @report: a report with its sections (lajna_report_load())
 * @watermark: (nullable): the text across each page
 * @error: return location for a #GError
 *
 * A draft is printed as it will be submitted: dated today.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
lajna_report_pdf_render (LajnaDb            *db,
                         const LajnaReport  *report,
                         const char         *watermark,
                         GError            **error)
{
  g_autoptr(LajnaPdfWriter) writer = lay_out (db, report, FALSE, watermark, error);

  return writer != NULL ? lajna_pdf_writer_write_bytes (writer, error) : NULL;
}

/**
 * lajna_report_pdf_export:
 * @db: a connection, as the person exporting
 * @report_id: a report they read
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Writes the report with the exporter's watermark. The export is recorded
 * in the audit trail; when it cannot be, nothing is left at @path.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_report_pdf_export (LajnaDb     *db,
                         gint64       report_id,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(LajnaReport) report = lajna_report_load (db, report_id, error);
  g_autofree char *watermark = NULL;
  g_autoptr(LajnaPdfWriter) writer = NULL;
  LajnaExportRecord exported = { db, "report.export", "case_report", report_id };

  if (report == NULL || (watermark = lajna_audit_dup_watermark (db, error)) == NULL
      || (writer = lay_out (db, report, g_strcmp0 (report->state, "draft") == 0, watermark,
                            error)) == NULL)
    return FALSE;
  exported.watermark = watermark;
  return lajna_pdf_writer_write_recorded (writer, path, lajna_export_record, &exported, error);
}

/**
 * lajna_report_pdf_submit:
 * @db: a connection, as the report's author
 * @report: their draft, saved, with its sections
 * @error: return location for a #GError
 *
 * Prints the report and submits it with its pages' previews.
 *
 * Returns: the document it became, 0 on error
 */
gint64
lajna_report_pdf_submit (LajnaDb      *db,
                         LajnaReport  *report,
                         GError      **error)
{
  g_autoptr(GBytes) pdf = lajna_report_pdf_render (db, report, NULL, error);
  g_autoptr(LajnaDocumentFile) file = NULL;

  if (pdf == NULL || (file = lajna_document_sandbox_read (pdf, error)) == NULL)
    return 0;
  return lajna_report_submit (db, report, pdf, file->pages, file->previews, error);
}

/* A draft to submit, saved first when it changed since it was read. */
typedef struct
{
  LajnaReport *report;
  gboolean     save;
} Submission;

static gpointer
submit_job (LajnaDb       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Submission *submission = data;

  if (submission->save && !lajna_report_save (db, submission->report, error))
    return NULL;
  return lajna_report_pdf_submit (db, submission->report, error) != 0 ? GINT_TO_POINTER (TRUE)
                                                                       : NULL;
}

/**
 * lajna_report_pdf_submit_async:
 * @worker: the database worker
 * @report: the author's draft, with its sections, kept alive and
 *   unchanged until the callback runs
 * @save: whether to save it first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once submitted
 * @user_data: for @callback
 *
 * Saves the draft if asked, then prints and submits it
 * (lajna_report_pdf_submit()), on the worker.
 */
void
lajna_report_pdf_submit_async (LajnaDbWorker        *worker,
                               LajnaReport          *report,
                               gboolean              save,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Submission *submission = g_new0 (Submission, 1);

  submission->report = report;
  submission->save = save;
  lajna_db_worker_run_async (worker, submit_job, submission, g_free, NULL, cancellable, callback,
                             user_data);
}

/**
 * lajna_report_pdf_submit_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the report was submitted
 */
gboolean
lajna_report_pdf_submit_finish (LajnaDbWorker  *worker,
                                GAsyncResult   *result,
                                GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
