/* lajna-test-import.c: what the CSV import suites share (see the
 * header). */

#include "lajna-test-import.h"

#include <check.h>

#include "lajna-db-private.h"
#include "lajna-test-util.h"

const char header[] =
  "received_on,direction,libyan_party.name,libyan_party.father_name,"
  "libyan_party.grandfather_name,libyan_party.family_name,libyan_party.sex,"
  "libyan_party.birth_date,libyan_party.nationality,libyan_party.national_number,"
  "foreign_party.name,foreign_party.latin_name,foreign_party.sex,foreign_party.birth_date,"
  "foreign_party.nationality,foreign_party.passport_number,foreign_party.passport_expiry\n";

int marriage_id;
int juvenile_id;

/* Starts the suite's shared database, with a committee of each kind. */
void
setup_import (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(PGresult) ids = NULL;

  /* Not lajna_test_shared_connect (): no test is running yet. */
  lajna_test_shared_start ();
  db = lajna_database_connect (lajna_test_shared_database (), NULL);
  ids = db != NULL ? lajna_db_exec (db,
      "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
      " ('marriage', 'imp-m', 'لجنة الزواج', 'Marriage', 'ز'),"
      " ('juvenile', 'imp-j', 'لجنة الأحداث', 'Juvenile', 'ح')"
      " RETURNING id", NULL) : NULL;
  if (ids == NULL)
    g_error ("Cannot make the committees");
  marriage_id = (int) g_ascii_strtoll (PQgetvalue (ids, 0, 0), NULL, 10);
  juvenile_id = (int) g_ascii_strtoll (PQgetvalue (ids, 1, 0), NULL, 10);
}

/* A valid marriage row; @i makes its numbers its own. */
char *
valid_row (guint i)
{
  return g_strdup_printf ("2026-11-20,libyan_man,أحمد,محمد,علي,الورفلي,m,1990-03-15,LY,"
                          "11990%07u,منى,Mona Hassan,f,1992-06-01,EG,A%07u,2031-01-31\n", i, i);
}

gint64
count_files (LajnaDb *db)
{
  g_autoptr(PGresult) result = lajna_db_exec (db, "SELECT count(*) FROM case_file", NULL);

  ck_assert (result != NULL);
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

LajnaCaseImport *
import_text (LajnaDb     *db,
             const char  *text,
             gsize        len,
             int          committee_id,
             gboolean     skip_invalid,
             GError     **error)
{
  LajnaCaseImport *import = lajna_case_import_new (committee_id, skip_invalid);
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);

  lajna_case_import_run_bytes (import, db, bytes, error);
  return import;
}

/* The issues as "row, field, level, message" lines, for messages. */
char *
describe (LajnaCaseImport *import)
{
  GPtrArray *issues = lajna_case_import_get_issues (import);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      const LajnaImportIssue *issue = g_ptr_array_index (issues, i);

      g_string_append_printf (out, "%u, %s, %s, %s\n", issue->row, issue->field,
                              issue->level == LAJNA_ISSUE_ERROR ? "error" : "warning",
                              issue->message);
    }
  return g_string_free (out, FALSE);
}

const LajnaImportIssue *
find_issue (LajnaCaseImport *import,
            guint            row,
            const char      *field)
{
  GPtrArray *issues = lajna_case_import_get_issues (import);

  for (guint i = 0; i < issues->len; i++)
    {
      const LajnaImportIssue *issue = g_ptr_array_index (issues, i);

      if (issue->row == row && g_strcmp0 (issue->field, field) == 0)
        return issue;
    }
  return NULL;
}
