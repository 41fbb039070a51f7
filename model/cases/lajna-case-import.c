/* lajna-case-import.c: files registered from a spreadsheet.
 *
 * Intake is often typed into a spreadsheet first. The workbook (.xlsx) or
 * its CSV export (RFC 4180) names the columns by field key in the header
 * row (lajna_case_fields()), and every row is cleaned and validated
 * exactly as the form does it (lajna-case-import-row.c). The valid rows
 * are registered in one transaction (lajna-case-bulk.c), so that an
 * import writes every file or none and file numbers stay gapless: in
 * batches, by this thread, while a second one reads and validates the
 * rows after them, each on a core of its own. A row with an error that
 * stops the import stops the registering too, and the transaction is
 * rolled back once the whole file is read and reported.
 *
 * The file comes from outside and is read defensively. It must be UTF-8:
 * the Arabic Windows code page and UTF-16, which spreadsheets also write,
 * are named so that the clerk knows how to save the file again, rather
 * than decoded by guess into garbled names. The sizes of the file, a row
 * and a cell are bounded (the rows are read by lajna-csv.c or
 * lajna-xlsx-reader.c, into the same LajnaSheetRow), so that a wrong file
 * gives a message, never a huge allocation.
 */

#include "lajna-case-import-private.h"

#include <glib/gi18n-lib.h>

#include "lajna-case-bulk.h"
#include "lajna-country.h"

/* The largest real intake sheets are a few hundred thousand rows of about
 * 500 bytes; a file beyond this is not an intake sheet (lajna-sheet-row.h
 * bounds a row and a cell). */
#define MAX_FILE_BYTES (200 * 1000 * 1000)

/* How often reading looks at its cancellable and tells its progress. */
#define ROWS_PER_STEP 256

/* The part of an import's progress that is reading and validating, the
 * rest being registering, which goes on at the same time. */
#define READ_SHARE 0.2

/* Files registered by one statement: enough that the statement's own work
 * is small beside its rows', few enough that registering starts early and
 * the progress moves. */
#define BATCH_ROWS 2000

/* Valid rows handed over to be registered, and how far into the file the
 * last of them is; the last batch of a file has last set. */
typedef struct
{
  GPtrArray *records;
  double     fraction;
  gboolean   last;
} ImportBatch;

G_DEFINE_QUARK (lajna-import-error-quark, lajna_import_error)

static void
issue_free (LajnaImportIssue *issue)
{
  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

static void
row_free (LajnaImportRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
batch_free (ImportBatch *batch)
{
  g_ptr_array_unref (batch->records);
  g_free (batch);
}

static void
committee_free (Committee *committee)
{
  g_free (committee->kind);
  g_free (committee);
}

static void
set_progress (LajnaCaseImport *self,
              double           fraction)
{
  g_atomic_int_set (&self->progress, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

/* An import's progress from how far reading and registering came, each
 * told by its own thread (in thousandths, at @at): it only moves on. */
static void
show_import_progress (Import *im,
                      gint   *at,
                      double  fraction)
{
  gint progress, was;

  g_atomic_int_set (at, (gint) (CLAMP (fraction, 0, 1) * 1000));
  progress = (gint) (READ_SHARE * g_atomic_int_get (&im->read_at)
                     + (1 - READ_SHARE) * g_atomic_int_get (&im->registered_at));
  do
    was = g_atomic_int_get (&im->self->progress);
  while (progress > was
         && !g_atomic_int_compare_and_exchange (&im->self->progress, was, progress));
}

/* Reading */

/* How far into the file reading is, from 0 to 1. */
static double
read_fraction (Import *im)
{
  return im->xlsx != NULL ? lajna_xlsx_reader_get_fraction (im->xlsx)
                          : lajna_csv_reader_get_fraction (&im->csv);
}

/* Hands the rows read since the last batch over to be registered; with
 * @last, whatever is left and the end of the file. */
static void
hand_over (Import   *im,
           gboolean  last)
{
  ImportBatch *batch = g_new0 (ImportBatch, 1);

  batch->records = g_steal_pointer (&im->batch);
  batch->fraction = read_fraction (im);
  batch->last = last;
  g_async_queue_push (im->batches, batch);
  if (!last)
    im->batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_case_record_free);
}

/* A valid row: counted, and when importing, registered with its batch
 * unless an error before it stops the import. */
static void
take_row (Import          *im,
          LajnaCaseRecord *record)
{
  im->n_valid++;
  if (im->batches == NULL || g_atomic_int_get (&im->doomed))
    {
      lajna_case_record_free (record);
      return;
    }
  g_ptr_array_add (im->batch, record);
  if (im->batch->len == BATCH_ROWS)
    hand_over (im, FALSE);
}

/* Returns FALSE when the caller cancelled, or the sheet cannot be read
 * to its end; stops early, with TRUE, when the registering stopped. */
static gboolean
read_rows (Import  *im,
           GError **error)
{
  const LajnaSheetRow *r = im->row;
  GError *read_error = NULL;

  while (lajna_case_import_next_row (im, &read_error))
    {
      LajnaCaseRecord *record;

      if (r->status == LAJNA_SHEET_ROW_OK && lajna_sheet_row_is_blank (r))
        continue;
      record = lajna_case_import_read_row (im);

      if (im->self->check_only)
        lajna_case_import_keep_for_preview (im, record != NULL);
      if (record != NULL)
        take_row (im, record);
      else if (im->n_invalid++ == 0 && !im->self->skip_invalid)
        g_atomic_int_set (&im->doomed, 1);

      if (r->row % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_is_cancelled (im->self->cancellable))
            return lajna_case_import_cancelled (error);
          if (g_atomic_int_get (&im->stopped))
            return TRUE;
          if (im->batches == NULL)
            set_progress (im->self, read_fraction (im));
          else
            show_import_progress (im, &im->read_at, read_fraction (im));
        }
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return TRUE;
}

/* The reading thread: its error, if reading stopped on one (which dooms
 * the import as a row's error does). */
static gpointer
read_then_hand_over (gpointer data)
{
  Import *im = data;
  GError *error = NULL;

  if (!read_rows (im, &error))
    g_atomic_int_set (&im->doomed, 1);
  if (g_atomic_int_get (&im->doomed))
    g_ptr_array_set_size (im->batch, 0);
  hand_over (im, TRUE);
  return error;
}

/* The run */

static gboolean
fetch_countries (Import   *im,
                 LajnaDb  *db,
                 GError  **error)
{
  g_autoptr(GPtrArray) countries = lajna_country_fetch_all (db, error);

  if (countries == NULL)
    return FALSE;
  im->countries = lajna_country_codes (countries);
  return TRUE;
}

/* The verdict on the rows read: whether the file can be imported. */
static gboolean
judge_rows (Import  *im,
            GError **error)
{
  LajnaCaseImport *self = im->self;

  if (im->n_valid == 0 && im->n_invalid == 0)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_EMPTY, _("The file holds no files to import."));
  self->n_valid = im->n_valid;
  if (self->check_only)
    {
      self->n_left_out = im->n_invalid;
      return TRUE;
    }
  if (im->n_invalid > 0 && (!self->skip_invalid || im->n_valid == 0))
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%u row has errors; nothing was imported.",
                              "%u rows have errors; nothing was imported.", im->n_invalid),
                 im->n_invalid);
  self->n_left_out = im->n_invalid;
  return TRUE;
}

/* Registers each batch as it comes, until the last; once registering
 * failed, the caller cancelled or a row's error doomed the import, the
 * batches after are only freed. */
static gboolean
register_batches (Import         *im,
                  LajnaDb        *db,
                  LajnaCaseBulk **bulk,
                  GError        **error)
{
  LajnaCaseImport *self = im->self;
  gboolean ok = TRUE;
  gboolean last = FALSE;

  while (!last)
    {
      ImportBatch *batch = g_async_queue_pop (im->batches);

      last = batch->last;
      if (ok && batch->records->len > 0 && !g_atomic_int_get (&im->doomed))
        {
          ok = !g_cancellable_set_error_if_cancelled (self->cancellable, error)
               && (*bulk != NULL || (*bulk = lajna_case_bulk_begin (db, error)) != NULL)
               && lajna_case_bulk_register (*bulk, batch->records, error);
          if (ok)
            {
              g_ptr_array_extend_and_steal (self->files, g_steal_pointer (&batch->records));
              batch->records = g_ptr_array_new ();
              show_import_progress (im, &im->registered_at, batch->fraction);
            }
          else
            g_atomic_int_set (&im->stopped, 1);
        }
      batch_free (batch);
    }
  return ok;
}

/* All or nothing: a row with errors stops the import, unless the caller
 * asked to leave such rows out. */
static gboolean
import_rows (Import   *im,
             LajnaDb  *db,
             GError  **error)
{
  LajnaCaseImport *self = im->self;
  g_autoptr(LajnaCaseBulk) bulk = NULL;
  GError *read_error;
  GThread *reader;
  gboolean registered;

  im->batches = g_async_queue_new ();
  im->batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_case_record_free);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_case_record_free);
  reader = g_thread_new ("lajna-import-read", read_then_hand_over, im);
  registered = register_batches (im, db, &bulk, error);
  read_error = g_thread_join (reader);
  g_clear_pointer (&im->batches, g_async_queue_unref);

  /* Reading stopped (cancelled, or the sheet is broken): whatever the
   * registering met, that is what happened. */
  if (read_error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, read_error);
    }
  else if (registered && judge_rows (im, error)
           && !g_cancellable_set_error_if_cancelled (self->cancellable, error)
           && lajna_case_bulk_commit (bulk, error))
    {
      set_progress (self, 1);
      return TRUE;
    }
  g_clear_pointer (&self->files, g_ptr_array_unref);
  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return lajna_case_import_cancelled (error);
  return FALSE;
}

static gboolean
run (Import      *im,
     LajnaDb     *db,
     const char  *data,
     gsize        len,
     GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (len > MAX_FILE_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (MAX_FILE_BYTES);

      return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_TOO_LARGE,
                   _("The file is %s; an import takes at most %s. Split it into smaller files."),
                   size, limit);
    }
  if (!lajna_case_import_open_sheet (im, data, len, error))
    return FALSE;

  g_date_clear (&im->today, 1);
  g_date_set_dmy (&im->today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  if (!lajna_case_import_load_committees (im, db, error)
      || !lajna_case_import_read_header (im, error))
    return FALSE;
  for (guint i = 0; i < im->columns->len; i++)
    g_ptr_array_add (im->self->columns, g_strdup (g_ptr_array_index (im->columns, i)));
  if (!fetch_countries (im, db, error))
    return FALSE;
  if (!im->self->check_only)
    return import_rows (im, db, error);
  if (!read_rows (im, error))
    return FALSE;
  set_progress (im->self, 1);
  return judge_rows (im, error);
}

static void
clear_results (LajnaCaseImport *self)
{
  g_ptr_array_set_size (self->issues, 0);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->preview, 0);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->n_valid = 0;
  self->n_left_out = 0;
  set_progress (self, 0);
}

/**
 * lajna_case_import_new:
 * @committee_id: the committee every file is for, or 0 when the file has
 *   a `committee` column giving each row's committee by code or id
 * @skip_invalid: whether to register the valid rows when others have
 *   errors, instead of nothing
 *
 * Returns: (transfer full): an import, to run on a file
 */
LajnaCaseImport *
lajna_case_import_new (int      committee_id,
                       gboolean skip_invalid)
{
  LajnaCaseImport *self = g_new0 (LajnaCaseImport, 1);

  self->committee_id = committee_id;
  self->skip_invalid = skip_invalid;
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return self;
}

void
lajna_case_import_free (LajnaCaseImport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->issues);
  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->preview);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self);
}

/**
 * lajna_case_import_run_bytes:
 * @self: an import
 * @db: a connection
 * @contents: an Excel workbook (.xlsx), whose first worksheet is read, or
 *   CSV text: UTF-8, with or without a byte order mark
 * @error: return location for a #GError
 *
 * Reads every row of @contents into a file, validates it as the form
 * does (with today's date and the country list of @db), and registers the
 * valid ones in one transaction: all of them, or none when a row has an
 * error and rows with errors are not to be left out. The per-row report
 * is in lajna_case_import_get_issues() either way.
 *
 * Returns: whether files were registered; otherwise @error is set in
 *   %LAJNA_IMPORT_ERROR, %LAJNA_XLSX_ERROR or %LAJNA_DB_ERROR, and nothing
 *   was written
 */
gboolean
lajna_case_import_run_bytes (LajnaCaseImport  *self,
                             LajnaDb          *db,
                             GBytes           *contents,
                             GError          **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (contents, &len);
  Import im = { .self = self, .committee_column = -1 };
  gboolean ok;

  clear_results (self);
  im.committee_list = g_ptr_array_new_with_free_func ((GDestroyNotify) committee_free);
  im.committees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.columns = g_ptr_array_new ();
  ok = run (&im, db, data != NULL ? data : "", len, error);

  g_ptr_array_unref (im.committee_list);
  g_hash_table_unref (im.committees);
  g_strfreev (im.countries);
  g_ptr_array_unref (im.columns);
  g_clear_pointer (&im.batch, g_ptr_array_unref);
  lajna_csv_reader_clear (&im.csv);
  g_clear_pointer (&im.xlsx, lajna_xlsx_reader_free);
  return ok;
}

/**
 * lajna_case_import_run_file:
 * @self: an import
 * @db: a connection
 * @path: a workbook or a CSV file
 * @error: return location for a #GError
 *
 * lajna_case_import_run_bytes() on the file at @path, mapped rather than
 * read into memory.
 *
 * Returns: whether files were registered
 */
gboolean
lajna_case_import_run_file (LajnaCaseImport  *self,
                            LajnaDb          *db,
                            const char       *path,
                            GError          **error)
{
  g_autoptr(GError) map_error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &map_error);
  g_autoptr(GBytes) contents = NULL;

  if (file == NULL)
    {
      clear_results (self);
      return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_READ, _("Cannot read the file: %s"),
                   map_error->message);
    }
  contents = g_mapped_file_get_bytes (file);
  return lajna_case_import_run_bytes (self, db, contents, error);
}

/* An import to run on a file. */
typedef struct
{
  LajnaCaseImport *import;
  char            *path;
} Run;

static void
run_free (Run *run)
{
  g_free (run->path);
  g_free (run);
}

static gpointer
run_job (LajnaDb       *db,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Run *run = data;

  return lajna_case_import_run_file (run->import, db, run->path, error) ? GINT_TO_POINTER (TRUE)
                                                                         : NULL;
}

/**
 * lajna_case_import_run_file_async:
 * @self: an import, kept alive by the caller until @callback runs
 * @worker: the database worker
 * @path: a workbook or a CSV file
 * @callback: called once run; cancel with lajna_case_import_set_cancellable()
 * @user_data: for @callback
 *
 * lajna_case_import_run_file() on the worker; the import's progress and
 * findings are read on it meanwhile and once done.
 */
void
lajna_case_import_run_file_async (LajnaCaseImport      *self,
                                  LajnaDbWorker        *worker,
                                  const char           *path,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  Run *run = g_new0 (Run, 1);

  run->import = self;
  run->path = g_strdup (path);
  lajna_db_worker_run_async (worker, run_job, run, (GDestroyNotify) run_free, NULL, NULL,
                             callback, user_data);
}

/**
 * lajna_case_import_run_file_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether files were registered (or, checking, whether the file
 *   was read through)
 */
gboolean
lajna_case_import_run_file_finish (LajnaDbWorker  *worker,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}

/**
 * lajna_case_import_get_issues:
 * @self: an import that ran
 *
 * Returns: (transfer none) (element-type LajnaImportIssue): the findings
 *   of the last run, in row order
 */
GPtrArray *
lajna_case_import_get_issues (LajnaCaseImport *self)
{
  return self->issues;
}

/**
 * lajna_case_import_get_files:
 * @self: an import that ran
 *
 * Returns: (transfer none) (element-type LajnaCaseRecord) (nullable): the
 *   files the last run registered, in row order, each with its id and file
 *   number; %NULL when it registered none
 */
GPtrArray *
lajna_case_import_get_files (LajnaCaseImport *self)
{
  return self->files;
}

/**
 * lajna_case_import_get_n_left_out:
 * @self: an import that ran
 *
 * Returns: how many rows with errors the last run left out (would leave
 *   out, for a check)
 */
guint
lajna_case_import_get_n_left_out (LajnaCaseImport *self)
{
  return self->n_left_out;
}

/**
 * lajna_case_import_set_check_only:
 * @self: an import
 * @check_only: whether a run only reads and validates
 *
 * A check reads and validates every row as an import does, and writes
 * nothing: it succeeds when the file as a whole can be imported, and
 * keeps a preview of its rows (lajna_case_import_get_preview()) and the
 * counts of valid rows and rows with errors.
 */
void
lajna_case_import_set_check_only (LajnaCaseImport *self,
                                  gboolean         check_only)
{
  self->check_only = check_only;
}

/**
 * lajna_case_import_set_cancellable:
 * @self: an import
 * @cancellable: (nullable): stops a run from another thread; a run stopped
 *   fails with %G_IO_ERROR_CANCELLED and has written nothing
 */
void
lajna_case_import_set_cancellable (LajnaCaseImport *self,
                                   GCancellable    *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
}

/**
 * lajna_case_import_get_progress:
 * @self: an import
 *
 * May be called from any thread while another runs the import.
 *
 * Returns: how far the run is, from 0 to 1
 */
double
lajna_case_import_get_progress (LajnaCaseImport *self)
{
  return g_atomic_int_get (&self->progress) / 1000.0;
}

/**
 * lajna_case_import_get_columns:
 * @self: an import that read the header
 *
 * Returns: (transfer none) (element-type utf8): each column's field key,
 *   or "committee"
 */
GPtrArray *
lajna_case_import_get_columns (LajnaCaseImport *self)
{
  return self->columns;
}

/**
 * lajna_case_import_get_preview:
 * @self: a check that ran
 *
 * Returns: (transfer none) (element-type LajnaImportRow): the first rows,
 *   and the first rows with errors after them, in row order
 */
GPtrArray *
lajna_case_import_get_preview (LajnaCaseImport *self)
{
  return self->preview;
}

/**
 * lajna_case_import_get_n_valid:
 * @self: an import that ran
 *
 * Returns: how many rows can be registered (were, unless a check)
 */
guint
lajna_case_import_get_n_valid (LajnaCaseImport *self)
{
  return self->n_valid;
}
