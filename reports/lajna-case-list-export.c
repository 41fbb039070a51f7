/* lajna-case-list-export.c: a file list, as its filters choose it, saved
 * as a spreadsheet (CSV, UTF-8 with a byte-order mark so that Excel reads
 * Arabic) or printed as A4 pages under the committee's letterhead, the
 * filters stated at the top. The files are those the person exporting may
 * see, newest first. Like a file's summary, every export is recorded in
 * the audit trail, with the files it holds, before it takes its name; a
 * printed list is crossed by the watermark naming who exported it. */

#include "lajna-case-list-export.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lajna-audit-record.h"
#include "lajna-case-query-labels.h"
#include "lajna-labels.h"
#include "lajna-letterhead.h"
#include "lajna-pdf-file.h"
#include "lajna-pdf-writer.h"
#include "lajna-text.h"

/* The files newest first, every one of them up to
 * LAJNA_CASE_LIST_EXPORT_MAX, in one query: one pass over the rows, where
 * keyset pages would each walk to their start. */
static GPtrArray *
fetch_all (LajnaDb              *db,
           const LajnaCaseQuery *query,
           GError              **error)
{
  g_autoptr(LajnaCaseQuery) newest = lajna_case_query_copy (query);
  g_autoptr(GPtrArray) rows = NULL;

  lajna_case_query_set_sort (newest, LAJNA_CASE_SORT_RECEIVED, TRUE);
  rows = lajna_case_query_fetch (newest, db, NULL, LAJNA_CASE_LIST_EXPORT_MAX + 1, error);
  if (rows != NULL && rows->len > LAJNA_CASE_LIST_EXPORT_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The list holds more than %d files; choose fewer with the filters."),
                   LAJNA_CASE_LIST_EXPORT_MAX);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

typedef struct
{
  LajnaDb    *db;
  GPtrArray  *rows;
  const char *format;
  const char *filter;
  const char *watermark;
} Exported;

/* The export recorded, all in the caller's transaction or none. */
static gboolean
record_export (gpointer   data,
               GError   **error)
{
  Exported *exported = data;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), exported->rows->len);

  for (guint i = 0; i < exported->rows->len; i++)
    {
      gint64 id = lajna_case_summary_get_id (g_ptr_array_index (exported->rows, i));

      g_array_append_val (ids, id);
    }
  return lajna_audit_record_exports (exported->db, exported->format, exported->filter, ids,
                                     exported->watermark, error);
}

static char *
dup_description (const LajnaCaseQuery *query,
                 const char           *committee)
{
  g_auto(GStrv) labels = lajna_case_query_dup_labels (query);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_autofree char *committee_label = NULL;
  g_auto(GStrv) all = NULL;

  if (committee != NULL)
    {
      committee_label = g_strdup_printf (_("Committee: %s"), committee);
      g_strv_builder_add (parts, committee_label);
    }
  g_strv_builder_addv (parts, (const char **) labels);
  all = g_strv_builder_end (parts);
  if (all[0] == NULL)
    return g_strdup (_("All files"));
  return g_strjoinv (_(" · "), all);
}

static char *
dup_list_title (const LajnaCaseQuery *query)
{
  guint days = 0;
  LajnaCaseFollowUp follow_up = lajna_case_query_get_follow_up (query, &days);

  if (follow_up == LAJNA_CASE_FOLLOW_UP_NONE)
    return g_strdup (_("List of files"));
  return lajna_case_query_dup_follow_up_label (follow_up, days);
}

/**
 * lajna_case_list_export_pdf:
 * @db: a connection, as the person exporting
 * @query: which files
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Prints the list: the letterhead, its title and filters, then a line a
 * file (number, parties, status, received), the pages numbered. The export
 * is recorded in the audit trail; when it cannot be, nothing is left at
 * @path.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_case_list_export_pdf (LajnaDb              *db,
                            const LajnaCaseQuery *query,
                            const char           *path,
                            GError              **error)
{
  g_autoptr(GPtrArray) rows = fetch_all (db, query, error);
  g_autoptr(LajnaCommitteeHeading) head = NULL;
  g_autofree char *watermark = NULL;
  g_autofree char *title = dup_list_title (query);
  g_autofree char *filter = NULL;
  g_autofree char *count = NULL;
  g_autoptr(LajnaPdfWriter) writer = NULL;
  Exported exported = { db, rows, "pdf" };

  if (rows == NULL
      || (head = lajna_committee_heading_read (db, lajna_case_query_get_committee (query),
                                                error)) == NULL
      || (watermark = lajna_audit_dup_watermark (db, error)) == NULL)
    return FALSE;

  filter = dup_description (query, head->committee);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", rows->len),
                           rows->len);
  writer = lajna_pdf_writer_new (title);
  lajna_pdf_writer_set_left_to_right (writer, !lajna_prefer_arabic ());
  lajna_pdf_writer_set_watermark (writer, watermark);
  lajna_letterhead_add (writer, head);
  lajna_pdf_writer_add_title (writer, title);
  lajna_pdf_writer_add_paragraph (writer, filter);
  lajna_pdf_writer_add_heading (writer, count);
  for (guint i = 0; i < rows->len; i++)
    {
      LajnaCaseSummary *row = g_ptr_array_index (rows, i);
      g_autofree char *number = lajna_isolate (lajna_case_summary_get_file_number (row));
      g_autofree char *day = lajna_isolate (lajna_case_summary_get_received_on (row));
      const char *kind = lajna_label_for (lajna_case_summary_get_kind (row));
      const char *status = lajna_label_for (lajna_case_summary_get_status (row));
      g_autofree char *line = g_strdup_printf (_("%s\n%s · %s · received %s"),
                                               lajna_case_summary_get_title (row), kind, status,
                                               day);

      lajna_pdf_writer_add_fact (writer, number, line);
    }

  exported.filter = filter;
  exported.watermark = watermark;
  return lajna_pdf_writer_write_recorded (writer, path, record_export, &exported, error);
}

/* A field as RFC 4180 quotes it, when it must. */
static void
append_field (GString    *csv,
              const char *value,
              gboolean    last)
{
  if (strpbrk (value, "\",\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, value);
  g_string_append (csv, last ? "\r\n" : ",");
}

/**
 * lajna_case_list_export_csv:
 * @db: a connection, as the person exporting
 * @query: which files
 * @path: the spreadsheet to write
 * @error: return location for a #GError
 *
 * Saves the list as CSV: a header row in the interface's language, then a
 * row a file. Recorded in the audit trail as a printed list is.
 *
 * Returns: whether the file was written and recorded
 */
gboolean
lajna_case_list_export_csv (LajnaDb              *db,
                            const LajnaCaseQuery *query,
                            const char           *path,
                            GError              **error)
{
  g_autoptr(GPtrArray) rows = fetch_all (db, query, error);
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *filter = NULL;
  Exported exported = { db, rows, "csv" };

  if (rows == NULL)
    return FALSE;
  append_field (csv, _("File number"), FALSE);
  append_field (csv, _("Parties"), FALSE);
  append_field (csv, _("Kind"), FALSE);
  append_field (csv, _("Status"), FALSE);
  append_field (csv, _("Received"), TRUE);
  for (guint i = 0; i < rows->len; i++)
    {
      LajnaCaseSummary *row = g_ptr_array_index (rows, i);

      append_field (csv, lajna_case_summary_get_file_number (row), FALSE);
      append_field (csv, lajna_case_summary_get_title (row), FALSE);
      append_field (csv, lajna_label_for (lajna_case_summary_get_kind (row)), FALSE);
      append_field (csv, lajna_label_for (lajna_case_summary_get_status (row)), FALSE);
      append_field (csv, lajna_case_summary_get_received_on (row), TRUE);
    }

  filter = dup_description (query, NULL);
  exported.filter = filter;
  if (!g_file_set_contents (partial, csv->str, (gssize) csv->len, error)
      || !record_export (&exported, error))
    {
      g_remove (partial);
      return FALSE;
    }
  return lajna_pdf_file_commit (partial, path, error);
}
