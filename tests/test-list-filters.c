/* test-list-filters.c: each filter of the file list and each follow-up
 * list gives, for a person signed in with their own password, exactly the
 * files plain SQL over the files' own status, checklist, history and
 * review dates gives that person, in the list's order; and the table that
 * keeps what the filters read can be neither read past one's committees
 * nor written by anyone. */

#include <check.h>
#include <stdlib.h>

#include "lajna-case-query.h"
#include "lajna-db-private.h"
#include "lajna-demo.h"
#include "lajna-test-util.h"

#define N_CASES 3000

/* A clerk of a marriage committee, a member of a juvenile one (who reads
 * names) and the administrator of the other juvenile one (who does not). */
static const char * const logins[] = { "lf.clerk", "lf.member", "lf.admin" };

static void
seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start ();
  db = lajna_database_connect (lajna_test_shared_database (), &error);
  if (db == NULL || !lajna_demo_fill (db, N_CASES, 5, NULL, NULL, &error))
    g_error ("Cannot seed the test database: %s", error->message);
  /* Reviews within the week and past, set as a decision sets them, so
   * that the triggers, not the demo's load, keep the follow-up rows. */
  if (!lajna_db_run (db,
      "UPDATE juvenile_case SET next_review_on = current_date + (case_id % 9)::integer - 3"
      " WHERE case_id IN (SELECT case_id FROM juvenile_case ORDER BY case_id DESC LIMIT 60);"
      "SELECT lajna_user_add('lf.clerk', 'كاتب', 'clerk',"
      "                      (SELECT id FROM committee WHERE code = 'marriage-tripoli'));"
      "SELECT lajna_user_add('lf.member', 'عضو', 'member',"
      "                      (SELECT id FROM committee WHERE code = 'juvenile-tripoli'));"
      "SELECT lajna_user_add('lf.admin', 'مدير', 'admin',"
      "                      (SELECT id FROM committee WHERE code = 'juvenile-benghazi'))",
      &error))
    g_error ("Cannot prepare the test database: %s", error->message);
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

/* The ids @sql gives @db, in order. */
static GArray *
ids_of_sql (LajnaDb    *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  ck_assert_msg (result != NULL, "%s: %s", sql, error != NULL ? error->message : "");
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* The query's rows and count, as @login, against @where over the files
 * @login sees; @expect_some says the seeded data must give some. @where
 * is judged by the server's own account: an administrator, who reads
 * neither documents nor juveniles' details, could not judge it. */
static void
assert_query_is_sql (const char           *login,
                     const LajnaCaseQuery *query,
                     const char           *where,
                     gboolean              expect_some)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (login);
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autofree char *seen = lajna_test_value (db, "SELECT array_agg(id)::text FROM case_file");
  g_autofree char *sql = g_strdup_printf ("SELECT c.id FROM case_file c"
                                          " WHERE c.id = ANY ('%s'::bigint[]) AND %s"
                                          " ORDER BY c.received_on DESC, c.id DESC", seen, where);
  g_autoptr(GArray) expected = ids_of_sql (server, sql);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = lajna_case_query_fetch (query, db, NULL, 100000, &error);
  guint count = 0;

  ck_assert_msg (rows != NULL, "%s: %s", login, error != NULL ? error->message : "");
  ck_assert_msg (rows->len == expected->len, "%s, %s: %u files listed, SQL gives %u", login,
                 where, rows->len, expected->len);
  ck_assert_msg (!expect_some || rows->len > 0, "%s, %s: no files to compare", login, where);
  for (guint i = 0; i < rows->len; i++)
    ck_assert_int_eq (lajna_case_summary_get_id (g_ptr_array_index (rows, i)),
                      g_array_index (expected, gint64, i));
  ck_assert (lajna_case_query_count (query, db, &count, &error));
  ck_assert_uint_eq (count, expected->len);
}

/* The committee of the first file @login sees, as a query sets it. */
static int
first_committee (const char *login)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (login);
  g_autofree char *id = lajna_test_value (db, "SELECT min(committee_id) FROM case_file");

  return atoi (id);
}

#define WAITING "c.status IN ('registered', 'documents_pending', 'complete', 'deferred')"
#define REVIEW "(SELECT j.next_review_on FROM juvenile_case j WHERE j.case_id = c.id)"

START_TEST (test_row_filters_match_sql)
{
  const char *login = logins[_i];
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autofree char *committee = NULL;

  lajna_case_query_set_status (query, "documents_pending");
  assert_query_is_sql (login, query, "c.status = 'documents_pending'", TRUE);

  lajna_case_query_set_status (query, NULL);
  lajna_case_query_set_kind (query, "juvenile");
  assert_query_is_sql (login, query, "c.kind = 'juvenile'", FALSE);

  lajna_case_query_set_kind (query, NULL);
  ck_assert (lajna_case_query_set_received (query, "2025-01-01", "2025-12-31"));
  assert_query_is_sql (login, query,
                       "c.received_on BETWEEN '2025-01-01' AND '2025-12-31'", TRUE);
  ck_assert (!lajna_case_query_set_received (query, "2025-02-30", NULL));
  ck_assert_str_eq (lajna_case_query_get_received_from (query), "2025-01-01");

  ck_assert (lajna_case_query_set_received (query, NULL, NULL));
  lajna_case_query_set_missing_documents (query, TRUE);
  assert_query_is_sql (login, query,
                       WAITING " AND EXISTS (SELECT FROM lajna_case_lacking(c.id))", TRUE);

  lajna_case_query_set_committee (query, first_committee (login));
  lajna_case_query_set_status (query, "registered");
  committee = g_strdup_printf ("c.committee_id = %d AND c.status = 'registered' AND " WAITING
                               " AND EXISTS (SELECT FROM lajna_case_lacking(c.id))",
                               first_committee (login));
  assert_query_is_sql (login, query, committee, FALSE);
}
END_TEST

START_TEST (test_follow_up_lists_match_sql)
{
  const char *login = logins[_i];
  gboolean juvenile = _i > 0;
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();

  lajna_case_query_set_follow_up (query, LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW, 0);
  assert_query_is_sql (login, query,
                       REVIEW " BETWEEN current_date AND current_date + 7", juvenile);

  lajna_case_query_set_follow_up (query, LAJNA_CASE_FOLLOW_UP_OVERDUE, 0);
  assert_query_is_sql (login, query, REVIEW " < current_date", juvenile);

  lajna_case_query_set_follow_up (query, LAJNA_CASE_FOLLOW_UP_WAITING, 30);
  assert_query_is_sql (login, query,
                       "c.status = 'documents_pending' AND (SELECT max(h.at) FROM case_history h"
                       " WHERE h.case_id = c.id AND h.to_status = 'documents_pending')"
                       " < now() - interval '30 days'", TRUE);

  lajna_case_query_set_status (query, "documents_pending");
  lajna_case_query_set_follow_up (query, LAJNA_CASE_FOLLOW_UP_WAITING, 100000);
  assert_query_is_sql (login, query, "false", FALSE);
}
END_TEST

/* Reviews moved by a decision, a file leaving documents_pending: the
 * lists follow at once. */
START_TEST (test_lists_follow_changes)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autofree char *id = lajna_test_value (server,
      "SELECT c.id FROM case_file c JOIN committee k ON k.id = c.committee_id"
      " WHERE k.code = 'juvenile-tripoli' ORDER BY c.id LIMIT 1");
  g_autofree char *moved = g_strdup_printf (
      "UPDATE juvenile_case SET next_review_on = current_date - 1 WHERE case_id = %s", id);
  g_autofree char *overdue = g_strdup_printf (REVIEW " < current_date AND c.id = %s", id);

  lajna_case_query_set_follow_up (query, LAJNA_CASE_FOLLOW_UP_OVERDUE, 0);
  ck_assert (lajna_db_run (server, moved, NULL));
  assert_query_is_sql ("lf.member", query, REVIEW " < current_date", TRUE);
  ck_assert (lajna_db_run (server, "UPDATE juvenile_case SET next_review_on = NULL", NULL));
  assert_query_is_sql ("lf.member", query, overdue, FALSE);
}
END_TEST

/* What each person may do with the follow-up table itself. */
static const struct
{
  const char *login;
  const char *sql;
  const char *rows;
} rules[] = {
  { "lf.clerk", "SELECT count(*) FROM case_follow_up f JOIN committee k ON k.id = f.committee_id"
                " WHERE k.code <> 'marriage-tripoli'", "0" },
  { "lf.clerk", "SELECT count(*) > 0 FROM case_follow_up", "t" },
  { "lf.admin", "SELECT count(*) FROM case_follow_up f JOIN committee k ON k.id = f.committee_id"
                " WHERE k.code <> 'juvenile-benghazi'", "0" },
  { "lf.clerk", "SELECT count(*) FROM case_follow_up WHERE case_id NOT IN"
                " (SELECT id FROM case_file)", "0" },
  { "lf.clerk", "UPDATE case_follow_up SET next_review_on = NULL RETURNING 1", NULL },
  { "lf.member", "DELETE FROM case_follow_up RETURNING 1", NULL },
  { "lf.admin", "INSERT INTO case_follow_up (case_id, committee_id)"
                " SELECT id, committee_id FROM case_file LIMIT 1 RETURNING 1", NULL },
  { "lf.clerk", "SELECT lajna_follow_up_refresh((SELECT min(id) FROM case_file))", NULL },
  { "lf.admin", "SELECT lajna_follow_up_fill()", NULL },
};

START_TEST (test_follow_up_table_rules)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (rules[_i].login);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, rules[_i].sql, &error);

  if (rules[_i].rows == NULL)
    {
      ck_assert_msg (result == NULL, "%s was allowed: %s", rules[_i].login, rules[_i].sql);
      return;
    }
  ck_assert_msg (result != NULL, "%s: %s", rules[_i].sql, error != NULL ? error->message : "");
  ck_assert_str_eq (PQgetvalue (result, 0, 0), rules[_i].rows);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("list-filters");
  TCase *tc = tcase_create ("filters");

  tcase_set_timeout (tc, 300);
  tcase_add_unchecked_fixture (tc, seed, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_row_filters_match_sql, 0, G_N_ELEMENTS (logins));
  tcase_add_loop_test (tc, test_follow_up_lists_match_sql, 0, G_N_ELEMENTS (logins));
  tcase_add_loop_test (tc, test_follow_up_table_rules, 0, G_N_ELEMENTS (rules));
  tcase_add_test (tc, test_lists_follow_changes);
  suite_add_tcase (suite, tc);
  return lajna_test_run (suite);
}
