/* lajna-report.c: the reports a juvenile file's social worker and
 * psychologist write: listed, loaded, begun, saved as drafts, submitted,
 * corrected and locked. Every write goes through a database function
 * (model/db/sql/0040-case-reports.sql) that checks who acts, refuses with a
 * rule the caller translates, and records the change in the audit trail. */

#include "lajna-report.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-json.h"
#include "lajna-text.h"

static void
section_free (LajnaReportSection *section)
{
  g_free (section->code);
  g_free (section->title_ar);
  g_free (section->title_en);
  g_free (section->prompt_ar);
  g_free (section->prompt_en);
  g_free (section->body);
  g_free (section);
}

void
lajna_report_free (LajnaReport *report)
{
  g_free (report->kind_code);
  g_free (report->kind_ar);
  g_free (report->kind_en);
  g_free (report->author_role);
  g_free (report->author_name);
  g_free (report->state);
  g_free (report->submitted_on);
  g_free (report->reason);
  g_clear_pointer (&report->sections, g_ptr_array_unref);
  g_free (report);
}

void
lajna_report_kind_free (LajnaReportKind *kind)
{
  g_free (kind->code);
  g_free (kind->name_ar);
  g_free (kind->name_en);
  g_free (kind);
}

static gint64
int_at (const PGresult *result,
        int             row,
        int             column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

/* The columns of a report, as REPORT_COLUMNS gives them. */
#define REPORT_COLUMNS \
  "r.id, r.case_id, r.series_id, coalesce(r.document_id, 0), c.committee_id, r.version," \
  " r.row_version, r.kind_code, k.name_ar, k.name_en, r.author_role, u.full_name, r.state," \
  " coalesce(r.submitted_on::text, ''), r.reason, r.author_id = lajna_my_user_id()," \
  " EXISTS (SELECT FROM case_report n WHERE n.series_id = r.series_id AND n.version > r.version)" \
  "  FROM case_report r JOIN case_file c ON c.id = r.case_id" \
  "  JOIN report_kind k ON k.code = r.kind_code JOIN app_user u ON u.id = r.author_id"

static LajnaReport *
report_at (const PGresult *result,
           int             row)
{
  LajnaReport *report = g_new0 (LajnaReport, 1);

  report->id = int_at (result, row, 0);
  report->case_id = int_at (result, row, 1);
  report->series_id = int_at (result, row, 2);
  report->document_id = int_at (result, row, 3);
  report->committee_id = (int) int_at (result, row, 4);
  report->version = (int) int_at (result, row, 5);
  report->row_version = (int) int_at (result, row, 6);
  report->kind_code = g_strdup (PQgetvalue (result, row, 7));
  report->kind_ar = g_strdup (PQgetvalue (result, row, 8));
  report->kind_en = g_strdup (PQgetvalue (result, row, 9));
  report->author_role = g_strdup (PQgetvalue (result, row, 10));
  report->author_name = g_strdup (PQgetvalue (result, row, 11));
  report->state = g_strdup (PQgetvalue (result, row, 12));
  report->submitted_on = g_strdup (PQgetvalue (result, row, 13));
  report->reason = g_strdup (PQgetvalue (result, row, 14));
  report->mine = *PQgetvalue (result, row, 15) == 't';
  report->superseded = *PQgetvalue (result, row, 16) == 't';
  return report;
}

/**
 * lajna_report_list:
 * @db: a connection
 * @case_id: a file
 * @error: return location for a #GError
 *
 * The reports of @case_id the person signed in reads (their own drafts
 * and every report on record), by kind, then series, newest version
 * first; without sections.
 *
 * Returns: (transfer full) (element-type LajnaReport) (nullable): the reports
 */
GPtrArray *
lajna_report_list (LajnaDb  *db,
                   gint64    case_id,
                   GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT " REPORT_COLUMNS " WHERE r.case_id = $1"
      " ORDER BY k.position, r.series_id DESC, r.version DESC", 1, params, error);
  GPtrArray *reports;

  if (result == NULL)
    return NULL;
  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_report_free);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (reports, report_at (result, i));
  return reports;
}

/**
 * lajna_report_load:
 * @db: a connection
 * @report_id: a report
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report with its sections, or
 *   %NULL with %LAJNA_DB_ERROR_NOT_FOUND when the person signed in does
 *   not read it
 */
LajnaReport *
lajna_report_load (LajnaDb  *db,
                   gint64    report_id,
                   GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT " REPORT_COLUMNS " WHERE r.id = $1", 1, params, error);
  g_autoptr(PGresult) sections = NULL;
  g_autoptr(LajnaReport) report = NULL;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("This report is not there, or you may not read it."));
      return NULL;
    }
  sections = lajna_db_exec_params (db,
      "SELECT code, title_ar, title_en, prompt_ar, prompt_en, required, body"
      "  FROM case_report_section WHERE report_id = $1 ORDER BY position", 1, params, error);
  if (sections == NULL)
    return NULL;
  report = report_at (result, 0);
  report->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  for (int i = 0; i < PQntuples (sections); i++)
    {
      LajnaReportSection *section = g_new0 (LajnaReportSection, 1);

      section->code = g_strdup (PQgetvalue (sections, i, 0));
      section->title_ar = g_strdup (PQgetvalue (sections, i, 1));
      section->title_en = g_strdup (PQgetvalue (sections, i, 2));
      section->prompt_ar = g_strdup (PQgetvalue (sections, i, 3));
      section->prompt_en = g_strdup (PQgetvalue (sections, i, 4));
      section->required = *PQgetvalue (sections, i, 5) == 't';
      section->body = g_strdup (PQgetvalue (sections, i, 6));
      g_ptr_array_add (report->sections, section);
    }
  return g_steal_pointer (&report);
}

/**
 * lajna_report_kinds:
 * @db: a connection
 * @case_id: a file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaReportKind) (nullable): the
 *   kinds of report the person signed in may begin on @case_id, none
 *   unless they work on it
 */
GPtrArray *
lajna_report_kinds (LajnaDb  *db,
                    gint64    case_id,
                    GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT code, name_ar, name_en FROM lajna_report_kinds($1)", 1, params, error);
  GPtrArray *kinds;

  if (result == NULL)
    return NULL;
  kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_report_kind_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaReportKind *kind = g_new0 (LajnaReportKind, 1);

      kind->code = g_strdup (PQgetvalue (result, i, 0));
      kind->name_ar = g_strdup (PQgetvalue (result, i, 1));
      kind->name_en = g_strdup (PQgetvalue (result, i, 2));
      g_ptr_array_add (kinds, kind);
    }
  return kinds;
}

/* The first value of @sql with @params, as a number; 0 on error. */
static gint64
exec_id (LajnaDb            *db,
         const char         *sql,
         int                 n_params,
         const char * const *params,
         GError            **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, n_params, params, error);

  return result != NULL ? int_at (result, 0, 0) : 0;
}

/**
 * lajna_report_create:
 * @db: a connection
 * @case_id: a file the person signed in works on
 * @kind_code: one of lajna_report_kinds()
 * @error: return location for a #GError
 *
 * Begins a draft, or finds the draft of this kind the person has begun.
 *
 * Returns: the draft's id, 0 on error
 */
gint64
lajna_report_create (LajnaDb     *db,
                     gint64       case_id,
                     const char  *kind_code,
                     GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id, kind_code };

  return exec_id (db, "SELECT lajna_report_create($1, $2)", 2, params, error);
}

/**
 * lajna_report_save:
 * @db: a connection
 * @report: a draft of the person signed in, with its sections as edited
 * @error: return location for a #GError
 *
 * Saves the sections' text, unless someone saved the draft since it was
 * loaded (%LAJNA_DB_ERROR_STALE); @report's row version moves on.
 *
 * Returns: whether it was saved
 */
gboolean
lajna_report_save (LajnaDb      *db,
                   LajnaReport  *report,
                   GError      **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report->id);
  g_autofree char *row_version = g_strdup_printf ("%d", report->row_version);
  LajnaJson *json = lajna_json_new ();
  g_autofree char *bodies = NULL;
  const char *params[3];
  gint64 saved;

  lajna_json_begin_object (json);
  for (guint i = 0; i < report->sections->len; i++)
    {
      const LajnaReportSection *section = g_ptr_array_index (report->sections, i);

      lajna_json_member (json, section->code, section->body);
    }
  lajna_json_end_object (json);
  bodies = lajna_json_free_to_string (json);
  params[0] = id;
  params[1] = row_version;
  params[2] = bodies;
  saved = exec_id (db, "SELECT lajna_report_save($1, $2, $3::jsonb)", 3, params, error);
  if (saved == 0)
    return FALSE;
  report->row_version = (int) saved;
  return TRUE;
}

/**
 * lajna_report_discard:
 * @db: a connection
 * @report: a draft of the person signed in
 * @error: return location for a #GError
 *
 * Returns: whether the draft is gone
 */
gboolean
lajna_report_discard (LajnaDb            *db,
                      const LajnaReport  *report,
                      GError            **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report->id);
  g_autofree char *row_version = g_strdup_printf ("%d", report->row_version);
  const char *params[] = { id, row_version };

  return lajna_db_run_params (db, "SELECT lajna_report_discard($1, $2)", 2, params, error);
}

/* @previews as a PostgreSQL array of bytea, in text. */
static char *
bytea_array (GPtrArray *previews)
{
  GString *text = g_string_new ("{");

  for (guint i = 0; previews != NULL && i < previews->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (previews, i), &size);

      g_string_append (text, i > 0 ? ",\"\\\\x" : "\"\\\\x");
      for (gsize k = 0; k < size; k++)
        g_string_append_printf (text, "%02x", data[k]);
      g_string_append_c (text, '"');
    }
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

/**
 * lajna_report_submit:
 * @db: a connection
 * @report: a draft of the person signed in, saved, its required sections
 *   written
 * @pdf: the report printed
 * @pages: @pdf's pages
 * @previews: (element-type GBytes) (nullable): a preview picture a page
 * @error: return location for a #GError
 *
 * Puts the report on record as its file's document; @report becomes
 * submitted.
 *
 * Returns: the document's id, 0 on error
 */
gint64
lajna_report_submit (LajnaDb      *db,
                     LajnaReport  *report,
                     GBytes       *pdf,
                     guint         pages,
                     GPtrArray    *previews,
                     GError      **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report->id);
  g_autofree char *row_version = g_strdup_printf ("%d", report->row_version);
  g_autofree char *page_count = g_strdup_printf ("%u", pages);
  g_autofree char *pictures = bytea_array (previews);
  gsize size;
  const char *values[] = { id, row_version, g_bytes_get_data (pdf, &size), page_count, pictures };
  const int lengths[] = { 0, 0, (int) size, 0, 0 };
  const int formats[] = { 0, 0, 1, 0, 0 };
  g_autoptr(PGresult) result = lajna_db_exec_binary (db,
      "SELECT lajna_report_submit($1, $2, $3, $4, $5::bytea[])", 5, values, lengths, formats,
      FALSE, error);

  if (result == NULL)
    return 0;
  report->document_id = int_at (result, 0, 0);
  report->row_version++;
  g_free (report->state);
  report->state = g_strdup ("submitted");
  return report->document_id;
}

/**
 * lajna_report_correct:
 * @db: a connection
 * @report_id: the latest version of a report on record, of the person
 *   signed in
 * @reason: why it is corrected
 * @error: return location for a #GError
 *
 * Returns: the correction's draft, 0 on error
 */
gint64
lajna_report_correct (LajnaDb     *db,
                      gint64       report_id,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
  const char *params[] = { id, reason };

  return exec_id (db, "SELECT lajna_report_correct($1, $2)", 2, params, error);
}

/**
 * lajna_report_lock:
 * @db: a connection
 * @report_id: a submitted report of the committee the person signed in
 *   chairs or reports to
 * @error: return location for a #GError
 *
 * Marks the report reviewed: it stays as it is.
 *
 * Returns: whether it is locked
 */
gboolean
lajna_report_lock (LajnaDb     *db,
                   gint64       report_id,
                   GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
  const char *params[] = { id };

  return lajna_db_run_params (db, "SELECT lajna_report_lock($1)", 1, params, error);
}

/**
 * lajna_report_may_lock:
 * @db: a connection
 * @case_id: a file
 * @may: (out): whether the person signed in chairs or reports to the
 *   file's committee, and so marks its reports reviewed
 * @error: return location for a #GError
 *
 * Returns: whether it could be read
 */
gboolean
lajna_report_may_lock (LajnaDb   *db,
                       gint64     case_id,
                       gboolean  *may,
                       GError   **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT EXISTS (SELECT FROM case_file c WHERE c.id = $1"
      "  AND c.committee_id = ANY (lajna_my_committees(ARRAY['chair', 'rapporteur'])))",
      1, params, error);

  if (result == NULL)
    return FALSE;
  *may = *PQgetvalue (result, 0, 0) == 't';
  return TRUE;
}

/**
 * lajna_report_missing:
 * @report: a report with its sections
 *
 * Returns: (transfer full) (nullable): the titles of the required
 *   sections still empty, in the language of the interface, one a line;
 *   %NULL when none is
 */
char *
lajna_report_missing (const LajnaReport *report)
{
  GString *missing = g_string_new (NULL);

  for (guint i = 0; i < report->sections->len; i++)
    {
      const LajnaReportSection *section = g_ptr_array_index (report->sections, i);
      g_autofree char *body = g_strstrip (g_strdup (section->body));

      if (section->required && body[0] == '\0')
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? "\n" : "",
                                lajna_prefer_arabic () ? section->title_ar : section->title_en);
    }
  if (missing->len == 0)
    {
      g_string_free (missing, TRUE);
      return NULL;
    }
  return g_string_free (missing, FALSE);
}

/**
 * lajna_report_state_label:
 * @state: a report's state
 *
 * Returns: (transfer none): the state as people say it
 */
const char *
lajna_report_state_label (const char *state)
{
  if (g_strcmp0 (state, "draft") == 0)
    return C_("report", "Draft");
  if (g_strcmp0 (state, "submitted") == 0)
    return C_("report", "Submitted");
  return C_("report", "Reviewed");
}

void
lajna_report_file_free (LajnaReportFile *file)
{
  g_free (file->file_number);
  g_free (file->juvenile);
  g_free (file->facility);
  g_free (file->today);
  g_free (file);
}

/**
 * lajna_report_file_read:
 * @db: a connection, as a person who reads the file's reports
 * @case_id: a juvenile file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file as a report names it, or
 *   %NULL with %LAJNA_DB_ERROR_NOT_FOUND when the person does not read it
 */
LajnaReportFile *
lajna_report_file_read (LajnaDb  *db,
                        gint64    case_id,
                        GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT c.file_number, c.title, coalesce(j.facility, ''), lajna_today()"
      "  FROM case_file c JOIN juvenile_case j ON j.case_id = c.id WHERE c.id = $1",
      1, params, error);
  LajnaReportFile *file;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("This report’s file is not there, or you may not read it."));
      return NULL;
    }
  file = g_new0 (LajnaReportFile, 1);
  file->file_number = g_strdup (PQgetvalue (result, 0, 0));
  file->juvenile = g_strdup (PQgetvalue (result, 0, 1));
  file->facility = g_strdup (PQgetvalue (result, 0, 2));
  file->today = g_strdup (PQgetvalue (result, 0, 3));
  return file;
}

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return lajna_report_load (db, *(gint64 *) data, error);
}

/**
 * lajna_report_load_async:
 * @worker: the database worker
 * @report_id: a report
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context once read
 * @user_data: for @callback
 *
 * Reads the report with its sections (lajna_report_load()) on the worker.
 */
void
lajna_report_load_async (LajnaDbWorker        *worker,
                         gint64                report_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  lajna_db_worker_run_async (worker, load_job, g_memdup2 (&report_id, sizeof report_id), g_free,
                             (GDestroyNotify) lajna_report_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_report_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report
 */
LajnaReport *
lajna_report_load_finish (LajnaDbWorker  *worker,
                          GAsyncResult   *result,
                          GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* A draft to begin: of a kind on a file, or correcting a report. */
typedef struct
{
  gint64  id;
  char   *kind_code;
  char   *reason;
} Begin;

static void
begin_free (Begin *begin)
{
  g_free (begin->kind_code);
  g_free (begin->reason);
  g_free (begin);
}

static gpointer
begin_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Begin *begin = data;
  gint64 draft = begin->reason != NULL
                 ? lajna_report_correct (db, begin->id, begin->reason, error)
                 : lajna_report_create (db, begin->id, begin->kind_code, error);

  return draft != 0 ? g_memdup2 (&draft, sizeof draft) : NULL;
}

static void
run_begin (LajnaDbWorker        *worker,
           Begin                *begin,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  lajna_db_worker_run_async (worker, begin_job, begin, (GDestroyNotify) begin_free, g_free,
                             cancellable, callback, user_data);
}

/**
 * lajna_report_create_async:
 * @worker: the database worker
 * @case_id: a juvenile file
 * @kind_code: the kind of report to begin
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once begun; finish with lajna_report_begin_finish()
 * @user_data: for @callback
 *
 * Begins a draft (lajna_report_create()) on the worker.
 */
void
lajna_report_create_async (LajnaDbWorker        *worker,
                           gint64                case_id,
                           const char           *kind_code,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  Begin *begin = g_new0 (Begin, 1);

  begin->id = case_id;
  begin->kind_code = g_strdup (kind_code);
  run_begin (worker, begin, cancellable, callback, user_data);
}

/**
 * lajna_report_correct_async:
 * @worker: the database worker
 * @report_id: a report on record
 * @reason: why it is corrected
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once begun; finish with lajna_report_begin_finish()
 * @user_data: for @callback
 *
 * Begins the draft of its next version (lajna_report_correct()) on the
 * worker.
 */
void
lajna_report_correct_async (LajnaDbWorker        *worker,
                            gint64                report_id,
                            const char           *reason,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  Begin *begin = g_new0 (Begin, 1);

  begin->id = report_id;
  begin->reason = g_strdup (reason);
  run_begin (worker, begin, cancellable, callback, user_data);
}

/**
 * lajna_report_begin_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: the draft begun, 0 on error
 */
gint64
lajna_report_begin_finish (LajnaDbWorker  *worker,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_autofree gint64 *draft = lajna_db_worker_run_finish (worker, result, error);

  return draft != NULL ? *draft : 0;
}

static gpointer
save_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return lajna_report_save (db, data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_report_save_async:
 * @worker: the database worker
 * @report: a draft of the person's, kept alive and unchanged until the
 *   callback runs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once saved; finish with lajna_report_write_finish()
 * @user_data: for @callback
 *
 * Saves the draft (lajna_report_save()) on the worker.
 */
void
lajna_report_save_async (LajnaDbWorker        *worker,
                         LajnaReport          *report,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  lajna_db_worker_run_async (worker, save_job, report, NULL, NULL, cancellable, callback,
                             user_data);
}

static gpointer
lock_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return lajna_report_lock (db, *(gint64 *) data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_report_lock_async:
 * @worker: the database worker
 * @report_id: a submitted report
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once locked; finish with lajna_report_write_finish()
 * @user_data: for @callback
 *
 * Marks the report reviewed (lajna_report_lock()) on the worker.
 */
void
lajna_report_lock_async (LajnaDbWorker        *worker,
                         gint64                report_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  lajna_db_worker_run_async (worker, lock_job, g_memdup2 (&report_id, sizeof report_id), g_free,
                             NULL, cancellable, callback, user_data);
}

/**
 * lajna_report_write_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the report was saved, or locked
 */
gboolean
lajna_report_write_finish (LajnaDbWorker  *worker,
                           GAsyncResult   *result,
                           GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
