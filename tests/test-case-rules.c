/* test-case-rules.c: what a file must satisfy before it is saved, and how
 * typed text is cleaned: a table of good and bad values for every rule. */

#include <check.h>
#include <string.h>

#include "lajna-test-records.h"
#include "lajna-test-util.h"

static char *
describe (const LajnaValidation *validation)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lajna_validation_get_n_issues (validation); i++)
    {
      const LajnaIssue *issue = lajna_validation_get_issue (validation, i);

      g_string_append_printf (out, "\n    %s (%s): %s", issue->field,
                              issue->level == LAJNA_ISSUE_ERROR ? "error" : "warning",
                              issue->message);
    }
  return g_string_free (out, FALSE);
}

/* Fills the stack below the caller with valid dates (1 January of year
 * 1), so that validation reading a date it never set shows it. */
static G_NO_INLINE void
poison_stack (void)
{
  GDate junk[512];

  g_date_clear (junk, 1);
  g_date_set_dmy (junk, 1, G_DATE_JANUARY, 1);
  for (guint i = 1; i < G_N_ELEMENTS (junk); i++)
    junk[i] = junk[0];
  __asm__ volatile ("" : : "r" (junk) : "memory");
}

static LajnaValidation *
validate (const LajnaCaseRecord *record)
{
  LajnaValidation *validation = lajna_validation_new ();
  GDate day;

  poison_stack ();
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 25, G_DATE_NOVEMBER, 2026); /* “today” */
  lajna_case_record_validate (record, validation, &day, lajna_test_countries);
  return validation;
}

/* Whether @validation has a finding of @level about @field. */
static gboolean
has_issue (const LajnaValidation *validation,
           const char            *field,
           LajnaIssueLevel        level)
{
  for (guint i = 0; i < lajna_validation_get_n_issues (validation); i++)
    {
      const LajnaIssue *issue = lajna_validation_get_issue (validation, i);

      if (strcmp (issue->field, field) == 0 && issue->level == level)
        return TRUE;
    }
  return FALSE;
}

/* ---- Validation ------------------------------------------------------- */

typedef struct
{
  const char      *kind;
  const char      *field;   /* NULL: the file must have no finding at all */
  LajnaIssueLevel  level;
  const char      *set[9];  /* key, value pairs over the base file */
  gboolean         only;    /* the expected finding is the only one */
} RuleCase;

#define M          "marriage"
#define J          "juvenile"
#define NONE       NULL, LAJNA_ISSUE_ERROR
#define ERROR(f)   f, LAJNA_ISSUE_ERROR
#define WARNING(f) f, LAJNA_ISSUE_WARNING

static const RuleCase rules[] = {
  { M, NONE, { NULL } },
  { J, NONE, { NULL } },
  /* The direction names which party is the man. */
  { M, ERROR ("libyan_party.sex"), { "direction", "libyan_woman" } },
  { M, ERROR ("foreign_party.sex"), { "direction", "libyan_woman" } },
  { M, ERROR ("foreign_party.sex"), { "foreign_party.sex", "m" } },
  { M, NONE, { "direction", "libyan_woman", "libyan_party.sex", "f",
               "libyan_party.national_number", "219900012345", "foreign_party.sex", "m" } },
  { M, ERROR ("direction"), { "direction", "" } },
  { M, ERROR ("direction"), { "direction", "sideways" } },
  { M, ERROR ("libyan_party.sex"), { "libyan_party.sex", "" } },
  /* The Libyan party: Libyan, with a national number of 12 digits whose
   * first says the sex and whose year should be the birth year. */
  { M, ERROR ("libyan_party.nationality"), { "libyan_party.nationality", "EG" } },
  { M, ERROR ("libyan_party.nationality"), { "libyan_party.nationality", "" } },
  { M, ERROR ("libyan_party.national_number"), { "libyan_party.national_number", "" } },
  { M, ERROR ("libyan_party.national_number"), { "libyan_party.national_number", "11990001234" } },
  { M, ERROR ("libyan_party.national_number"), { "libyan_party.national_number", "1199000123456" } },
  { M, ERROR ("libyan_party.national_number"), { "libyan_party.national_number", "1199A0012345" } },
  { M, ERROR ("libyan_party.national_number"), { "libyan_party.national_number", "319900012345" } },
  { M, ERROR ("libyan_party.national_number"), { "libyan_party.national_number", "219900012345" } },
  { M, WARNING ("libyan_party.national_number"), { "libyan_party.national_number", "119910012345" } },
  { M, NONE, { "libyan_party.national_number", "١١٩٩٠٠٠١٢٣٤٥" } },
  { M, NONE, { "libyan_party.national_number", "1199-0001 2345" } },
  /* Four parts in Arabic letters. */
  { M, ERROR ("libyan_party.name"), { "libyan_party.grandfather_name", "" } },
  { M, ERROR ("libyan_party.name"), { "libyan_party.name", "" } },
  { M, ERROR ("libyan_party.name"), { "libyan_party.family_name", "Warfalli" } },
  { M, ERROR ("libyan_party.name"), { "libyan_party.father_name", "محمد2" } },
  { M, ERROR ("libyan_party.name"), { "libyan_party.father_name", "محمد." } },
  { M, NONE, { "libyan_party.name", "عبد الله" } },
  { M, NONE, { "libyan_party.name", "أحْمَد" } },
  /* The foreign party: not Libyan, a Latin name, a valid passport. */
  { M, ERROR ("foreign_party.nationality"), { "foreign_party.nationality", "LY" } },
  { M, ERROR ("foreign_party.nationality"), { "foreign_party.nationality", "XX" } },
  { M, NONE, { "foreign_party.nationality", "de" } },
  { M, ERROR ("foreign_party.name"), { "foreign_party.name", "" } },
  { M, ERROR ("foreign_party.latin_name"), { "foreign_party.latin_name", "" } },
  { M, ERROR ("foreign_party.passport_number"), { "foreign_party.passport_number", "" } },
  { M, ERROR ("foreign_party.passport_number"), { "foreign_party.passport_number", "A123" } },
  { M, ERROR ("foreign_party.passport_number"),
    { "foreign_party.passport_number", "A12345678901234567890" } },
  { M, ERROR ("foreign_party.passport_number"), { "foreign_party.passport_number", "A123/4567" } },
  { M, NONE, { "foreign_party.passport_number", "A1234" } },
  { M, NONE, { "foreign_party.passport_number", "A1234567890123456789" } },
  { M, NONE, { "foreign_party.passport_number", "c01x00t47" } },
  { M, ERROR ("foreign_party.passport_expiry"), { "foreign_party.passport_expiry", "" } },
  { M, ERROR ("foreign_party.passport_expiry"), { "foreign_party.passport_expiry", "2026-11-24" } },
  { M, NONE, { "foreign_party.passport_expiry", "2026-11-26" } },
  /* Birth dates and the day received: given, and not in the future. */
  { M, ERROR ("libyan_party.birth_date"), { "libyan_party.birth_date", "2026-11-26" } },
  { M, ERROR ("foreign_party.birth_date"), { "foreign_party.birth_date", "2027-01-01" } },
  { M, ERROR ("foreign_party.birth_date"), { "foreign_party.birth_date", "" } },
  { M, ERROR ("received_on"), { "received_on", "2026-11-26" } },
  { M, ERROR ("received_on"), { "received_on", "" } },
  { M, NONE, { "received_on", "2026-11-25" } },
  { M, NONE, { "received_on", "٢٠٢٦-١١-٢٣" } },
  { M, NONE, { "received_on", "2026/1/5" } },
  /* Malformed dates are named, whatever the field. */
  { M, ERROR ("received_on"), { "received_on", "23-11-2026" } },
  { M, ERROR ("received_on"), { "received_on", "2026-13-01" } },
  { M, ERROR ("received_on"), { "received_on", "abc" } },
  { M, ERROR ("received_on"), { "received_on", "2026-11" } },
  { M, ERROR ("received_on"), { "received_on", "2026-11-23-" } },
  { M, ERROR ("foreign_party.passport_expiry"), { "foreign_party.passport_expiry", "2027-02-30" } },
  { M, ERROR ("libyan_party.birth_date"), { "libyan_party.birth_date", "abc" } },
  { M, ERROR ("libyan_party.birth_date"), { "libyan_party.birth_date", "1990-02-30" } },
  /* …and then says nothing of the national number's year. */
  { M, ERROR ("libyan_party.birth_date"), { "libyan_party.birth_date", "abc" }, .only = TRUE },
  { M, ERROR ("foreign_party.passport_expiry"), { "foreign_party.passport_expiry", "20281-01-31" } },
  /* Whole numbers. */
  { M, ERROR ("previous_marriages"), { "previous_marriages", "two" } },
  { M, ERROR ("previous_marriages"), { "previous_marriages", "1.5" } },
  { M, NONE, { "previous_marriages", "٢" } },
  { M, NONE, { "previous_marriages", "" } },
  { M, ERROR ("previous_marriages"), { "previous_marriages", "-1" } },

  /* A juvenile is under 18 on the day of admission: 17 years and 364
   * days is, 18 to the day is not, and a leap-day birthday turns 18 on
   * 1 March. */
  { J, NONE, { "juvenile.birth_date", "2008-11-02", "juvenile.national_number", "" } },
  { J, ERROR ("admission_date"), { "juvenile.birth_date", "2008-11-01",
                                   "juvenile.national_number", "" } },
  { J, NONE, { "juvenile.birth_date", "2008-02-29", "admission_date", "2026-02-28",
               "juvenile.national_number", "" } },
  { J, ERROR ("admission_date"), { "juvenile.birth_date", "2008-02-29",
                                   "admission_date", "2026-03-01", "juvenile.national_number", "" } },
  { J, ERROR ("admission_date"), { "admission_date", "2010-05-09" } },
  { J, ERROR ("admission_date"), { "admission_date", "2026-11-26" } },
  { J, NONE, { "admission_date", "2026-11-25" } },
  { J, ERROR ("admission_date"), { "admission_date", "" } },
  { J, ERROR ("admission_date"), { "admission_date", "1-11-2026" } },
  /* The juvenile: a four-part name, a national number if any. */
  { J, ERROR ("juvenile.name"), { "juvenile.family_name", "" } },
  { J, NONE, { "juvenile.national_number", "" } },
  { J, ERROR ("juvenile.national_number"), { "juvenile.national_number", "12010001234" } },
  { J, ERROR ("juvenile.national_number"), { "juvenile.sex", "f" } },
  { J, ERROR ("juvenile.sex"), { "juvenile.sex", "" } },
  { J, ERROR ("juvenile.sex"), { "juvenile.sex", "x" } },
  { J, NONE, { "juvenile.nationality", "TN", "juvenile.national_number", "" } },
  { J, ERROR ("juvenile.birth_date"), { "juvenile.birth_date", "2026-11-26" } },
  { J, ERROR ("juvenile.birth_date"), { "juvenile.birth_date", "2010-13-01" }, .only = TRUE },
  /* Codes of the home. */
  { J, ERROR ("legal_status"), { "legal_status", "bail" } },
  { J, NONE, { "legal_status", "SENTENCED" } },
  { J, NONE, { "legal_status", "" } },
  { J, ERROR ("programme"), { "programme", "education,sport" } },
  { J, NONE, { "programme", "Vocational, counselling" } },
  { J, NONE, { "programme", "" } },
  { J, ERROR ("review_cycle_days"), { "review_cycle_days", "0" } },
  { J, ERROR ("review_cycle_days"), { "review_cycle_days", "٠" } },
  { J, ERROR ("review_cycle_days"), { "review_cycle_days", "weekly" } },
  { J, NONE, { "review_cycle_days", "1" } },
  { J, ERROR ("review_cycle_days"), { "review_cycle_days", "00" } },
  { J, ERROR ("next_review_on"), { "next_review_on", "next month" } },
  { J, ERROR ("social_worker_id"), { "social_worker_id", "Huda" } },
};

START_TEST (test_rule)
{
  const RuleCase *rule = &rules[_i];
  g_autoptr(LajnaCaseRecord) record = NULL;
  g_autoptr(LajnaValidation) validation = NULL;
  g_autofree char *found = NULL;

  record = lajna_test_make_record (rule->kind, 1, rule->set);
  validation = validate (record);
  found = describe (validation);
  if (rule->field == NULL)
    ck_assert_msg (lajna_validation_get_n_issues (validation) == 0,
                   "rule %d (%s = “%s”): expected no finding, got:%s", _i, rule->set[0],
                   rule->set[1], found);
  else
    ck_assert_msg (has_issue (validation, rule->field, rule->level)
                     && (rule->level == LAJNA_ISSUE_ERROR || !lajna_validation_has_errors (validation))
                     && (!rule->only || lajna_validation_get_n_issues (validation) == 1),
                   "rule %d (%s = “%s”): expected %s %s, got:%s", _i, rule->set[0], rule->set[1],
                   rule->only ? "only an error on"
                   : rule->level == LAJNA_ISSUE_ERROR ? "an error on" : "only a warning on",
                   rule->field, found);
}
END_TEST

/* ---- Cleaning --------------------------------------------------------- */

START_TEST (test_clean_bidi_and_nfc)
{
  /* Every bidi control, around and inside the text. */
  static const char *controls[] = { "\u200E", "\u200F", "\u061C", "\u202A", "\u202B", "\u202C",
                                    "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069" };
  static const char *keys[] = { "libyan_party.name", "libyan_party.family_name",
                                "foreign_party.latin_name", "residence", "notes" };
  g_autoptr(LajnaCaseRecord) record = lajna_case_record_new ("marriage", 1);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (guint c = 0; c < G_N_ELEMENTS (controls); c++)
      {
        g_autofree char *input = g_strconcat (controls[c], "سا", controls[c], "لم Ali",
                                              controls[c], NULL);

        ck_assert (lajna_case_record_set (record, keys[k], input));
        ck_assert_msg (strcmp (lajna_case_record_get (record, keys[k]), "سالم Ali") == 0,
                       "%s with U+%04X kept “%s”", keys[k],
                       g_utf8_get_char (controls[c]), lajna_case_record_get (record, keys[k]));
      }

  /* NFC: alef + combining hamza above is أ; e + combining acute is é. */
  ck_assert (lajna_case_record_set (record, "libyan_party.name", "\u0627\u0654حمد"));
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.name"), "\u0623حمد");
  ck_assert (lajna_case_record_set (record, "foreign_party.latin_name", " Rene\u0301e   Dupont "));
  ck_assert_str_eq (lajna_case_record_get (record, "foreign_party.latin_name"), "Ren\u00e9e Dupont");
}
END_TEST

START_TEST (test_clean_numbers_codes_dates)
{
  static const struct { const char *key, *input, *clean; } cases[] = {
    { "libyan_party.national_number", "١١٩٩٠ ٠٠٠-٠٠١٢", "119900000012" },
    { "libyan_party.national_number", "\u200F۱۱۹۹۰۰۰۰۰۰۱۲", "119900000012" },
    { "foreign_party.passport_number", " c01x-00t47 ", "C01X00T47" },
    { "libyan_party.sex", " M ", "m" },
    { "foreign_party.nationality", "eg", "EG" },
    { "direction", "Libyan_Woman", "libyan_woman" },
    { "received_on", "٢٠٢٦-١١-٢٣", "2026-11-23" },
    { "received_on", "2026/1/5", "2026-01-05" },
    { "received_on", "23-11-2026", "23-11-2026" },  /* kept as typed, for the message */
    { "previous_marriages", "٣", "3" },
  };
  g_autoptr(LajnaCaseRecord) record = lajna_case_record_new ("marriage", 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert (lajna_case_record_set (record, cases[i].key, cases[i].input));
      ck_assert_msg (strcmp (lajna_case_record_get (record, cases[i].key), cases[i].clean) == 0,
                     "%s “%s” → “%s”, want “%s”", cases[i].key, cases[i].input,
                     lajna_case_record_get (record, cases[i].key), cases[i].clean);
    }
}
END_TEST

START_TEST (test_clean_unknown_key_stores_nothing)
{
  g_autoptr(LajnaCaseRecord) record = lajna_test_make_record ("marriage", 1, NULL);
  g_autofree char *before = lajna_case_record_to_json (record);
  g_autofree char *after = NULL;

  ck_assert (!lajna_case_record_set (record, "libyan_party.shoe_size", "42"));
  ck_assert (!lajna_case_record_set (record, "admission_date", "2026-11-01")); /* juvenile's */
  ck_assert (!lajna_case_record_set (record, "juvenile.name", "يوسف"));
  ck_assert (!lajna_case_record_set (record, "name", "أحمد")); /* a column without its role */
  ck_assert (!lajna_case_record_set (record, "libyan_party.name", "\xff\xfe")); /* not UTF-8 */
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.shoe_size"), "");
  ck_assert_str_eq (lajna_case_record_get (record, "admission_date"), "");
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.name"), "أحمد");
  after = lajna_case_record_to_json (record);
  ck_assert_str_eq (before, after);
}
END_TEST

/* ---- What the form fills in and where it warns ----------------------- */

START_TEST (test_direction_fills_sexes_and_nationality)
{
  g_autoptr(LajnaCaseRecord) record = lajna_case_record_new ("marriage", 1);

  ck_assert (!lajna_case_record_apply_direction (record)); /* no direction yet */
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.sex"), "");

  lajna_case_record_set (record, "direction", "libyan_man");
  ck_assert (lajna_case_record_apply_direction (record));
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.sex"), "m");
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.nationality"), "LY");
  ck_assert_str_eq (lajna_case_record_get (record, "foreign_party.sex"), "f");
  ck_assert_str_eq (lajna_case_record_get (record, "foreign_party.nationality"), "");
  ck_assert (!lajna_case_record_apply_direction (record)); /* nothing left to fill */

  lajna_case_record_set (record, "direction", "libyan_woman");
  ck_assert (lajna_case_record_apply_direction (record));
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.sex"), "f");
  ck_assert_str_eq (lajna_case_record_get (record, "foreign_party.sex"), "m");
}
END_TEST

START_TEST (test_direction_keeps_a_chosen_nationality)
{
  g_autoptr(LajnaCaseRecord) record = lajna_case_record_new ("marriage", 1);
  g_autoptr(LajnaCaseRecord) juvenile = lajna_case_record_new ("juvenile", 1);

  lajna_case_record_set (record, "libyan_party.nationality", "TN");
  lajna_case_record_set (record, "direction", "libyan_woman");
  ck_assert (lajna_case_record_apply_direction (record));
  ck_assert_str_eq (lajna_case_record_get (record, "libyan_party.nationality"), "TN");
  ck_assert (!lajna_case_record_apply_direction (juvenile));
}
END_TEST

START_TEST (test_duplicate_beside_the_field_typed)
{
  LajnaIntakeCandidate candidate = { .for_role = (char *) "libyan_party" };
  g_autofree char *typed = lajna_intake_candidate_anchor (&candidate,
                                                          "libyan_party.birth_date");
  g_autofree char *other_party = lajna_intake_candidate_anchor (&candidate,
                                                                "foreign_party.name");
  g_autofree char *file_field = lajna_intake_candidate_anchor (&candidate, "direction");
  g_autofree char *opened = lajna_intake_candidate_anchor (&candidate, NULL);

  ck_assert_str_eq (typed, "libyan_party.birth_date");
  ck_assert_str_eq (other_party, "libyan_party.name");
  ck_assert_str_eq (file_field, "libyan_party.name");
  ck_assert_str_eq (opened, "libyan_party.name");
}
END_TEST

static Suite *
case_rules_suite (void)
{
  Suite *suite = suite_create ("case-rules");
  TCase *rules_tc = tcase_create ("/case-rules/validation");
  TCase *clean_tc = tcase_create ("/case-rules/cleaning");
  TCase *intake_tc = tcase_create ("/case-rules/intake");

  tcase_add_loop_test (rules_tc, test_rule, 0, G_N_ELEMENTS (rules));
  suite_add_tcase (suite, rules_tc);

  tcase_add_test (clean_tc, test_clean_bidi_and_nfc);
  tcase_add_test (clean_tc, test_clean_numbers_codes_dates);
  tcase_add_test (clean_tc, test_clean_unknown_key_stores_nothing);
  suite_add_tcase (suite, clean_tc);

  tcase_add_test (intake_tc, test_direction_fills_sexes_and_nationality);
  tcase_add_test (intake_tc, test_direction_keeps_a_chosen_nationality);
  tcase_add_test (intake_tc, test_duplicate_beside_the_field_typed);
  suite_add_tcase (suite, intake_tc);

  return suite;
}

int
main (void)
{
  return lajna_test_run (case_rules_suite ());
}
