/* test-import-xlsx.c: registering files from an Excel workbook (.xlsx).
 *
 * Workbooks written by LibreOffice Calc and by openpyxl import as their
 * CSV export does; cells are read as the spreadsheet shows them (shared,
 * inline and rich text, numbers, dates in both date systems, formulas,
 * references with gaps); and a damaged, oversized, protected, old or
 * foreign file is refused with a message naming the problem and nothing
 * written. The bad workbooks are made here with libzip. */

#include <check.h>
#include <string.h>
#include <zip.h>

#include "lajna-case-import.h"
#include "lajna-db-private.h"
#include "lajna-test-util.h"
#include "lajna-xlsx-reader.h"

#define MESSAGE(e) ((e) != NULL ? (e)->message : "no error")

#define MIB (1024 * 1024)

static const char relationship_types[] =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

static int
committee_id (LajnaDb *db)
{
  g_autofree char *id = lajna_test_value (db, "SELECT id FROM committee WHERE code = 'xlsx-m'");

  return (int) g_ascii_strtoll (id, NULL, 10);
}

static gint64
count_files (LajnaDb *db)
{
  g_autofree char *count = lajna_test_value (db, "SELECT count(*) FROM case_file");

  return g_ascii_strtoll (count, NULL, 10);
}

/* A ZIP of @parts, pairs of a name and its content, ended by NULL; each
 * part encrypted with @password, when given. */
static GBytes *
make_zip_with_password (const char * const *parts,
                        const char         *password)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  GBytes *bytes;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, NULL);

  ck_assert (zip != NULL);
  for (guint i = 0; parts[i] != NULL; i += 2)
    {
      zip_source_t *source = zip_source_buffer (zip, parts[i + 1], strlen (parts[i + 1]), 0);
      zip_int64_t index = zip_file_add (zip, parts[i], source, ZIP_FL_ENC_UTF_8);

      ck_assert (index >= 0);
      if (password != NULL)
        ck_assert_int_eq (zip_file_set_encryption (zip, (zip_uint64_t) index, ZIP_EM_AES_256,
                                                   password), 0);
    }
  ck_assert_int_eq (zip_close (zip), 0);
  bytes = lajna_test_read_bytes (path);
  lajna_test_remove_dir (dir);
  return bytes;
}

static GBytes *
make_zip (const char * const *parts)
{
  return make_zip_with_password (parts, NULL);
}

/* A workbook of one sheet whose <sheetData> holds @rows, with the shared
 * strings @strings (<si> elements) and the styles @styles, when given. */
static GBytes *
make_workbook (const char *rows,
               const char *strings,
               const char *styles,
               gboolean    date1904)
{
  g_autofree char *package = g_strdup_printf (
      "<Relationships><Relationship Id=\"rId1\" Type=\"%sofficeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>", relationship_types);
  g_autofree char *workbook = g_strdup_printf (
      "<workbook xmlns:r=\"x\"><workbookPr date1904=\"%d\"/><sheets>"
      "<sheet name=\"Chart\" sheetId=\"1\" r:id=\"rId9\"/>"
      "<sheet name=\"Files\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>", date1904);
  g_autofree char *parts = g_strdup_printf (
      "<Relationships>"
      "<Relationship Id=\"rId9\" Type=\"%1$schartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"%1$sworksheet\" Target=\"/xl/worksheets/../worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"%1$ssharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"%1$sstyles\" Target=\"./styles.xml\"/>"
      "</Relationships>", relationship_types);
  g_autofree char *sheet = g_strdup_printf ("<worksheet><sheetData>%s</sheetData></worksheet>",
                                            rows);
  g_autofree char *sst = g_strdup_printf ("<sst>%s</sst>", strings != NULL ? strings : "");
  g_autofree char *style_sheet = g_strdup_printf ("<styleSheet>%s</styleSheet>",
                                                  styles != NULL ? styles : "");

  return make_zip (ARGS ("_rels/.rels", package, "xl/workbook.xml", workbook,
                         "xl/_rels/workbook.xml.rels", parts, "xl/worksheets/sheet1.xml", sheet,
                         "xl/sharedStrings.xml", sst, "xl/styles.xml", style_sheet));
}

/* The rows of @bytes as the import sees them: "row: cell|cell|…" lines. */
static char *
read_rows (GBytes  *bytes,
           GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(LajnaXlsxReader) reader = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const LajnaSheetRow *row;

  ck_assert (lajna_xlsx_reader_is_excel_file (data, len));
  reader = lajna_xlsx_reader_new (data, len, NULL, error);
  if (reader == NULL)
    return NULL;
  row = lajna_xlsx_reader_get_row (reader);
  while (lajna_xlsx_reader_next (reader, error))
    {
      g_string_append_printf (out, "%u:", row->row);
      for (guint i = 0; row->status == LAJNA_SHEET_ROW_OK && i < lajna_sheet_row_get_n_cells (row);
           i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : " ", lajna_sheet_row_get_cell (row, i));
      if (row->status != LAJNA_SHEET_ROW_OK)
        g_string_append_printf (out, " status %d", row->status);
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static LajnaCaseImport *
import_bytes (LajnaDb  *db,
              GBytes   *bytes,
              GError  **error)
{
  LajnaCaseImport *import = lajna_case_import_new (committee_id (db), FALSE);

  lajna_case_import_run_bytes (import, db, bytes, error);
  return import;
}

/* A file refused as a whole: @domain and @code, a message that says
 * @message_part, and nothing written. */
static void
assert_refused (GBytes     *bytes,
                GQuark      domain,
                int         code,
                const char *message_part)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 before = count_files (db);
  g_autoptr(LajnaCaseImport) import = import_bytes (db, bytes, &error);

  ck_assert_msg (g_error_matches (error, domain, code), "%s", MESSAGE (error));
  ck_assert_msg (strstr (error->message, message_part) != NULL, "%s", error->message);
  ck_assert (lajna_case_import_get_files (import) == NULL);
  ck_assert_int_eq (count_files (db), before);
}

/* The files that importing fixture @name registered. */
static GPtrArray *
import_fixture (LajnaDb         *db,
                const char      *name,
                LajnaCaseImport *import)
{
  g_autofree char *path = lajna_test_fixture_path (name);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_case_import_run_file (import, db, path, &error), "%s: %s", name,
                 MESSAGE (error));
  ck_assert_msg (lajna_case_import_get_issues (import)->len == 0, "%s has findings", name);
  return lajna_case_import_get_files (import);
}

/* A workbook's files are those of the same sheet saved as CSV, field by
 * field (but @except). */
static void
assert_same_as_csv (const char *workbook,
                    const char *except)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseImport) from_csv = lajna_case_import_new (committee_id (db), FALSE);
  g_autoptr(LajnaCaseImport) from_xlsx = lajna_case_import_new (committee_id (db), FALSE);
  GPtrArray *expected = import_fixture (db, "import/excel-arabic.csv", from_csv);
  GPtrArray *files = import_fixture (db, workbook, from_xlsx);
  guint n_fields = 0;
  const LajnaCaseField *fields = lajna_case_fields ("marriage", &n_fields);

  ck_assert_uint_eq (files->len, 3);
  for (guint i = 0; i < files->len; i++)
    {
      for (guint f = 0; f < n_fields; f++)
        {
          const char *want = lajna_case_record_get (g_ptr_array_index (expected, i), fields[f].key);
          const char *got = lajna_case_record_get (g_ptr_array_index (files, i), fields[f].key);

          if (g_strcmp0 (fields[f].key, except) == 0)
            continue;
          ck_assert_msg (g_strcmp0 (want, got) == 0, "%s row %u, %s: “%s”, not “%s”", workbook,
                         i + 2, fields[f].key, got, want);
        }
    }
}

START_TEST (libreoffice)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseImport) check = lajna_case_import_new (committee_id (db), FALSE);
  g_autofree char *path = lajna_test_fixture_path ("import/excel-arabic.xlsx");
  g_autoptr(GError) error = NULL;
  const LajnaImportRow *row;

  assert_same_as_csv ("import/excel-arabic.xlsx", NULL);

  /* The preview shows the sheet's cells: the notes Calc left out are
   * empty, the formula gives its result, dates and numbers are shown as
   * the sheet shows them. */
  lajna_case_import_set_check_only (check, TRUE);
  ck_assert_msg (lajna_case_import_run_file (check, db, path, &error), "%s", MESSAGE (error));
  ck_assert_uint_eq (lajna_case_import_get_preview (check)->len, 3);
  row = g_ptr_array_index (lajna_case_import_get_preview (check), 2);
  ck_assert_uint_eq (row->row, 4);
  ck_assert_uint_eq (g_strv_length (row->cells), 19);
  ck_assert_str_eq (row->cells[0], "2026-11-18");
  ck_assert_str_eq (row->cells[2], "زوارة");
  ck_assert_str_eq (row->cells[3], "");
  ck_assert_str_eq (row->cells[11], "119801010003");
  ck_assert (lajna_case_import_get_progress (check) == 1.0);
}
END_TEST

START_TEST (openpyxl_1904)
{
  /* Inline strings, the 1904 date system, dates in formats 14, 22 and a
   * custom one, with a time of day; the notes column left empty. */
  assert_same_as_csv ("import/openpyxl-1904.xlsx", "notes");
}
END_TEST

START_TEST (cells)
{
  static const char strings[] =
    "<si><t>notes</t></si><si><t>residence</t></si>"
    "<si><r><rPr><b/></rPr><t>مصر</t></r><r><t xml:space=\"preserve\">اتة </t></r>"
    "<rPh><t>ignored</t></rPh></si>"
    "<si><t>line_x000D_\nbreak _x005F_x0041_</t></si>";
  static const char styles[] =
    "<numFmts><numFmt numFmtId=\"164\" formatCode=\"[$-1010401]dd/mm/yyyy;@\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"&quot;day&quot; 0\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"22\"/></cellXfs>";
  static const char rows[] =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"D1\" s=\"2\"/></row>"
    /* Rich text, an escaped line break, a gap, an inline string. */
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" t=\"s\"><v>3</v></c>"
    "<c r=\"D3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>"
    /* Numbers as General shows them, booleans, an error, a formula. */
    "<row r=\"4\"><c r=\"A4\"><v>119850402001</v></c><c t=\"n\"><v>1.1000000000000001</v></c>"
    "<c t=\"b\"><v>1</v></c><c r=\"D4\" t=\"b\"><v>0</v></c><c r=\"F4\" t=\"e\"><v>#DIV/0!</v>"
    "</c><c r=\"G4\" t=\"str\"><f>A1&amp;\"\"</f><v>notes</v></c><c r=\"H4\"><f>1/0</f></c>"
    "</row>"
    /* Dates: built in, custom with a locale, a date and time; not dates:
     * elapsed hours, a quoted "day", no style. */
    "<row r=\"5\"><c r=\"A5\" s=\"1\"><v>46349</v></c><c r=\"B5\" s=\"2\"><v>46349.5</v></c>"
    "<c r=\"C5\" s=\"5\"><v>46349.99999999</v></c><c r=\"D5\" s=\"3\"><v>1.5</v></c>"
    "<c r=\"E5\" s=\"4\"><v>7</v></c><c r=\"F5\" s=\"99\"><v>46349</v></c>"
    "<c r=\"G5\" t=\"d\"><v>2026-11-25T10:00:00Z</v></c></row>"
    /* Excel's 1900: day 60 is 1900-02-29, which never was. */
    "<row r=\"6\"><c r=\"A6\" s=\"1\"><v>59</v></c><c r=\"B6\" s=\"1\"><v>60</v></c>"
    "<c r=\"C6\" s=\"1\"><v>61</v></c><c r=\"D6\" s=\"1\"><v>0</v></c>"
    "<c r=\"E6\" s=\"1\"><v>2958466</v></c></row>"
    "<row r=\"7\" spans=\"1:4\"><c r=\"D7\" s=\"1\"/></row>";
  g_autoptr(GBytes) workbook = make_workbook (rows, strings, styles, FALSE);
  g_autoptr(GBytes) mac = make_workbook ("<row><c s=\"1\"><v>0</v></c><c s=\"1\"><v>44880.9</v>"
                                         "</c><c s=\"1\"><v>-1</v></c></row>", NULL, styles,
                                         TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_rows (workbook, &error);
  g_autofree char *got_mac = NULL;

  ck_assert_msg (got != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (got,
                    "1: notes|residence|x\n"
                    "3: مصراتة |line\r\nbreak _x0041_||inline\n"
                    "4: 119850402001|1.1|TRUE|FALSE||#DIV/0!|notes\n"
                    "5: 2026-11-23|2026-11-23|2026-11-23|1.5|7|46349|2026-11-25\n"
                    "6: 1900-02-28|1900-02-29|1900-03-01|0|2958466\n"
                    "7: ||\n");
  got_mac = read_rows (mac, &error);
  ck_assert_msg (got_mac != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (got_mac, "1: 1904-01-01|2026-11-16|-1\n");
}
END_TEST

/* A workbook whose rows are @rows under a header of two fields. */
static GBytes *
make_sheet (const char *rows)
{
  g_autofree char *all = g_strconcat ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                                      "received_on</t></is></c><c r=\"B1\" t=\"inlineStr\"><is>"
                                      "<t>notes</t></is></c></row>", rows, NULL);

  return make_workbook (all, "<si><t>one</t></si>", NULL, FALSE);
}

START_TEST (damaged)
{
  g_autofree char *path = lajna_test_fixture_path ("import/excel-arabic.xlsx");
  g_autoptr(GBytes) good = lajna_test_read_bytes (path);
  gsize len = 0;
  const guchar *data = g_bytes_get_data (good, &len);
  g_autoptr(GBytes) truncated = g_bytes_new (data, len / 2);
  g_autofree guchar *flipped = g_memdup2 (data, len);
  const guchar *sheet = memmem (data, len, "xl/worksheets/sheet1.xml", 24);
  g_autoptr(GBytes) corrupt = NULL;
  g_autoptr(GBytes) broken = make_sheet ("<row r=\"2\"><c r=\"A2\"><v>1</c></row>");
  g_autoptr(GBytes) no_text = make_sheet ("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c></row>");
  g_autoptr(GBytes) wide = make_sheet ("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>");
  g_autoptr(GBytes) deep = make_sheet ("<row r=\"1048577\"><c><v>1</v></c></row>");
  g_autoptr(GBytes) backwards = make_sheet ("<row r=\"2\"><c r=\"B2\"><v>1</v></c>"
                                            "<c r=\"A2\"><v>2</v></c></row>");

  assert_refused (truncated, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED, "incomplete");

  /* The sheet's compressed bytes, after its local header, spoiled. */
  ck_assert (sheet != NULL);
  for (gsize i = (gsize) (sheet - data) + 200; i < (gsize) (sheet - data) + 600; i++)
    flipped[i] ^= 0x5a;
  corrupt = g_bytes_new (flipped, len);
  assert_refused (corrupt, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED,
                  "xl/worksheets/sheet1.xml");

  assert_refused (broken, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED, "not valid XML");
  assert_refused (no_text, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED, "cell B2 refers to a text");
  assert_refused (wide, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED, "“XFE2”");
  assert_refused (deep, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED, "row 1048577");
  assert_refused (backwards, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED, "cell A2 is out of order");
}
END_TEST

START_TEST (not_a_workbook)
{
  g_autofree char *document = g_strdup_printf (
      "<Relationships><Relationship Id=\"rId1\" Type=\"%sofficeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>", relationship_types);
  g_autoptr(GBytes) zip = make_zip (ARGS ("hello.txt", "hello"));
  g_autoptr(GBytes) docx = make_zip (ARGS ("_rels/.rels", document, "word/document.xml",
                                           "<document><body/></document>"));
  g_autoptr(GBytes) charts_only = make_zip (ARGS (
      "_rels/.rels", "<Relationships><Relationship Id=\"a\" Type=\"x/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>",
      "xl/workbook.xml", "<workbook><sheets><sheet r:id=\"b\"/></sheets></workbook>",
      "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"b\" "
      "Type=\"x/chartsheet\" Target=\"c.xml\"/></Relationships>"));

  assert_refused (zip, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_NOT_WORKBOOK, "not an Excel workbook");
  assert_refused (docx, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_NOT_WORKBOOK, "not an Excel workbook");
  assert_refused (charts_only, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_NOT_WORKBOOK, "no worksheet");
}
END_TEST

/* Sets the size that the ZIP entry @name claims, in its local header and
 * in the central directory. */
static void
claim_size (guchar     *data,
            gsize       len,
            const char *name,
            guint32     size)
{
  guint found = 0;

  for (gsize i = 0; i + 46 < len; i++)
    {
      gboolean local = memcmp (data + i, "PK\3\4", 4) == 0;
      gboolean central = memcmp (data + i, "PK\1\2", 4) == 0;
      gsize name_at = local ? 30 : 46;
      guint16 name_len = GUINT16_FROM_LE (*(guint16 *) (data + i + (local ? 26 : 28)));
      guint32 le = GUINT32_TO_LE (size);

      if ((local || central) && name_len == strlen (name) && i + name_at + name_len <= len
          && memcmp (data + i + name_at, name, name_len) == 0)
        {
          memcpy (data + i + (local ? 22 : 24), &le, 4);
          found++;
        }
    }
  ck_assert_uint_eq (found, 2);
}

START_TEST (zip_bomb)
{
  g_autofree char *spaces = g_malloc (40 * MIB + 1);
  g_autofree char *rows = NULL;
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) small = make_sheet ("");
  gsize len = 0;
  g_autofree guchar *claimed = g_memdup2 (g_bytes_get_data (small, &len), g_bytes_get_size (small));
  g_autoptr(GBytes) liar = NULL;

  /* 40 MiB of white space, which deflate packs into about 40 kB. */
  memset (spaces, ' ', 40 * MIB);
  spaces[40 * MIB] = '\0';
  rows = g_strconcat ("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", spaces, NULL);
  bomb = make_sheet (rows);
  ck_assert_uint_lt (g_bytes_get_size (bomb), MIB);
  assert_refused (bomb, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_TOO_LARGE, "times its size");

  /* A part that claims to unpack to 3 GB is not unpacked at all. */
  claim_size (claimed, len, "xl/sharedStrings.xml", 3000000000u);
  liar = g_bytes_new (claimed, len);
  assert_refused (liar, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_TOO_LARGE, "xl/sharedStrings.xml");
}
END_TEST

/* An OLE compound file's header, and a directory entry named @stream. */
static GBytes *
make_ole (const char *stream)
{
  static const guchar magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autofree char *name = g_convert (stream, -1, "UTF-16LE", "UTF-8", NULL, NULL, NULL);

  g_byte_array_append (file, magic, sizeof magic);
  g_byte_array_set_size (file, 1024);
  memset (file->data + sizeof magic, 0, 1024 - sizeof magic);
  g_byte_array_append (file, (const guint8 *) name, 2 * (guint) strlen (stream));
  g_byte_array_set_size (file, 2048);
  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

START_TEST (protected_and_old)
{
  g_autoptr(GBytes) encrypted = make_ole ("EncryptedPackage");
  g_autoptr(GBytes) xls = make_ole ("Workbook");
  g_autoptr(GBytes) zip_password = make_zip_with_password (ARGS ("_rels/.rels", "<x/>"), "pw");
  g_autoptr(GBytes) long_cell = NULL;
  g_autofree char *text = g_strnfill (70 * 1000, 'x');
  g_autofree char *rows = g_strdup_printf ("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>%s"
                                           "</t></is></c></row><row r=\"3\"><c r=\"C3\">"
                                           "<v>1</v></c></row>", text);
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  const LajnaImportIssue *issue;

  assert_refused (encrypted, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_PROTECTED, "password");
  assert_refused (xls, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_OLD_FORMAT, "(.xls)");
  /* Excel encrypts a whole workbook as above; other tools encrypt a ZIP's
   * entries. */
  assert_refused (zip_password, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_PROTECTED, "password");

  /* The import's own limits hold: a cell too long, a row wider than the
   * header. */
  long_cell = make_sheet (rows);
  import = import_bytes (db, long_cell, &error);
  ck_assert_msg (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_INVALID), "%s",
                 MESSAGE (error));
  issue = g_ptr_array_index (lajna_case_import_get_issues (import), 0);
  ck_assert_uint_eq (issue->row, 2);
  ck_assert_str_eq (issue->field, "notes");
  ck_assert (strstr (issue->message, "longer than") != NULL);
  issue = g_ptr_array_index (lajna_case_import_get_issues (import), 1);
  ck_assert_uint_eq (issue->row, 3);
  ck_assert (strstr (issue->message, "3 cells") != NULL);
}
END_TEST

typedef struct
{
  LajnaCaseImport *import;
  GCancellable    *cancellable;
  gint             returned;
} Canceller;

/* Cancels once the rows are being read, unless the run returned first. */
static gpointer
cancel_when_reading (gpointer data)
{
  Canceller *c = data;

  while (lajna_case_import_get_progress (c->import) == 0 && !g_atomic_int_get (&c->returned))
    g_usleep (100);
  g_cancellable_cancel (c->cancellable);
  return NULL;
}

/* Cancel stops the reading of a workbook as it stops a CSV text's. */
START_TEST (cancel)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(LajnaCaseImport) import = lajna_case_import_new (committee_id (db), FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Canceller c = { import, cancellable, FALSE };
  gint64 before = count_files (db);
  GThread *canceller;

  for (guint i = 2; i < 20000; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\"><v>2026-11-20</v></c>"
                            "<c r=\"B%u\" t=\"s\"><v>0</v></c></row>", i, i, i);
  workbook = make_sheet (rows->str);
  lajna_case_import_set_cancellable (import, cancellable);
  canceller = g_thread_new ("canceller", cancel_when_reading, &c);
  ck_assert (!lajna_case_import_run_bytes (import, db, workbook, &error));
  g_atomic_int_set (&c.returned, TRUE);
  g_thread_join (canceller);
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), "%s", MESSAGE (error));
  ck_assert (strstr (error->message, "nothing was written") != NULL);
  ck_assert_int_eq (count_files (db), before);
}
END_TEST

/* `lajnactl case import` takes a workbook, whatever its name says, and
 * names an old one. */
START_TEST (cli)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *fixture = lajna_test_fixture_path ("import/excel-arabic.xlsx");
  g_autofree char *misnamed = g_build_filename (dir, "register.csv", NULL);
  g_autofree char *old = g_build_filename (dir, "register.xls", NULL);
  g_autofree char *committee = g_strdup_printf ("%d", committee_id (db));
  g_autoptr(GBytes) workbook = lajna_test_read_bytes (fixture);
  g_autoptr(GBytes) xls = make_ole ("Workbook");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("case", "import", fixture,
                                                                 "--committee", committee),
                                            &out, &err), 0);
  ck_assert_msg (g_str_has_prefix (out, "Imported 3 files"), "%s%s", out, err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert (g_file_set_contents (misnamed, g_bytes_get_data (workbook, NULL),
                                  (gssize) g_bytes_get_size (workbook), NULL));
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("case", "import", misnamed,
                                                                 "--committee", committee),
                                            &out, &err), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert (g_file_set_contents (old, g_bytes_get_data (xls, NULL),
                                  (gssize) g_bytes_get_size (xls), NULL));
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("case", "import", old,
                                                                 "--committee", committee),
                                            &out, &err), 1);
  ck_assert_msg (strstr (err, "Excel Workbook (.xlsx)") != NULL, "%s", err);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
import_xlsx_suite (void)
{
  Suite *suite = suite_create ("import-xlsx");
  TCase *tc = tcase_create ("/import-xlsx/writers");

  suite_add_tcase (suite, tc);
  tcase_add_test (tc, libreoffice);
  tcase_add_test (tc, openpyxl_1904);
  tc = tcase_create ("/import-xlsx/cells");
  suite_add_tcase (suite, tc);
  tcase_add_test (tc, cells);
  tc = tcase_create ("/import-xlsx/refused");
  suite_add_tcase (suite, tc);
  tcase_add_test (tc, damaged);
  tcase_add_test (tc, not_a_workbook);
  tcase_add_test (tc, zip_bomb);
  tcase_add_test (tc, protected_and_old);
  tc = tcase_create ("/import-xlsx/run");
  suite_add_tcase (suite, tc);
  tcase_add_test (tc, cancel);
  tcase_add_test (tc, cli);
  return suite;
}

/* One database for every test; each test runs in its own process. */
int
main (void)
{
  g_autoptr(LajnaDb) db = NULL;
  int status;

  /* Not lajna_test_shared_connect (): no test is running yet. */
  lajna_test_shared_start ();
  db = lajna_database_connect (lajna_test_shared_database (), NULL);
  if (db == NULL || !lajna_db_run (db, "INSERT INTO committee (kind, code, name_ar, name_en,"
                                   " file_prefix) VALUES ('marriage', 'xlsx-m', 'لجنة الزواج',"
                                   " 'Marriage', 'ز')", NULL))
    g_error ("Cannot make the committee");
  g_clear_object (&db);
  status = lajna_test_run (import_xlsx_suite ());
  lajna_test_shared_stop ();
  return status;
}
