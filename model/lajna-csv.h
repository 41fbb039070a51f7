#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest real intake sheets have rows of about 500 bytes; a row or a
 * cell beyond these is not an intake sheet. */
#define LAJNA_CSV_MAX_ROW_BYTES (1000 * 1000)
#define LAJNA_CSV_MAX_CELL_BYTES (64 * 1000)

/**
 * LajnaCsvRowStatus:
 * @LAJNA_CSV_ROW_OK: the row was read as cells
 * @LAJNA_CSV_ROW_CELL_TOO_LONG: a cell (see @long_cell) is longer than
 *   %LAJNA_CSV_MAX_CELL_BYTES
 * @LAJNA_CSV_ROW_TOO_LONG: the row is longer than %LAJNA_CSV_MAX_ROW_BYTES
 * @LAJNA_CSV_ROW_OPEN_QUOTE: the text ends inside a quoted cell
 *
 * Why a row could not be read as cells.
 */
typedef enum
{
  LAJNA_CSV_ROW_OK,
  LAJNA_CSV_ROW_CELL_TOO_LONG,
  LAJNA_CSV_ROW_TOO_LONG,
  LAJNA_CSV_ROW_OPEN_QUOTE,
} LajnaCsvRowStatus;

/**
 * LajnaCsvReader:
 * @row: the number of the record last read, from 1
 * @status: whether that record could be read as cells
 * @long_cell: the index of the cell that was too long, for
 *   %LAJNA_CSV_ROW_CELL_TOO_LONG
 *
 * Reads a CSV text (RFC 4180) one record at a time, on the stack of its
 * caller: lajna_csv_reader_init(), lajna_csv_reader_next() until it returns
 * %FALSE, lajna_csv_reader_clear(). The other fields are private.
 */
typedef struct
{
  guint              row;
  LajnaCsvRowStatus  status;
  guint              long_cell;

  /*< private >*/
  const char        *p;
  const char        *end;
  char               separator;
  GString           *cells;
  GArray            *starts;
} LajnaCsvReader;

void        lajna_csv_reader_init         (LajnaCsvReader       *self,
                                           const char           *data,
                                           gsize                 len);
void        lajna_csv_reader_clear        (LajnaCsvReader       *self);
gboolean    lajna_csv_reader_next         (LajnaCsvReader       *self);
guint       lajna_csv_reader_get_n_cells  (const LajnaCsvReader *self);
const char *lajna_csv_reader_get_cell     (const LajnaCsvReader *self,
                                           guint                 i);
gboolean    lajna_csv_reader_row_is_blank (const LajnaCsvReader *self);

G_END_DECLS
