/* lajna-case-import-row.c: one row of a spreadsheet, read into a file.
 *
 * A row is refused when it cannot be read as cells, when it has more or
 * fewer cells than the header names, or when its committee is missing,
 * unknown or of the other kind; otherwise its cells are cleaned into a
 * file and validated exactly as the form does it:
 * lajna_case_record_set() and lajna_case_record_validate(). What is found
 * is reported against the row and the column. A check also keeps the
 * first rows, and the first rows with errors after them, as the file
 * gives them.
 */

#include "lajna-case-import-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-text.h"

/* A check keeps the first rows, and the first rows with errors after
 * them, for a person to look at before importing. */
#define PREVIEW_ROWS 100

static void add_issue (LajnaCaseImport *self,
                       guint            row,
                       const char      *field,
                       LajnaIssueLevel  level,
                       const char      *format,
                       ...) G_GNUC_PRINTF (5, 6);

/* A finding about @row, and about the cell of column @field when given,
 * for the run's report. */
static void
add_issue (LajnaCaseImport *self,
           guint            row,
           const char      *field,
           LajnaIssueLevel  level,
           const char      *format,
           ...)
{
  LajnaImportIssue *issue = g_new0 (LajnaImportIssue, 1);
  va_list args;

  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  issue->row = row;
  issue->field = g_strdup (field);
  issue->level = level;
  g_ptr_array_add (self->issues, issue);
}

/* Why a row that could not be read as cells was refused. */
static void
report_unreadable_row (Import *im)
{
  const LajnaSheetRow *r = im->row;
  g_autofree char *limit = NULL;

  switch (r->status)
    {
    case LAJNA_SHEET_ROW_CELL_TOO_LONG:
      limit = g_format_size (LAJNA_SHEET_MAX_CELL_BYTES);
      add_issue (im->self, r->row,
                 r->long_cell < im->columns->len ? g_ptr_array_index (im->columns, r->long_cell)
                                                 : NULL,
                 LAJNA_ISSUE_ERROR, _("The cell is longer than %s."), limit);
      break;
    case LAJNA_SHEET_ROW_TOO_LONG:
      limit = g_format_size (LAJNA_SHEET_MAX_ROW_BYTES);
      add_issue (im->self, r->row, NULL, LAJNA_ISSUE_ERROR,
                 _("The row is longer than %s. Check for a quote (\") that is not closed."),
                 limit);
      break;
    case LAJNA_SHEET_ROW_OPEN_QUOTE:
      add_issue (im->self, r->row, NULL, LAJNA_ISSUE_ERROR,
                 _("A quoted cell is not closed: a quote (\") is missing."));
      break;
    case LAJNA_SHEET_ROW_OK:
    default:
      g_assert_not_reached ();
    }
}

static const Committee *
committee_of_row (Import *im)
{
  guint row = im->row->row;
  g_autofree char *given = NULL;
  const Committee *committee;

  if (im->fixed != NULL)
    return im->fixed;

  given = g_strstrip (g_strdup (lajna_sheet_row_get_cell (im->row,
                                                          (guint) im->committee_column)));
  committee = g_hash_table_lookup (im->committees, given);
  if (*given == '\0')
    add_issue (im->self, row, COMMITTEE_COLUMN, LAJNA_ISSUE_ERROR,
               _("Give the committee: its code or number."));
  else if (committee == NULL)
    add_issue (im->self, row, COMMITTEE_COLUMN, LAJNA_ISSUE_ERROR,
               _("There is no committee “%s”."), given);
  else if (im->kind != NULL && strcmp (im->kind, committee->kind) != 0)
    add_issue (im->self, row, COMMITTEE_COLUMN, LAJNA_ISSUE_ERROR,
               strcmp (committee->kind, "juvenile") == 0
                 ? _("Committee “%s” decides juvenile files, but the columns are those of "
                     "marriage files.")
                 : _("Committee “%s” decides marriage files, but the columns are those of "
                     "juvenile files."),
               given);
  else
    return committee;
  return NULL;
}

/* Bidi controls (U+061C, and U+200E to U+2069) are encoded with the bytes
 * 0xD8 0x9C or a lead byte of 0xE2: most cells have neither and skip the
 * exact test. */
static gboolean
has_bidi_control (const char *cell)
{
  for (const guchar *p = (const guchar *) cell; *p != '\0'; p++)
    {
      if (*p == 0xe2 || (*p == 0xd8 && p[1] == 0x9c))
        {
          g_autofree char *stripped = lajna_strip_bidi (cell);

          return stripped != NULL && strlen (stripped) != strlen (cell);
        }
    }
  return FALSE;
}

/* The row's cells, cleaned into a file as the form would, and what the
 * form's validation finds. Returns the file when it can be registered. */
static LajnaCaseRecord *
read_cells (Import          *im,
            const Committee *committee)
{
  const LajnaSheetRow *r = im->row;
  g_autoptr(LajnaCaseRecord) record = lajna_case_record_new (committee->kind, committee->id);
  g_autoptr(LajnaValidation) validation = lajna_validation_new ();
  gboolean ok = TRUE;

  for (guint i = 0; i < lajna_sheet_row_get_n_cells (r); i++)
    {
      const char *key = g_ptr_array_index (im->columns, i);
      const char *cell = lajna_sheet_row_get_cell (r, i);

      if ((int) i == im->committee_column)
        continue;
      /* Cleaning removes bidi controls, which can make a name display as
       * another; a sheet that held one deserves a second look. */
      if (has_bidi_control (cell))
        add_issue (im->self, r->row, key, LAJNA_ISSUE_WARNING,
                   _("Invisible direction marks were removed from this cell: they can make text "
                     "display as something it is not."));
      if (!lajna_case_record_set (record, key, cell))
        {
          add_issue (im->self, r->row, key, LAJNA_ISSUE_ERROR,
                     _("The cell is not valid UTF-8 text."));
          ok = FALSE;
        }
    }

  lajna_case_record_validate (record, validation, &im->today,
                              (const char * const *) im->countries);
  for (guint i = 0; i < lajna_validation_get_n_issues (validation); i++)
    {
      const LajnaIssue *issue = lajna_validation_get_issue (validation, i);

      add_issue (im->self, r->row, issue->field, issue->level, "%s", issue->message);
    }
  return ok && !lajna_validation_has_errors (validation) ? g_steal_pointer (&record) : NULL;
}

/* The row last read, which is not blank: the file it makes, or NULL when
 * it has an error (reported). */
LajnaCaseRecord *
lajna_case_import_read_row (Import *im)
{
  const LajnaSheetRow *r = im->row;
  const Committee *committee;
  guint n_cells;

  if (r->status != LAJNA_SHEET_ROW_OK)
    report_unreadable_row (im);
  else if ((n_cells = lajna_sheet_row_get_n_cells (r)) != im->columns->len)
    add_issue (im->self, r->row, NULL, LAJNA_ISSUE_ERROR,
               g_dngettext (GETTEXT_PACKAGE, "The row has %u cell; the header names %u.",
                            "The row has %u cells; the header names %u.", n_cells),
               n_cells, im->columns->len);
  else if ((committee = committee_of_row (im)) != NULL)
    return read_cells (im, committee);
  return NULL;
}

/* The first rows, and rows with errors after them, as the file gives
 * them. */
void
lajna_case_import_keep_for_preview (Import   *im,
                                    gboolean  valid)
{
  const LajnaSheetRow *r = im->row;
  LajnaImportRow *row;
  guint n_cells;

  if (im->self->preview->len >= PREVIEW_ROWS && (valid || im->n_invalid_shown >= PREVIEW_ROWS))
    return;
  if (im->self->preview->len >= PREVIEW_ROWS)
    im->n_invalid_shown++;
  n_cells = r->status == LAJNA_SHEET_ROW_OK ? lajna_sheet_row_get_n_cells (r) : 0;
  row = g_new0 (LajnaImportRow, 1);
  row->row = r->row;
  row->valid = valid;
  row->cells = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    row->cells[i] = g_strdup (lajna_sheet_row_get_cell (r, i));
  g_ptr_array_add (im->self->preview, row);
}
