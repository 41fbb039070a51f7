/* test-duplicates.c: duplicate candidates on a seeded set with known
 * pairs: people registered again with another spelling of their name (or
 * without the grandfather's name) on the same birth date, among others
 * born the same day. Prints precision and recall. */

#include <check.h>
#include <string.h>

#include "lajna-case-duplicates.h"
#include "lajna-db-private.h"
#include "lajna-test-util.h"

#define N_PEOPLE 200
#define N_TWINS 80

static const char *first[] = {
  "أحمد", "محمد", "علي", "عمر", "يحيى", "مصطفى", "إبراهيم", "يوسف", "خالد", "سالم",
  "عيسى", "موسى", "حمزة", "أسامة", "طارق", "مراد", "فتحي", "رمضان", "نوري", "عبد الله",
};
static const char *family[] = {
  "الورفلي", "المصراتي", "الزاوي", "الترهوني", "البرعصي", "العبيدي", "المقريف", "الفيتوري",
  "الكيلاني", "الشريف", "بن غلبون", "القماطي", "الفرجاني", "السويحلي", "المنفي", "الدرسي",
  "الأطرش", "الساعدي", "الجربي", "المهدوي",
};

static void
parts_of (guint        i,
          const char **parts)
{
  parts[0] = first[i % 20];
  parts[1] = first[(i * 7 + 3) % 20];
  parts[2] = first[(i * 11 + 5) % 20];
  parts[3] = family[(i * 13 + 1) % 20];
}

/* How a clerk might write the same name another time. */
static char *
variant (const char *text,
         guint       kind)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (kind == 0 && (c == 0x0623 || c == 0x0625 || c == 0x0622))
        c = 0x0627;                      /* hamza dropped */
      else if (kind == 1 && c == 0x0629)
        c = 0x0647;                      /* ta marbuta as heh */
      else if (kind == 2 && c == 0x0649)
        c = 0x064A;                      /* alef maqsura as yeh */
      g_string_append_unichar (out, c);
      if (kind == 3 && p == text)
        g_string_append_unichar (out, 0x064E); /* a fatha */
    }
  return g_string_free (out, FALSE);
}

static void
add_person_with_file (GString    *sql,
                      const char *parts[4],
                      guint       birth_offset)
{
  g_string_append_printf (sql,
      "WITH p AS (INSERT INTO person (name, father_name, grandfather_name, family_name, sex,"
      "                               nationality, birth_date)"
      "           VALUES ('%s', '%s', '%s', '%s', 'm', 'LY', DATE '2005-01-01' + %u)"
      "           RETURNING id),"
      " c AS (INSERT INTO case_file (committee_id, kind, file_number)"
      "       SELECT id, 'juvenile', 'dup/' || gen_random_uuid() FROM committee"
      "        WHERE code = 'dup' RETURNING id)"
      " INSERT INTO juvenile_case (case_id, juvenile_id) SELECT c.id, p.id FROM c, p;",
      parts[0], parts[1], parts[2], parts[3], birth_offset);
}

static void
seed (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GString) sql = g_string_new (
      "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
      " VALUES ('juvenile', 'dup', 'لجنة الأحداث', 'Juvenile', 'ح');");

  lajna_test_shared_start ();
  db = lajna_test_shared_connect ();

  /* Person i is file i + 1; its second registration is file N_PEOPLE + i + 1.
   * Some 5 or 6 people share each birth date. */
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      const char *parts[4];

      parts_of (i, parts);
      add_person_with_file (sql, parts, i % 37);
    }
  for (guint i = 0; i < N_TWINS; i++)
    {
      const char *parts[4];
      g_autofree char *v0 = NULL, *v1 = NULL, *v2 = NULL, *v3 = NULL;

      parts_of (i, parts);
      v0 = variant (parts[0], i % 5);
      v1 = variant (parts[1], i % 5);
      v2 = i % 5 == 4 ? g_strdup ("") : variant (parts[2], i % 5); /* no grandfather */
      v3 = variant (parts[3], i % 5);
      add_person_with_file (sql, (const char *[]) { v0, v1, v2, v3 }, i % 37);
    }
  if (!lajna_db_run (db, sql->str, NULL))
    g_error ("Cannot seed the people");
}

START_TEST (test_known_pairs)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  guint true_positives = 0, false_positives = 0;
  double precision, recall;

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = lajna_case_duplicates_fetch (db, i + 1, 0.5, &error);

      ck_assert_msg (found != NULL, "%s", error != NULL ? error->message : "");
      for (guint j = 0; j < found->len; j++)
        {
          LajnaDuplicate *d = g_ptr_array_index (found, j);

          if (i < N_TWINS && d->case_id == N_PEOPLE + i + 1)
            true_positives++;
          else
            false_positives++;
        }
    }

  recall = (double) true_positives / N_TWINS;
  precision = true_positives + false_positives > 0
                ? (double) true_positives / (true_positives + false_positives) : 0;
  g_print ("duplicates: %u known pairs, %u found, %u false: precision %.3f, recall %.3f\n",
           N_TWINS, true_positives, false_positives, precision, recall);
  ck_assert_msg (recall >= 0.95, "recall %.3f", recall);
  ck_assert_msg (precision >= 0.9, "precision %.3f", precision);
}
END_TEST

START_TEST (test_same_numbers)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) found = NULL;

  /* Two files of different names that share a national number. */
  ck_assert (lajna_db_run (db,
      "UPDATE person SET national_number = '120050000001' WHERE id IN (150, 151)", NULL));
  found = lajna_case_duplicates_fetch (db, 150, 0.5, NULL);
  ck_assert (found != NULL);
  ck_assert_uint_ge (found->len, 1);
  ck_assert_int_eq (((LajnaDuplicate *) g_ptr_array_index (found, 0))->case_id, 151);
  ck_assert_str_eq (((LajnaDuplicate *) g_ptr_array_index (found, 0))->reason, "national_number");
}
END_TEST

START_TEST (test_verdicts)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) before = lajna_case_duplicates_fetch (db, 1, 0.5, NULL);
  g_autoptr(GPtrArray) different = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autofree char *twin = g_strdup_printf ("%d", N_PEOPLE + 1);
  const char *not_duplicate[] = { "1", twin, "false" };
  const char *confirmed[] = { "1", twin, "true" };
  g_autoptr(PGresult) r1 = NULL;
  g_autoptr(PGresult) r2 = NULL;

  ck_assert (before != NULL && before->len >= 1);
  ck_assert_int_eq (((LajnaDuplicate *) g_ptr_array_index (before, 0))->case_id, N_PEOPLE + 1);

  /* "Not a duplicate": the candidate is not offered again. */
  r1 = lajna_db_exec_params (db, "SELECT lajna_mark_duplicate($2, $1, $3)", 3, not_duplicate, NULL);
  ck_assert (r1 != NULL);
  different = lajna_case_duplicates_fetch (db, 1, 0.5, NULL);
  for (guint i = 0; i < different->len; i++)
    ck_assert_int_ne (((LajnaDuplicate *) g_ptr_array_index (different, i))->case_id, N_PEOPLE + 1);

  /* Changed to "same person": linked, and shown as confirmed. */
  r2 = lajna_db_exec_params (db, "SELECT lajna_mark_duplicate($1, $2, $3)", 3, confirmed, NULL);
  ck_assert (r2 != NULL);
  same = lajna_case_duplicates_fetch (db, 1, 0.5, NULL);
  ck_assert (same != NULL && same->len >= 1);
  ck_assert_str_eq (((LajnaDuplicate *) g_ptr_array_index (same, 0))->reason, "confirmed");
}
END_TEST

START_TEST (test_earlier_rejection_flagged)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) flags = NULL;
  const char *twin_file = "202"; /* person 1's second registration is file N_PEOPLE + 2 */

  /* Person 2's file 2 was referred to the court; registered again as
   * file 202 under another spelling, the new file shows it. */
  ck_assert (lajna_db_run (db,
      "INSERT INTO decision (case_id, outcome, reasons, decided_on)"
      " VALUES (2, 'refer_to_court', 'repeated offence', DATE '2026-01-10')", NULL));
  flags = lajna_db_exec_params (db,
      "SELECT other_case_id, outcome, decided_on FROM lajna_case_earlier_decisions($1)", 1,
      &twin_file, NULL);
  ck_assert (flags != NULL);
  ck_assert_int_eq (PQntuples (flags), 1);
  ck_assert_str_eq (PQgetvalue (flags, 0, 0), "2");
  ck_assert_str_eq (PQgetvalue (flags, 0, 1), "refer_to_court");
  ck_assert_str_eq (PQgetvalue (flags, 0, 2), "2026-01-10");
}
END_TEST

/* The same person typed on an Arabic keyboard and on a Persian one, with
 * a zero-width non-joiner: the same name to duplicate detection, both for
 * a registered file and for the form while it is being filled in. */
START_TEST (test_keyboard_variants)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(PGresult) found = NULL;
  g_autoptr(PGresult) typed = NULL;

  add_person_with_file (sql, (const char *[]) { "زكي", "علي", "يحيى", "الكيلاني" }, 400);
  add_person_with_file (sql,
                        (const char *[]) { "زکی", "علی\xe2\x80\x8c", "یحیی", "الکیلانی" }, 400);
  ck_assert (lajna_db_run (db, sql->str, NULL));

  found = lajna_db_exec (db,
      "SELECT d.reason, d.score, p.name FROM lajna_person_duplicates("
      "  (SELECT max(id) FROM person), 0.5) d JOIN person p ON p.id = d.person_id", NULL);
  ck_assert (found != NULL);
  ck_assert_int_eq (PQntuples (found), 1);
  ck_assert_str_eq (PQgetvalue (found, 0, 0), "name_birth_date");
  ck_assert_str_eq (PQgetvalue (found, 0, 1), "1");
  ck_assert_str_eq (PQgetvalue (found, 0, 2), "زكي");

  typed = lajna_db_exec (db,
      "SELECT count(*) FROM lajna_intake_duplicates(jsonb_build_object("
      "  'name', 'زکی', 'father_name', 'علی', 'grandfather_name', 'یحیی\xe2\x80\x8f',"
      "  'family_name', 'الکیلانی', 'birth_date', DATE '2005-01-01' + 400,"
      "  'nationality', 'LY'), 0.99)", NULL);
  ck_assert (typed != NULL);
  ck_assert_str_eq (PQgetvalue (typed, 0, 0), "2");
}
END_TEST

static Suite *
duplicates_suite (void)
{
  Suite *suite = suite_create ("duplicates");
  TCase *tc = tcase_create ("/duplicates");

  tcase_add_unchecked_fixture (tc, seed, lajna_test_shared_stop);
  tcase_add_test (tc, test_known_pairs);
  tcase_add_test (tc, test_same_numbers);
  tcase_add_test (tc, test_verdicts);
  tcase_add_test (tc, test_earlier_rejection_flagged);
  tcase_add_test (tc, test_keyboard_variants);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (duplicates_suite ());
}
