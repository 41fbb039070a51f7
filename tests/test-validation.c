/* test-validation.c: good and bad values for every rule of a person's
 * data, as the forms, the CLI and the import apply them. */

#include <check.h>

#include "lajna-test-util.h"
#include "lajna-validation.h"

static GDate *
date (int year,
      int month,
      int day)
{
  return g_date_new_dmy (day, month, year);
}

/* The level of the first finding about @field, or -1 when there is none. */
static int
level_of (const LajnaValidation *v,
          const char            *field)
{
  const LajnaIssue *issue = lajna_validation_find (v, field);

  return issue != NULL ? (int) issue->level : -1;
}

#define NONE (-1)

START_TEST (test_clean_text)
{
  static const struct { const char *in, *out; } cases[] = {
    { "  أحمد   علي  ", "أحمد علي" },
    { "Anna\tSchmidt\n", "Anna Schmidt" },
    { "\xe2\x80\xae" "ANNA\xe2\x80\xac", "ANNA" },            /* RLO spoof */
    { "\xe2\x81\xa6" "x\xe2\x81\xa9 \xe2\x80\x8f\xd8\x9c", "x" }, /* isolates, RLM, ALM */
    { "\xd8\xa7\xd9\x93" "منة", "آمنة" },                        /* NFC composes madda */
    { "a\x01" "b", "ab" },
    { "عبد\xe2\x80\x8c" "الله\xef\xbb\xbf", "عبدالله" },              /* ZWNJ, BOM */
    { "\xef\xbb\xa3\xef\xba\xa4\xef\xbb\xa4\xef\xba\xaa\xef\xb9\xb6", "محمد" }, /* PDF forms */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = lajna_clean_text (cases[i].in);

      ck_assert_msg (g_strcmp0 (out, cases[i].out) == 0, "case %u: “%s”", i, out);
    }
  ck_assert_ptr_null (lajna_clean_text ("\xc0\xaf"));
}
END_TEST

START_TEST (test_clean_code)
{
  static const struct { const char *in, *out; } cases[] = {
    { "١١٩٩٠ ٠١٢٣٤٥٦", "119900123456" },     /* Arabic-Indic digits */
    { "۱۲۳۴۵۶۷۸۹۰۱۲", "123456789012" },      /* Extended Arabic-Indic */
    { "c01x-00t47", "C01X00T47" },
    { " 1199-0012-3456 ", "119900123456" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = lajna_clean_code (cases[i].in);

      ck_assert_msg (g_strcmp0 (out, cases[i].out) == 0, "case %u: “%s”", i, out);
    }
}
END_TEST

START_TEST (test_national_number)
{
  static const struct
  {
    const char *number;
    char        sex;
    int         birth_year;
    int         level;
  } cases[] = {
    { "119900123456", 'm', 1990, NONE },
    { "219851234567", 'f', 1985, NONE },
    { "119900123456", 'm', 0, NONE },                 /* birth date unknown */
    { "119900123456", 'm', 1991, LAJNA_ISSUE_WARNING }, /* year digits differ */
    { "119900123456", 'f', 1990, LAJNA_ISSUE_ERROR },   /* a man's number */
    { "219900123456", 'm', 1990, LAJNA_ISSUE_ERROR },   /* a woman's number */
    { "319900123456", 'm', 1990, LAJNA_ISSUE_ERROR },
    { "11990012345", 'm', 1990, LAJNA_ISSUE_ERROR },    /* 11 digits */
    { "1199001234567", 'm', 1990, LAJNA_ISSUE_ERROR },  /* 13 digits */
    { "11990O123456", 'm', 1990, LAJNA_ISSUE_ERROR },   /* letter O */
    { "", 'm', 1990, LAJNA_ISSUE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LajnaValidation) v = lajna_validation_new ();
      g_autoptr(GDate) birth = cases[i].birth_year ? date (cases[i].birth_year, 6, 1) : NULL;

      lajna_check_national_number (v, "national_number", cases[i].number, cases[i].sex, birth);
      ck_assert_msg (level_of (v, "national_number") == cases[i].level, "case %u (%s)", i,
                     cases[i].number);
      ck_assert (lajna_validation_has_errors (v) == (cases[i].level == LAJNA_ISSUE_ERROR));
    }
}
END_TEST

START_TEST (test_passport)
{
  g_autoptr(GDate) today = date (2026, 11, 25);
  g_autoptr(GDate) later = date (2030, 1, 1);
  g_autoptr(GDate) earlier = date (2026, 11, 24);
  static const struct { const char *number; int number_level; } numbers[] = {
    { "C01X00T47", NONE }, { "P1234567", NONE }, { "12345", NONE },
    { "1234", LAJNA_ISSUE_ERROR }, { "ab12345", LAJNA_ISSUE_ERROR },
    { "P 123456", LAJNA_ISSUE_ERROR }, { "ABCDEFGHIJKLMNOPQRSTU", LAJNA_ISSUE_ERROR },
    { "", LAJNA_ISSUE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(LajnaValidation) v = lajna_validation_new ();

      lajna_check_passport (v, "passport_number", numbers[i].number, later, today);
      ck_assert_msg (level_of (v, "passport_number") == numbers[i].number_level, "case %u", i);
      ck_assert_int_eq (level_of (v, "passport_expiry"), NONE);
    }

  {
    g_autoptr(LajnaValidation) v = lajna_validation_new ();

    lajna_check_passport (v, "passport_number", "P1234567", earlier, today);
    ck_assert_int_eq (level_of (v, "passport_expiry"), LAJNA_ISSUE_ERROR);
    ck_assert (g_str_has_suffix (lajna_validation_find (v, "passport_expiry")->message,
                                 "2026-11-24."));
  }
  {
    g_autoptr(LajnaValidation) v = lajna_validation_new ();

    lajna_check_passport (v, "passport_number", "P1234567", today, today); /* last valid day */
    ck_assert_int_eq (lajna_validation_get_n_issues (v), 0);
    lajna_check_passport (v, "passport_number", "P1234567", NULL, today);
    ck_assert_int_eq (level_of (v, "passport_expiry"), LAJNA_ISSUE_ERROR);
  }
}
END_TEST

START_TEST (test_birth_date)
{
  g_autoptr(GDate) today = date (2026, 11, 25);
  static const struct { int y, m, d; int level; } cases[] = {
    { 1990, 3, 4, NONE }, { 2026, 11, 25, NONE }, { 1900, 1, 1, NONE },
    { 2026, 11, 26, LAJNA_ISSUE_ERROR }, { 2031, 1, 1, LAJNA_ISSUE_ERROR },
    { 1899, 12, 31, LAJNA_ISSUE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LajnaValidation) v = lajna_validation_new ();
      g_autoptr(GDate) birth = date (cases[i].y, cases[i].m, cases[i].d);

      lajna_check_birth_date (v, "birth_date", birth, today);
      ck_assert_msg (level_of (v, "birth_date") == cases[i].level, "case %u", i);
    }
}
END_TEST

START_TEST (test_juvenile_age)
{
  g_autoptr(GDate) birth = date (2010, 5, 6);
  static const struct { int y, m, d; int level; } admissions[] = {
    { 2028, 5, 5, NONE },               /* the day before the 18th birthday */
    { 2022, 1, 1, NONE },
    { 2028, 5, 6, LAJNA_ISSUE_ERROR },  /* 18 that day */
    { 2030, 1, 1, LAJNA_ISSUE_ERROR },
    { 2009, 1, 1, LAJNA_ISSUE_ERROR },  /* before birth */
  };

  for (guint i = 0; i < G_N_ELEMENTS (admissions); i++)
    {
      g_autoptr(LajnaValidation) v = lajna_validation_new ();
      g_autoptr(GDate) admission = date (admissions[i].y, admissions[i].m, admissions[i].d);

      lajna_check_juvenile_age (v, "admission_date", birth, admission);
      ck_assert_msg (level_of (v, "admission_date") == admissions[i].level, "case %u", i);
    }
}
END_TEST

START_TEST (test_arabic_name)
{
  static const struct { const char *parts[4]; int level; } cases[] = {
    { { "أحمد", "محمد", "علي", "الورفلي" }, NONE },
    { { "عبد الله", "عبد الرحمن", "عمر", "بن غلبون" }, NONE },
    { { "أَحْمَـد", "مُحَمَّد", "علي", "الورفلي" }, NONE },   /* harakat, tatweel */
    { { "أحمد", "محمد", "", "الورفلي" }, LAJNA_ISSUE_ERROR },  /* three parts */
    { { "أحمد محمد علي الورفلي", "", "", "" }, LAJNA_ISSUE_ERROR },
    { { "Ahmed", "محمد", "علي", "الورفلي" }, LAJNA_ISSUE_ERROR },
    { { "أحمد2", "محمد", "علي", "الورفلي" }, LAJNA_ISSUE_ERROR },
    { { "أحمد", "محمد", "علي", "الورفلي!" }, LAJNA_ISSUE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LajnaValidation) v = lajna_validation_new ();

      lajna_check_arabic_name (v, "name", cases[i].parts[0], cases[i].parts[1],
                               cases[i].parts[2], cases[i].parts[3]);
      ck_assert_msg (level_of (v, "name") == cases[i].level, "case %u", i);
    }
}
END_TEST

START_TEST (test_nationality)
{
  static const char *known[] = { "LY", "EG", "DE", NULL };
  static const struct { const char *code; int level; } cases[] = {
    { "LY", NONE }, { "DE", NONE }, { "XX", LAJNA_ISSUE_ERROR }, { "ly", LAJNA_ISSUE_ERROR },
    { "", LAJNA_ISSUE_ERROR }, { NULL, LAJNA_ISSUE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LajnaValidation) v = lajna_validation_new ();

      lajna_check_nationality (v, "nationality", cases[i].code, known);
      ck_assert_msg (level_of (v, "nationality") == cases[i].level, "case %u", i);
    }
}
END_TEST

static Suite *
validation_suite (void)
{
  Suite *suite = suite_create ("validation");
  TCase *tc = tcase_create ("/validation");

  tcase_add_test (tc, test_clean_text);
  tcase_add_test (tc, test_clean_code);
  tcase_add_test (tc, test_national_number);
  tcase_add_test (tc, test_passport);
  tcase_add_test (tc, test_birth_date);
  tcase_add_test (tc, test_juvenile_age);
  tcase_add_test (tc, test_arabic_name);
  tcase_add_test (tc, test_nationality);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (validation_suite ());
}
