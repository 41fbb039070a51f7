/* lajna-audit-record.c: what leaves Lajna, put in the audit trail before
 * it leaves (lajna_audit() in the database): a file or report exported, a
 * list of files exported, and the watermark that names on their pages who
 * exported them and when. */

#include "lajna-audit-record.h"

#include <glib/gi18n-lib.h>

#include "lajna-db-private.h"
#include "lajna-text.h"
#include "lajna-time.h"

/* Files named by one audit event, within its 64 KiB of detail. */
#define FILES_AN_EVENT 4000

/**
 * lajna_audit_dup_watermark:
 * @db: a connection, as the person exporting
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): "Confidential: exported by … on …":
 *   the person signed in, by name, and the database's clock in the
 *   reader's time zone
 */
char *
lajna_audit_dup_watermark (LajnaDb  *db,
                           GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT lajna_user_name(lajna_actor()), " LAJNA_TIME_EPOCH ("now()"), error);
  g_autofree char *viewer = NULL;
  g_autofree char *local = NULL;
  g_autofree char *time = NULL;

  if (result == NULL)
    return NULL;
  viewer = lajna_isolate (PQgetvalue (result, 0, 0));
  local = lajna_time_local_text (PQgetvalue (result, 0, 1));
  time = lajna_isolate (local);
  return g_strdup_printf (_("Confidential: exported by %s on %s"), viewer, time);
}

/**
 * lajna_audit_record_export:
 * @db: a connection, as the person exporting
 * @action: such as "case.export"
 * @object: the row's table, such as "case_file"
 * @id: the row
 * @watermark: (nullable): the text across its pages
 * @error: return location for a #GError
 *
 * Records a row exported as a PDF.
 *
 * Returns: whether it is recorded
 */
gboolean
lajna_audit_record_export (LajnaDb     *db,
                           const char  *action,
                           const char  *object,
                           gint64       id,
                           const char  *watermark,
                           GError     **error)
{
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { action, object, row, watermark };

  return lajna_db_run_params (db,
      "SELECT lajna_audit($1, $2, $3::bigint,"
      "                   jsonb_build_object('format', 'pdf', 'watermark', $4::text))",
      4, params, error);
}

/**
 * lajna_audit_record_exports:
 * @db: a connection, as the person exporting
 * @format: "pdf" or "csv"
 * @filter: the list's filters, as the export describes them
 * @case_ids: (element-type gint64): the files exported
 * @watermark: (nullable): the text across its pages
 * @error: return location for a #GError
 *
 * Records a list of files exported: one event for every 4,000 files, in
 * the caller's transaction, all or none.
 *
 * Returns: whether it is recorded
 */
gboolean
lajna_audit_record_exports (LajnaDb     *db,
                            const char  *format,
                            const char  *filter,
                            GArray      *case_ids,
                            const char  *watermark,
                            GError     **error)
{
  g_autofree char *total = g_strdup_printf ("%u", case_ids->len);

  for (guint start = 0; start == 0 || start < case_ids->len; start += FILES_AN_EVENT)
    {
      g_autoptr(GString) files = g_string_new ("[");
      const char *params[] = { format, filter, total, NULL, watermark };

      for (guint i = start; i < MIN (start + FILES_AN_EVENT, case_ids->len); i++)
        g_string_append_printf (files, "%s%" G_GINT64_FORMAT, i > start ? "," : "",
                                g_array_index (case_ids, gint64, i));
      g_string_append_c (files, ']');
      params[3] = files->str;
      if (!lajna_db_run_params (db,
              "SELECT lajna_audit('case_list.export', 'case_file', NULL,"
              "                   jsonb_strip_nulls(jsonb_build_object('format', $1::text,"
              "                     'filter', $2::text, 'total', $3::integer, 'files', $4::jsonb,"
              "                     'watermark', $5::text)))", 5, params, error))
        return FALSE;
    }
  return TRUE;
}
