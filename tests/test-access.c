/* test-access.c: who sees and changes what, role by role, through the
 * app's own queries and through raw SQL: a person sees only the files of
 * their committees, writes only what their group may write, reads
 * identity numbers and juveniles' names only if their role needs them,
 * and nobody reads or writes the audit trail directly. Each case signs in
 * as its person, with their password (SCRAM-SHA-256), as on a shared
 * server. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-case-details.h"
#include "lajna-case-duplicates.h"
#include "lajna-case-query.h"
#include "lajna-committee.h"
#include "lajna-db-private.h"
#include "lajna-document-store.h"
#include "lajna-document-sandbox.h"
#include "lajna-document-stream.h"
#include "lajna-meeting.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "lajna-users.h"
#include "test-access.h"

static const char * const logins[] = { "clerk_a", "member_b", "chair_j", "admin_j", "nobody",
                                       "clerk_ab" };

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'ac-a', 'لجنة أ', 'A', 'أ'), ('marriage', 'ac-b', 'لجنة ب', 'B', 'ب'),"
  " ('juvenile', 'ac-j', 'لجنة ح', 'J', 'ح');"
  "SELECT lajna_user_add('clerk_a', 'كاتب أ', 'clerk', (SELECT id FROM committee WHERE code = 'ac-a'));"
  "SELECT lajna_user_add('clerk_ab', 'كاتب أ وب', 'clerk', (SELECT id FROM committee WHERE code = 'ac-a'));"
  "INSERT INTO committee_role (committee_id, user_id, role)"
  " SELECT k.id, u.id, 'clerk' FROM committee k, app_user u"
  "  WHERE k.code = 'ac-b' AND u.login = 'clerk_ab';"
  "SELECT lajna_user_add('member_b', 'عضو ب', 'member', (SELECT id FROM committee WHERE code = 'ac-b'));"
  "SELECT lajna_user_add('member_b2', 'عضو ب الثاني', 'member', (SELECT id FROM committee WHERE code = 'ac-b'));"
  "UPDATE committee SET quorum_needs_chair = false WHERE code = 'ac-b';"
  "SELECT lajna_user_add('chair_j', 'رئيس ح', 'chair', (SELECT id FROM committee WHERE code = 'ac-j'));"
  "SELECT lajna_user_add('admin_j', 'مدير ح', 'admin', (SELECT id FROM committee WHERE code = 'ac-j'));"
  "SELECT lajna_user_add('nobody', 'بلا لجنة', 'member', (SELECT id FROM committee WHERE code = 'ac-a'));"
  "UPDATE committee_role SET until = current_date - 1"
  " WHERE user_id = (SELECT id FROM app_user WHERE login = 'nobody')";

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  for (int i = 0; i < 3; i++)
    lajna_test_register_file (db, "marriage", "ac-a");
  for (int i = 0; i < 2; i++)
    lajna_test_register_file (db, "marriage", "ac-b");
  lajna_test_register_file (db, "juvenile", "ac-j");
  /* A national number changed on a file of committee B: its history. */
  ck_assert (lajna_db_run (db, "UPDATE person SET national_number = '219990000001'"
                               " WHERE id = (SELECT m.libyan_party_id FROM marriage_case m"
                               "  JOIN case_file c ON c.id = m.case_id"
                               "  JOIN committee k ON k.id = c.committee_id"
                               " WHERE k.code = 'ac-b' LIMIT 1)", NULL));
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

/* @login's own database, signed in with their password. */
static LajnaDatabase *
database_of (const char *login)
{
  g_autofree char *conninfo = lajna_test_shared_conninfo_as (login);
  g_autofree char *password = g_strconcat ("password of ", login, NULL);
  LajnaDatabase *database = lajna_database_new (conninfo);

  lajna_database_set_password (database, password);
  return database;
}

LajnaDb *
connect_as (const char *login)
{
  g_autoptr(LajnaDatabase) database = database_of (login);
  g_autoptr(GError) error = NULL;
  LajnaDb *db = lajna_database_connect (database, &error);

  ck_assert_msg (db != NULL, "%s: %s", login, MESSAGE (error));
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
  /* The files' change notices: seen through one's own files, written by
   * nobody but the database. */
  { "chair_j", "SELECT count(*) > 0 FROM case_notice", "t" },
  { "member_b", "SELECT count(*) FROM case_notice WHERE case_id NOT IN (4, 5)", "0" },
  { "clerk_a", "SELECT count(*) FROM case_notice WHERE case_id = 6", "0" },
  { "clerk_a", "INSERT INTO case_notice (case_id, what) VALUES (1, 'x') RETURNING 1", NULL },
  { "chair_j", "DELETE FROM case_notice RETURNING 1", NULL },
  /* The audit trail: only through lajna_audit(). */
  { "clerk_a", "SELECT count(*) FROM audit_event", NULL },
  { "chair_j", "INSERT INTO audit_event (action, object, hash) VALUES ('x', 'y', '') RETURNING 1",
    NULL },
  { "clerk_a", "SELECT lajna_audit('test.by_clerk', 'test', NULL) > 0", "t" },
  /* …and only about what one sees: not another committee's file, nor a
   * part of it. */
  { "clerk_a", "SELECT lajna_audit('case.open', 'case_file', 1) > 0", "t" },
  { "clerk_a", "SELECT lajna_audit('case.open', 'case_file', 4) > 0", NULL },
  /* History row 4 is file 4's registration. */
  { "clerk_a", "SELECT lajna_audit('case.print', 'case_history', 4) > 0", NULL },
  { "chair_j", "SELECT lajna_audit_event('case.open', 'case_file', 4, '{}') > 0", NULL },
  /* Identity numbers: the clerk and the chair read them, a member not,
   * nor through the search text, a function or a field's history. */
  { "clerk_a", "SELECT count(national_number) FROM person", "3" },
  { "chair_j", "SELECT count(national_number) FROM person", "1" },
  { "member_b", "SELECT count(national_number) FROM person", NULL },
  { "member_b", "SELECT count(passport_number) FROM person", NULL },
  { "member_b", "SELECT count(*) FROM person WHERE national_number LIKE '2%'", NULL },
  { "member_b", "SELECT count(name) FROM person", "4" },
  { "member_b", "SELECT count(*) FROM case_file WHERE search_norm ~ '[0-9]{12}'", "0" },
  { "member_b", "SELECT count(*) FROM lajna_cases_with_number('219990000001')", NULL },
  { "member_b", "SELECT count(*) FROM case_change WHERE field = 'national_number'", "0" },
  { "member_b", "SELECT count(*) FROM case_change", "0" },
  { "member_b", "SELECT count(*) FROM lajna_case_values((SELECT max(id) FROM case_file))",
    NULL },
  /* The administrator counts juvenile files and sees initials, not the
   * child: no title, person, record or history; and writes no file. */
  { "admin_j", "SELECT count(*) FROM case_file", "1" },
  { "admin_j", "SELECT title FROM case_file", NULL },
  { "admin_j", "SELECT search_text FROM case_file", NULL },
  { "admin_j", "SELECT listed_title ~ '^(\\S\\. )+\\S\\.$' FROM case_file", "t" },
  { "admin_j", "SELECT count(*) FROM juvenile_case", "0" },
  { "admin_j", "SELECT count(*) FROM person", "0" },
  { "admin_j", "SELECT count(*) FROM case_history", "2" },
  { "admin_j", "UPDATE case_file SET notes = 'x' RETURNING 1", NULL },
  { "chair_j", "SELECT count(*) FROM juvenile_case", "1" },
  { "chair_j", "SELECT listed_title = lajna_initials(title) FROM case_file", "t" },
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

/* Signing in: the password is checked, and kept on the server as a
 * SCRAM-SHA-256 verifier, never as the password. */
START_TEST (test_sign_in)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(PGresult) kept = lajna_db_exec (admin,
      "SELECT count(*) FILTER (WHERE rolpassword ~ '^SCRAM-SHA-256\\$4096:'),"
      "       count(*) FILTER (WHERE rolpassword LIKE '%password of%')"
      "  FROM pg_authid WHERE rolname IN ('clerk_a', 'member_b', 'chair_j', 'admin_j', 'nobody')",
      NULL);
  g_autofree char *conninfo = lajna_test_shared_conninfo_as ("clerk_a");
  g_autoptr(LajnaDatabase) database = lajna_database_new (conninfo);
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (kept != NULL);
  ck_assert_str_eq (PQgetvalue (kept, 0, 0), "5");
  ck_assert_str_eq (PQgetvalue (kept, 0, 1), "0");

  lajna_database_set_password (database, "password of member_b");
  db = lajna_database_connect (database, &error);
  ck_assert (db == NULL);
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD), "%s",
                 MESSAGE (error));
  g_clear_error (&error);
  db = lajna_db_connect (conninfo, NULL, &error);
  ck_assert (db == NULL);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD));
  g_clear_error (&error);

  /* Too short a password is refused before it reaches the server. */
  ck_assert (!lajna_users_set_password (admin, "clerk_a", "short", &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));

  /* A person's own database opens (the schema is read, not changed). */
  g_clear_object (&database);
  g_clear_error (&error);
  database = database_of ("member_b");
  ck_assert_msg (lajna_database_open (database, TRUE, NULL, &error), "%s", MESSAGE (error));
}
END_TEST

/* The application's roles and people own no table and pass no row-level
 * security, which is forced on every table of committee data. */
START_TEST (test_roles_own_nothing)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (admin,
      "WITH ours AS (SELECT oid, rolname, rolsuper, rolbypassrls FROM pg_roles"
      "               WHERE rolname LIKE 'lajna\\_%' OR rolname IN (SELECT login FROM app_user))"
      "SELECT (SELECT count(*) FROM ours),"
      "       (SELECT count(*) FROM ours WHERE rolsuper OR rolbypassrls),"
      "       (SELECT count(*) FROM pg_class c JOIN ours o ON o.oid = c.relowner),"
      "       (SELECT count(*) FROM pg_class c"
      "         WHERE c.relnamespace = 'public'::regnamespace"
      "           AND c.relname IN ('case_file', 'marriage_case', 'juvenile_case', 'person',"
      "                         'case_history', 'case_change', 'duplicate_verdict', 'document',"
      "                         'document_blob', 'document_preview', 'meeting', 'attendance',"
      "                         'agenda_item', 'vote', 'decision', 'ruling', 'ruling_counter',"
      "                         'signature', 'file_number_counter')"
      "           AND c.relrowsecurity AND c.relforcerowsecurity)", &error);

  ck_assert_msg (result != NULL, "%s", MESSAGE (error));
  ck_assert_int_ge (atoi (PQgetvalue (result, 0, 0)), 11);
  ck_assert_str_eq (PQgetvalue (result, 0, 1), "0");
  ck_assert_str_eq (PQgetvalue (result, 0, 2), "0");
  ck_assert_str_eq (PQgetvalue (result, 0, 3), "19");
}
END_TEST

/* A person's write through psql is in the audit trail under their name. */
START_TEST (test_raw_write_recorded)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) recorded = NULL;

  ck_assert_msg (lajna_db_run (clerk, "UPDATE case_file SET notes = 'from psql' WHERE id = 1",
                               &error), "%s", MESSAGE (error));
  recorded = lajna_db_exec (admin, "SELECT count(*) FROM audit_event WHERE action = 'write.update'"
                                   " AND object = 'case_file' AND object_id = 1"
                                   " AND actor = 'clerk_a'", NULL);
  ck_assert (recorded != NULL);
  ck_assert_str_eq (PQgetvalue (recorded, 0, 0), "1");
}
END_TEST

/* A person renames themselves, and the administrator of a committee its
 * people; nobody else, whatever way they try. */
START_TEST (test_rename)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
  g_autoptr(LajnaDb) administrator = connect_as ("admin_j");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  static const char * const around[] = {
    "UPDATE app_user SET full_name = 'x' WHERE login = 'member_b'",
    "INSERT INTO app_user (login, full_name) VALUES ('clerk_a2', 'x')",
    "INSERT INTO account_name (login, full_name) VALUES ('clerk_a2', 'x')",
    "SELECT lajna_user_register_owner('x')",
    "SET ROLE admin_j",
    "SET ROLE lajna_admin",
  };

  ck_assert_msg (lajna_users_set_full_name (clerk, "clerk_a", "كاتب اللجنة أ", &error), "%s",
                 MESSAGE (error));
  name = lajna_users_dup_full_name (admin, "clerk_a", &error);
  ck_assert_str_eq (name, "كاتب اللجنة أ");

  ck_assert (!lajna_users_set_full_name (clerk, "member_b", "x", &error));
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s",
                 MESSAGE (error));
  g_clear_error (&error);
  /* Not by writing the names, nor after acting as someone of more rights. */
  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    {
      ck_assert_msg (!lajna_db_run (clerk, around[i], &error), "%s", around[i]);
      g_clear_error (&error);
    }
  ck_assert (!lajna_users_set_full_name (clerk, "chair_j", "x", &error));
  g_clear_error (&error);
  ck_assert (!lajna_users_set_full_name (clerk, "clerk_a", " \n ", &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!lajna_db_run (clerk, "SELECT lajna_user_set_full_name('clerk_a', E'a\\u202Eb')",
                            &error));
  g_clear_error (&error);
  /* The server's own account is its own to rename. */
  {
    g_autoptr(PGresult) owner = lajna_db_exec (admin, "SELECT current_user", NULL);

    ck_assert (!lajna_users_set_full_name (administrator, PQgetvalue (owner, 0, 0), "x", &error));
    ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s",
                   MESSAGE (error));
    g_clear_error (&error);
  }

  /* The administrator of J renames J's chair, not A's clerk. */
  ck_assert_msg (lajna_users_set_full_name (administrator, "chair_j", "رئيس لجنة ح", &error),
                 "%s", MESSAGE (error));
  ck_assert (!lajna_users_set_full_name (administrator, "clerk_a", "x", &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);
  name = lajna_users_dup_full_name (admin, "chair_j", &error);
  ck_assert_str_eq (name, "رئيس لجنة ح");
  g_clear_pointer (&name, g_free);
  name = lajna_users_dup_full_name (admin, "member_b", &error);
  ck_assert_str_eq (name, "عضو ب");

  /* Each rename is in the audit trail, under who did it. */
  {
    g_autoptr(PGresult) renames = lajna_db_exec (admin,
        "SELECT string_agg(actor || '>' || (detail ->> 'login'), ' ' ORDER BY id)"
        "  FROM audit_event WHERE action = 'user.rename'", NULL);

    ck_assert (renames != NULL);
    ck_assert_str_eq (PQgetvalue (renames, 0, 0), "clerk_a>clerk_a admin_j>chair_j");
  }
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

  g_autoptr(GPtrArray) committees = lajna_committee_fetch_all (db, &error);

  ck_assert_msg (rows != NULL, "%s", MESSAGE (error));
  ck_assert_int_eq (rows->len, 2);
  /* The committee list offers one's own committees. */
  ck_assert_msg (committees != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (committees->len, 1);
  ck_assert_str_eq (((LajnaCommittee *) g_ptr_array_index (committees, 0))->name_en, "B");
  other = lajna_case_details_fetch (db, g_ascii_strtoll (PQgetvalue (a_file, 0, 0), NULL, 10),
                                    &error);
  ck_assert (other == NULL);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND));

  /* A member registers no file; a clerk registers one in their committee
   * only. */
  g_clear_error (&error);
  g_ptr_array_add (records, lajna_test_make_record ("marriage", lajna_test_committee (admin, "ac-b"), NULL));
  ck_assert (!lajna_case_record_register (db, records, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_object (&db);
  db = connect_as ("clerk_a");
  g_clear_error (&error);
  ck_assert (!lajna_case_record_register (db, records, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_ptr_array_set_size (records, 0);
  g_ptr_array_add (records, lajna_test_make_record ("marriage", lajna_test_committee (admin, "ac-a"), NULL));
  g_clear_error (&error);
  ck_assert_msg (lajna_case_record_register (db, records, &error), "%s", MESSAGE (error));
}
END_TEST

/* A table added later declares its rule with one call, and is then held
 * to it like the others: rows under another committee's meeting are
 * neither written nor named in the audit trail. */
/* The app offers scanning and attaching to a clerk, not to a member. */
START_TEST (test_who_may_attach)
{
  static const struct
  {
    const char *login;
    gboolean    can;
  } people[] = { { "clerk_a", TRUE }, { "member_b", FALSE }, { "nobody", FALSE } };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(LajnaDb) db = connect_as (people[i].login);
      g_autoptr(GError) error = NULL;
      gboolean can = !people[i].can;

      ck_assert_msg (lajna_document_can_attach (db, &can, &error), "%s", MESSAGE (error));
      ck_assert_msg (can == people[i].can, "%s may%s attach", people[i].login,
                     can ? "" : " not");
    }
}
END_TEST

/* A document of committee A: its clerk opens it and reads it slice by
 * slice; a member of committee B can neither open it nor read a slice of
 * it through a stream of their own. */
START_TEST (test_document_slices_for_their_committee)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
  g_autoptr(LajnaDb) member = connect_as ("member_b");
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = lajna_document_sandbox_read (pdf, &error);
  g_autoptr(PGresult) cases = lajna_db_exec (admin, "SELECT c.id FROM case_file c"
                                                    " JOIN committee k ON k.id = c.committee_id"
                                                    " WHERE k.code = 'ac-a' LIMIT 1", NULL);
  g_autoptr(GInputStream) opened = NULL;
  g_autoptr(GInputStream) sliced = NULL;
  gboolean already = FALSE;
  goffset length = 0;
  char start[5];
  gint64 id;

  ck_assert_msg (file != NULL, "%s", MESSAGE (error));
  id = lajna_document_attach (admin, g_ascii_strtoll (PQgetvalue (cases, 0, 0), NULL, 10),
                              "other", "", "import", file, &already, &error);
  ck_assert_msg (id > 0, "%s", MESSAGE (error));

  opened = lajna_document_open (clerk, connect_as ("clerk_a"), id, &length, &error);
  ck_assert_msg (opened != NULL, "%s", MESSAGE (error));
  ck_assert (g_input_stream_read (opened, start, 5, NULL, NULL) == 5
             && memcmp (start, "%PDF-", 5) == 0);

  ck_assert (lajna_document_open (member, connect_as ("member_b"), id, &length, &error) == NULL);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND));
  g_clear_error (&error);
  sliced = lajna_document_stream_new (connect_as ("member_b"), id, g_bytes_get_size (pdf));
  ck_assert_int_eq (g_input_stream_read (sliced, start, 5, NULL, &error), -1);
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND), "%s",
                 MESSAGE (error));
}
END_TEST

START_TEST (test_later_table_declares_its_rule)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) clerk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) other = NULL;
  g_autoptr(PGresult) seen = NULL;
  g_autofree char *audit_other = NULL;

  ck_assert_msg (lajna_db_run (admin,
      "CREATE TABLE test_note (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
      "  meeting_id bigint NOT NULL REFERENCES meeting, body text NOT NULL);"
      "SELECT lajna_protect_by_parent('test_note', 'meeting_id', 'meeting');"
      "GRANT SELECT, INSERT ON test_note TO lajna_clerk;"
      "GRANT USAGE ON SEQUENCE test_note_id_seq TO lajna_clerk;"
      "INSERT INTO meeting (committee_id, year, number, held_on)"
      "  SELECT id, 2026, 1, current_date FROM committee WHERE code IN ('ac-a', 'ac-b');"
      "INSERT INTO test_note (meeting_id, body) SELECT m.id, 'B' FROM meeting m"
      "  JOIN committee k ON k.id = m.committee_id WHERE k.code = 'ac-b'", &error),
      "%s", MESSAGE (error));
  other = lajna_db_exec (admin, "SELECT id, meeting_id FROM test_note", NULL);
  ck_assert (other != NULL && PQntuples (other) == 1);

  clerk = connect_as ("clerk_a");
  ck_assert_msg (lajna_db_run (clerk,
      "INSERT INTO test_note (meeting_id, body) SELECT m.id, 'A' FROM meeting m", &error),
      "%s", MESSAGE (error));
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO test_note (meeting_id, body)"
                                            " VALUES (%s, 'into B')", PQgetvalue (other, 0, 1));

    ck_assert (!lajna_db_run (clerk, sql, &error));
    ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  }
  seen = lajna_db_exec (clerk, "SELECT string_agg(body, ',') FROM test_note", NULL);
  ck_assert_str_eq (PQgetvalue (seen, 0, 0), "A");
  g_clear_error (&error);
  audit_other = g_strdup_printf ("SELECT lajna_audit('note.print', 'test_note', %s)",
                                 PQgetvalue (other, 0, 0));
  ck_assert (!lajna_db_run (clerk, audit_other, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
}
END_TEST

/* Every fact of @details with @key, counted. */
static guint
facts_named (const LajnaCaseDetails *details,
             const char             *key)
{
  guint n = 0;

  for (guint i = 0; i < details->sections->len; i++)
    {
      LajnaFactSection *section = g_ptr_array_index (details->sections, i);

      for (guint j = 0; j < section->facts->len; j++)
        n += g_str_equal (((LajnaFact *) g_ptr_array_index (section->facts, j))->key, key);
    }
  return n;
}

static guint
found (LajnaDb    *db,
       const char *text)
{
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  lajna_case_query_set_text (query, text);
  rows = lajna_case_query_fetch (query, db, NULL, 50, &error);
  ck_assert_msg (rows != NULL, "%s", MESSAGE (error));
  return rows->len;
}

/* The app's own queries leave out what the person does not read, rather
 * than failing: a member reads a file without identity numbers and
 * cannot find one by them; the administrator lists a juvenile by
 * initials and finds it by its file number. */
START_TEST (test_app_queries_without_names_or_numbers)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) member = connect_as ("member_b");
  g_autoptr(LajnaDb) admin_j = connect_as ("admin_j");
  g_autoptr(PGresult) files = lajna_db_exec (admin,
      "SELECT c.id, c.file_number, lajna_initials(c.title), k.code FROM case_file c"
      "  JOIN committee k ON k.id = c.committee_id WHERE k.code IN ('ac-b', 'ac-j')"
      " ORDER BY k.code, c.id", NULL);
  g_autoptr(LajnaCaseDetails) details = NULL;
  g_autoptr(LajnaCaseDetails) juvenile = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 b_file, j_file;

  ck_assert (files != NULL && PQntuples (files) == 3);
  b_file = g_ascii_strtoll (PQgetvalue (files, 0, 0), NULL, 10);
  j_file = g_ascii_strtoll (PQgetvalue (files, 2, 0), NULL, 10);

  ck_assert_uint_eq (found (admin, "219990000001"), 1);
  ck_assert_uint_eq (found (member, "219990000001"), 0);
  details = lajna_case_details_fetch (member, b_file, &error);
  ck_assert_msg (details != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (facts_named (details, "national_number"), 0);
  ck_assert_uint_gt (facts_named (details, "birth_date"), 0);
  duplicates = lajna_case_duplicates_fetch (member, b_file, 0.5, &error);
  ck_assert_msg (duplicates != NULL, "%s", MESSAGE (error));

  rows = lajna_case_query_fetch (query, admin_j, NULL, 50, &error);
  ck_assert_msg (rows != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (rows->len, 1);
  ck_assert_str_eq (lajna_case_summary_get_title (g_ptr_array_index (rows, 0)),
                    PQgetvalue (files, 2, 2));
  ck_assert_uint_eq (found (admin_j, PQgetvalue (files, 2, 1)), 1);
  juvenile = lajna_case_details_fetch (admin_j, j_file, &error);
  ck_assert_msg (juvenile != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (juvenile->title, PQgetvalue (files, 2, 2));
  ck_assert_uint_eq (facts_named (juvenile, "birth_date"), 0);
}
END_TEST

/* The administrator of a juvenile committee reads its meetings, with the
 * juvenile's initials on the agenda, not the child's name. */
START_TEST (test_agenda_with_initials)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) admin_j = connect_as ("admin_j");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) made = lajna_db_exec (admin,
      "WITH m AS (SELECT lajna_meeting_create(k.id, date '2025-03-01') AS id FROM committee k"
      "            WHERE k.code = 'ac-j')"
      "INSERT INTO agenda_item (meeting_id, position, case_id)"
      "  SELECT m.id, 1, c.id FROM m, case_file c JOIN committee k ON k.id = c.committee_id"
      "   WHERE k.code = 'ac-j' RETURNING meeting_id, lajna_initials((SELECT title FROM case_file"
      "                                                            WHERE id = case_id))", &error);
  g_autoptr(LajnaMeeting) meeting = NULL;

  ck_assert_msg (made != NULL && PQntuples (made) == 1, "%s", MESSAGE (error));
  meeting = lajna_meeting_load (admin_j, g_ascii_strtoll (PQgetvalue (made, 0, 0), NULL, 10),
                                TRUE, &error);
  ck_assert_msg (meeting != NULL, "%s", MESSAGE (error));
  ck_assert_uint_eq (meeting->items->len, 1);
  ck_assert_str_eq (((LajnaAgendaItem *) g_ptr_array_index (meeting->items, 0))->title,
                    PQgetvalue (made, 0, 1));
}
END_TEST

static Suite *
access_suite (void)
{
  Suite *suite = suite_create ("access");
  TCase *tc = tcase_create ("/access");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_matrix, 0, G_N_ELEMENTS (matrix));
  tcase_add_test (tc, test_roles_own_nothing);
  tcase_add_test (tc, test_raw_write_recorded);
  tcase_add_test (tc, test_rename);
  tcase_add_test (tc, test_sign_in);
  tcase_add_test (tc, test_app_queries);
  tcase_add_test (tc, test_app_queries_without_names_or_numbers);
  tcase_add_test (tc, test_later_table_declares_its_rule);
  tcase_add_test (tc, test_who_may_attach);
  tcase_add_test (tc, test_document_slices_for_their_committee);
  tcase_add_test (tc, test_agenda_with_initials);
  suite_add_tcase (suite, tc);
  tc = escalation_tcase ();
  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  suite_add_tcase (suite, tc);
  tc = intake_tcase ();
  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (access_suite ());
}
