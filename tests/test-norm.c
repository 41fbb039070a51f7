/* test-norm.c: lajna_norm() in C and in SQL agree, on a corpus of Arabic
 * names in their spelling variants, on every character alone and on random
 * text; and the migration that changed it made the stored forms again. */

#include <check.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-sql-resources.h"
#include "lajna-subjects-resources.h"
#include "lajna-test-util.h"
#include "lajna-text.h"


static char *
sql_norm (LajnaDb    *db,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_params (db, "SELECT lajna_norm($1)", 1, &text, &error);

  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
assert_twins_agree (LajnaDb    *db,
                    const char *text)
{
  g_autofree char *in_c = lajna_norm (text);
  g_autofree char *in_sql = sql_norm (db, text);

  ck_assert_msg (g_strcmp0 (in_c, in_sql) == 0, "C “%s” and SQL “%s” differ for “%s”", in_c,
                 in_sql, text);
}

START_TEST (test_corpus_agrees)
{
  g_autofree char *path = lajna_test_fixture_path ("arabic-names.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  guint n_names = 0;

  ck_assert (db != NULL);
  ck_assert (g_file_get_contents (path, &contents, NULL, &error));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_autofree char *variant = NULL;
      g_autofree char *canonical = NULL;

      if (*lines[i] == '\0')
        continue;
      ck_assert_msg (g_strv_length (fields) == 2, "line %u is not variant<TAB>name", i + 1);
      assert_twins_agree (db, fields[0]);
      assert_twins_agree (db, fields[1]);

      /* the spelling variants fold together */
      variant = lajna_norm (fields[0]);
      canonical = lajna_norm (fields[1]);
      ck_assert_msg (g_str_equal (variant, canonical), "“%s” and “%s” do not fold together",
                     fields[0], fields[1]);
      n_names++;
    }
  ck_assert_uint_ge (n_names, 200);
}
END_TEST

START_TEST (test_random_text_agrees)
{
  /* Letters the folding touches, marks it strips, decomposed hamza and
   * madda that NFC composes, and text it must leave alone. */
  static const gunichar pool[] = {
    0x0627, 0x0623, 0x0625, 0x0622, 0x0671, 0x0649, 0x064A, 0x0626, 0x0629, 0x0647, 0x0624,
    0x0648, 0x0621, 0x0628, 0x062D, 0x0645, 0x062F, 0x0644, 0x06CC, 0x06C0, 0x06D5,
    0x064B, 0x064E, 0x064F, 0x0650, 0x0651, 0x0652, 0x0653, 0x0654, 0x0655, 0x065F, 0x0670,
    0x0640, 'A', 'z', 0x00E9, 'e', 0x0301, '0', '9', ' ', '-', 0x0660, 0x200F, 0x2068,
    /* Persian and Urdu letters, digits of other scripts, invisible
     * characters between letters and marks, and what old PDFs hold:
     * presentation forms, isolated harakat, ligatures */
    0x06A9, 0x06C1, 0x06C2, 0x06F5, 0x0966, 0xFF13, 0x1D7D9, 0x200C, 0x200D, 0x061C, 0xFEFF,
    0x00AD, 0x034F, 0xFE0F, 0xE0041, 0xFE76, 0xFE77, 0xFC60, 0xFE8D, 0xFEE3, 0xFBFC, 0xFB8F,
    0xFDF2, 0xFEF5, 0x00A0, 0x3164, 0xFB01, 0x00BD,
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  ck_assert (db != NULL);
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint length = g_rand_int_range (rand, 1, 16);

      for (guint j = 0; j < length; j++)
        g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
      assert_twins_agree (db, text->str);
    }
}
END_TEST

/* Every character alone, side by side: the characters SQL changes are
 * exactly those C changes, into the same text. The planes left out hold
 * no character that NFKC or the folding changes. PostgreSQL 15 knows
 * Unicode 14 and GLib 2.74 Unicode 15, whose one new compatibility
 * mapping (the Cyrillic modifier letters U+1E030–U+1E08F) only C applies. */
static gboolean
is_compared (gunichar c)
{
  return (c < 0x30000 || (c >= 0xE0000 && c <= 0xEFFFF)) && !(c >= 0xD800 && c <= 0xDFFF)
         && !(c >= 0x1E030 && c <= 0x1E08F);
}

START_TEST (test_every_character_agrees)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GHashTable) in_sql = g_hash_table_new (NULL, NULL);
  guint n_changed = 0;

  ck_assert (db != NULL);
  result = lajna_db_exec (db,
                          "WITH c AS MATERIALIZED ("
                          "  SELECT i, lajna_norm(chr(i)) AS folded"
                          "    FROM generate_series(1, 983039) i"
                          "   WHERE (i < 196608 OR i >= 917504) AND i NOT BETWEEN 55296 AND 57343"
                          "     AND i NOT BETWEEN 122928 AND 123023)"
                          "SELECT i, folded FROM c WHERE folded <> chr(i)",
                          &error);
  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  for (int row = 0; row < PQntuples (result); row++)
    {
      guint64 c = g_ascii_strtoull (PQgetvalue (result, row, 0), NULL, 10);

      g_hash_table_insert (in_sql, GUINT_TO_POINTER (c), PQgetvalue (result, row, 1));
    }

  for (gunichar c = 1; c <= 0xEFFFF; c++)
    {
      char text[8] = { 0 };
      g_autofree char *in_c = NULL;
      const char *sql;

      if (!is_compared (c))
        continue;
      g_unichar_to_utf8 (c, text);
      in_c = lajna_norm (text);
      sql = g_hash_table_lookup (in_sql, GUINT_TO_POINTER (c));
      if (sql == NULL)
        ck_assert_msg (g_str_equal (in_c, text), "C folds U+%04X into “%s”, SQL keeps it", c,
                       in_c);
      else
        ck_assert_msg (g_str_equal (in_c, sql), "U+%04X: C “%s”, SQL “%s”", c, in_c, sql);
      n_changed += sql != NULL;
    }
  /* NFKC alone changes about 4,900 characters */
  ck_assert_uint_gt (n_changed, 5000);
}
END_TEST

/* Rows stored with an older folding get the new one from the folding
 * (columns.sql) and its migration's backfill, and nothing lands in a
 * file's history or the audit trail: nobody changed anything. */
START_TEST (test_migration_folds_stored_forms_again)
{
  static const char *const counts
    = "SELECT (SELECT count(*) FROM case_change) || '/' || (SELECT count(*) FROM audit_event)";
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) folding = NULL;
  g_autoptr(GBytes) backfill = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name_norm = NULL;
  g_autofree char *search_norm = NULL;

  ck_assert (db != NULL);
  folding = g_resource_lookup_data (lajna_subjects_get_resource (),
                                    "/org/lajna/Lajna/subjects/columns.sql",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  ck_assert_msg (folding != NULL, "%s", error != NULL ? error->message : "");
  backfill = g_resource_lookup_data (lajna_sql_get_resource (),
                                     "/org/lajna/Lajna/backfills/0027-text-folding.sql",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  ck_assert_msg (backfill != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_msg (lajna_db_run (db,
    "BEGIN;"
    "CREATE OR REPLACE FUNCTION lajna_norm(t text) RETURNS text"
    "  LANGUAGE sql IMMUTABLE STRICT RETURN t;"
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
    "  VALUES ('marriage', 'norm', 'لجنة', 'Committee', 'زب');"
    "INSERT INTO person (name, father_name, family_name, sex, nationality)"
    "  VALUES ('علی\xe2\x80\x8c" "رضا', 'کریم', 'الورفلي', 'm', 'LY'),"
    "         ('ماريا', '', '', 'f', 'IT');"
    "INSERT INTO case_file (committee_id, kind, file_number)"
    "  SELECT id, 'marriage', 'زب/2026/00029' FROM committee WHERE code = 'norm';"
    "INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction)"
    "  SELECT currval('case_file_id_seq'), max(id) - 1, max(id), 'libyan_man' FROM person",
    &error), "%s", error != NULL ? error->message : "");
  before = lajna_test_value (db, counts);

  ck_assert_msg (lajna_db_run (db, g_bytes_get_data (folding, NULL), &error), "%s",
                 error != NULL ? error->message : "");
  ck_assert_msg (lajna_db_run (db, g_bytes_get_data (backfill, NULL), &error), "%s",
                 error != NULL ? error->message : "");
  after = lajna_test_value (db, counts);
  name_norm = lajna_test_value (db, "SELECT name_norm FROM person WHERE family_name = 'الورفلي'"
                                   " ORDER BY id DESC LIMIT 1");
  search_norm = lajna_test_value (db, "SELECT search_norm FROM case_file"
                                     " WHERE file_number = 'زب/2026/00029'");
  ck_assert (lajna_db_run (db, "ROLLBACK", NULL));

  ck_assert_str_eq (name_norm, "عليرضا كريم الورفلي");
  ck_assert_msg (strstr (search_norm, "عليرضا كريم") != NULL, "%s", search_norm);
  ck_assert_str_eq (after, before);
}
END_TEST

static Suite *
norm_suite (void)
{
  Suite *suite = suite_create ("norm");
  TCase *tc = tcase_create ("/norm");

  tcase_add_unchecked_fixture (tc, lajna_test_shared_start, lajna_test_shared_stop);
  tcase_add_test (tc, test_corpus_agrees);
  tcase_add_test (tc, test_random_text_agrees);
  tcase_add_test (tc, test_every_character_agrees);
  tcase_add_test (tc, test_migration_folds_stored_forms_again);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (norm_suite ());
}
