#pragma once

#include "lajna-case-record.h"
#include "lajna-db-worker.h"
#include "lajna-validation.h"

G_BEGIN_DECLS

#define LAJNA_IMPORT_ERROR (lajna_import_error_quark ())

/**
 * LajnaImportError:
 * @LAJNA_IMPORT_ERROR_READ: the file cannot be read
 * @LAJNA_IMPORT_ERROR_TOO_LARGE: the file is larger than an import takes
 * @LAJNA_IMPORT_ERROR_ENCODING: the file is not UTF-8 text
 * @LAJNA_IMPORT_ERROR_HEADER: the header row names a column that files of
 *   this kind do not have, or names one twice
 * @LAJNA_IMPORT_ERROR_NO_COMMITTEE: neither the caller nor a `committee`
 *   column says which committee the files are for
 * @LAJNA_IMPORT_ERROR_COMMITTEE: the committee given does not exist
 * @LAJNA_IMPORT_ERROR_EMPTY: the file holds no file to import
 * @LAJNA_IMPORT_ERROR_INVALID: rows have errors (see the issues); nothing
 *   was imported
 *
 * Why a spreadsheet import wrote nothing. A database error is reported in
 * %LAJNA_DB_ERROR instead.
 */
typedef enum
{
  LAJNA_IMPORT_ERROR_READ,
  LAJNA_IMPORT_ERROR_TOO_LARGE,
  LAJNA_IMPORT_ERROR_ENCODING,
  LAJNA_IMPORT_ERROR_HEADER,
  LAJNA_IMPORT_ERROR_NO_COMMITTEE,
  LAJNA_IMPORT_ERROR_COMMITTEE,
  LAJNA_IMPORT_ERROR_EMPTY,
  LAJNA_IMPORT_ERROR_INVALID,
} LajnaImportError;

/**
 * LajnaImportIssue:
 * @row: the row as a spreadsheet numbers it: the header is row 1
 * @field: (nullable): the field key, or "committee"; %NULL when the
 *   finding is about the row as a whole
 * @level: an error leaves the row out; a warning does not
 * @message: the translated finding
 *
 * One finding of the per-row report.
 */
typedef struct
{
  guint            row;
  char            *field;
  LajnaIssueLevel  level;
  char            *message;
} LajnaImportIssue;

/**
 * LajnaImportRow:
 * @row: the row as a spreadsheet numbers it
 * @cells: the row's cells as the file gives them, one per column; empty
 *   when the row could not be read as cells
 * @valid: whether the row would be registered
 *
 * A row of the preview that a check keeps.
 */
typedef struct
{
  guint     row;
  GStrv     cells;
  gboolean  valid;
} LajnaImportRow;

typedef struct _LajnaCaseImport LajnaCaseImport;

GQuark           lajna_import_error_quark       (void);
LajnaCaseImport *lajna_case_import_new          (int               committee_id,
                                                 gboolean          skip_invalid);
void             lajna_case_import_free         (LajnaCaseImport  *self);
gboolean         lajna_case_import_run_file     (LajnaCaseImport  *self,
                                                 LajnaDb          *db,
                                                 const char       *path,
                                                 GError          **error);
void             lajna_case_import_run_file_async  (LajnaCaseImport      *self,
                                                    LajnaDbWorker        *worker,
                                                    const char           *path,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         lajna_case_import_run_file_finish (LajnaDbWorker        *worker,
                                                    GAsyncResult         *result,
                                                    GError              **error);
gboolean         lajna_case_import_run_bytes    (LajnaCaseImport  *self,
                                                 LajnaDb          *db,
                                                 GBytes           *contents,
                                                 GError          **error);
void             lajna_case_import_set_check_only (LajnaCaseImport *self,
                                                   gboolean         check_only);
void             lajna_case_import_set_cancellable (LajnaCaseImport *self,
                                                    GCancellable    *cancellable);
double           lajna_case_import_get_progress (LajnaCaseImport  *self);
GPtrArray       *lajna_case_import_get_columns  (LajnaCaseImport  *self);
GPtrArray       *lajna_case_import_get_preview  (LajnaCaseImport  *self);
guint            lajna_case_import_get_n_valid  (LajnaCaseImport  *self);
GPtrArray       *lajna_case_import_get_issues   (LajnaCaseImport  *self);
GPtrArray       *lajna_case_import_get_files    (LajnaCaseImport  *self);
guint            lajna_case_import_get_n_left_out (LajnaCaseImport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseImport, lajna_case_import_free)

G_END_DECLS
