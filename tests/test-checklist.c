/* test-checklist.c: which documents a file needs for each combination of
 * its facts, their state (satisfied, missing, expired), and the database
 * refusing to schedule a file whose mandatory documents are not all
 * there. */

#include <check.h>
#include <string.h>

#include "lajna-test-util.h"

#include "lajna-db-private.h"

static void
setup_people (void)
{
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start ();
  db = lajna_test_shared_connect ();
  if (!lajna_db_run (db,
        "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
        " ('marriage', 'cl-m', 'لجنة الزواج', 'Marriage', 'ز'),"
        " ('juvenile', 'cl-j', 'لجنة الأحداث', 'Juvenile', 'ح');"
        "INSERT INTO person (name, father_name, grandfather_name, family_name, sex, nationality,"
        "                    national_number, latin_name, passport_number, passport_expiry) VALUES"
        " ('أحمد', 'محمد', 'علي', 'الورفلي', 'm', 'LY', '119900123456', '', NULL, NULL),"
        " ('فاطمة', 'سالم', 'عمر', 'المصراتي', 'f', 'LY', '219920123456', '', NULL, NULL),"
        " ('منى', '', '', '', 'f', 'EG', NULL, 'Mona Hassan', 'A1234567', current_date + 900),"
        " ('كريم', '', '', '', 'm', 'EG', NULL, 'Karim Adel', 'A7654321', current_date + 900),"
        " ('آنا', '', '', '', 'f', 'DE', NULL, 'Anna Schmidt', 'C01X00T47', current_date + 900),"
        " ('يان', '', '', '', 'm', 'DE', NULL, 'Jan Becker', 'C02X00T48', current_date - 1)",
        NULL))
    g_error ("Cannot make the people");
}

/* Makes a marriage file and returns its id (as text, for parameters). */
static char *
make_marriage (LajnaDb    *db,
               gboolean    libyan_woman,
               const char *foreign_country,
               int         previous_marriages)
{
  g_autofree char *previous = g_strdup_printf ("%d", previous_marriages);
  const char *params[] = { libyan_woman ? "libyan_woman" : "libyan_man", foreign_country, previous };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_test_load_history (db,
      "WITH c AS (INSERT INTO case_file (committee_id, kind, file_number, status)"
      "           SELECT id, 'marriage', 'cl/' || gen_random_uuid(), 'complete' FROM committee"
      "            WHERE code = 'cl-m' RETURNING id)"
      " INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction,"
      "                            previous_marriages)"
      " SELECT c.id,"
      "        (SELECT id FROM person WHERE nationality = 'LY'"
      "          AND sex = CASE $1 WHEN 'libyan_man' THEN 'm' ELSE 'f' END),"
      "        (SELECT min(id) FROM person WHERE nationality = $2"
      "          AND sex = CASE $1 WHEN 'libyan_man' THEN 'f' ELSE 'm' END),"
      "        $1, $3::integer FROM c RETURNING case_id", 3, params, &error);

  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  return g_strdup (PQgetvalue (result, 0, 0));
}

static char *
checklist_of (LajnaDb    *db,
              const char *case_id)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT string_agg(type_code || ':' || state, ' ' ORDER BY type_code)"
      "  FROM lajna_case_checklist($1)", 1, &case_id, NULL);

  ck_assert (result != NULL);
  return g_strdup (PQgetvalue (result, 0, 0));
}

START_TEST (test_marriage_facts)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (int woman = 0; woman < 2; woman++)
    for (int arab = 0; arab < 2; arab++)
      for (int previous = 0; previous < 2; previous++)
        {
          g_autofree char *id = make_marriage (db, woman, arab ? "EG" : "DE", previous);
          g_autofree char *got = checklist_of (db, id);
          g_autoptr(GString) expected = g_string_new (NULL);

          /* In the order of the type codes. */
          g_string_append (expected, "birth_certificate:missing");
          if (previous)
            g_string_append (expected, " divorce_certificate:missing");
          g_string_append (expected, " embassy_no_objection:missing family_book_extract:missing");
          if (woman)
            g_string_append (expected, " guardian_consent:missing");
          g_string_append (expected, " medical_certificate:missing passport:missing"
                                     " police_clearance:missing");
          if (!arab)
            g_string_append (expected, " security_clearance:missing");

          ck_assert_msg (g_str_equal (got, expected->str),
                         "woman %d, Arab %d, previously married %d:\n  got %s\n  want %s",
                         woman, arab, previous, got, expected->str);
        }
}
END_TEST

START_TEST (test_juvenile_needs_reports_and_court_order)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) made = lajna_db_exec (db,
      "WITH c AS (INSERT INTO case_file (committee_id, kind, file_number)"
      "           SELECT id, 'juvenile', 'cl/' || gen_random_uuid() FROM committee"
      "            WHERE code = 'cl-j' RETURNING id)"
      " INSERT INTO juvenile_case (case_id, juvenile_id)"
      " SELECT c.id, (SELECT min(id) FROM person WHERE nationality = 'LY') FROM c"
      " RETURNING case_id", NULL);
  g_autofree char *got = NULL;

  ck_assert (made != NULL);
  got = checklist_of (db, PQgetvalue (made, 0, 0));
  ck_assert_str_eq (got, "birth_certificate:missing court_order:missing"
                         " psychologist_report:missing social_worker_report:missing");
}
END_TEST

static void
add_document (LajnaDb    *db,
              const char *case_id,
              const char *type,
              int         issued_days_ago)
{
  g_autofree char *days = g_strdup_printf ("%d", issued_days_ago);
  const char *params[] = { case_id, type, days };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256, source, issued_on)"
      " VALUES ($1, $2, 'application/pdf', 0, sha256(convert_to($2 || $3, 'UTF8')), 'scan',"
      "         current_date - $3::integer)",
      3, params, NULL);

  ck_assert (result != NULL);
}

static gboolean
schedule (LajnaDb     *db,
          const char  *case_id,
          GError     **error)
{
  const char *params[] = { case_id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_case_set_status($1, 'scheduled')", 1, params, error);

  return result != NULL;
}

START_TEST (test_states_and_scheduling)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *id = make_marriage (db, FALSE, "EG", 0);
  g_autofree char *got = NULL;
  g_autoptr(GError) error = NULL;
  static const char *types[] = { "birth_certificate", "embassy_no_objection",
                                 "family_book_extract", "medical_certificate", "passport" };

  add_document (db, id, "police_clearance", 100); /* valid for 90 days */
  add_document (db, id, "medical_certificate", 3);
  got = checklist_of (db, id);
  ck_assert_msg (strstr (got, "police_clearance:expired") != NULL, "%s", got);
  ck_assert_msg (strstr (got, "medical_certificate:satisfied") != NULL, "%s", got);
  ck_assert_msg (strstr (got, "birth_certificate:missing") != NULL, "%s", got);

  /* Missing and expired papers keep the file off the agenda. */
  ck_assert (!schedule (db, id, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    add_document (db, id, types[i], 1);
  ck_assert (!schedule (db, id, &error)); /* the police clearance is still expired */
  g_clear_error (&error);
  add_document (db, id, "police_clearance", 10);
  ck_assert_msg (schedule (db, id, &error), "%s", error != NULL ? error->message : "");
}
END_TEST

START_TEST (test_expired_passport_of_the_foreign_party)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  /* A Libyan woman and Jan Becker, whose passport expired yesterday. */
  g_autofree char *id = make_marriage (db, TRUE, "DE", 0);
  g_autofree char *got = NULL;

  add_document (db, id, "passport", 1);
  got = checklist_of (db, id);
  ck_assert_msg (strstr (got, "passport:expired") != NULL, "%s", got);
}
END_TEST

static Suite *
checklist_suite (void)
{
  Suite *suite = suite_create ("checklist");
  TCase *tc = tcase_create ("/checklist");

  tcase_add_unchecked_fixture (tc, setup_people, lajna_test_shared_stop);
  tcase_add_test (tc, test_marriage_facts);
  tcase_add_test (tc, test_juvenile_needs_reports_and_court_order);
  tcase_add_test (tc, test_states_and_scheduling);
  tcase_add_test (tc, test_expired_passport_of_the_foreign_party);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (checklist_suite ());
}
