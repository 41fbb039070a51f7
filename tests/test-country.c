/* test-country.c: finding a nationality by what a clerk types, in Arabic
 * or English, spelled as Arabic keyboards spell it. */

#include <check.h>

#include "lajna-country.h"
#include "lajna-test-util.h"

static const LajnaCountry countries[] = {
  { "LY", "ليبيا", "Libya", TRUE },
  { "EG", "مصر", "Egypt", TRUE },
  { "AE", "الإمارات العربية المتحدة", "United Arab Emirates", TRUE },
  { "DE", "ألمانيا", "Germany", FALSE },
  { "GQ", "غينيا الاستوائية", "Equatorial Guinea", FALSE },
};

/* The codes of the countries @query finds, in list order. */
static char *
found (const char *query)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (lajna_country_matches (&countries[i], query))
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? " " : "", countries[i].code);
  return g_string_free (codes, FALSE);
}

static void
assert_found (const char *query,
              const char *expected)
{
  g_autofree char *codes = found (query);

  ck_assert_msg (g_strcmp0 (codes, expected) == 0, "«%s» finds “%s”, not “%s”", query, codes,
                 expected);
}

START_TEST (test_country_by_arabic_or_english_name)
{
  assert_found ("مصر", "EG");
  assert_found ("egy", "EG");
  assert_found ("EGYPT", "EG");
  assert_found ("  مص ", "EG");
  assert_found ("eg", "EG"); /* its code, and no other name has “eg” */
  assert_found ("ليبيا", "LY");
}
END_TEST

START_TEST (test_country_spelling_variants)
{
  /* Typed without the hamza, with harakat, with tatweel. */
  assert_found ("الامارات", "AE");
  assert_found ("أَلمانيا", "DE");
  assert_found ("المـانيا", "DE");
  assert_found ("الاستوايية", "GQ");
}
END_TEST

START_TEST (test_country_empty_and_unknown)
{
  assert_found ("", "LY EG AE DE GQ");
  assert_found ("   ", "LY EG AE DE GQ");
  assert_found ("فرنسا", "");
  assert_found ("\xff", "");
}
END_TEST

static Suite *
country_suite (void)
{
  Suite *suite = suite_create ("country");
  TCase *tc = tcase_create ("/country/search");

  tcase_add_test (tc, test_country_by_arabic_or_english_name);
  tcase_add_test (tc, test_country_spelling_variants);
  tcase_add_test (tc, test_country_empty_and_unknown);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (country_suite ());
}
