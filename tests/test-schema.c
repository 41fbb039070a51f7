/* test-schema.c: migrations (twice, and a newer database refused), the
 * subjects' SQL (one definition of each function, none in a migration,
 * applied again without a change), the domain tables, the locale that
 * lets pg_trgm see Arabic, and the status rules the database itself
 * enforces. */

#include <check.h>

#include "lajna-db-private.h"
#include "lajna-schema.h"
#include "lajna-sql-resources.h"
#include "lajna-subjects-resources.h"
#include "lajna-test-util.h"


START_TEST (test_migrate_twice_is_a_no_op)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_auto(GStrv) shipped = NULL;
  guint applied = 99;
  guint version = 0;

  ck_assert (lajna_schema_migrate (db, &applied, &error));
  ck_assert_uint_eq (applied, 0);
  ck_assert (lajna_schema_get_version (db, &version, &error));
  ck_assert_uint_eq (version, lajna_schema_get_latest ());
  ck_assert_uint_ge (version, 3);
  /* Each migration carried recorded once (their numbers may skip one). */
  shipped = g_resources_enumerate_children ("/org/lajna/Lajna/sql", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                            NULL);
  ck_assert_ptr_nonnull (shipped);
  rows = lajna_test_value (db, "SELECT count(*) FROM schema_version");
  ck_assert_uint_eq (g_ascii_strtoull (rows, NULL, 10), g_strv_length (shipped));
}
END_TEST

/* The text of each resource under @path, comments left out. */
static GPtrArray *
read_sql (GResource  *resource,
          const char *path)
{
  g_auto(GStrv) names = g_resource_enumerate_children (resource, path,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GRegex) comments = g_regex_new ("--[^\n]*", 0, 0, NULL);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  ck_assert_ptr_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_build_path ("/", path, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, file,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *text = NULL;

      ck_assert_ptr_nonnull (bytes);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_ptr_array_add (texts, g_regex_replace_literal (comments, text, -1, 0, "", 0, NULL));
    }
  return texts;
}

/* Migrations change tables; every function, trigger and policy is made
 * in its subject's file, each function by one statement, and every
 * function of the database is one of them. */
START_TEST (test_each_function_defined_once)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) migrations = read_sql (lajna_sql_get_resource (), "/org/lajna/Lajna/sql");
  g_autoptr(GPtrArray) subjects = read_sql (lajna_subjects_get_resource (),
                                            "/org/lajna/Lajna/subjects");
  g_autoptr(GRegex) made = g_regex_new ("CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|TRIGGER|"
                                        "CONSTRAINT\\s+TRIGGER|POLICY)\\b",
                                        G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) function = g_regex_new ("CREATE\\s+OR\\s+REPLACE\\s+FUNCTION\\s+"
                                            "(public\\.)?(lajna_\\w+)",
                                            G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *functions = NULL;
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < migrations->len; i++)
    ck_assert_msg (!g_regex_match (made, g_ptr_array_index (migrations, i), 0, NULL),
                   "a migration makes a function, trigger or policy:\n%.400s",
                   (char *) g_ptr_array_index (migrations, i));
  for (guint i = 0; i < subjects->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (function, g_ptr_array_index (subjects, i), 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 2);

          ck_assert_msg (!g_hash_table_contains (defined, name), "%s is defined twice", name);
          g_hash_table_add (defined, g_steal_pointer (&name));
        }
    }

  functions = lajna_test_value (db, "SELECT string_agg(proname, ' ' ORDER BY proname)"
                                    "  FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                                    "   AND proname LIKE 'lajna\\_%'");
  names = g_strsplit (functions, " ", -1);
  ck_assert_uint_eq (g_strv_length (names), g_hash_table_size (defined));
  for (guint i = 0; names[i] != NULL; i++)
    ck_assert_msg (g_hash_table_contains (defined, names[i]), "%s has no subject", names[i]);
}
END_TEST

/* The subjects state how things are to be: applied again, as at every
 * start, they leave every function, trigger, policy and right as it was. */
START_TEST (test_subjects_again_change_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = lajna_schema_dup_rules (db, NULL);
  g_autofree char *after = NULL;

  ck_assert_msg (lajna_schema_apply_subjects (db, &error), "%s",
                 error != NULL ? error->message : "");
  after = lajna_schema_dup_rules (db, NULL);
  ck_assert_str_eq (after, before);
}
END_TEST

/* A start applies the subjects again only when the database's rules are
 * not those they made: left alone, nothing is made again; a function
 * changed behind the program's back is made as shipped at the next start. */
START_TEST (test_start_mends_changed_rules)
{
  static const char *const made_at
    = "SELECT xmin FROM pg_proc WHERE proname = 'lajna_has_bidi_control'";
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *refused = NULL;
  guint applied = 99;

  ck_assert (lajna_schema_migrate (db, &applied, &error));
  before = lajna_test_value (db, made_at);
  ck_assert (lajna_schema_migrate (db, &applied, &error));
  after = lajna_test_value (db, made_at);
  ck_assert_str_eq (after, before);

  ck_assert (lajna_db_run (db, "CREATE OR REPLACE FUNCTION lajna_has_bidi_control(t text)"
                               " RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
                               " RETURN false", NULL));
  ck_assert_msg (lajna_schema_migrate (db, &applied, &error), "%s",
                 error != NULL ? error->message : "");
  ck_assert_uint_eq (applied, 0);
  refused = lajna_test_value (db, "SELECT lajna_has_bidi_control(U&'a\\202Eb')::text");
  ck_assert_str_eq (refused, "true");
}
END_TEST

START_TEST (test_newer_database_refused)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = g_strdup_printf (
    "INSERT INTO schema_version (version, name) VALUES (%u, 'from the future')",
    lajna_schema_get_latest () + 1);

  ck_assert (lajna_db_run (db, "BEGIN", NULL));
  ck_assert (lajna_db_run (db, insert, NULL));
  ck_assert (!lajna_schema_migrate (db, NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_SCHEMA));
  ck_assert (lajna_db_run (db, "ROLLBACK", NULL));
}
END_TEST

START_TEST (test_domain_tables_exist)
{
  static const char *tables[] = {
    "committee", "app_user", "committee_role", "country", "person", "case_file",
    "marriage_case", "juvenile_case", "case_history", "document_type", "document",
    "document_blob", "document_preview", "checklist_rule", "meeting", "attendance",
    "agenda_item", "vote", "decision", "ruling", "ruling_counter", "signature", "audit_event",
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT to_regclass('%s') IS NOT NULL", tables[i]);
      g_autofree char *exists = lajna_test_value (db, sql);

      ck_assert_msg (g_str_equal (exists, "t"), "table %s is missing", tables[i]);
    }
}
END_TEST

START_TEST (test_reference_data)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *countries = lajna_test_value (db, "SELECT count(*) FROM country");
  g_autofree char *arab = lajna_test_value (db, "SELECT count(*) FROM country WHERE arab_league");
  g_autofree char *libya = lajna_test_value (db, "SELECT name_ar FROM country WHERE code = 'LY'");

  ck_assert_int_ge (g_ascii_strtoll (countries, NULL, 10), 240);
  ck_assert_str_eq (arab, "22");
  ck_assert_str_eq (libya, "ليبيا");
}
END_TEST

START_TEST (test_trigrams_see_arabic)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *n = lajna_test_value (db, "SELECT cardinality(show_trgm('محمد'))");

  /* Under a C locale this is 0 and Arabic search is dead. */
  ck_assert_int_gt (g_ascii_strtoll (n, NULL, 10), 0);
}
END_TEST

START_TEST (test_status_transitions_enforced)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *history = NULL;

  ck_assert (lajna_db_run (db,
    "BEGIN;"
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
    "  VALUES ('marriage', 't-status', 'لجنة', 'Committee', 'ت');"
    "INSERT INTO case_file (committee_id, kind, file_number)"
    "  SELECT id, 'marriage', 'ت/2026/00001' FROM committee WHERE code = 't-status';"
    "SELECT lajna_case_set_status(currval('case_file_id_seq'), 'documents_pending')", &error));
  status = lajna_test_value (db, "SELECT status FROM case_file"
                                 " WHERE id = currval('case_file_id_seq')");
  ck_assert_str_eq (status, "documents_pending");
  history = lajna_test_value (db, "SELECT count(*) FROM case_history"
                                  " WHERE case_id = currval('case_file_id_seq')");
  ck_assert_str_eq (history, "1");

  /* documents_pending → signed skips the meeting and the ruling: refused. */
  ck_assert (!lajna_db_run (db, "SELECT lajna_case_set_status(currval('case_file_id_seq'), 'signed')",
                            &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  ck_assert (lajna_db_run (db, "ROLLBACK", NULL));
}
END_TEST

START_TEST (test_bidi_controls_refused)
{
  static const char *spoofs[] = {
    "\xe2\x80\xae" "annA",          /* RIGHT-TO-LEFT OVERRIDE */
    "أحمد\xe2\x81\xa6",             /* LEFT-TO-RIGHT ISOLATE */
    "\xe2\x80\x8f" "علي",           /* RIGHT-TO-LEFT MARK */
    "\xd8\x9c" "سالم",               /* ARABIC LETTER MARK */
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint i = 0; i < G_N_ELEMENTS (spoofs); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *params[] = { spoofs[i] };
      g_autoptr(PGresult) result = lajna_db_exec_params (db,
          "INSERT INTO person (name, sex, nationality) VALUES ($1, 'm', 'LY')", 1, params, &error);

      ck_assert_msg (result == NULL, "spoof %u was stored", i);
      ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
    }
  ck_assert (lajna_db_run (db, "INSERT INTO person (name, sex, nationality) VALUES ('سالم', 'm', 'LY')",
                           NULL));
}
END_TEST

static Suite *
schema_suite (void)
{
  Suite *suite = suite_create ("schema");
  TCase *tc = tcase_create ("/schema");

  tcase_add_unchecked_fixture (tc, lajna_test_shared_start, lajna_test_shared_stop);
  tcase_add_test (tc, test_migrate_twice_is_a_no_op);
  tcase_add_test (tc, test_newer_database_refused);
  tcase_add_test (tc, test_each_function_defined_once);
  tcase_add_test (tc, test_subjects_again_change_nothing);
  tcase_add_test (tc, test_start_mends_changed_rules);
  tcase_add_test (tc, test_domain_tables_exist);
  tcase_add_test (tc, test_reference_data);
  tcase_add_test (tc, test_trigrams_see_arabic);
  tcase_add_test (tc, test_status_transitions_enforced);
  tcase_add_test (tc, test_bidi_controls_refused);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (schema_suite ());
}
