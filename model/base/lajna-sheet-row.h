#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest real intake sheets have rows of about 500 bytes; a row or a
 * cell beyond these is not an intake sheet. */
#define LAJNA_SHEET_MAX_ROW_BYTES (1000 * 1000)
#define LAJNA_SHEET_MAX_CELL_BYTES (64 * 1000)

/**
 * LajnaSheetRowStatus:
 * @LAJNA_SHEET_ROW_OK: the row was read as cells
 * @LAJNA_SHEET_ROW_CELL_TOO_LONG: a cell (see @long_cell) is longer than
 *   %LAJNA_SHEET_MAX_CELL_BYTES
 * @LAJNA_SHEET_ROW_TOO_LONG: the row is longer than
 *   %LAJNA_SHEET_MAX_ROW_BYTES
 * @LAJNA_SHEET_ROW_OPEN_QUOTE: a CSV text ends inside a quoted cell
 *
 * Why a row could not be read as cells.
 */
typedef enum
{
  LAJNA_SHEET_ROW_OK,
  LAJNA_SHEET_ROW_CELL_TOO_LONG,
  LAJNA_SHEET_ROW_TOO_LONG,
  LAJNA_SHEET_ROW_OPEN_QUOTE,
} LajnaSheetRowStatus;

/**
 * LajnaSheetRow:
 * @row: the row's number as the spreadsheet shows it, from 1; 0 before
 *   the first row
 * @status: whether the row could be read as cells
 * @long_cell: the index of the cell that was too long, for
 *   %LAJNA_SHEET_ROW_CELL_TOO_LONG
 *
 * One row of a spreadsheet as its reader (lajna-csv.c, lajna-xlsx-reader.c)
 * fills it in, cell by cell, within the limits above. The other fields are
 * private.
 */
typedef struct
{
  guint                row;
  LajnaSheetRowStatus  status;
  guint                long_cell;

  /*< private >*/
  GString             *cells;
  GArray              *starts;
} LajnaSheetRow;

void        lajna_sheet_row_init        (LajnaSheetRow       *self);
void        lajna_sheet_row_clear       (LajnaSheetRow       *self);
void        lajna_sheet_row_begin       (LajnaSheetRow       *self,
                                         guint                row);
void        lajna_sheet_row_begin_cell  (LajnaSheetRow       *self);
void        lajna_sheet_row_append      (LajnaSheetRow       *self,
                                         const char          *text,
                                         gsize                len);
void        lajna_sheet_row_end_cell    (LajnaSheetRow       *self);
guint       lajna_sheet_row_get_n_cells (const LajnaSheetRow *self);
const char *lajna_sheet_row_get_cell    (const LajnaSheetRow *self,
                                         guint                i);
gboolean    lajna_sheet_row_is_blank    (const LajnaSheetRow *self);

G_END_DECLS
