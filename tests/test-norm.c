/* test-norm.c: lajna_norm() in C and in SQL agree, on a corpus of Arabic
 * names in their spelling variants and on random text. */

#include <check.h>
#include <string.h>

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
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  ck_assert (db != NULL);
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint length = g_rand_int_range (rand, 1, 16);

      for (guint j = 0; j < length; j++)
        g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
      assert_twins_agree (db, text->str);
    }
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
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (norm_suite ());
}
