/* lajna-csv.c: a CSV reader for spreadsheet exports (RFC 4180).
 *
 * Each record is read into a LajnaSheetRow, which bounds its cells. A
 * record beyond the limits of lajna-sheet-row.h is still read to its end,
 * so that the next record starts where it should.
 */

#include "lajna-csv.h"

#include <string.h>

/* The bytes of a quoted cell up to its closing quote; a doubled quote
 * stands for one. Returns FALSE when the text ends first. */
static gboolean
read_quoted (LajnaCsvReader *r)
{
  const char *quote;

  while ((quote = memchr (r->p, '"', (gsize) (r->end - r->p))) != NULL)
    {
      lajna_sheet_row_append (&r->row, r->p, (gsize) (quote - r->p));
      r->p = quote + 1;
      if (r->p == r->end || *r->p != '"')
        return TRUE;
      lajna_sheet_row_append (&r->row, "\"", 1);
      r->p++;
    }
  lajna_sheet_row_append (&r->row, r->p, (gsize) (r->end - r->p));
  r->p = r->end;
  return FALSE;
}

/**
 * lajna_csv_reader_init:
 * @self: a reader to set up
 * @data: the CSV text, UTF-8; it must outlive @self
 * @len: the length of @data in bytes
 *
 * Sets up @self at the start of @data. A spreadsheet under an Arabic or
 * European regional setting separates cells with semicolons; no field key
 * holds either separator, so the first line that is not blank says which
 * one the file uses.
 */
void
lajna_csv_reader_init (LajnaCsvReader *self,
                       const char     *data,
                       gsize           len)
{
  self->start = data;
  self->p = data;
  self->end = data + len;
  self->separator = ',';
  for (const char *p = data; p < self->end; p++)
    {
      if (*p == ',' || *p == ';')
        {
          self->separator = *p;
          break;
        }
      /* Blank lines before the header do not say. */
      if ((*p == '\n' || *p == '\r') && p > data && p[-1] != '\n' && p[-1] != '\r')
        break;
    }
  lajna_sheet_row_init (&self->row);
}

/**
 * lajna_csv_reader_clear:
 * @self: a reader set up by lajna_csv_reader_init()
 *
 * Frees what @self holds (not @self itself).
 */
void
lajna_csv_reader_clear (LajnaCsvReader *self)
{
  lajna_sheet_row_clear (&self->row);
}

/**
 * lajna_csv_reader_next:
 * @self: a reader
 *
 * Reads the next record into #LajnaCsvReader.row: cells parted by the
 * separator, the record ended by LF, CRLF or CR outside quotes. A quote
 * opens a quoted cell only at the start of a cell, and a doubled quote
 * inside one stands for one; anywhere else, as after a closing quote, a
 * quote is text, as spreadsheets read it. A record that breaks a limit is
 * still read to its end, and the row's status says why its cells are not
 * there.
 *
 * Returns: %FALSE at the end of the text
 */
gboolean
lajna_csv_reader_next (LajnaCsvReader *self)
{
  LajnaSheetRow *row = &self->row;
  const char *start = self->p;
  gboolean at_cell_start = TRUE;

  if (self->p >= self->end)
    return FALSE;
  lajna_sheet_row_begin (row, row->row + 1);
  lajna_sheet_row_begin_cell (row);

  while (self->p < self->end)
    {
      const char *run = self->p;
      char c;

      if (at_cell_start && *self->p == '"')
        {
          self->p++;
          at_cell_start = FALSE;
          if (!read_quoted (self) && row->status == LAJNA_SHEET_ROW_OK)
            row->status = LAJNA_SHEET_ROW_OPEN_QUOTE;
          continue;
        }
      while (self->p < self->end && *self->p != self->separator && *self->p != '\n'
             && *self->p != '\r')
        self->p++;
      lajna_sheet_row_append (row, run, (gsize) (self->p - run));
      if (self->p == self->end)
        break;
      c = *self->p++;
      if (c != self->separator)
        {
          if (c == '\r' && self->p < self->end && *self->p == '\n')
            self->p++;
          break;
        }
      lajna_sheet_row_end_cell (row);
      lajna_sheet_row_begin_cell (row);
      at_cell_start = TRUE;
    }
  lajna_sheet_row_end_cell (row);

  if (row->status == LAJNA_SHEET_ROW_OK && (gsize) (self->p - start) > LAJNA_SHEET_MAX_ROW_BYTES)
    row->status = LAJNA_SHEET_ROW_TOO_LONG;
  return TRUE;
}

/**
 * lajna_csv_reader_get_fraction:
 * @self: a reader
 *
 * Returns: how much of the text was read, from 0 to 1
 */
double
lajna_csv_reader_get_fraction (const LajnaCsvReader *self)
{
  if (self->end == self->start)
    return 1;
  return (double) (self->p - self->start) / (double) (self->end - self->start);
}
