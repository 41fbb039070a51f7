/* lajna-xlsx-reader.c: the rows of an Excel workbook (.xlsx).
 *
 * A workbook is a ZIP of XML parts (ECMA-376): the package's relationships
 * (_rels/.rels) name the workbook, whose own relationships name its
 * worksheets, shared strings and styles. The first worksheet is read, a
 * few kilobytes at a time, into the same rows as a CSV text gives
 * (LajnaSheetRow), so that an import treats both alike:
 *
 * - a cell's reference ("C7") places it, and the cells a sheet leaves out
 *   are empty; the rows keep the numbers the spreadsheet shows;
 * - rows are as wide as the first row that is not blank (the header):
 *   the empty cells a sheet leaves out at the end of a row are added;
 * - text comes from the shared strings or the cell, a number as the
 *   spreadsheet would show it in General format, a number in a date
 *   style as YYYY-MM-DD, a formula as its last result.
 *
 * The file comes from outside. Its parts are bounded in size
 * (lajna-xlsx-part.c), rows and cells as in a CSV text, and a reference
 * outside a sheet, a row out of order or a text that does not exist
 * refuses the workbook as damaged.
 */

#include "lajna-xlsx-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zip.h>

#include "lajna-xlsx-part.h"
#include "lajna-xlsx-relationships.h"
#include "lajna-xlsx-strings.h"
#include "lajna-xlsx-styles.h"

/* What all the parts of a workbook may unpack to together. */
#define MAX_WORKBOOK_BYTES ((gsize) 1024 * 1024 * 1024)

/* The largest sheet a workbook holds: XFD1048576. */
#define MAX_COLUMNS 16384
#define MAX_ROWS 1048576

/* An OLE compound file: an Excel 97–2003 workbook, or an encrypted one. */
static const guchar ole_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

/* The stream that holds an encrypted workbook, its name in UTF-16LE. */
static const char encrypted_package[] =
  "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

#define REL_OFFICE_DOCUMENT "/officeDocument"
#define REL_WORKSHEET "/worksheet"
#define REL_STYLES "/styles"
#define REL_SHARED_STRINGS "/sharedStrings"

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED_STRING,
  CELL_INLINE_STRING,
  CELL_FORMULA_STRING,
  CELL_BOOLEAN,
  CELL_ERROR,
  CELL_DATE,
} CellType;

struct _LajnaXlsxReader
{
  zip_t            *zip;
  GCancellable     *cancellable;
  gsize             budget;
  LajnaXlsxStyles  *styles;
  LajnaXlsxStrings *strings;
  LajnaXlsxPart    *sheet;
  gboolean          more;

  /* The workbook part, while it is read. */
  char             *root;
  gboolean          date1904;
  GPtrArray        *sheet_ids;

  /* The row given out; the rows read but not given out yet, and rows to
   * use again. */
  LajnaSheetRow     row;
  GQueue            pending;
  GPtrArray        *spare;

  /* The row being read: its cells up to the last one that holds text,
   * and the column of the next cell. */
  LajnaSheetRow    *reading;
  guint             last_row;
  guint             next_column;
  guint             width;
  gboolean          in_sheet_data;

  /* The cell being read. */
  gboolean          in_cell;
  guint             column;
  CellType          type;
  guint             style;
  GString          *value;
  GString          *text;
  guint             phonetic;
};

G_DEFINE_QUARK (lajna-xlsx-error-quark, lajna_xlsx_error)

static void
sheet_row_free (LajnaSheetRow *row)
{
  lajna_sheet_row_clear (row);
  g_free (row);
}

static gboolean
fail (GError         **error,
      LajnaXlsxError   code,
      const char      *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError         **error,
      LajnaXlsxError   code,
      const char      *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LAJNA_XLSX_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
fail_not_workbook (GError **error)
{
  return fail (error, LAJNA_XLSX_ERROR_NOT_WORKBOOK,
               _("The file is a ZIP archive but not an Excel workbook. Save the sheet as "
                 "Excel Workbook (.xlsx) or as CSV UTF-8, and import it again."));
}

/* "C7", for messages. */
static char *
format_reference (guint column,
                  guint row)
{
  char letters[4] = { 0 };
  int i = 3;

  for (column++; column > 0 && i > 0; column = (column - 1) / 26)
    letters[--i] = (char) ('A' + (column - 1) % 26);
  return g_strdup_printf ("%s%u", letters + i, row);
}

/* The workbook */

static void
workbook_start_cb (GMarkupParseContext  *context,
                   const char           *element_name,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  LajnaXlsxReader *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);

  if (self->root == NULL)
    self->root = g_strdup (name);
  if (strcmp (name, "workbookPr") == 0)
    {
      const char *date1904 = lajna_xlsx_find_attribute ("date1904", names, values);

      self->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
    }
  else if (strcmp (name, "sheet") == 0)
    {
      /* r:id, whatever the relationships' namespace prefix. */
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_has_suffix (names[i], ":id"))
            {
              g_ptr_array_add (self->sheet_ids, g_strdup (values[i]));
              break;
            }
        }
    }
}

static const GMarkupParser workbook_parser = {
  .start_element = workbook_start_cb,
};

/* Cells */

static gboolean
parse_reference (const char *reference,
                 guint      *column)
{
  const char *p = reference;
  guint value = 0;

  for (; g_ascii_isalpha (*p) && p - reference < 3; p++)
    value = value * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
  if (p == reference || value > MAX_COLUMNS)
    return FALSE;
  for (const char *digits = p; *digits != '\0'; digits++)
    {
      if (!g_ascii_isdigit (*digits))
        return FALSE;
    }
  *column = value - 1;
  return TRUE;
}

static CellType
parse_type (const char *type)
{
  static const struct
  {
    const char *name;
    CellType    type;
  } types[] = {
    { "s", CELL_SHARED_STRING },
    { "inlineStr", CELL_INLINE_STRING },
    { "str", CELL_FORMULA_STRING },
    { "b", CELL_BOOLEAN },
    { "e", CELL_ERROR },
    { "d", CELL_DATE },
  };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    {
      if (strcmp (type, types[i].name) == 0)
        return types[i].type;
    }
  return CELL_NUMBER;
}

static void
add_empty_cell (LajnaSheetRow *row)
{
  lajna_sheet_row_begin_cell (row);
  lajna_sheet_row_end_cell (row);
}

/* A number as General format shows it: up to 15 significant digits. */
static void
format_number (LajnaXlsxReader *self,
               const char      *value)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);
  char date[LAJNA_XLSX_DATE_LEN];
  char shown[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == value || *end != '\0')
    g_string_assign (self->text, value);
  else if (lajna_xlsx_styles_is_date (self->styles, self->style)
           && lajna_xlsx_styles_format_date (number, self->date1904, date))
    g_string_assign (self->text, date);
  else
    g_string_assign (self->text, g_ascii_formatd (shown, sizeof shown, "%.15g", number));
}

/* The cell's text, as the spreadsheet shows it. */
static gboolean
read_cell_text (LajnaXlsxReader  *self,
                GError          **error)
{
  const char *value = self->value->str;
  const char *shared;
  char *end = NULL;
  guint64 index;

  g_string_truncate (self->text, 0);
  switch (self->type)
    {
    case CELL_SHARED_STRING:
      index = g_ascii_strtoull (value, &end, 10);
      shared = end != value && *end == '\0' && index <= G_MAXUINT
               ? lajna_xlsx_strings_get (self->strings, (guint) index) : NULL;
      if (shared == NULL)
        {
          g_autofree char *reference = format_reference (self->column, self->last_row);

          return fail (error, LAJNA_XLSX_ERROR_DAMAGED,
                       _("The workbook is damaged: cell %s refers to a text (“%s”) that the "
                         "workbook does not have. Open it in the spreadsheet and save it "
                         "again."), reference, value);
        }
      g_string_assign (self->text, shared);
      break;
    case CELL_INLINE_STRING:
    case CELL_FORMULA_STRING:
      lajna_xlsx_strings_unescape (self->text, value, self->value->len);
      break;
    case CELL_BOOLEAN:
      g_string_assign (self->text, strcmp (value, "0") == 0 ? "FALSE"
                                   : *value != '\0' ? "TRUE" : "");
      break;
    case CELL_DATE:
      /* An ISO 8601 date and time: its day. */
      g_string_append_len (self->text, value, (gssize) strcspn (value, "T"));
      break;
    case CELL_ERROR:
      g_string_assign (self->text, value);
      break;
    case CELL_NUMBER:
    default:
      if (*value != '\0')
        format_number (self, value);
      break;
    }
  return TRUE;
}

/* Ends a cell: a cell with text gets it, after an empty cell for each
 * column left out before it. */
static gboolean
end_cell (LajnaXlsxReader  *self,
          GError          **error)
{
  LajnaSheetRow *row = self->reading;

  self->in_cell = FALSE;
  if (!read_cell_text (self, error))
    return FALSE;
  if (self->text->len == 0)
    return TRUE;
  while (lajna_sheet_row_get_n_cells (row) < self->column && row->status == LAJNA_SHEET_ROW_OK)
    add_empty_cell (row);
  lajna_sheet_row_begin_cell (row);
  lajna_sheet_row_append (row, self->text->str, self->text->len);
  lajna_sheet_row_end_cell (row);
  return TRUE;
}

static gboolean
start_cell (LajnaXlsxReader  *self,
            const char      **names,
            const char      **values,
            GError          **error)
{
  const char *reference = lajna_xlsx_find_attribute ("r", names, values);
  const char *style = lajna_xlsx_find_attribute ("s", names, values);

  self->column = self->next_column;
  if (reference != NULL && !parse_reference (reference, &self->column))
    return fail (error, LAJNA_XLSX_ERROR_DAMAGED,
                 _("The workbook is damaged: “%s” in row %u is not a cell of a sheet. Open it "
                   "in the spreadsheet and save it again."), reference, self->last_row);
  if (self->column < self->next_column || self->column >= MAX_COLUMNS)
    {
      g_autofree char *shown = format_reference (self->column, self->last_row);

      return fail (error, LAJNA_XLSX_ERROR_DAMAGED,
                   _("The workbook is damaged: cell %s is out of order. Open it in the "
                     "spreadsheet and save it again."), shown);
    }
  self->next_column = self->column + 1;
  self->type = parse_type (lajna_xlsx_find_attribute ("t", names, values));
  self->style = style != NULL ? (guint) MIN (g_ascii_strtoull (style, NULL, 10), G_MAXUINT) : 0;
  g_string_truncate (self->value, 0);
  self->in_cell = TRUE;
  return TRUE;
}

/* Rows */

static gboolean
start_row (LajnaXlsxReader  *self,
           const char      **names,
           const char      **values,
           GError          **error)
{
  const char *number = lajna_xlsx_find_attribute ("r", names, values);
  guint64 row = number != NULL ? g_ascii_strtoull (number, NULL, 10) : self->last_row + 1;

  if (row <= self->last_row || row > MAX_ROWS)
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GUINT64_FORMAT, row);

      return fail (error, LAJNA_XLSX_ERROR_DAMAGED,
                   _("The workbook is damaged: its row %s is out of order or outside a sheet. "
                     "Open it in the spreadsheet and save it again."), shown);
    }
  self->last_row = (guint) row;
  self->next_column = 0;
  self->reading = self->spare->len > 0 ? g_ptr_array_steal_index_fast (self->spare,
                                                                       self->spare->len - 1)
                                       : g_new0 (LajnaSheetRow, 1);
  if (self->reading->cells == NULL)
    lajna_sheet_row_init (self->reading);
  lajna_sheet_row_begin (self->reading, self->last_row);
  return TRUE;
}

/* Rows are as wide as the header, the first row that is not blank. */
static void
end_row (LajnaXlsxReader *self)
{
  LajnaSheetRow *row = g_steal_pointer (&self->reading);

  if (row->status == LAJNA_SHEET_ROW_OK)
    {
      if (self->width == 0 && !lajna_sheet_row_is_blank (row))
        self->width = lajna_sheet_row_get_n_cells (row);
      while (lajna_sheet_row_get_n_cells (row) < self->width
             && row->status == LAJNA_SHEET_ROW_OK)
        add_empty_cell (row);
    }
  g_queue_push_tail (&self->pending, row);
}

static void
sheet_start_cb (GMarkupParseContext  *context,
                const char           *element_name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  LajnaXlsxReader *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);

  if (strcmp (name, "sheetData") == 0)
    self->in_sheet_data = TRUE;
  else if (!self->in_sheet_data)
    return;
  else if (strcmp (name, "row") == 0 && self->reading == NULL)
    start_row (self, names, values, error);
  else if (strcmp (name, "c") == 0 && self->reading != NULL && !self->in_cell)
    start_cell (self, names, values, error);
  else if (strcmp (name, "rPh") == 0)
    self->phonetic++;
}

static void
sheet_end_cb (GMarkupParseContext  *context,
              const char           *element_name,
              gpointer              user_data,
              GError              **error)
{
  LajnaXlsxReader *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);

  if (strcmp (name, "sheetData") == 0)
    self->in_sheet_data = FALSE;
  else if (strcmp (name, "c") == 0 && self->in_cell)
    end_cell (self, error);
  else if (strcmp (name, "row") == 0 && self->reading != NULL)
    end_row (self);
  else if (strcmp (name, "rPh") == 0 && self->phonetic > 0)
    self->phonetic--;
}

/* A value (<v>) or an inline string's text (<t>, not in a phonetic
 * guide), kept only up to the length that a cell may have: beyond it,
 * the row says that the cell is too long. */
static void
sheet_text_cb (GMarkupParseContext  *context,
               const char           *text,
               gsize                 len,
               gpointer              user_data,
               GError              **error)
{
  LajnaXlsxReader *self = user_data;
  const char *name = lajna_xlsx_local_name (g_markup_parse_context_get_element (context));

  if (!self->in_cell || self->phonetic > 0 || (strcmp (name, "v") != 0 && strcmp (name, "t") != 0))
    return;
  if (self->value->len <= LAJNA_SHEET_MAX_CELL_BYTES)
    g_string_append_len (self->value, text,
                         (gssize) MIN (len, LAJNA_SHEET_MAX_CELL_BYTES + 1 - self->value->len));
}

static const GMarkupParser sheet_parser = {
  .start_element = sheet_start_cb,
  .end_element = sheet_end_cb,
  .text = sheet_text_cb,
};

/* Opening */

static gboolean
fail_ole (const char  *data,
          gsize        len,
          GError     **error)
{
  if (memmem (data, len, encrypted_package, sizeof encrypted_package - 1) != NULL)
    return fail (error, LAJNA_XLSX_ERROR_PROTECTED,
                 _("The workbook is protected by a password and cannot be read. Remove the "
                   "password in the spreadsheet, save the sheet again as Excel Workbook "
                   "(.xlsx) or as CSV UTF-8, and import it again."));
  return fail (error, LAJNA_XLSX_ERROR_OLD_FORMAT,
               _("The file is an old Excel 97–2003 workbook (.xls), which cannot be read. Save "
                 "it as Excel Workbook (.xlsx) or as CSV UTF-8, and import it again."));
}

static gboolean
read_workbook (LajnaXlsxReader  *self,
               const char       *name,
               GError          **error)
{
  g_autoptr(LajnaXlsxPart) part = lajna_xlsx_part_open (self->zip, name, &self->budget,
                                                        &workbook_parser, self,
                                                        self->cancellable, error);

  if (part == NULL || !lajna_xlsx_part_read_all (part, error))
    return FALSE;
  return g_strcmp0 (self->root, "workbook") == 0 || fail_not_workbook (error);
}

/* The package names the workbook, and the workbook its first worksheet,
 * its styles and its shared strings. */
static gboolean
open_workbook (LajnaXlsxReader  *self,
               GError          **error)
{
  g_autoptr(LajnaXlsxRelationships) package = NULL;
  g_autoptr(LajnaXlsxRelationships) parts = NULL;
  const char *workbook;
  const char *sheet = NULL;
  const char *styles;
  const char *strings;

  if (zip_name_locate (self->zip, "_rels/.rels", ZIP_FL_NOCASE) < 0)
    return fail_not_workbook (error);
  package = lajna_xlsx_relationships_read (self->zip, "", &self->budget, self->cancellable,
                                           error);
  if (package == NULL)
    return FALSE;
  workbook = lajna_xlsx_relationships_find (package, REL_OFFICE_DOCUMENT, NULL);
  if (workbook == NULL)
    return fail_not_workbook (error);
  if (!read_workbook (self, workbook, error))
    return FALSE;
  parts = lajna_xlsx_relationships_read (self->zip, workbook, &self->budget, self->cancellable,
                                         error);
  if (parts == NULL)
    return FALSE;
  for (guint i = 0; i < self->sheet_ids->len && sheet == NULL; i++)
    sheet = lajna_xlsx_relationships_find (parts, REL_WORKSHEET,
                                           g_ptr_array_index (self->sheet_ids, i));
  if (sheet == NULL)
    return fail (error, LAJNA_XLSX_ERROR_NOT_WORKBOOK,
                 _("The workbook has no worksheet to import."));

  styles = lajna_xlsx_relationships_find (parts, REL_STYLES, NULL);
  strings = lajna_xlsx_relationships_find (parts, REL_SHARED_STRINGS, NULL);
  if ((styles != NULL && !lajna_xlsx_styles_read (self->styles, self->zip, styles,
                                                  &self->budget, self->cancellable, error))
      || (strings != NULL && !lajna_xlsx_strings_read (self->strings, self->zip, strings,
                                                       &self->budget, self->cancellable,
                                                       error)))
    return FALSE;
  self->sheet = lajna_xlsx_part_open (self->zip, sheet, &self->budget, &sheet_parser, self,
                                      self->cancellable, error);
  self->more = self->sheet != NULL;
  return self->more;
}

/**
 * lajna_xlsx_reader_is_excel_file:
 * @data: a file's bytes
 * @len: the length of @data
 *
 * Whether a file starts as Excel's files do: a ZIP (an .xlsx, or another
 * ZIP that lajna_xlsx_reader_new() names), or an OLE compound file (an
 * old .xls, or an .xlsx protected by a password), rather than as text.
 *
 * Returns: whether lajna_xlsx_reader_new() is to read the file
 */
gboolean
lajna_xlsx_reader_is_excel_file (const char *data,
                                 gsize       len)
{
  return (len >= 4 && (memcmp (data, "PK\3\4", 4) == 0 || memcmp (data, "PK\5\6", 4) == 0))
         || (len >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0);
}

/**
 * lajna_xlsx_reader_new:
 * @data: the file's bytes; they must outlive the reader
 * @len: the length of @data
 * @cancellable: (nullable): stops the reading, which then fails with
 *   %G_IO_ERROR_CANCELLED
 * @error: return location for a #GError in %LAJNA_XLSX_ERROR
 *
 * Opens the workbook in @data and reads what its first worksheet needs:
 * the styles and shared strings.
 *
 * Returns: (transfer full) (nullable): a reader at the start of the first
 *   worksheet, or %NULL when the file is not a workbook that can be read
 */
LajnaXlsxReader *
lajna_xlsx_reader_new (const char    *data,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(LajnaXlsxReader) self = NULL;
  zip_source_t *source;
  zip_error_t zip_error;

  if (len >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0)
    {
      fail_ole (data, len, error);
      return NULL;
    }

  self = g_new0 (LajnaXlsxReader, 1);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->budget = MAX_WORKBOOK_BYTES;
  self->styles = lajna_xlsx_styles_new ();
  self->strings = lajna_xlsx_strings_new ();
  self->sheet_ids = g_ptr_array_new_with_free_func (g_free);
  self->spare = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_row_free);
  self->value = g_string_new (NULL);
  self->text = g_string_new (NULL);
  lajna_sheet_row_init (&self->row);
  g_queue_init (&self->pending);

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, len, 0, &zip_error);
  self->zip = source != NULL ? zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS,
                                                     &zip_error) : NULL;
  zip_error_fini (&zip_error);
  if (self->zip == NULL)
    {
      g_clear_pointer (&source, zip_source_free);
      fail (error, LAJNA_XLSX_ERROR_DAMAGED,
            _("The file is damaged or incomplete: it starts as an Excel workbook (.xlsx) but "
              "cannot be opened as one. Save the sheet again from the spreadsheet, and import "
              "it again."));
      return NULL;
    }
  if (!open_workbook (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
lajna_xlsx_reader_free (LajnaXlsxReader *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->sheet, lajna_xlsx_part_free);
  g_clear_pointer (&self->zip, zip_discard);
  g_clear_object (&self->cancellable);
  lajna_xlsx_styles_free (self->styles);
  lajna_xlsx_strings_free (self->strings);
  g_ptr_array_unref (self->sheet_ids);
  g_free (self->root);
  lajna_sheet_row_clear (&self->row);
  g_queue_clear_full (&self->pending, (GDestroyNotify) sheet_row_free);
  g_clear_pointer (&self->reading, sheet_row_free);
  g_ptr_array_unref (self->spare);
  g_string_free (self->value, TRUE);
  g_string_free (self->text, TRUE);
  g_free (self);
}

/**
 * lajna_xlsx_reader_next:
 * @self: a reader
 * @error: return location for a #GError
 *
 * Reads the worksheet's next row into lajna_xlsx_reader_get_row(). A row
 * that breaks the limits of a row or a cell is still read, and its status
 * says why its cells are not there.
 *
 * Returns: %FALSE after the last row, or with @error set when the
 *   worksheet cannot be read further
 */
gboolean
lajna_xlsx_reader_next (LajnaXlsxReader  *self,
                        GError          **error)
{
  LajnaSheetRow *next;
  LajnaSheetRow given;

  while (g_queue_is_empty (&self->pending) && self->more)
    {
      if (!lajna_xlsx_part_read (self->sheet, &self->more, error))
        {
          self->more = FALSE;
          return FALSE;
        }
    }
  next = g_queue_pop_head (&self->pending);
  if (next == NULL)
    return FALSE;
  /* The row given out stays where it is; its buffers change places. */
  given = self->row;
  self->row = *next;
  *next = given;
  g_ptr_array_add (self->spare, next);
  return TRUE;
}

/**
 * lajna_xlsx_reader_get_row:
 * @self: a reader
 *
 * Returns: (transfer none): the row last read; it stays at the same
 *   address for the reader's life
 */
const LajnaSheetRow *
lajna_xlsx_reader_get_row (LajnaXlsxReader *self)
{
  return &self->row;
}

/**
 * lajna_xlsx_reader_get_fraction:
 * @self: a reader
 *
 * Returns: how much of the worksheet was read, from 0 to 1
 */
double
lajna_xlsx_reader_get_fraction (LajnaXlsxReader *self)
{
  return self->sheet != NULL ? lajna_xlsx_part_get_fraction (self->sheet) : 0;
}
