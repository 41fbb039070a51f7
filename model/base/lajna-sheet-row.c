/* lajna-sheet-row.c: one row of a spreadsheet, as cells, within limits.
 *
 * A row's cells are kept in one buffer, each ended by a NUL, so that
 * reading a row allocates nothing once the buffer has grown to the longest
 * row. The text comes from outside: once a row or a cell breaks the limits
 * of lajna-sheet-row.h, the row's status says so and the rest of its text
 * is not kept, so that a wrong file gives a status, never a huge
 * allocation.
 */

#include "lajna-sheet-row.h"

/**
 * lajna_sheet_row_init:
 * @self: a row to set up
 *
 * Sets up @self, before any row was read.
 */
void
lajna_sheet_row_init (LajnaSheetRow *self)
{
  self->row = 0;
  self->status = LAJNA_SHEET_ROW_OK;
  self->long_cell = 0;
  self->cells = g_string_sized_new (4096);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * lajna_sheet_row_clear:
 * @self: a row set up by lajna_sheet_row_init()
 *
 * Frees what @self holds (not @self itself).
 */
void
lajna_sheet_row_clear (LajnaSheetRow *self)
{
  if (self->cells != NULL)
    g_string_free (g_steal_pointer (&self->cells), TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
}

/**
 * lajna_sheet_row_begin:
 * @self: a row
 * @row: the number of the row to fill in
 *
 * Empties @self for the row numbered @row.
 */
void
lajna_sheet_row_begin (LajnaSheetRow *self,
                       guint          row)
{
  self->row = row;
  self->status = LAJNA_SHEET_ROW_OK;
  self->long_cell = 0;
  g_string_truncate (self->cells, 0);
  g_array_set_size (self->starts, 0);
}

/**
 * lajna_sheet_row_begin_cell:
 * @self: a row
 *
 * Starts the row's next cell, empty.
 */
void
lajna_sheet_row_begin_cell (LajnaSheetRow *self)
{
  guint start = (guint) self->cells->len;

  if (self->status == LAJNA_SHEET_ROW_OK)
    g_array_append_val (self->starts, start);
}

/**
 * lajna_sheet_row_append:
 * @self: a row with a cell begun
 * @text: text to add to the cell
 * @len: the length of @text in bytes
 *
 * Adds @text to the cell, unless the row already broke a limit or now
 * does; then #LajnaSheetRow.status says which.
 */
void
lajna_sheet_row_append (LajnaSheetRow *self,
                        const char    *text,
                        gsize          len)
{
  guint start;

  if (self->status != LAJNA_SHEET_ROW_OK)
    return;
  start = g_array_index (self->starts, guint, self->starts->len - 1);
  if (self->cells->len - start + len > LAJNA_SHEET_MAX_CELL_BYTES)
    {
      self->status = LAJNA_SHEET_ROW_CELL_TOO_LONG;
      self->long_cell = self->starts->len - 1;
    }
  else if (self->cells->len + len > LAJNA_SHEET_MAX_ROW_BYTES)
    self->status = LAJNA_SHEET_ROW_TOO_LONG;
  else
    g_string_append_len (self->cells, text, (gssize) len);
}

/**
 * lajna_sheet_row_end_cell:
 * @self: a row with a cell begun
 *
 * Ends the cell. Its NUL counts towards the row's limit: a row of empty
 * cells is not free to hold.
 */
void
lajna_sheet_row_end_cell (LajnaSheetRow *self)
{
  lajna_sheet_row_append (self, "", 1);
}

/**
 * lajna_sheet_row_get_n_cells:
 * @self: a row read as cells
 *
 * Returns: how many cells the row has
 */
guint
lajna_sheet_row_get_n_cells (const LajnaSheetRow *self)
{
  return self->starts->len;
}

/**
 * lajna_sheet_row_get_cell:
 * @self: a row read as cells
 * @i: a cell index, below lajna_sheet_row_get_n_cells()
 *
 * Returns: (transfer none): the cell's text, valid until the row changes
 */
const char *
lajna_sheet_row_get_cell (const LajnaSheetRow *self,
                          guint                i)
{
  return self->cells->str + g_array_index (self->starts, guint, i);
}

/**
 * lajna_sheet_row_is_blank:
 * @self: a row
 *
 * An empty line, or the row of empty cells that a spreadsheet writes for
 * a formatted but unused row.
 *
 * Returns: whether the row holds nothing but white space
 */
gboolean
lajna_sheet_row_is_blank (const LajnaSheetRow *self)
{
  for (gsize i = 0; i < self->cells->len; i++)
    {
      if (self->cells->str[i] != '\0' && !g_ascii_isspace (self->cells->str[i]))
        return FALSE;
    }
  return TRUE;
}
