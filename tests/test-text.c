/* test-text.c: the C side of Arabic folding and bidi hygiene. */

#include <check.h>
#include <string.h>

#include "lajna-test-util.h"
#include "lajna-hijri.h"
#include "lajna-text.h"

static void
assert_norm (const char *input,
             const char *expected)
{
  g_autofree char *folded = lajna_norm (input);

  ck_assert_str_eq (folded, expected);
}

START_TEST (test_norm_folds_variants)
{
  assert_norm ("أَحْمَـد", "احمد");
  assert_norm ("يحيى", "يحيي");
  assert_norm ("فاطمة", "فاطمه");
  assert_norm ("مؤمن", "مومن");
  assert_norm ("هيئة", "هييه");
  assert_norm ("إبراهيم", "ابراهيم");
  assert_norm ("آمنة", "امنه");
  assert_norm ("ٱلله", "الله");
  /* alef + combining madda composes to آ under NFC, then folds */
  assert_norm ("\xd8\xa7\xd9\x93" "منة", "امنه");
  assert_norm ("Anna Schmidt 12", "Anna Schmidt 12");
  assert_norm ("", "");
}
END_TEST

/* What Arabic keyboards and old PDFs produce folds to what a clerk types. */
START_TEST (test_norm_folds_keyboard_and_pdf_forms)
{
  /* Arabic-Indic, Extended Arabic-Indic, Devanagari and full-width digits */
  assert_norm ("زب/٢٠٢٦/٠٠٠٢٩", "زب/2026/00029");
  assert_norm ("۱۹۹۰", "1990");
  assert_norm ("\xe0\xa5\xa7\xe0\xa5\xa8", "12");
  assert_norm ("\xef\xbc\x91\xef\xbc\x92", "12");
  /* Persian and Urdu yeh, kaf and heh */
  assert_norm ("علی", "علي");
  assert_norm ("کریم", "كريم");
  assert_norm ("ہ ۀ ە ۂ", "ه ه ه ه");
  /* ZWNJ, RLM, ZWJ, ALM, BOM, soft hyphen */
  assert_norm ("عبد\xe2\x80\x8c" "الله", "عبدالله");
  assert_norm ("\xe2\x80\x8f" "محمد\xe2\x80\x8d\xd8\x9c\xef\xbb\xbf\xc2\xad", "محمد");
  /* presentation forms: ﻣﺤﻤﺪ, the isolated fatha, the ligature ﷲ */
  assert_norm ("\xef\xbb\xa3\xef\xba\xa4\xef\xbb\xa4\xef\xba\xaa", "محمد");
  assert_norm ("محمد\xef\xb9\xb6", "محمد");
  assert_norm ("\xef\xb7\xb2", "الله");
}
END_TEST

START_TEST (test_norm_rejects_invalid_utf8)
{
  ck_assert_ptr_null (lajna_norm ("\xff\xfe"));
}
END_TEST

START_TEST (test_isolate_wraps)
{
  g_autofree char *isolated = lajna_isolate ("2026-11-23");

  ck_assert_str_eq (isolated, "\xe2\x81\xa8" "2026-11-23" "\xe2\x81\xa9");
}
END_TEST

START_TEST (test_strip_bidi_controls)
{
  /* RLO would show "Anna" reversed; isolates and marks go too */
  g_autofree char *clean = lajna_strip_bidi ("\xe2\x80\xae" "Anna\xe2\x80\xac \xe2\x81\xa6x\xe2\x81\xa9\xe2\x80\x8f");

  ck_assert_str_eq (clean, "Anna x");
  ck_assert_ptr_null (lajna_strip_bidi ("\xc3"));
}
END_TEST

/* Days whose Hijri date is known (Umm al-Qura agrees on these). */
START_TEST (test_hijri)
{
  static const struct
  {
    int         year, month, day;
    const char *hijri;
  } days[] = {
    { 2024, 3, 11, "1 رمضان 1445 هـ" },
    { 2023, 7, 19, "1 محرم 1445 هـ" },
    { 2000, 1, 1, "24 رمضان 1420 هـ" },
    { 2026, 11, 23, "12 جمادى الآخرة 1448 هـ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (days[i].day, days[i].month, days[i].year);
      g_autofree char *text = lajna_hijri_text (date);

      ck_assert_str_eq (text, days[i].hijri);
    }
}
END_TEST

static Suite *
text_suite (void)
{
  Suite *suite = suite_create ("text");
  TCase *tc = tcase_create ("/text");

  tcase_add_test (tc, test_norm_folds_variants);
  tcase_add_test (tc, test_norm_folds_keyboard_and_pdf_forms);
  tcase_add_test (tc, test_norm_rejects_invalid_utf8);
  tcase_add_test (tc, test_isolate_wraps);
  tcase_add_test (tc, test_strip_bidi_controls);
  tcase_add_test (tc, test_hijri);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (text_suite ());
}
