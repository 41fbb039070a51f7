/* lajna-case-import-header.c: what a spreadsheet file is, before its rows.
 *
 * Its format, told by its first bytes rather than its name: an Excel
 * workbook, or CSV text. The text's encoding (UTF-8, or the encodings
 * spreadsheets also write, named so that the clerk knows how to save the
 * file again), the committees a row may name, and the header row that
 * names each column by field key.
 */

#include "lajna-case-import-private.h"

#include "lajna-db-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How much of a file that is not UTF-8 is looked at to name its encoding. */
#define SNIFF_BYTES (64 * 1024)

#define UTF8_BOM "\xef\xbb\xbf"

/* Refuses the whole file: sets @error and returns FALSE. */
gboolean
lajna_case_import_fail (GError           **error,
                        LajnaImportError   code,
                        const char        *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LAJNA_IMPORT_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* Stopped by the caller: nothing is written. */
gboolean
lajna_case_import_cancelled (GError **error)
{
  g_clear_error (error);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The import was cancelled; nothing was written."));
  return FALSE;
}

/* UTF-16 has a byte order mark or, without one, a NUL beside nearly every
 * Latin letter and digit. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         len)
{
  gsize sample = MIN (len, SNIFF_BYTES);
  gsize nuls = 0;

  if (len >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    return TRUE;
  for (gsize i = 0; i < sample; i++)
    nuls += data[i] == 0;
  return nuls * 4 >= sample;
}

/* Windows-1256 writes Arabic letters as single bytes from 0xC1 to 0xFE,
 * which UTF-8 would read as lead bytes. When those dominate the bytes
 * above ASCII, and decode to Arabic letters, that is the encoding. (UTF-8
 * Arabic with one bad byte does not pass: half its bytes are below 0xC0.) */
static gboolean
looks_like_windows_1256 (const char *data,
                         gsize       len)
{
  gsize sample = MIN (len, SNIFF_BYTES);
  gsize high = 0, arabic_range = 0, letters = 0, arabic = 0;
  g_autofree char *decoded = NULL;

  for (gsize i = 0; i < sample; i++)
    {
      guchar c = (guchar) data[i];

      high += c >= 0x80;
      arabic_range += c >= 0xc1 && c <= 0xfe;
    }
  if (high == 0 || arabic_range * 10 < high * 8)
    return FALSE;

  decoded = g_convert (data, (gssize) sample, "UTF-8", "WINDOWS-1256", NULL, NULL, NULL);
  for (const char *p = decoded; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 || !g_unichar_isalpha (c))
        continue;
      letters++;
      arabic += g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC;
    }
  return letters > 0 && arabic * 10 >= letters * 8;
}

static gboolean
check_encoding (const char  *data,
                gsize        len,
                GError     **error)
{
  const char *bad;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &bad))
    return TRUE;
  if (looks_like_utf16 ((const guchar *) data, len))
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_ENCODING,
                 _("The file is in UTF-16, not UTF-8. Save it from the spreadsheet as "
                   "“CSV UTF-8” and import it again."));
  if (looks_like_windows_1256 (data, len))
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_ENCODING,
                 _("The file is in the Arabic Windows encoding (Windows-1256), not UTF-8. "
                   "Save it from the spreadsheet as “CSV UTF-8” and import it again."));
  for (const char *p = data; p < bad; p++)
    line += *p == '\n';
  return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_ENCODING,
               _("The file is not UTF-8 text (line %u is the first that is not). Save it from "
                 "the spreadsheet as “CSV UTF-8” and import it again."), line);
}

/* A reader's error, unless the caller stopped it. */
static gboolean
fail_reading (GError  *read_error,
              GError **error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (read_error);
      return lajna_case_import_cancelled (error);
    }
  g_propagate_error (error, read_error);
  return FALSE;
}

/* Sets up the reader of the sheet in @data: a workbook, or else CSV text
 * with or without a byte order mark. */
gboolean
lajna_case_import_open_sheet (Import      *im,
                              const char  *data,
                              gsize        len,
                              GError     **error)
{
  GError *read_error = NULL;

  if (lajna_xlsx_reader_is_excel_file (data, len))
    {
      im->xlsx = lajna_xlsx_reader_new (data, len, im->self->cancellable, &read_error);
      if (im->xlsx == NULL)
        return fail_reading (read_error, error);
      im->row = lajna_xlsx_reader_get_row (im->xlsx);
      return TRUE;
    }

  if (len >= strlen (UTF8_BOM) && memcmp (data, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    {
      data += strlen (UTF8_BOM);
      len -= strlen (UTF8_BOM);
    }
  if (!check_encoding (data, len, error))
    return FALSE;
  lajna_csv_reader_init (&im->csv, data, len);
  im->row = &im->csv.row;
  return TRUE;
}

/* Reads the next row into im->row. Returns FALSE after the last row, or
 * with @error set when the sheet cannot be read further. */
gboolean
lajna_case_import_next_row (Import  *im,
                            GError **error)
{
  GError *read_error = NULL;

  if (im->xlsx == NULL)
    return lajna_csv_reader_next (&im->csv);
  if (lajna_xlsx_reader_next (im->xlsx, &read_error))
    return TRUE;
  return read_error != NULL ? fail_reading (read_error, error) : FALSE;
}

/* The active committees by id and by code, as a `committee` cell may give
 * either; a code wins over an id, as a code may look like a number. */
gboolean
lajna_case_import_load_committees (Import   *im,
                                   LajnaDb  *db,
                                   GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT id, kind, code FROM committee WHERE active", error);

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      Committee *committee = g_new0 (Committee, 1);

      committee->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      committee->kind = g_strdup (PQgetvalue (result, i, 1));
      g_ptr_array_add (im->committee_list, committee);
      g_hash_table_insert (im->committees, g_strdup (PQgetvalue (result, i, 0)), committee);
      if (committee->id == im->self->committee_id)
        im->fixed = committee;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_insert (im->committees, g_strdup (PQgetvalue (result, i, 2)),
                         g_ptr_array_index (im->committee_list, i));

  if (im->self->committee_id != 0 && im->fixed == NULL)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_COMMITTEE, _("There is no active committee %d."),
                 im->self->committee_id);
  return TRUE;
}

/* Which field a header cell names. When one committee is chosen, its kind
 * says which fields there are; otherwise the fields of one kind only are
 * noted, so that a header mixing the kinds can be refused. */
static gboolean
add_column (Import      *im,
            const char  *name,
            const char **marriage_only,
            const char **juvenile_only,
            GError     **error)
{
  const LajnaCaseField *marriage = lajna_case_field_lookup ("marriage", name);
  const LajnaCaseField *juvenile = lajna_case_field_lookup ("juvenile", name);

  if (marriage == NULL && juvenile == NULL)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                 _("Unknown column “%s”. The header names each column by its field key, such "
                   "as received_on or libyan_party.name."), name);
  if (im->fixed != NULL && strcmp (im->fixed->kind, "marriage") == 0 && marriage == NULL)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                 _("The column “%s” is a field of juvenile files, but the committee decides "
                   "marriage files."), name);
  if (im->fixed != NULL && strcmp (im->fixed->kind, "juvenile") == 0 && juvenile == NULL)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                 _("The column “%s” is a field of marriage files, but the committee decides "
                   "juvenile files."), name);

  if (juvenile == NULL && *marriage_only == NULL)
    *marriage_only = marriage->key;
  if (marriage == NULL && *juvenile_only == NULL)
    *juvenile_only = juvenile->key;
  g_ptr_array_add (im->columns, (gpointer) (marriage != NULL ? marriage : juvenile)->key);
  return TRUE;
}

/* A header cell's field key. Keys are ASCII, so invisible format
 * characters around one are stray: a second byte order mark (a BOM'd file
 * saved again with one), or a direction mark typed in an Arabic sheet. */
static char *
dup_column_name (const char *cell)
{
  const char *start = cell;
  const char *end = cell + strlen (cell);

  while (start < end && (g_unichar_isspace (g_utf8_get_char (start))
                         || g_unichar_type (g_utf8_get_char (start)) == G_UNICODE_FORMAT))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (start, end);
      gunichar c = g_utf8_get_char (last);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        break;
      end = last;
    }
  return g_strndup (start, (gsize) (end - start));
}

gboolean
lajna_case_import_read_header (Import  *im,
                               GError **error)
{
  const LajnaSheetRow *r = im->row;
  const char *marriage_only = NULL;
  const char *juvenile_only = NULL;
  GError *read_error = NULL;

  while (lajna_case_import_next_row (im, &read_error) && r->status == LAJNA_SHEET_ROW_OK
         && lajna_sheet_row_is_blank (r))
    ;
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  if (r->row == 0 || (r->status == LAJNA_SHEET_ROW_OK && lajna_sheet_row_is_blank (r)))
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_EMPTY, _("The file holds no files to import."));
  if (r->status != LAJNA_SHEET_ROW_OK)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                 _("The header row (row %u) cannot be read: it is too long, or a quote (\") is "
                   "not closed."), r->row);

  for (guint i = 0; i < lajna_sheet_row_get_n_cells (r); i++)
    {
      g_autofree char *name = dup_column_name (lajna_sheet_row_get_cell (r, i));

      if (*name == '\0')
        return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER, _("Column %u of the header has no name."),
                     i + 1);
      if (g_ptr_array_find_with_equal_func (im->columns, name, g_str_equal, NULL))
        return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                     _("The column “%s” appears twice in the header."), name);
      if (strcmp (name, COMMITTEE_COLUMN) == 0)
        {
          im->committee_column = (int) i;
          g_ptr_array_add (im->columns, (gpointer) COMMITTEE_COLUMN);
        }
      else if (!add_column (im, name, &marriage_only, &juvenile_only, error))
        return FALSE;
    }

  if (im->fixed != NULL && im->committee_column >= 0)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                 _("The file has a “committee” column, but one committee was chosen for all its "
                   "rows. Remove the column, or choose no committee."));
  if (im->fixed == NULL && im->committee_column < 0)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_NO_COMMITTEE,
                 _("Say which committee the files are for: choose one, or give each row’s "
                   "committee (its code or number) in a “committee” column."));
  if (marriage_only != NULL && juvenile_only != NULL)
    return lajna_case_import_fail (error, LAJNA_IMPORT_ERROR_HEADER,
                 _("The header mixes fields of marriage files (“%s”) and of juvenile files "
                   "(“%s”); a file holds files of one kind."), marriage_only, juvenile_only);
  im->kind = im->fixed != NULL ? im->fixed->kind
           : marriage_only != NULL ? "marriage"
           : juvenile_only != NULL ? "juvenile"
           : NULL;
  return TRUE;
}
