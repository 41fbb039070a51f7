#pragma once

/* What lajna-case-import.c shares with lajna-case-import-header.c, which
 * reads what comes before the rows, and lajna-case-import-row.c, which
 * reads each row. */

#include "lajna-case-import.h"
#include "lajna-csv.h"
#include "lajna-xlsx-reader.h"

G_BEGIN_DECLS

/* The column that gives each row's committee, by code or id. */
#define COMMITTEE_COLUMN "committee"

struct _LajnaCaseImport
{
  int           committee_id;
  gboolean      skip_invalid;
  gboolean      check_only;
  GCancellable *cancellable;
  /* Thousandths, set on the importing thread and read on any. */
  gint          progress;
  GPtrArray    *issues;
  GPtrArray    *files;
  GPtrArray    *columns;
  GPtrArray    *preview;
  guint         n_valid;
  guint         n_left_out;
};

typedef struct
{
  int   id;
  char *kind;
} Committee;

/* What one run knows besides its results. */
typedef struct
{
  LajnaCaseImport *self;
  GPtrArray       *committee_list;
  GHashTable      *committees;
  const Committee *fixed;
  GStrv            countries;
  GDate            today;
  /* The sheet's rows come from one of the readers; the row last read
   * stays at one address. */
  LajnaCsvReader   csv;
  LajnaXlsxReader *xlsx;
  const LajnaSheetRow *row;
  /* Each column's field key (or COMMITTEE_COLUMN), and the kind of file
   * the columns belong to: NULL when they name only fields that both
   * kinds have, and each row's committee says. */
  GPtrArray       *columns;
  int              committee_column;
  const char      *kind;
  guint            n_valid;
  guint            n_invalid;
  guint            n_invalid_shown;
  /* Importing: the reading thread hands the valid rows over in batches
   * (ImportBatch, the last one marked) to the registering thread. It sets
   * doomed at a row whose error stops the import, or when the sheet cannot
   * be read on, so that no more batches are registered; the registering
   * thread sets stopped when it gives up, so that the reading may stop
   * too. */
  GAsyncQueue     *batches;
  GPtrArray       *batch;
  gint             doomed;
  gint             stopped;
  /* How far each thread came, in thousandths, for the progress. */
  gint             read_at;
  gint             registered_at;
} Import;

gboolean         lajna_case_import_fail              (GError           **error,
                                                      LajnaImportError   code,
                                                      const char        *format,
                                                      ...) G_GNUC_PRINTF (3, 4);
gboolean         lajna_case_import_cancelled         (GError           **error);
gboolean         lajna_case_import_open_sheet        (Import            *im,
                                                      const char        *data,
                                                      gsize              len,
                                                      GError           **error);
gboolean         lajna_case_import_next_row          (Import            *im,
                                                      GError           **error);
gboolean         lajna_case_import_load_committees   (Import            *im,
                                                      LajnaDb           *db,
                                                      GError           **error);
gboolean         lajna_case_import_read_header       (Import            *im,
                                                      GError           **error);
LajnaCaseRecord *lajna_case_import_read_row          (Import            *im);
void             lajna_case_import_keep_for_preview  (Import            *im,
                                                      gboolean           valid);

G_END_DECLS
