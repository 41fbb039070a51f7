/* test-ruling-wording.c: what a ruling says, as pdftotext reads it: an
 * article with nothing to say is left out and the next takes its ordinal
 * name; no full stop stands alone where a value was empty; the parties
 * are named in words of their sex, the foreign party's nationality as an
 * adjective. The letterhead keeps each of its lines whole, and a ruling of
 * three articles fits on one page with its signatures. A ruling is never
 * dated before the meeting it cites. */

#include <check.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-meeting-actions.h"
#include "lajna-ruling-record.h"
#include "lajna-ruling.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

/* A file of @kind decided with @outcome at a meeting on @day, with no
 * reasons at all. */
static gint64
decided_without_reasons (LajnaDb    *db,
                         const char *kind,
                         const char *outcome,
                         const char *day)
{
  g_autoptr(GError) error = NULL;
  gboolean juvenile = strcmp (kind, "juvenile") == 0;
  gint64 item;

  sitting_with_item (db, juvenile ? "mtj" : "mtm", kind, day, &item);
  expect_ok (lajna_decision_record (db, item, outcome, NULL, "", NULL, NULL, &error) != 0, error);
  return query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
}

/* The text of the file's ruling, issued on @issued_on, as pdftotext reads it. */
static char *
ruling_text (LajnaDb    *db,
             gint64      file,
             const char *issued_on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  char *text;

  expect_ok (lajna_ruling_issue (db, file, issued_on, lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  lajna_test_remove_dir (dir);
  return text;
}

/* @text flat, without its harakat: pdftotext gives a mark before or
 * after the letter it sits on, as Amiri places it. */
static char *
bare (const char *text)
{
  g_autofree char *flat = lajna_test_flat_text (text);
  GString *out = g_string_new (NULL);

  for (const char *p = flat; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
says (const char *flat,
      const char *words)
{
  g_autofree char *bare_words = bare (words);

  return strstr (flat, bare_words) != NULL;
}

START_TEST (test_empty_article_left_out)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 file = decided_without_reasons (db, "marriage", "approve", "2040-02-01");
  g_autofree char *text = ruling_text (db, file, "2040-02-03");
  g_autofree char *flat = bare (text);

  ck_assert_msg (!says (flat, "أسباب القرار"), "an empty article is printed: %s", text);
  ck_assert_msg (says (flat, "المادة الثانية: يُعمل بهذا القرار"), "%s", text);
  ck_assert_msg (!says (flat, "المادة الثالثة"), "%s", text);
  ck_assert_msg (strstr (flat, "..") == NULL && strstr (flat, ":.") == NULL
                 && strstr (flat, "،.") == NULL, "a stray full stop: %s", text);
  ck_assert_msg (strstr (text, " .") == NULL, "a full stop after a space: %s", text);
}
END_TEST

/* A value left empty takes its punctuation with it. */
START_TEST (test_stranded_punctuation)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  static const struct
  {
    const char *text;
    const char *filled;
  } cases[] = {
    { "أسباب القرار: {a}. {b}", "أسباب القرار:" },
    { "أسباب الرفض: {a}. {sentence}", "أسباب الرفض: نص." },
    { "أسباب الرفض: {sentence}. {a}", "أسباب الرفض: نص." },
    { "من {word} ({a})، {word} الجنسية.", "من نص، نص الجنسية." },
    { "قررت اللجنة {a}.", "قررت اللجنة." },
    { "المستندات المذكورة. {a}", "المستندات المذكورة." },
    { "انظر … وما بعدها... {a}", "انظر … وما بعدها..." },
  };

  g_hash_table_insert (values, "a", "");
  g_hash_table_insert (values, "b", "");
  g_hash_table_insert (values, "word", "نص");
  g_hash_table_insert (values, "sentence", "نص.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *filled = lajna_ruling_fill (cases[i].text, values);

      ck_assert_str_eq (filled, cases[i].filled);
    }
  ck_assert (lajna_ruling_article_is_empty ("أسباب القرار:"));
  ck_assert (!lajna_ruling_article_is_empty ("المستندات المذكورة."));
}
END_TEST

/* The parties of marriage file @file: a Libyan of @libyan_sex, and a
 * foreigner of @foreign_sex from @country. */
static void
give_parties (LajnaDb    *db,
              gint64      file,
              const char *libyan_sex,
              const char *foreign_sex,
              const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
      "WITH l AS (INSERT INTO person (name, father_name, grandfather_name, family_name, sex,"
      "                              nationality, national_number)"
      "           VALUES ('سالم', 'علي', 'محمد', 'الورفلي', '%s', 'LY', '119850012345')"
      "           RETURNING id),"
      " f AS (INSERT INTO person (name, family_name, latin_name, sex, nationality, passport_number)"
      "       VALUES ('نور', 'حسن', 'Nour Hassan', '%s', '%s', 'X1234567') RETURNING id)"
      "INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction)"
      " SELECT " ID ", l.id, f.id, '%s' FROM l, f",
      libyan_sex, foreign_sex, country, file,
      strcmp (libyan_sex, "m") == 0 ? "libyan_man" : "libyan_woman");

  expect_ok (lajna_db_run (db, sql, &error), error);
}

/* The approval of a file with those parties, as printed. */
static char *
approval_of (LajnaDb    *db,
             const char *libyan_sex,
             const char *foreign_sex,
             const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 item, file;

  sitting_with_item (db, "mtm", "marriage", "2040-03-01", &item);
  expect_ok (lajna_decision_record (db, item, "approve", (const char *[]) { "conditions_met", NULL },
                                    "", NULL, NULL, &error) != 0, error);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  give_parties (db, file, libyan_sex, foreign_sex, country);
  text = ruling_text (db, file, "2040-03-02");
  return bare (text);
}

START_TEST (test_parties_by_sex)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *woman = approval_of (db, "f", "m", "EG");
  g_autofree char *man = approval_of (db, "m", "f", "EG");
  g_autofree char *unknown = approval_of (db, "m", "f", "BT");

  ck_assert_msg (says (woman, "المواطنة سالم") && says (woman, "مصري الجنسية"), "%s", woman);
  ck_assert_msg (says (man, "المواطن سالم") && says (man, "مصرية الجنسية"), "%s", man);
  ck_assert_msg (says (unknown, "تحمل جنسية بوتان"), "%s", unknown);
  ck_assert_msg (!says (man, "المواطنة") && !says (man, "مصر الجنسية"), "%s", man);
  for (const char *p = man; (p = strchr (p, '/')) != NULL; p++)
    ck_assert_msg (!g_str_has_prefix (p, "/ة"), "«/ة» in %s", man);
}
END_TEST

/* Every member of the Arab League, and the nationalities most met, have
 * both forms of their adjective. */
START_TEST (test_country_adjectives)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM country WHERE arab_league"
                                   "   AND (adjective_m IS NULL OR adjective_f IS NULL)", NULL), 0);
  ck_assert_int_ge (query_int (db, "SELECT count(*) FROM country"
                                   " WHERE adjective_m <> '' AND adjective_f <> ''"
                                   "   AND NOT arab_league", NULL), 30);
}
END_TEST

/* Whether, on the right of the page's head, the line that holds @first
 * also holds @last. */
static gboolean
head_line_holds (const char *path,
                 const char *first,
                 const char *last)
{
  g_autofree char *text = lajna_test_tool_output ("pdftotext",
      ARGS ("-layout", "-l", "1", "-x", "300", "-y", "0", "-W", "296", "-H", "200", path, "-"),
      NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = bare (lines[i]);

      if (says (line, first))
        return says (line, last);
    }
  return FALSE;
}

START_TEST (test_one_page_letterhead_whole)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *info = NULL;
  gint64 item, meeting, file;

  expect_ok (lajna_db_run (db, "UPDATE committee SET name_ar = 'لجنة النظر في طلبات زواج"
                               " الليبيين من الأجانب - طرابلس' WHERE code = 'mtm'", &error),
             error);
  meeting = sitting_with_item (db, "mtm", "marriage", "2040-04-01", &item);
  /* Five to sign, in two rows. */
  mark_present (db, meeting, "mtm", (const char *[]) { "m3", "m4", NULL });
  expect_ok (lajna_decision_record (db, item, "approve", (const char *[]) { "conditions_met", NULL },
                                    "استوفى الملف ما يطلبه القانون من شروط ومستندات.", NULL, NULL,
                                    &error) != 0, error);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  give_parties (db, file, "m", "f", "PH");
  expect_ok (lajna_ruling_issue (db, file, "2040-04-02", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  expect_ok (lajna_db_run (db, "UPDATE committee SET name_ar = 'لجنة الزواج المختلط'"
                               " WHERE code = 'mtm'", &error), error);

  /* The committee's name on one line. */
  ck_assert (head_line_holds (path, "لجنة النظر", "طرابلس"));
info = lajna_test_tool_output ("pdfinfo", ARGS (path), NULL);
ck_assert_msg (strstr (info, "Pages:           1\n") != NULL, "%s", info);
  lajna_test_remove_dir (dir);
}
END_TEST

START_TEST (test_not_before_meeting)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 file = decided_without_reasons (db, "marriage", "approve", "2040-05-10");

  expect_refused (lajna_ruling_issue (db, file, "2040-05-09", lajna_ruling_pdf, &error) != 0,
                  &error,
                  "cannot be dated before the meeting");
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM ruling r JOIN decision d"
                                   "    ON d.id = r.decision_id WHERE d.case_id = $1", file), 0);
  expect_ok (lajna_ruling_issue (db, file, "2040-05-10", lajna_ruling_pdf, &error) != 0, error);
}
END_TEST

static Suite *
wording_suite (void)
{
  Suite *suite = suite_create ("ruling-wording");
  TCase *tc = tcase_create ("wording");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_empty_article_left_out);
  tcase_add_test (tc, test_stranded_punctuation);
  tcase_add_test (tc, test_parties_by_sex);
  tcase_add_test (tc, test_country_adjectives);
  tcase_add_test (tc, test_one_page_letterhead_whole);
  tcase_add_test (tc, test_not_before_meeting);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (wording_suite ());
}
