/* test-case-list.c: the lazy file list against plain SQL on a seeded
 * database: every row in the right place, in every order and filter, with
 * a bounded number of blocks held; and search across spelling variants. */

#include <check.h>
#include <signal.h>

#include "lajna-case-list.h"
#include "lajna-db-private.h"
#include "lajna-demo.h"
#include "lajna-test-util.h"

#define N_CASES 20000

static void
seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start ();
  db = lajna_database_connect (lajna_test_shared_database (), &error);
  /* The checkpoint keeps the crash recovery of the crash test short. */
  if (db == NULL || !lajna_demo_fill (db, N_CASES, 7, NULL, NULL, &error)
      || !lajna_db_run (db, "CHECKPOINT", &error))
    g_error ("Cannot seed the test database: %s", error->message);
}

static GArray *
ids_from_sql (const char *sql)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);
  GArray *ids;

  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
spin_until_loaded (LajnaCaseList *list,
                   GPtrArray     *items)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      gboolean all = !lajna_case_list_get_loading (list) && lajna_case_list_get_counted (list);

      for (guint i = 0; all && items != NULL && i < items->len; i++)
        all = lajna_case_summary_get_loaded (g_ptr_array_index (items, i));
      ck_assert_msg (lajna_case_list_get_error (list) == NULL, "%s",
                     lajna_case_list_get_error (list)->message);
      if (all)
        return;
      ck_assert_msg (g_get_monotonic_time () < deadline, "rows did not arrive");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Reads the list in screens of rows, from the top to the bottom, and
 * compares each row with the order SQL gives. */
static void
assert_list_matches (const LajnaCaseQuery *query,
                     const char           *sql)
{
  g_autoptr(LajnaDbWorker) worker = lajna_db_worker_new (lajna_test_shared_database ());
  g_autoptr(LajnaCaseList) list = lajna_case_list_new (worker);
  g_autoptr(GArray) expected = ids_from_sql (sql);
  guint n;

  lajna_case_list_set_query (list, query);
  spin_until_loaded (list, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  ck_assert_uint_eq (n, expected->len);
  ck_assert_uint_gt (n, 0);

  for (guint start = 0; start < n; start += 100)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint p = start; p < MIN (start + 100, n); p++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), p));
      spin_until_loaded (list, items);
      for (guint i = 0; i < items->len; i++)
        ck_assert_msg (lajna_case_summary_get_id (g_ptr_array_index (items, i))
                         == g_array_index (expected, gint64, start + i),
                       "row %u holds the wrong file", start + i);
    }
  ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  ck_assert_uint_le (lajna_case_list_get_n_blocks (list), 64);
}

START_TEST (test_pages_match_sql)
{
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();

  assert_list_matches (query, "SELECT id FROM case_file ORDER BY received_on DESC, id DESC");
}
END_TEST

START_TEST (test_sorted_and_filtered_pages_match_sql)
{
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();

  lajna_case_query_set_committee (query, 1);
  lajna_case_query_set_sort (query, LAJNA_CASE_SORT_TITLE, FALSE);
  assert_list_matches (query,
                       "SELECT id FROM case_file WHERE committee_id = 1 ORDER BY title, id");

  lajna_case_query_set_committee (query, 0);
  lajna_case_query_set_status (query, "decided");
  lajna_case_query_set_sort (query, LAJNA_CASE_SORT_FILE_NUMBER, TRUE);
  assert_list_matches (query, "SELECT id FROM case_file WHERE status = 'decided'"
                              " ORDER BY file_number DESC, id DESC");
}
END_TEST

START_TEST (test_search_matches_variants)
{
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GArray) hamza = ids_from_sql ("SELECT id FROM case_file WHERE title LIKE '%أحمد%'");
  g_autoptr(GArray) plain = ids_from_sql ("SELECT id FROM case_file WHERE title LIKE '%احمد%'");

  /* The demo spells the name both ways; a search for either finds both. */
  ck_assert_uint_gt (hamza->len, 0);
  ck_assert_uint_gt (plain->len, 0);
  lajna_case_query_set_text (query, "احمد");
  assert_list_matches (query, "SELECT id FROM case_file"
                              " WHERE lajna_norm(lower(search_text)) LIKE '%احمد%'"
                              " ORDER BY received_on DESC, id DESC");
}
END_TEST

START_TEST (test_search_finds_harakat_and_maqsura)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  ck_assert (lajna_db_run (db,
    "INSERT INTO person (name, father_name, family_name, sex, nationality, national_number)"
    "  VALUES ('يَحْيَـى', 'زكرياء', 'القرقني', 'm', 'LY', '119991234567');"
    "INSERT INTO person (name, latin_name, sex, nationality, passport_number)"
    "  VALUES ('ماريا', 'Maria Rossi', 'f', 'IT', 'YA7654321');"
    "INSERT INTO case_file (committee_id, kind, file_number, received_on)"
    "  SELECT id, 'marriage', 'اختبار/2026/1', '2026-11-23' FROM committee WHERE kind = 'marriage' LIMIT 1;"
    "INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction)"
    "  SELECT currval('case_file_id_seq'), max(id) - 1, max(id), 'libyan_man' FROM person", &error));

  lajna_case_query_set_text (query, "يحيي القرقني");
  rows = lajna_case_query_fetch (query, db, NULL, 10, &error);
  ck_assert (rows != NULL);
  ck_assert_uint_eq (rows->len, 1);
  ck_assert_str_eq (lajna_case_summary_get_file_number (g_ptr_array_index (rows, 0)), "اختبار/2026/1");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Latin names in any case, passport and national numbers. */
  for (const char *const *text = (const char *const[]) { "maria ROSSI", "YA7654321", "119991234567", NULL };
       *text != NULL; text++)
    {
      lajna_case_query_set_text (query, *text);
      rows = lajna_case_query_fetch (query, db, NULL, 10, &error);
      ck_assert (rows != NULL);
      ck_assert_msg (rows->len == 1, "“%s” found %u files", *text, rows->len);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
}
END_TEST

/* What an Arabic or Persian keyboard types finds the file: Arabic-Indic
 * digits in a file or national number, a name with Persian yeh and kaf,
 * a zero-width non-joiner and a right-to-left mark. */
START_TEST (test_search_folds_keyboard_variants)
{
  static const char *const typed[] = {
    "زب/٢٠٢٦/٩٠٠٢٩",
    "زکی\xe2\x80\x8c علی\xe2\x80\x8f",
    "١١٩٨٥١٢٣٤٥٦٧",
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_db_run (db,
    "INSERT INTO person (name, father_name, family_name, sex, nationality, national_number)"
    "  VALUES ('زكي', 'علي', 'الكيلاني', 'm', 'LY', '119851234567');"
    "INSERT INTO person (name, latin_name, sex, nationality, passport_number)"
    "  VALUES ('آنا', 'Anna Berg', 'f', 'SE', 'SE1234567');"
    "INSERT INTO case_file (committee_id, kind, file_number, received_on)"
    "  SELECT id, 'marriage', 'زب/2026/90029', '2026-11-23' FROM committee"
    "   WHERE kind = 'marriage' LIMIT 1;"
    "INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction)"
    "  SELECT currval('case_file_id_seq'), max(id) - 1, max(id), 'libyan_man' FROM person",
    &error), "%s", error != NULL ? error->message : "");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      lajna_case_query_set_text (query, typed[i]);
      rows = lajna_case_query_fetch (query, db, NULL, 10, &error);
      ck_assert_msg (rows != NULL, "%s", error != NULL ? error->message : "");
      ck_assert_msg (rows->len == 1, "“%s” found %u files", typed[i], rows->len);
      ck_assert_str_eq (lajna_case_summary_get_file_number (g_ptr_array_index (rows, 0)),
                        "زب/2026/90029");
    }
}
END_TEST

/* The demo writes each file's title and search text itself, for speed:
 * exactly what the database's own formula gives (which leaves identity
 * numbers out of the search text), so that refreshing them changes no
 * file. */
START_TEST (test_demo_search_text_as_the_database_makes_it)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) numbers = NULL;
  g_autoptr(PGresult) changed = NULL;

  numbers = lajna_db_exec (db, "SELECT count(*) FROM case_file"
                               " WHERE search_text ~ '[0-9]{12}|[A-Z][0-9]{7}'", &error);
  ck_assert_msg (numbers != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (PQgetvalue (numbers, 0, 0), "0");
  ck_assert (lajna_db_run (db, "BEGIN; SELECT lajna_cases_refresh_search(array_agg(id))"
                               " FROM case_file", &error));
  changed = lajna_db_exec (db, "SELECT count(*) FROM case_file"
                               " WHERE xmin = xid(pg_current_xact_id())", &error);
  ck_assert_msg (changed != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (PQgetvalue (changed, 0, 0), "0");
  ck_assert (lajna_db_run (db, "ROLLBACK", NULL));
}
END_TEST

static void
spin_until_settled (LajnaCaseList *list)
{
/* A restart after a crash includes crash recovery: slow on a busy machine. */
  gint64 deadline = g_get_monotonic_time () + 150 * G_USEC_PER_SEC;

  while (lajna_case_list_get_error (list) == NULL
         && (lajna_case_list_get_loading (list) || !lajna_case_list_get_counted (list)))
    {
      ck_assert_msg (g_get_monotonic_time () < deadline, "the list did not settle");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

START_TEST (test_server_crash_then_try_again)
{
  g_autoptr(LajnaDbWorker) worker = lajna_db_worker_new (lajna_test_shared_database ());
  g_autoptr(LajnaCaseList) list = lajna_case_list_new (worker);
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  LajnaCluster *cluster = lajna_database_get_cluster (lajna_test_shared_database ());
  guint n;

  lajna_case_list_set_query (list, query);
  spin_until_loaded (list, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  ck_assert_int_eq (kill (lajna_cluster_get_server_pid (cluster), SIGKILL), 0);

  /* Right after the crash a read may still succeed on the old backend (it
   * notices the postmaster's death a moment later) or fail and say so;
   * trying again, as the window's button does, starts the server again. */
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      lajna_case_list_reload (list);
      spin_until_settled (list);
      if (lajna_case_list_get_error (list) != NULL)
        ck_assert_msg (g_error_matches (lajna_case_list_get_error (list), LAJNA_DB_ERROR,
                                        LAJNA_DB_ERROR_UNAVAILABLE),
                       "%s", lajna_case_list_get_error (list)->message);
      else if (lajna_cluster_get_server_pid (cluster) > 0)
        break;
      g_usleep (100000);
    }
  spin_until_loaded (list, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), n);
  ck_assert_int_gt (lajna_cluster_get_server_pid (cluster), 0);
}
END_TEST

static Suite *
case_list_suite (void)
{
  Suite *suite = suite_create ("case-list");
  TCase *tc = tcase_create ("/case-list");

  tcase_set_timeout (tc, 240);
  tcase_add_unchecked_fixture (tc, seed, lajna_test_shared_stop);
  tcase_add_test (tc, test_pages_match_sql);
  tcase_add_test (tc, test_sorted_and_filtered_pages_match_sql);
  tcase_add_test (tc, test_search_matches_variants);
  tcase_add_test (tc, test_search_finds_harakat_and_maqsura);
  tcase_add_test (tc, test_search_folds_keyboard_variants);
  tcase_add_test (tc, test_demo_search_text_as_the_database_makes_it);
  tcase_add_test (tc, test_server_crash_then_try_again);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (case_list_suite ());
}
