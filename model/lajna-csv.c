/* lajna-csv.c: a CSV reader for spreadsheet exports (RFC 4180).
 *
 * A record's cells are kept in one buffer, each ended by a NUL, so that
 * reading a row allocates nothing once the buffer has grown to the longest
 * row. The text comes from outside: a row or a cell beyond the limits of
 * lajna-csv.h is read to its end but not kept, so that a wrong file gives
 * a status, never a huge allocation, and the next row starts where it
 * should.
 */

#include "lajna-csv.h"

#include <string.h>

/* Once a row is refused its cells are no longer stored, so that a row of
 * any length costs no more memory than the limits. */
static void
append (LajnaCsvReader *r,
        const char     *text,
        gsize           len)
{
  guint start;

  if (r->status != LAJNA_CSV_ROW_OK)
    return;
  start = g_array_index (r->starts, guint, r->starts->len - 1);
  if (r->cells->len - start + len > LAJNA_CSV_MAX_CELL_BYTES)
    {
      r->status = LAJNA_CSV_ROW_CELL_TOO_LONG;
      r->long_cell = r->starts->len - 1;
    }
  else if (r->cells->len + len > LAJNA_CSV_MAX_ROW_BYTES)
    r->status = LAJNA_CSV_ROW_TOO_LONG;
  else
    g_string_append_len (r->cells, text, len);
}

static void
begin_cell (LajnaCsvReader *r)
{
  guint start = (guint) r->cells->len;

  if (r->status == LAJNA_CSV_ROW_OK)
    g_array_append_val (r->starts, start);
}

/* The NUL counts towards the row's limit: a row of empty cells is not
 * free to hold. */
static void
end_cell (LajnaCsvReader *r)
{
  append (r, "", 1);
}

/* The bytes of a quoted cell up to its closing quote; a doubled quote
 * stands for one. Returns FALSE when the text ends first. */
static gboolean
read_quoted (LajnaCsvReader *r)
{
  const char *quote;

  while ((quote = memchr (r->p, '"', (gsize) (r->end - r->p))) != NULL)
    {
      append (r, r->p, (gsize) (quote - r->p));
      r->p = quote + 1;
      if (r->p == r->end || *r->p != '"')
        return TRUE;
      append (r, "\"", 1);
      r->p++;
    }
  append (r, r->p, (gsize) (r->end - r->p));
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
  self->cells = g_string_sized_new (4096);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
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
  if (self->cells != NULL)
    g_string_free (self->cells, TRUE);
  if (self->starts != NULL)
    g_array_unref (self->starts);
}

/**
 * lajna_csv_reader_next:
 * @self: a reader
 *
 * Reads the next record: cells parted by the separator, the record ended
 * by LF, CRLF or CR outside quotes. A quote opens a quoted cell only at
 * the start of a cell, and a doubled quote inside one stands for one;
 * anywhere else, as after a closing quote, a quote is text, as
 * spreadsheets read it. A record that breaks a limit is still read to its
 * end, and its #LajnaCsvReader.status says why its cells are not there.
 *
 * Returns: %FALSE at the end of the text
 */
gboolean
lajna_csv_reader_next (LajnaCsvReader *self)
{
  const char *start = self->p;
  gboolean at_cell_start = TRUE;

  if (self->p >= self->end)
    return FALSE;
  self->row++;
  self->status = LAJNA_CSV_ROW_OK;
  g_string_truncate (self->cells, 0);
  g_array_set_size (self->starts, 0);
  begin_cell (self);

  while (self->p < self->end)
    {
      const char *run = self->p;
      char c;

      if (at_cell_start && *self->p == '"')
        {
          self->p++;
          at_cell_start = FALSE;
          if (!read_quoted (self) && self->status == LAJNA_CSV_ROW_OK)
            self->status = LAJNA_CSV_ROW_OPEN_QUOTE;
          continue;
        }
      while (self->p < self->end && *self->p != self->separator && *self->p != '\n'
             && *self->p != '\r')
        self->p++;
      append (self, run, (gsize) (self->p - run));
      if (self->p == self->end)
        break;
      c = *self->p++;
      if (c != self->separator)
        {
          if (c == '\r' && self->p < self->end && *self->p == '\n')
            self->p++;
          break;
        }
      end_cell (self);
      begin_cell (self);
      at_cell_start = TRUE;
    }
  end_cell (self);

  if (self->status == LAJNA_CSV_ROW_OK && (gsize) (self->p - start) > LAJNA_CSV_MAX_ROW_BYTES)
    self->status = LAJNA_CSV_ROW_TOO_LONG;
  return TRUE;
}

/**
 * lajna_csv_reader_get_n_cells:
 * @self: a reader that read a record
 *
 * Returns: how many cells the record has
 */
guint
lajna_csv_reader_get_n_cells (const LajnaCsvReader *self)
{
  return self->starts->len;
}

/**
 * lajna_csv_reader_get_cell:
 * @self: a reader that read a record
 * @i: a cell index, below lajna_csv_reader_get_n_cells()
 *
 * Returns: (transfer none): the cell's text, valid until the next record
 */
const char *
lajna_csv_reader_get_cell (const LajnaCsvReader *self,
                           guint                 i)
{
  return self->cells->str + g_array_index (self->starts, guint, i);
}

/**
 * lajna_csv_reader_row_is_blank:
 * @self: a reader that read a record
 *
 * An empty line, or the row of empty cells that a spreadsheet writes for
 * a formatted but unused row.
 *
 * Returns: whether the record holds nothing but white space
 */
gboolean
lajna_csv_reader_row_is_blank (const LajnaCsvReader *self)
{
  for (gsize i = 0; i < self->cells->len; i++)
    {
      if (self->cells->str[i] != '\0' && !g_ascii_isspace (self->cells->str[i]))
        return FALSE;
    }
  return TRUE;
}
