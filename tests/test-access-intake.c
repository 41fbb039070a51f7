/* test-access-intake.c: files registered in bulk through the session's
 * staging table (0032-bulk-intake.sql), as a clerk signing in with their
 * own password, and what they try in order to get rows past the checks:
 * rows for another committee, rows without what a file must have, a
 * table of that name made before the staging table, changes to the
 * staging table itself. None of it may work, and nothing is written. */

#include <string.h>

#include "lajna-case-bulk.h"
#include "lajna-db-private.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "test-access.h"

/* Files, people and counters, whoever they belong to. */
static char *
written (void)
{
  return admin_value ("SELECT concat_ws(' ', (SELECT count(*) FROM case_file),"
                      " (SELECT count(*) FROM person), (SELECT count(*) FROM file_number_counter))");
}

/* @login runs @sql in a transaction it rolls back; the error, if any. */
static GError *
error_of (const char *login,
          const char *sql)
{
  g_autoptr(LajnaDb) db = connect_as (login);
  GError *error = NULL;

  lajna_db_run (db, sql, &error);
  lajna_db_run (db, "ROLLBACK", NULL);
  return error;
}

/* A clerk registers their committee's files in bulk: the files are
 * numbered and, until the commit, only theirs. */
START_TEST (test_clerk_registers_in_bulk)
{
  g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = written ();
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) records = records_new ();
  int committee = lajna_test_committee (clerk, "ac-a");

  {
    g_autoptr(LajnaCaseBulk) bulk = lajna_case_bulk_begin (clerk, &error);

    ck_assert_msg (bulk != NULL, "%s", MESSAGE (error));
    g_ptr_array_add (records, lajna_test_make_record ("marriage", committee, NULL));
    g_ptr_array_add (records, lajna_test_make_record ("marriage", committee, NULL));
    ck_assert_msg (lajna_case_bulk_register (bulk, records, &error), "%s", MESSAGE (error));
    ck_assert_int_gt (RECORD (records, 1)->id, RECORD (records, 0)->id);
    ck_assert (g_str_has_prefix (RECORD (records, 0)->file_number, "أ/"));
  }
  after = written ();
  ck_assert_str_eq (after, before);
}
END_TEST

/* What a staged row of clerk_a's may not be, as the VALUES of an INSERT
 * into the staging table's columns below. */
typedef struct
{
  const char *what;
  const char *values;
  int         code;
} Forged;

static const char staged_columns[] =
  "ordinal, committee_id, kind, received_on, direction, first_name, first_sex,"
  " first_birth_date, first_nationality, first_national_number, second_name, second_latin_name,"
  " second_sex, second_birth_date, second_nationality, second_passport_number";

#define COMMITTEE(code) "(SELECT id FROM committee WHERE code = '" code "')"
#define PARTIES "'أحمد', 'm', '1990-03-15', 'LY', '119900012345', 'منى', 'Mona', 'f', '1992-06-01', 'EG', 'A1'"

static const Forged forged[] = {
  { "another committee's file",
    "1, " COMMITTEE ("ac-b") ", 'marriage', '2026-11-20', 'libyan_man', " PARTIES,
    LAJNA_DB_ERROR_DENIED },
  { "another committee's file among one's own",
    "1, " COMMITTEE ("ac-a") ", 'marriage', '2026-11-20', 'libyan_man', " PARTIES "),"
    " (2, " COMMITTEE ("ac-b") ", 'marriage', '2026-11-20', 'libyan_man', " PARTIES,
    LAJNA_DB_ERROR_DENIED },
  { "a juvenile file of a committee one has no role on",
    "1, " COMMITTEE ("ac-j") ", 'juvenile', '2026-11-20', NULL, " PARTIES,
    LAJNA_DB_ERROR_DENIED },
  { "no committee",
    "1, NULL, 'marriage', '2026-11-20', 'libyan_man', " PARTIES,
    LAJNA_DB_ERROR_DENIED },
  { "no kind",
    "1, " COMMITTEE ("ac-a") ", NULL, '2026-11-20', 'libyan_man', " PARTIES,
    LAJNA_DB_ERROR_INVALID },
  { "no direction",
    "1, " COMMITTEE ("ac-a") ", 'marriage', '2026-11-20', NULL, " PARTIES,
    LAJNA_DB_ERROR_INVALID },
  { "no name",
    "1, " COMMITTEE ("ac-a") ", 'marriage', '2026-11-20', 'libyan_man', NULL, 'm', '1990-03-15',"
    " 'LY', '119900012345', 'منى', 'Mona', 'f', '1992-06-01', 'EG', 'A1'",
    LAJNA_DB_ERROR_INVALID },
  { "no foreign party",
    "1, " COMMITTEE ("ac-a") ", 'marriage', '2026-11-20', 'libyan_man', 'أحمد', 'm',"
    " '1990-03-15', 'LY', '119900012345', NULL, NULL, NULL, NULL, NULL, NULL",
    LAJNA_DB_ERROR_INVALID },
  { "a name that displays as another",
    "1, " COMMITTEE ("ac-a") ", 'marriage', '2026-11-20', 'libyan_man', 'أحمد' || chr(8238),"
    " 'm', '1990-03-15', 'LY', '119900012345', 'منى', 'Mona', 'f', '1992-06-01', 'EG', 'A1'",
    LAJNA_DB_ERROR_INVALID },
};

/* Rows forged into the staging table meet the checks of a file sent as
 * JSON: refused, with nothing written. */
START_TEST (test_staged_rows_checked)
{
  const Forged *f = &forged[_i];
  g_autofree char *sql = g_strdup_printf (
      "BEGIN; SELECT lajna_case_staging_open();"
      "INSERT INTO pg_temp.lajna_case_staging (%s) VALUES (%s);"
      "SELECT count(*) FROM lajna_case_create_staged(); COMMIT",
      staged_columns, f->values);
  g_autofree char *before = written ();
  g_autofree char *after = NULL;
  g_autoptr(GError) error = error_of ("clerk_a", sql);

  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, f->code), "%s: %s", f->what,
                 MESSAGE (error));
  after = written ();
  ck_assert_str_eq (after, before);
}
END_TEST

/* Only who registers files stages them, and nobody but its maker changes
 * how the staging table works. */
START_TEST (test_staging_table_kept)
{
  static const struct
  {
    const char *login;
    const char *sql;
  } refused[] = {
    { "member_b", "SELECT lajna_case_staging_open()" },
    { "clerk_a", "CREATE TEMP TABLE lajna_case_staging OF lajna_new_case" },
    { "clerk_a", "BEGIN; SELECT lajna_case_staging_open();"
                 "ALTER TABLE pg_temp.lajna_case_staging ADD COLUMN secret text" },
    { "clerk_a", "BEGIN; SELECT lajna_case_staging_open();"
                 "CREATE RULE r AS ON INSERT TO pg_temp.lajna_case_staging DO INSTEAD NOTHING" },
    { "clerk_a", "BEGIN; SELECT lajna_case_staging_open();"
                 "CREATE TRIGGER t BEFORE INSERT ON pg_temp.lajna_case_staging"
                 " FOR EACH ROW EXECUTE FUNCTION lajna_audit_refuse()" },
    { "clerk_a", "BEGIN; SELECT lajna_case_staging_open();"
                 "ALTER TABLE pg_temp.lajna_case_staging OWNER TO clerk_a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = error_of (refused[i].login, refused[i].sql);

      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s: %s",
                     refused[i].sql, MESSAGE (error));
    }
}
END_TEST

/* Given back the right to make temporary tables, a clerk's own table or
 * view of that name is refused as the staging table, and what it holds,
 * registered, meets the checks all the same. */
START_TEST (test_own_table_of_that_name)
{
  static const char staged_view[] =
    "1, " COMMITTEE ("ac-b") ", 'marriage', '2026-11-20', '', 'libyan_man', 0, '', NULL, NULL,"
    " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'أحمد', '', '', '',"
    " '', 'm', '1990-03-15', 'LY', '119900012345', NULL, NULL, 'منى', '', '', '', 'Mona', 'f',"
    " '1992-06-01', 'EG', NULL, 'A1', NULL";
  g_autofree char *table = g_strdup_printf (
      "CREATE TEMP TABLE lajna_case_staging OF lajna_new_case;"
      "INSERT INTO lajna_case_staging (%s) VALUES (%s);", staged_columns, forged[0].values);
  g_autofree char *view = g_strdup_printf (
      "CREATE TEMP VIEW lajna_case_staging AS SELECT (ROW (%s)::lajna_new_case).*;", staged_view);
  const char *made[] = { table, view };
  g_autofree char *before = written ();
  g_autofree char *after = NULL;
  g_autofree char *super = NULL;

  admin_run ("DO $$ BEGIN EXECUTE format('GRANT TEMP ON DATABASE %I TO clerk_a',"
             " current_database()); END $$");
  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    for (guint open = 0; open < 2; open++)
      {
        g_autofree char *sql = g_strconcat ("BEGIN;", made[i],
                                            open ? "SELECT lajna_case_staging_open();" : "",
                                            "SELECT count(*) FROM lajna_case_create_staged();"
                                            " COMMIT", NULL);
        g_autoptr(GError) error = error_of ("clerk_a", sql);

        ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s: %s",
                       sql, MESSAGE (error));
      }
  admin_run ("DO $$ BEGIN EXECUTE format('REVOKE TEMP ON DATABASE %I FROM clerk_a',"
             " current_database()); END $$");
  after = written ();
  super = admin_value ("SELECT rolsuper FROM pg_roles WHERE rolname = 'clerk_a'");
  ck_assert_str_eq (after, before);
  ck_assert_str_eq (super, "f");
}
END_TEST

TCase *
intake_tcase (void)
{
  TCase *tc = tcase_create ("/access/intake");

  tcase_add_test (tc, test_clerk_registers_in_bulk);
  tcase_add_loop_test (tc, test_staged_rows_checked, 0, G_N_ELEMENTS (forged));
  tcase_add_test (tc, test_staging_table_kept);
  tcase_add_test (tc, test_own_table_of_that_name);
  return tc;
}
