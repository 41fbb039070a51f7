/* test-access.c: who sees and changes what, role by role, through the
 * app's own queries and through raw SQL: a person sees only the files of
 * their committees, writes only what their group may write, and nobody
 * reads or writes the audit trail directly. Each case acts as its person
 * with SET ROLE, as a login would. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-case-details.h"
#include "lajna-case-query.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'ac-a', 'لجنة أ', 'A', 'أ'), ('marriage', 'ac-b', 'لجنة ب', 'B', 'ب'),"
  " ('juvenile', 'ac-j', 'لجنة ح', 'J', 'ح');"
  "SELECT lajna_user_add('clerk_a', 'كاتب أ', 'clerk', (SELECT id FROM committee WHERE code = 'ac-a'));"
  "SELECT lajna_user_add('member_b', 'عضو ب', 'member', (SELECT id FROM committee WHERE code = 'ac-b'));"
  "SELECT lajna_user_add('chair_j', 'رئيس ح', 'chair', (SELECT id FROM committee WHERE code = 'ac-j'));"
  "SELECT lajna_user_add('nobody', 'بلا لجنة', 'member', (SELECT id FROM committee WHERE code = 'ac-a'));"
  "UPDATE committee_role SET until = current_date - 1"
  " WHERE user_id = (SELECT id FROM app_user WHERE login = 'nobody')";

static int
committee (LajnaDb    *db,
           const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM committee WHERE code = '%s'", code);
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, NULL);

  ck_assert (result != NULL && PQntuples (result) == 1);
  return atoi (PQgetvalue (result, 0, 0));
}

static gint64
register_file (LajnaDb    *db,
               const char *kind,
               const char *code)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, lajna_test_make_record (kind, committee (db, code), NULL));
  ck_assert_msg (lajna_case_record_register (db, records, &error), "%s", MESSAGE (error));
  return RECORD (records, 0)->id;
}

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  for (int i = 0; i < 3; i++)
    register_file (db, "marriage", "ac-a");
  for (int i = 0; i < 2; i++)
    register_file (db, "marriage", "ac-b");
  register_file (db, "juvenile", "ac-j");
}

/* A connection acting as @login, as their own login would. */
static LajnaDb *
connect_as (const char *login)
{
  LajnaDb *db = lajna_test_shared_connect ();
  g_autofree char *sql = g_strdup_printf ("SET ROLE %s", login);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_db_run (db, sql, &error), "%s", MESSAGE (error));
  return db;
}

/* One cell of the matrix: @login runs @sql; NULL @rows means refused. */
typedef struct
{
  const char *login;
  const char *sql;
  const char *rows;
} Access;

static const Access matrix[] = {
  /* Reading: only one's own committees, in every table. */
  { "clerk_a", "SELECT count(*) FROM case_file", "3" },
  { "clerk_a", "SELECT count(*) FROM marriage_case", "3" },
  { "clerk_a", "SELECT count(*) FROM person", "6" },
  { "clerk_a", "SELECT count(*) FROM case_history", "3" },
  { "clerk_a", "SELECT count(*) FROM juvenile_case", "0" },
  { "member_b", "SELECT count(*) FROM case_file", "2" },
  { "member_b", "SELECT count(*) FROM person", "4" },
  { "chair_j", "SELECT count(*) FROM case_file", "1" },
  { "chair_j", "SELECT count(*) FROM juvenile_case", "1" },
  { "nobody", "SELECT count(*) FROM case_file", "0" },
  { "nobody", "SELECT count(*) FROM person", "0" },
  /* Changing: what one's group may, on one's own committees' files. */
  { "clerk_a", "UPDATE case_file SET notes = 'x' WHERE committee_id = "
               "(SELECT id FROM committee WHERE code = 'ac-b') RETURNING id", "" },
  { "clerk_a", "UPDATE case_file SET notes = 'x' WHERE committee_id = "
               "(SELECT id FROM committee WHERE code = 'ac-a') RETURNING 1", "1 1 1" },
  { "clerk_a", "INSERT INTO case_file (committee_id, kind, file_number) SELECT id, 'marriage',"
               " 'ب/2026/99999' FROM committee WHERE code = 'ac-b' RETURNING 1", NULL },
  /* Files 4 and 5 are committee B's (registered in that order by setup). */
  { "clerk_a", "INSERT INTO case_history (case_id, to_status) VALUES (4, 'registered')"
               " RETURNING 1", NULL },
  { "clerk_a", "INSERT INTO case_history (case_id, to_status) VALUES (1, 'registered')"
               " RETURNING 1", "1" },
  { "member_b", "UPDATE case_file SET notes = 'x' RETURNING 1", NULL },
  { "member_b", "DELETE FROM case_file RETURNING 1", NULL },
  { "chair_j", "UPDATE person SET name = 'x' RETURNING 1", NULL },
  { "chair_j", "SELECT lajna_case_set_status((SELECT id FROM case_file), 'documents_pending')",
    "" },
  { "chair_j", "SELECT status FROM case_file", "documents_pending" },
  /* The audit trail: only through lajna_audit(). */
  { "clerk_a", "SELECT count(*) FROM audit_event", NULL },
  { "chair_j", "INSERT INTO audit_event (action, object, hash) VALUES ('x', 'y', '') RETURNING 1",
    NULL },
  { "clerk_a", "SELECT lajna_audit('test.by_clerk', 'test', NULL) > 0", "t" },
  /* A file's access history: its committee's chair sees it, a clerk not. */
  { "chair_j", "SELECT DISTINCT action FROM lajna_case_access_history("
               "(SELECT id FROM case_file)) WHERE action = 'case.create'", "case.create" },
  { "clerk_a", "SELECT count(*) FROM lajna_case_access_history((SELECT min(id) FROM case_file))",
    "0" },
};

START_TEST (test_matrix)
{
  const Access *cell = &matrix[_i];
  g_autoptr(LajnaDb) db = connect_as (cell->login);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, cell->sql, &error);
  g_autoptr(GString) rows = g_string_new (NULL);

  if (cell->rows == NULL)
    {
      ck_assert_msg (result == NULL, "%s: allowed for %s", cell->sql, cell->login);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s: %s",
                     cell->sql, error->message);
      return;
    }
  ck_assert_msg (result != NULL, "%s as %s: %s", cell->sql, cell->login, MESSAGE (error));
  for (int i = 0; i < PQntuples (result); i++)
    g_string_append_printf (rows, "%s%s", i > 0 ? " " : "", PQgetvalue (result, i, 0));
  ck_assert_msg (strcmp (rows->str, cell->rows) == 0, "%s as %s: got “%s”, want “%s”",
                 cell->sql, cell->login, rows->str, cell->rows);
}
END_TEST

/* The app's own queries, as the person. */
START_TEST (test_app_queries)
{
  g_autoptr(LajnaDb) db = connect_as ("member_b");
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = lajna_case_query_fetch (query, db, NULL, 50, &error);
  g_autoptr(LajnaCaseDetails) other = NULL;
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(PGresult) a_file = lajna_db_exec (admin,
      "SELECT min(c.id) FROM case_file c JOIN committee m ON m.id = c.committee_id"
      " WHERE m.code = 'ac-a'", NULL);

  ck_assert_msg (rows != NULL, "%s", MESSAGE (error));
  ck_assert_int_eq (rows->len, 2);
  other = lajna_case_details_fetch (db, g_ascii_strtoll (PQgetvalue (a_file, 0, 0), NULL, 10),
                                    &error);
  ck_assert (other == NULL);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND));

  /* A member registers no file; a clerk registers one in their committee
   * only. */
  g_clear_error (&error);
  g_ptr_array_add (records, lajna_test_make_record ("marriage", committee (admin, "ac-b"), NULL));
  ck_assert (!lajna_case_record_register (db, records, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_object (&db);
  db = connect_as ("clerk_a");
  g_clear_error (&error);
  ck_assert (!lajna_case_record_register (db, records, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_ptr_array_set_size (records, 0);
  g_ptr_array_add (records, lajna_test_make_record ("marriage", committee (admin, "ac-a"), NULL));
  g_clear_error (&error);
  ck_assert_msg (lajna_case_record_register (db, records, &error), "%s", MESSAGE (error));
}
END_TEST

static Suite *
access_suite (void)
{
  Suite *suite = suite_create ("access");
  TCase *tc = tcase_create ("/access");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_matrix, 0, G_N_ELEMENTS (matrix));
  tcase_add_test (tc, test_app_queries);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (access_suite ());
}
