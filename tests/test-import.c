/* test-import.c: registering files from a spreadsheet export: the shipped
 * examples import as they are; CSV as spreadsheets write it; a row with
 * an error stops the import unless rows with errors are left out; bidi
 * controls never reach the database; and `lajnactl case import` keeps its
 * exit codes. Files that cannot be read as a sheet are
 * test-import-bad-input.c's. */

#include <check.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-test-import.h"
#include "lajna-test-util.h"

#define EXAMPLES LAJNA_TEST_FIXTURES "/../../ui/cli/examples"

static void
assert_numbers_follow (GPtrArray *files)
{
  for (guint i = 1; i < files->len; i++)
    {
      const char *previous = ((LajnaCaseRecord *) g_ptr_array_index (files, i - 1))->file_number;
      const char *number = ((LajnaCaseRecord *) g_ptr_array_index (files, i))->file_number;

      ck_assert_int_eq (g_ascii_strtoll (strrchr (number, '/') + 1, NULL, 10),
                        g_ascii_strtoll (strrchr (previous, '/') + 1, NULL, 10) + 1);
    }
}

static void
import_example (const char *name,
                int         committee_id)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseImport) import = lajna_case_import_new (committee_id, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (EXAMPLES, name, NULL);
  g_autofree char *issues = NULL;
  gint64 before = count_files (db);

  ck_assert_msg (lajna_case_import_run_file (import, db, path, &error), "%s: %s", name,
                 MESSAGE (error));
  issues = describe (import);
  ck_assert_msg (*issues == '\0', "%s has findings:\n%s", name, issues);
  ck_assert_uint_eq (lajna_case_import_get_files (import)->len, 5);
  ck_assert_int_eq (count_files (db), before + 5);
  assert_numbers_follow (lajna_case_import_get_files (import));
}

START_TEST (clean_import)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) stored = NULL;

  import_example ("marriage-example.csv", marriage_id);
  import_example ("juvenile-example.csv", juvenile_id);

  /* Quoted cells with a comma and doubled quotes arrive whole. */
  stored = lajna_db_exec (db,
      "SELECT count(*) FROM marriage_case m JOIN case_file f ON f.id = m.case_id"
      " WHERE m.residence = 'بنغازي, الفويهات' AND f.notes LIKE '%\"الواحة\"%'", NULL);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "1");
}
END_TEST

START_TEST (quoting)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) stored = NULL;
  g_autofree char *path = lajna_test_fixture_path ("import/quoting.csv");
  g_autoptr(GString) lf = g_string_new (NULL);
  g_autoptr(GString) crlf = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  /* The fixture as it is (LF), and with CRLF as Excel writes it, the line
   * break inside a quoted cell included. */
  ck_assert (g_file_get_contents (path, &text, &len, NULL));
  g_string_append_len (lf, text, (gssize) len);
  crlf = g_string_new (lf->str);
  g_string_replace (crlf, "\n", "\r\n", 0);
  for (guint i = 0; i < 2; i++)
    {
      GString *csv = i == 0 ? lf : crlf;
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaCaseImport) import = import_text (db, csv->str, csv->len, marriage_id,
                                                        FALSE, &error);
      g_autofree char *issues = describe (import);

      ck_assert_msg (error == NULL, "%s", MESSAGE (error));
      ck_assert_msg (*issues == '\0', "%s", issues);
      ck_assert_uint_eq (lajna_case_import_get_files (import)->len, 3);
    }

  /* A line break inside quotes is part of the cell (folded to a space by
   * the cleaning), and the blank line between rows is no file. */
  stored = lajna_db_exec (db,
      "SELECT DISTINCT f.notes FROM case_file f JOIN marriage_case m ON m.case_id = f.id"
      " WHERE m.residence = 'طرابلس، \"حي الأندلس\"'", NULL);
  ck_assert_int_eq (PQntuples (stored), 1);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "سطر أول سطر ثان");
  g_clear_pointer (&stored, PQclear);

  /* Arabic-Indic digits, spaces and hyphens in numbers, quotes inside a
   * quoted cell: as the form cleans them. */
  stored = lajna_db_exec (db,
      "SELECT count(*) FROM person"
      " WHERE national_number = '219910000002' OR passport_number = 'FP123456'"
      "    OR (latin_name = 'John \"Jack\" Miller' AND passport_number = '123456789')", NULL);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "6");
}
END_TEST

START_TEST (semicolons_crlf)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf");
  g_autofree char *row = valid_row (7001);
  LajnaCaseRecord *file;

  /* What a spreadsheet under an Arabic regional setting writes. */
  g_string_append (csv, header);
  g_string_append (csv, row);
  g_string_replace (csv, ",", ";", 0);
  g_string_replace (csv, "\n", "\r\n", 0);
  import = import_text (db, csv->str, csv->len, marriage_id, FALSE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (lajna_case_import_get_files (import)->len, 1);
  file = g_ptr_array_index (lajna_case_import_get_files (import), 0);
  ck_assert_str_eq (lajna_case_record_get (file, "received_on"), "2026-11-20");
  ck_assert_str_eq (lajna_case_record_get (file, "foreign_party.passport_expiry"), "2031-01-31");
}
END_TEST

/* What Arabic Excel saves as "CSV UTF-8": a byte order mark, CRLF, cells
 * parted by semicolons, quoted cells holding a semicolon, a comma, a
 * doubled quote or a line break. The same sheet imports when saved again
 * with a second mark, or with blank lines before its header. */
START_TEST (excel_arabic)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) stored = NULL;
  g_autofree char *path = lajna_test_fixture_path ("import/excel-arabic.csv");
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autofree char *twice_marked = NULL;
  g_autofree char *blank_first = NULL;

  ck_assert (g_file_get_contents (path, &text, &len, NULL));
  ck_assert (g_str_has_prefix (text, "\xef\xbb\xbfreceived_on;") && strstr (text, "\r\n") != NULL);
  twice_marked = g_strconcat ("\xef\xbb\xbf", text, NULL);
  blank_first = g_strconcat ("\xef\xbb\xbf\r\n;;\r\n", text + 3, NULL);
  for (guint i = 0; i < 3; i++)
    {
      const char *csv = i == 0 ? text : i == 1 ? twice_marked : blank_first;
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaCaseImport) import = import_text (db, csv, strlen (csv), marriage_id, FALSE,
                                                        &error);
      g_autofree char *issues = describe (import);

      ck_assert_msg (error == NULL, "variant %u: %s", i, MESSAGE (error));
      ck_assert_msg (*issues == '\0', "variant %u: %s", i, issues);
      ck_assert_uint_eq (lajna_case_import_get_files (import)->len, 3);
    }

  stored = lajna_db_exec (db,
      "SELECT count(*) FROM marriage_case m JOIN case_file f ON f.id = m.case_id"
      " WHERE (m.residence = 'مصراتة; الزروق'"
      "        AND f.notes = 'الوثائق: جواز، شهادة ميلاد تصل الأسبوع القادم')"
      "    OR m.residence = 'سبها, حي المنشية'", NULL);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "6");
  g_clear_pointer (&stored, PQclear);
  stored = lajna_db_exec (db,
      "SELECT count(*) FROM person WHERE latin_name IN ('Sanaa Ben Ali; née Trabelsi',"
      " 'Karim \"Kiko\" Mansour')", NULL);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "6");
}
END_TEST

START_TEST (committee_column)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autofree char *by_code = valid_row (7201);
  g_autofree char *by_id = valid_row (7202);
  g_autofree char *id = g_strdup_printf ("%d", marriage_id);
  g_autofree char *csv = g_strconcat ("committee,", header, "imp-m,", by_code, id, ",", by_id,
                                      "imp-j,", by_code, "nowhere,", by_id, NULL);
  const LajnaImportIssue *issue;

  import = import_text (db, csv, strlen (csv), 0, TRUE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (lajna_case_import_get_files (import)->len, 2);
  ck_assert_int_eq (((LajnaCaseRecord *) g_ptr_array_index (lajna_case_import_get_files (import), 1))->committee_id,
                    marriage_id);
  issue = find_issue (import, 4, "committee");
  ck_assert (issue != NULL && strstr (issue->message, "juvenile files") != NULL);
  issue = find_issue (import, 5, "committee");
  ck_assert (issue != NULL && strstr (issue->message, "“nowhere”") != NULL);
  ck_assert_uint_eq (lajna_case_import_get_n_left_out (import), 2);
}
END_TEST

/* Whether row @row has a finding of @level about @field. */
static gboolean
has_issue (LajnaCaseImport *import,
           guint            row,
           const char      *field,
           LajnaIssueLevel  level)
{
  GPtrArray *issues = lajna_case_import_get_issues (import);

  for (guint i = 0; i < issues->len; i++)
    {
      const LajnaImportIssue *issue = g_ptr_array_index (issues, i);

      if (issue->row == row && g_strcmp0 (issue->field, field) == 0 && issue->level == level)
        return TRUE;
    }
  return FALSE;
}

START_TEST (spoof_stripped)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autoptr(PGresult) stored = NULL;
  g_autofree char *good = valid_row (7601);
  g_autoptr(GString) csv = g_string_new (header);
  g_autoptr(GString) spoofed = g_string_new (good);
  g_autoptr(GString) garbage = g_string_new (good);
  g_autofree char *report = NULL;

  /* Row 2: a right-to-left override inside the name, and an isolate in
   * the Latin name; both make a name display as something it is not. */
  g_string_replace (spoofed, ",أحمد,", ",أحمد\u202E,", 1);
  g_string_replace (spoofed, "Mona Hassan", "Mona \u2067Hassan", 1);
  /* Row 3: without the override, what is left is not an Arabic name. */
  g_string_replace (garbage, ",أحمد,", ",محمد\u202Eabc,", 1);
  g_string_append (csv, spoofed->str);
  g_string_append (csv, garbage->str);

  import = import_text (db, csv->str, csv->len, marriage_id, TRUE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (lajna_case_import_get_files (import)->len, 1);
  ck_assert_uint_eq (lajna_case_import_get_n_left_out (import), 1);

  /* Stored clean; the clerk is told that marks were removed. */
  stored = lajna_db_exec (db,
      "SELECT count(*) FROM person"
      " WHERE (name = 'أحمد' AND national_number = '119900007601')"
      "    OR (latin_name = 'Mona Hassan' AND passport_number = 'A0007601')", NULL);
  ck_assert_str_eq (PQgetvalue (stored, 0, 0), "2");
  ck_assert (has_issue (import, 2, "libyan_party.name", LAJNA_ISSUE_WARNING));
  ck_assert (has_issue (import, 2, "foreign_party.latin_name", LAJNA_ISSUE_WARNING));
  ck_assert (has_issue (import, 3, "libyan_party.name", LAJNA_ISSUE_WARNING));
  ck_assert (has_issue (import, 3, "libyan_party.name", LAJNA_ISSUE_ERROR));

  /* The report names the cleaned text, and carries no control on to a
   * terminal or a form. */
  report = describe (import);
  ck_assert_msg (strstr (report, "“محمدabc”") != NULL, "%s", report);
  ck_assert (strstr (report, "\u202E") == NULL && strstr (report, "\u2067") == NULL);
}
END_TEST

/* Row 3 has a national number one digit short. */
static char *
csv_with_invalid_row (guint first)
{
  g_autofree char *a = valid_row (first);
  g_autofree char *b = valid_row (first + 1);
  g_autofree char *c = valid_row (first + 2);
  g_autoptr(GString) bad = g_string_new (b);

  g_string_replace (bad, ",11990", ",1199", 1);
  return g_strconcat (header, a, bad->str, c, NULL);
}

START_TEST (invalid_row_writes_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autofree char *csv = csv_with_invalid_row (7801);
  gint64 before = count_files (db);
  const LajnaImportIssue *issue;

  import = import_text (db, csv, strlen (csv), marriage_id, FALSE, &error);
  ck_assert_msg (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_INVALID), "%s",
                 MESSAGE (error));
  ck_assert_int_eq (count_files (db), before);
  ck_assert_ptr_null (lajna_case_import_get_files (import));
  issue = find_issue (import, 3, "libyan_party.national_number");
  ck_assert_msg (issue != NULL && issue->level == LAJNA_ISSUE_ERROR, "%s", describe (import));
  ck_assert (strstr (issue->message, "12 digits") != NULL);
}
END_TEST

START_TEST (skip_invalid_gapless)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) first = NULL;
  g_autoptr(LajnaCaseImport) second = NULL;
  g_autofree char *csv = csv_with_invalid_row (7901);
  g_autofree char *again = csv_with_invalid_row (7911);
  gint64 before = count_files (db);
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  GPtrArray *files;

  first = import_text (db, csv, strlen (csv), marriage_id, TRUE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  files = lajna_case_import_get_files (first);
  ck_assert_uint_eq (files->len, 2);
  ck_assert_uint_eq (lajna_case_import_get_n_left_out (first), 1);
  ck_assert_int_eq (count_files (db), before + 2);
  ck_assert_str_eq (lajna_case_record_get (g_ptr_array_index (files, 1),
                                           "libyan_party.national_number"), "119900007903");

  /* The row left out takes no number: the next import goes on from the
   * last number given. */
  second = import_text (db, again, strlen (again), marriage_id, TRUE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  g_ptr_array_extend (both, files, NULL, NULL);
  g_ptr_array_extend (both, lajna_case_import_get_files (second), NULL, NULL);
  assert_numbers_follow (both);
}
END_TEST

/* @n valid rows numbered from @first, the @bad'th of them (from 1; none
 * when 0) with a national number one digit short. */
static char *
csv_of_rows (guint first,
             guint n,
             guint bad)
{
  GString *csv = g_string_new (header);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *row = valid_row (first + i);
      g_autoptr(GString) line = g_string_new (row);

      if (i + 1 == bad)
        g_string_replace (line, ",11990", ",1199", 1);
      g_string_append (csv, line->str);
    }
  return g_string_free (csv, FALSE);
}

static gint64
query_int (LajnaDb    *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, MESSAGE (error));
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* An import registers its rows while it reads the next ones. An error in
 * the last row undoes the rows registered before it was read: nothing is
 * written, and the numbers they took are given again. */
START_TEST (late_error_writes_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) failed = NULL;
  g_autoptr(LajnaCaseImport) next = NULL;
  g_autofree char *csv = csv_of_rows (300000, 20000, 20000);
  g_autofree char *two = csv_of_rows (320000, 2, 0);
  g_autofree char *last_sql = g_strdup_printf (
      "SELECT coalesce(max(split_part(file_number, '/', 3)::integer), 0) FROM case_file"
      " WHERE committee_id = %d AND file_number LIKE '%%/2026/%%'", marriage_id);
  gint64 before = count_files (db);
  gint64 last = query_int (db, last_sql);
  gint64 people = query_int (db, "SELECT last_value FROM person_id_seq");
  const LajnaCaseRecord *first;

  failed = import_text (db, csv, strlen (csv), marriage_id, FALSE, &error);
  ck_assert_msg (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_INVALID), "%s",
                 MESSAGE (error));
  ck_assert_ptr_null (lajna_case_import_get_files (failed));
  ck_assert_int_eq (count_files (db), before);
  /* Rows were registered before the error was read (their ids are spent). */
  ck_assert_int_gt (query_int (db, "SELECT last_value FROM person_id_seq"), people);

  g_clear_error (&error);
  next = import_text (db, two, strlen (two), marriage_id, FALSE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  first = g_ptr_array_index (lajna_case_import_get_files (next), 0);
  ck_assert_int_eq (g_ascii_strtoll (strrchr (first->file_number, '/') + 1, NULL, 10), last + 1);
}
END_TEST

/* Rows with errors left out, in any batch: the others are registered in
 * order with numbers that follow, and each audit event names at most 2,000
 * of them, every one once. */
START_TEST (skip_invalid_across_batches)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autofree char *csv = csv_of_rows (330000, 4501, 0);
  g_autoptr(GString) with_errors = g_string_new (csv);
  g_autofree char *events_sql = NULL;
  g_autoptr(PGresult) events = NULL;
  GPtrArray *files;
  gint64 lo, hi;

  g_string_replace (with_errors, ",119900330100,", ",11990033010,", 1);
  g_string_replace (with_errors, ",119900334400,", ",11990033440,", 1);
  import = import_text (db, with_errors->str, with_errors->len, marriage_id, TRUE, &error);
  ck_assert_msg (error == NULL, "%s", MESSAGE (error));
  files = lajna_case_import_get_files (import);
  ck_assert_uint_eq (files->len, 4499);
  ck_assert_uint_eq (lajna_case_import_get_n_left_out (import), 2);
  ck_assert_str_eq (lajna_case_record_get (g_ptr_array_index (files, 100),
                                           "libyan_party.national_number"), "119900330101");
  assert_numbers_follow (files);
  ck_assert (lajna_case_import_get_progress (import) == 1.0);

  lo = ((LajnaCaseRecord *) g_ptr_array_index (files, 0))->id;
  hi = ((LajnaCaseRecord *) g_ptr_array_index (files, files->len - 1))->id;
  events_sql = g_strdup_printf (
      "WITH named AS (SELECT e.id, f::bigint AS file, jsonb_array_length(e.detail -> 'files') AS n"
      "                 FROM audit_event e, jsonb_array_elements_text(e.detail -> 'files') f"
      "                WHERE e.action = 'case.create')"
      "SELECT max(n), count(DISTINCT file), count(*) FROM named"
      " WHERE file BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT, lo, hi);
  events = lajna_db_exec (db, events_sql, &error);
  ck_assert_msg (events != NULL, "%s", MESSAGE (error));
  ck_assert_int_le (g_ascii_strtoll (PQgetvalue (events, 0, 0), NULL, 10), 2000);
  ck_assert_str_eq (PQgetvalue (events, 0, 1), "4499");
  ck_assert_str_eq (PQgetvalue (events, 0, 2), "4499");
}
END_TEST

/* What the app shows before importing: every row checked, nothing
 * written, the rows kept with their cells and whether they are valid. */
START_TEST (check_only)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseImport) import = lajna_case_import_new (marriage_id, FALSE);
  g_autofree char *csv = csv_with_invalid_row (8101);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  gint64 before = count_files (db);
  GPtrArray *preview;
  const LajnaImportRow *bad;

  lajna_case_import_set_check_only (import, TRUE);
  ck_assert_msg (lajna_case_import_run_bytes (import, db, bytes, &error), "%s", MESSAGE (error));
  ck_assert_int_eq (count_files (db), before);
  ck_assert_ptr_null (lajna_case_import_get_files (import));
  ck_assert_uint_eq (lajna_case_import_get_n_valid (import), 2);
  ck_assert_uint_eq (lajna_case_import_get_n_left_out (import), 1);
  ck_assert_uint_eq (lajna_case_import_get_columns (import)->len, 17);
  ck_assert_str_eq (g_ptr_array_index (lajna_case_import_get_columns (import), 2),
                    "libyan_party.name");
  preview = lajna_case_import_get_preview (import);
  ck_assert_uint_eq (preview->len, 3);
  bad = g_ptr_array_index (preview, 1);
  ck_assert_uint_eq (bad->row, 3);
  ck_assert (!bad->valid && ((LajnaImportRow *) g_ptr_array_index (preview, 2))->valid);
  ck_assert_str_eq (bad->cells[9], "11990008102");
  ck_assert (find_issue (import, 3, "libyan_party.national_number") != NULL);
  ck_assert (lajna_case_import_get_progress (import) == 1.0);
}
END_TEST

typedef struct
{
  LajnaCaseImport *import;
  GCancellable    *cancellable;
  double           at;
} Canceller;

/* Cancels once the import has come @at far. */
static gpointer
cancel_at (gpointer data)
{
  Canceller *c = data;

  while (lajna_case_import_get_progress (c->import) < c->at)
    g_usleep (1000);
  g_cancellable_cancel (c->cancellable);
  return NULL;
}

/* Cancelled while reading, or once batches of files are written: the
 * import fails as cancelled, and nothing is written. */
START_TEST (cancel_writes_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GString) csv = g_string_new (header);
  g_autoptr(GBytes) bytes = NULL;
  gint64 before = count_files (db);
  static const double at[] = { 0, 0.5 };

  for (guint i = 0; i < 4500; i++)
    {
      g_autofree char *row = valid_row (200000 + i);

      g_string_append (csv, row);
    }
  bytes = g_bytes_new (csv->str, csv->len);
  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaCaseImport) import = lajna_case_import_new (marriage_id, FALSE);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Canceller c = { import, cancellable, at[i] };
      GThread *canceller = g_thread_new ("canceller", cancel_at, &c);

      lajna_case_import_set_cancellable (import, cancellable);
      if (at[i] == 0)
        g_thread_join (canceller);
      ck_assert (!lajna_case_import_run_bytes (import, db, bytes, &error));
      ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), "%s",
                     MESSAGE (error));
      ck_assert (strstr (error->message, "nothing was written") != NULL);
      if (at[i] != 0)
        g_thread_join (canceller);
      ck_assert_int_eq (count_files (db), before);
    }
}
END_TEST

/* lajnactl on the suite's shared database. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  return lajna_test_run_program (LAJNACTL_PATH, args, out, err);
}

START_TEST (exit_codes)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *invalid = g_build_filename (dir, "invalid.csv", NULL);
  g_autofree char *csv = csv_with_invalid_row (8001);
  g_autofree char *example = g_build_filename (EXAMPLES, "marriage-example.csv", NULL);
  g_autofree char *committee = g_strdup_printf ("%d", marriage_id);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert (g_file_set_contents (invalid, csv, -1, NULL));

  ck_assert_int_eq (run_cli (ARGS ("case", "import", example), &out, &err), 2);
  ck_assert_msg (strstr (err, "--committee") != NULL, "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (run_cli (ARGS ("case", "import", invalid, "--committee", committee), &out, &err),
                    1);
  ck_assert_msg (strstr (err, "row 3, libyan_party.national_number: ") != NULL, "%s", err);
  ck_assert_msg (strstr (err, "nothing was imported") != NULL, "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (run_cli (ARGS ("case", "import", invalid, "--committee", committee,
                                   "--skip-invalid"), &out, &err), 0);
  ck_assert_msg (g_str_has_prefix (out, "Imported 2 files (ز/2026/"), "%s", out);
  ck_assert_msg (strstr (out, "Left out 1 row with errors.") != NULL, "%s", out);
  lajna_test_remove_dir (dir);
}
END_TEST

static TCase *
add_case (Suite      *suite,
          const char *name)
{
  TCase *tc = tcase_create (name);

  suite_add_tcase (suite, tc);
  return tc;
}

static Suite *
import_suite (void)
{
  Suite *suite = suite_create ("import");
  TCase *tc;

  tc = add_case (suite, "/import/examples");
  tcase_add_test (tc, clean_import);
  tc = add_case (suite, "/import/csv");
  tcase_add_test (tc, quoting);
  tcase_add_test (tc, semicolons_crlf);
  tcase_add_test (tc, excel_arabic);
  tcase_add_test (tc, committee_column);
  tc = add_case (suite, "/import/bidi");
  tcase_add_test (tc, spoof_stripped);
  tc = add_case (suite, "/import/rows");
  tcase_add_test (tc, invalid_row_writes_nothing);
  tcase_add_test (tc, skip_invalid_gapless);
  tcase_add_test (tc, late_error_writes_nothing);
  tcase_add_test (tc, skip_invalid_across_batches);
  tcase_add_test (tc, check_only);
  tcase_add_test (tc, cancel_writes_nothing);
  tc = add_case (suite, "/import/cli");
  tcase_add_test (tc, exit_codes);
  return suite;
}

/* One database for every test case; each test runs in its own process
 * and connects to it. */
int
main (void)
{
  int status;

  setup_import ();
  status = lajna_test_run (import_suite ());
  lajna_test_shared_stop ();
  return status;
}
