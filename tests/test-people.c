/* test-people.c: the administration of committees and people, through
 * the functions the Preferences window calls, and what every other role
 * tries in order to get around them: the same functions on a committee
 * not theirs, direct writes, NULL and forged arguments, taking on another
 * role, tables of their own named like the application's. Each person
 * signs in with their own password, as on a shared server, and their
 * administrator gives them a new one. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-committee-settings.h"
#include "lajna-db-private.h"
#include "lajna-people.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "lajna-users.h"

static const char * const logins[] = { "clerk_a", "member_a", "chair_a", "signatory_a",
                                       "admin_a", "admin_b", "clerk_ab", "clerk_b" };

/* Those who may not change committee A, nor its people. */
static const char * const outsiders[] = { "clerk_a", "member_a", "chair_a", "signatory_a",
                                          "admin_b" };

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'pa-a', 'لجنة أ', 'A', 'أ'), ('juvenile', 'pa-b', 'لجنة ب', 'B', 'ب');"
  "SELECT lajna_user_add(l, 'اسم ' || l, split_part(l, '_', 1),"
  "                      (SELECT id FROM committee WHERE code = 'pa-' || split_part(l, '_', 2)))"
  "  FROM unnest(ARRAY['clerk_a', 'member_a', 'chair_a', 'signatory_a', 'admin_a', 'admin_b',"
  "                    'clerk_b']) l;"
  /* A clerk of both committees. */
  "SELECT lajna_user_add('clerk_ab', 'كاتب اللجنتين', 'clerk', id) FROM committee"
  " WHERE code LIKE 'pa-_'";

static void
setup (void)
{
  lajna_test_shared_start_with (setup_sql);
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

/* The first value of @sql, run by the server's own account. */
static char *
server_value (const char *sql)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, MESSAGE (error));
  return g_strdup (PQgetvalue (result, 0, 0));
}

static int
committee_id (const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM committee WHERE code = '%s'", code);
  g_autofree char *id = server_value (sql);

  return atoi (id);
}

static LajnaCommitteeSettings *
settings_of (LajnaDb    *db,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lajna_committee_settings_fetch_all (db, &error);

  ck_assert_msg (all != NULL, "%s", MESSAGE (error));
  for (guint i = 0; i < all->len; i++)
    {
      LajnaCommitteeSettings *settings = g_ptr_array_index (all, i);

      if (strcmp (settings->code, code) == 0)
        return lajna_committee_settings_copy (settings);
    }
  return NULL;
}

/* What committee A and its people look like, their passwords too, to tell
 * that nothing moved. */
static char *
snapshot (void)
{
  return server_value (
      "SELECT concat_ws('|', (SELECT to_jsonb(c) FROM committee c WHERE code = 'pa-a'),"
      "  (SELECT string_agg(u.login || u.full_name || u.active, ',' ORDER BY u.id)"
      "     FROM app_user u),"
      "  (SELECT string_agg(r.user_id || r.role || coalesce(r.until::text, '') || r.active, ','"
      "                     ORDER BY r.user_id, r.role) FROM committee_role r),"
      "  (SELECT count(*) FROM committee),"
      "  (SELECT md5(string_agg(coalesce(a.rolpassword, ''), ',' ORDER BY a.rolname))"
      "     FROM pg_authid a JOIN app_user u ON u.login = a.rolname))");
}

START_TEST (test_admin_edits_committee)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("admin_a");
  g_autoptr(LajnaCommitteeSettings) settings = settings_of (db, "pa-a");
  g_autoptr(LajnaCommitteeSettings) saved = NULL;
  g_autoptr(LajnaCommitteeSettings) other = settings_of (db, "pa-b");
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;

  ck_assert (settings != NULL);
  ck_assert_msg (other == NULL, "committee B is not admin_a's to change");
  ck_assert_int_eq (settings->quorum, 0);
  g_free (settings->city);
  settings->city = g_strdup ("مصراتة");
  g_free (settings->letterhead);
  settings->letterhead = g_strdup ("دولة ليبيا\nلجنة أ");
  settings->quorum = 4;
  settings->hijri_dates = TRUE;
  ck_assert_msg (lajna_committee_settings_save (db, settings, &error), "%s", MESSAGE (error));

  saved = settings_of (db, "pa-a");
  ck_assert_str_eq (saved->city, "مصراتة");
  ck_assert_str_eq (saved->letterhead, "دولة ليبيا\nلجنة أ");
  ck_assert_int_eq (saved->quorum, 4);
  ck_assert (saved->hijri_dates);
  audit = server_value ("SELECT (detail -> 'quorum') || (detail -> 'city') FROM audit_event"
                        " WHERE action = 'committee.edit' AND actor = 'admin_a'");
  ck_assert_str_eq (audit, "[null, 4, \"\", \"مصراتة\"]");
}
END_TEST

/* Every other role, and the administrator of committee B, try to change
 * committee A and its people in every way they can reach. */
START_TEST (test_others_refused)
{
  const char *login = outsiders[_i];
  int a = committee_id ("pa-a");
  g_autofree char *before = snapshot ();
  g_autofree char *after = NULL;
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (login);
  g_autoptr(LajnaCommitteeSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *forged = g_strdup_printf (
      "SELECT lajna_committee_edit(%d, 'x', 'x', '', '', '', 9, true)", a);
  /* Acting as the administrators' group, or as A's administrator, is
   * refused, or changes nobody's rights. */
  g_autofree char *as_group = g_strconcat ("SET ROLE lajna_admin; ", forged, NULL);
  g_autofree char *as_admin = g_strconcat ("SET ROLE admin_a; ", forged, NULL);
  g_autofree char *as_session = g_strconcat ("SET SESSION AUTHORIZATION admin_a; ", forged, NULL);
  const char * const attempts[] = {
    forged, as_group, as_admin, as_session,
    "SELECT lajna_committee_edit(NULL, 'x', 'x', '', '', '', 9, true)",
    "UPDATE committee SET quorum = 9 WHERE code = 'pa-a' RETURNING 1",
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
    " VALUES ('marriage', 'pa-x', 'x', 'x', 'س') RETURNING 1",
    "UPDATE app_user SET full_name = 'x' RETURNING 1",
    "INSERT INTO committee_role (committee_id, user_id, role)"
    " SELECT c.id, u.id, 'admin' FROM committee c, app_user u"
    "  WHERE c.code = 'pa-a' AND u.login = session_user RETURNING 1",
    "SELECT lajna_person_add('intruder', 'دخيل', 'admin', (SELECT id FROM committee"
    "                                                     WHERE code = 'pa-a'))",
    "SELECT lajna_person_add(session_user, NULL, 'admin', (SELECT id FROM committee"
    "                                                     WHERE code = 'pa-a'))",
    "SELECT lajna_person_add('intruder', 'دخيل', 'admin', NULL)",
    "SELECT lajna_person_end_role('admin_a', 'admin', (SELECT id FROM committee"
    "                                                  WHERE code = 'pa-a'))",
    "SELECT lajna_person_set_active('admin_a', false)",
    "SELECT lajna_person_set_active(NULL, false)",
    "SELECT lajna_person_set_active('clerk_ab', false)",
    "SELECT lajna_person_set_standing('clerk_a', (SELECT id FROM committee WHERE code = 'pa-a'),"
    "                                 false)",
    "SELECT lajna_person_set_standing('clerk_ab', (SELECT id FROM committee WHERE code = 'pa-a'),"
    "                                 false)",
    "SELECT lajna_person_set_standing('clerk_ab', NULL, false)",
    "UPDATE committee_role SET active = false RETURNING 1",
    "SELECT lajna_person_set_password('clerk_a', 'forged password')",
    "SELECT lajna_person_set_password('clerk_a', (SELECT rolpassword FROM pg_authid"
    "                                             WHERE rolname = session_user))",
    "ALTER ROLE admin_a PASSWORD 'forged password'",
    "SELECT lajna_user_set_full_name('admin_a', 'اسم مزور')",
    "SELECT lajna_user_set_full_name((SELECT id::text FROM app_user WHERE login = 'clerk_a'"
    "                                  AND session_user <> 'clerk_a'), 'اسم مزور')",
    "SELECT lajna_user_add('intruder', 'دخيل', 'admin', (SELECT id FROM committee"
    "                                                    WHERE code = 'pa-a'))",
  };

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(GError) refused = NULL;
      g_autoptr(PGresult) result = lajna_db_exec (db, attempts[i], &refused);

      ck_assert_msg (result == NULL || (PQntuples (result) == 0 && strstr (attempts[i],
                                                                           "RETURNING")),
                     "%s: allowed for %s", attempts[i], login);
    }

  /* The app's own call, on a committee not theirs. */
  settings = g_new0 (LajnaCommitteeSettings, 1);
  settings->id = a;
  settings->name_ar = g_strdup ("x");
  settings->name_en = g_strdup ("x");
  settings->branch = g_strdup ("");
  settings->city = g_strdup ("");
  settings->letterhead = g_strdup ("");
  ck_assert (!lajna_committee_settings_save (db, settings, &error));
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s",
                 error->message);
  g_clear_error (&error);
  ck_assert (!lajna_people_add (db, "intruder", "دخيل", "clerk", a, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_error (&error);
  ck_assert (!lajna_users_set_password (db, "clerk_a", "forged password", &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));

  after = snapshot ();
  ck_assert_str_eq (after, before);
}
END_TEST

/* Tables of one's own named like the application's make nobody an
 * administrator inside its functions. */
START_TEST (test_temp_tables_make_no_admin)
{
  g_autofree char *before = snapshot ();
  g_autofree char *after = NULL;
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *attack = g_strdup_printf (
      "CREATE TEMP TABLE app_user AS SELECT * FROM public.app_user;"
      "CREATE TEMP TABLE committee_role AS"
      "  SELECT k.id AS committee_id, u.id AS user_id, 'admin'::text AS role,"
      "         date '2000-01-01' AS since, NULL::date AS until"
      "    FROM public.committee k, public.app_user u WHERE u.login = session_user;"
      "CREATE TEMP TABLE committee AS SELECT * FROM public.committee;"
      "CREATE TEMP TABLE pg_roles AS SELECT rolname, true AS rolsuper FROM pg_catalog.pg_roles;"
      "SELECT lajna_committee_edit(%d, 'x', 'x', '', '', '', 9, true)",
      committee_id ("pa-a"));
  gboolean allowed;

  ck_assert (lajna_db_run (server, "DO $$ BEGIN EXECUTE format('GRANT TEMP ON DATABASE %I"
                                   " TO clerk_a', current_database()); END $$", NULL));
  db = lajna_test_shared_sign_in ("clerk_a");
  allowed = lajna_db_run (db, attack, &error);
  ck_assert (lajna_db_run (server, "DO $$ BEGIN EXECUTE format('REVOKE TEMP ON DATABASE %I"
                                   " FROM clerk_a', current_database()); END $$", NULL));
  ck_assert_msg (!allowed, "an administrator through temporary tables");
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s",
                 error->message);
  after = snapshot ();
  ck_assert_str_eq (after, before);
}
END_TEST

/* What a person typed wrong is told in words and writes nothing. */
START_TEST (test_bad_input_writes_nothing)
{
  g_autofree char *before = snapshot ();
  g_autofree char *after = NULL;
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("admin_a");
  g_autoptr(LajnaCommitteeSettings) settings = settings_of (db, "pa-a");
  g_autoptr(LajnaValidation) validation = lajna_validation_new ();
  g_autoptr(GError) error = NULL;
  int a = committee_id ("pa-a");
  int quorum = -1;
  const char *bidi_name = "أحمد\u202E";

  /* Caught while typing… */
  ck_assert (!lajna_committee_settings_parse_quorum ("0", &quorum));
  ck_assert (!lajna_committee_settings_parse_quorum ("three", &quorum));
  ck_assert (lajna_committee_settings_parse_quorum (" 5 ", &quorum) && quorum == 5);
  ck_assert (lajna_committee_settings_parse_quorum ("", &quorum) && quorum == 0);
  g_free (settings->name_ar);
  settings->name_ar = g_strdup ("");
  g_free (settings->city);
  settings->city = g_strdup (bidi_name);
  lajna_committee_settings_validate (settings, validation);
  ck_assert (lajna_validation_find (validation, "name_ar") != NULL);
  ck_assert (lajna_validation_find (validation, "city") != NULL);
  ck_assert (lajna_validation_find (validation, "name_en") == NULL);
  ck_assert (!lajna_people_check_login ("Ahmed") && !lajna_people_check_login ("lajna_admin"));
  ck_assert (lajna_people_check_login ("ahmed.salem"));

  /* …and refused by the database, with the sentence for its rule. */
  ck_assert (!lajna_committee_settings_save (db, settings, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  ck_assert_str_eq (error->message, "Give a name.");
  g_clear_error (&error);
  g_free (settings->name_ar);
  settings->name_ar = g_strdup ("لجنة أ");
  ck_assert (!lajna_committee_settings_save (db, settings, &error));
  ck_assert_msg (strstr (error->message, "invisible direction marks") != NULL, "%s",
                 error->message);
  g_clear_error (&error);
  {
    g_autofree char *zero = g_strdup_printf (
        "SELECT lajna_committee_edit(%d, 'لجنة أ', 'A', '', '', '', 0, false)", a);

    ck_assert (!lajna_db_run (db, zero, &error));
    ck_assert_msg (strstr (error->message, "at least 1") != NULL, "%s", error->message);
    g_clear_error (&error);
  }
  ck_assert (!lajna_people_add (db, "new_person", bidi_name, "clerk", a, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!lajna_people_add (db, "new_person", "", "clerk", a, &error));
  g_clear_error (&error);
  ck_assert (!lajna_people_add (db, "New Person", "اسم", "clerk", a, &error));
  g_clear_error (&error);
  ck_assert (!lajna_people_add (db, "new_person", "اسم", "owner", a, &error));
  g_clear_error (&error);
  ck_assert (!lajna_users_set_full_name (db, "clerk_a", " ", &error));
  g_clear_error (&error);
  ck_assert (!lajna_users_set_full_name (db, "clerk_a", bidi_name, &error));
  g_clear_error (&error);
  /* Roles of the server that are not people stay out. */
  ck_assert (!lajna_people_add (db, "lajna_admin", "اسم", "clerk", a, &error));
  g_clear_error (&error);
  {
    g_autofree char *owner = server_value ("SELECT current_user");

    ck_assert (!lajna_people_add (db, owner, "اسم", "clerk", a, &error));
    ck_assert_msg (strstr (error->message, "Choose another login") != NULL, "%s",
                   error->message);
    g_clear_error (&error);
  }
  /* A password is given long enough, and typed the same twice; the server
   * takes only its verifier. */
  ck_assert (!lajna_users_set_password (db, "clerk_a", "short", &error));
  g_clear_error (&error);
  {
    g_autoptr(LajnaValidation) typed = lajna_validation_new ();
    g_autoptr(LajnaValidation) nothing = lajna_validation_new ();

    lajna_people_check_password (typed, "a long password", "a long passwort");
    ck_assert (lajna_validation_find (typed, "password_again") != NULL);
    lajna_people_check_password (nothing, "", "");
    ck_assert (!lajna_validation_has_errors (nothing));
    g_clear_pointer (&typed, lajna_validation_free);
    typed = lajna_validation_new ();
    lajna_people_check_password (typed, "short", "short");
    ck_assert (lajna_validation_find (typed, "password") != NULL);
  }
  ck_assert (!lajna_db_run (db, "SELECT lajna_person_set_password('clerk_a',"
                                " 'a password in clear')", &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  g_clear_error (&error);
  /* Nobody locks themselves out. */
  ck_assert (!lajna_people_end_role (db, "admin_a", "admin", a, &error));
  g_clear_error (&error);
  ck_assert (!lajna_people_set_active (db, "admin_a", FALSE, &error));
  g_clear_error (&error);

  after = snapshot ();
  ck_assert_str_eq (after, before);
}
END_TEST

static const LajnaPeopleRow *
find_person (GPtrArray  *people,
             const char *login)
{
  for (guint i = 0; i < people->len; i++)
    {
      const LajnaPeopleRow *row = g_ptr_array_index (people, i);

      if (strcmp (row->login, login) == 0)
        return row;
    }
  return NULL;
}

START_TEST (test_admin_manages_people)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("admin_a");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *events = NULL;
  const LajnaPeopleRow *row;
  int a = committee_id ("pa-a");
  gboolean administers = FALSE;

  ck_assert (lajna_people_administers (db, &administers, &error) && administers);
  ck_assert_msg (lajna_people_add (db, "new_clerk", "كاتب جديد", "clerk", a, &error), "%s",
                 MESSAGE (error));
  ck_assert (lajna_people_add (db, "new_clerk", NULL, "member", a, &error));
  people = lajna_people_fetch_all (db, &error);
  ck_assert (people != NULL);
  ck_assert_msg (find_person (people, "admin_b") == NULL, "B's people are not A's to manage");
  row = find_person (people, "new_clerk");
  ck_assert (row != NULL);
  ck_assert_str_eq (row->full_name, "كاتب جديد");
  ck_assert (row->active);
  ck_assert (lajna_people_row_holds (row, a, "clerk") && lajna_people_row_holds (row, a, "member"));
  groups = server_value ("SELECT pg_has_role('new_clerk', 'lajna_clerk', 'MEMBER')");
  ck_assert_str_eq (groups, "t");

  ck_assert (lajna_people_end_role (db, "new_clerk", "member", a, &error));
  ck_assert (lajna_people_set_active (db, "new_clerk", FALSE, &error));
  ck_assert (lajna_users_set_full_name (db, "new_clerk", "كاتب جديد ثان", &error));
  g_clear_pointer (&people, g_ptr_array_unref);
  people = lajna_people_fetch_all (db, &error);
  row = find_person (people, "new_clerk");
  ck_assert (lajna_people_row_holds (row, a, "clerk"));
  ck_assert (!lajna_people_row_holds (row, a, "member"));
  ck_assert (!row->active);
  ck_assert_str_eq (row->full_name, "كاتب جديد ثان");
  /* An ended role is taken up again. */
  ck_assert (lajna_people_add (db, "new_clerk", NULL, "member", a, &error));
  g_clear_pointer (&people, g_ptr_array_unref);
  people = lajna_people_fetch_all (db, &error);
  ck_assert (lajna_people_row_holds (find_person (people, "new_clerk"), a, "member"));

  events = server_value ("SELECT string_agg(action, ' ' ORDER BY id) FROM audit_event"
                         " WHERE actor = 'admin_a' AND object = 'app_user'");
  ck_assert_str_eq (events, "user.add user.add user.end_role user.active user.rename user.add");
}
END_TEST

START_TEST (test_admin_adds_committee)
{
  g_autoptr(LajnaDb) admin_b = lajna_test_shared_sign_in ("admin_b");
  g_autoptr(LajnaDb) clerk = lajna_test_shared_sign_in ("clerk_a");
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCommitteeSettings) added = NULL;
  LajnaCommitteeSettings settings = {
    .kind = (char *) "marriage", .code = (char *) "pa-c", .name_ar = (char *) "لجنة ج",
    .name_en = (char *) "C", .city = (char *) "سبها",
  };

  ck_assert (lajna_committee_settings_add (clerk, &settings, "ج", &error) == 0);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_error (&error);
  ck_assert (lajna_committee_settings_add (admin_b, &settings, "ج/", &error) == 0);
  g_clear_error (&error);
  ck_assert_msg (lajna_committee_settings_add (admin_b, &settings, "ج", &error) > 0, "%s",
                 MESSAGE (error));
  added = settings_of (admin_b, "pa-c");
  ck_assert (added != NULL);
  ck_assert_str_eq (added->city, "سبها");
  ck_assert (lajna_committee_settings_add (admin_b, &settings, "ج", &error) == 0);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_CONFLICT));
}
END_TEST

/* The committees @login takes part in today, as they see them: ids
 * joined by commas. */
static char *
committees_of (const char *login)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (login);

  return lajna_test_value (db, "SELECT array_to_string(ARRAY(SELECT c FROM"
                               "  unnest(lajna_my_committees()) c ORDER BY c), ',')");
}

static void
assert_committees (const char *login,
                   const char *expected)
{
  g_autofree char *committees = committees_of (login);

  ck_assert_msg (g_str_equal (committees, expected), "%s takes part in {%s}, not {%s}", login,
                 committees, expected);
}

/* An administrator turns a person off and on in their own committee;
 * the person goes on taking part in the others. */
START_TEST (test_standing_per_committee)
{
  g_autoptr(LajnaDb) admin_a = lajna_test_shared_sign_in ("admin_a");
  g_autoptr(LajnaDb) admin_b = lajna_test_shared_sign_in ("admin_b");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *only_a = g_strdup_printf ("%d", committee_id ("pa-a"));
  g_autofree char *both = g_strdup_printf ("%s,%d", only_a, committee_id ("pa-b"));
  g_autofree char *events = NULL;
  int b = committee_id ("pa-b");

  assert_committees ("clerk_ab", both);
  ck_assert_msg (lajna_people_set_standing (admin_b, "clerk_ab", b, FALSE, &error), "%s",
                 MESSAGE (error));
  assert_committees ("clerk_ab", only_a);

  /* A's administrator turns them on neither in B nor as a whole. */
  ck_assert (!lajna_people_set_standing (admin_a, "clerk_ab", b, TRUE, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_error (&error);
  ck_assert (!lajna_people_set_active (admin_a, "clerk_ab", FALSE, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  ck_assert_msg (g_str_has_prefix (error->message, "Only an administrator of every committee"),
                 "%s", error->message);
  g_clear_error (&error);

  /* A role more on B waits with the others. */
  ck_assert_msg (lajna_people_add (admin_b, "clerk_ab", NULL, "member", b, &error), "%s",
                 MESSAGE (error));
  assert_committees ("clerk_ab", only_a);
  people = lajna_people_fetch_all (admin_b, &error);
  ck_assert (people != NULL);
  ck_assert (!lajna_people_row_takes_part (find_person (people, "clerk_ab"), b));
  ck_assert (lajna_people_row_holds (find_person (people, "clerk_ab"), b, "member"));

  ck_assert (lajna_people_set_standing (admin_b, "clerk_ab", b, TRUE, &error));
  assert_committees ("clerk_ab", both);
  events = server_value ("SELECT string_agg(detail ->> 'active', ' ' ORDER BY id) FROM audit_event"
                         " WHERE action = 'user.active' AND actor = 'admin_b'"
                         "   AND detail ? 'committee'");
  ck_assert_str_eq (events, "false true");
}
END_TEST

/* A person whose account another committee's administrator turned off
 * stays off when given a role here: only someone who administers every
 * committee where they hold a role, or the server's own account, turns
 * them on again. */
START_TEST (test_turned_off_stays_off)
{
  g_autoptr(LajnaDb) admin_a = lajna_test_shared_sign_in ("admin_a");
  g_autoptr(LajnaDb) admin_b = lajna_test_shared_sign_in ("admin_b");
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *active = NULL;
  g_autofree char *both = g_strdup_printf ("%d,%d", committee_id ("pa-a"),
                                           committee_id ("pa-b"));

  ck_assert_msg (lajna_people_set_active (admin_b, "clerk_b", FALSE, &error), "%s",
                 MESSAGE (error));
  ck_assert_msg (lajna_people_add (admin_a, "clerk_b", NULL, "clerk", committee_id ("pa-a"),
                                   &error), "%s", MESSAGE (error));
  active = server_value ("SELECT active FROM app_user WHERE login = 'clerk_b'");
  ck_assert_msg (g_str_equal (active, "f"), "a role given here turned clerk_b on again");
  assert_committees ("clerk_b", "");

  ck_assert (!lajna_people_set_active (admin_a, "clerk_b", TRUE, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_error (&error);
  ck_assert (!lajna_people_set_active (admin_b, "clerk_b", TRUE, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  g_clear_error (&error);
  assert_committees ("clerk_b", "");

  ck_assert_msg (lajna_people_set_active (server, "clerk_b", TRUE, &error), "%s",
                 MESSAGE (error));
  assert_committees ("clerk_b", both);
}
END_TEST

/* @login signs in with @password, or is refused. */
static gboolean
signs_in (const char *login,
          const char *password)
{
  g_autofree char *conninfo = lajna_test_shared_conninfo_as (login);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = lajna_db_connect (conninfo, password, &error);

  ck_assert_msg (db != NULL || g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD),
                 "%s", MESSAGE (error));
  return db != NULL;
}

/* Every statement the server runs written to its log, or not. */
static void
log_statements (gboolean all)
{
  g_autoptr(LajnaDb) server = lajna_test_shared_connect ();

  ck_assert (lajna_db_run (server, all ? "ALTER SYSTEM SET log_statement = 'all'"
                                       : "ALTER SYSTEM RESET log_statement", NULL));
  ck_assert (lajna_db_run (server, "SELECT pg_reload_conf()", NULL));
  /* A new session reads it once the server has. */
  for (int i = 0; i < 500; i++)
    {
      g_autofree char *now = server_value ("SELECT current_setting('log_statement')");

      if (g_str_equal (now, all ? "all" : "none"))
        return;
      g_usleep (10000);
    }
  ck_abort_msg ("the server did not read its new setting");
}

/* An administrator gives a new person of their committee a password, and
 * a new one when they forgot it, in the same transaction as the rest of
 * the editor's change; the person signs in with it. The password is in
 * no log and no audit event, even with every statement logged. Another
 * committee's person is not theirs to give a password. */
START_TEST (test_admin_gives_passwords)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in ("admin_a");
  g_autoptr(GError) error = NULL;
  g_autofree char *log_path = g_build_filename (lajna_test_shared_data_dir (), "server.log",
                                                NULL);
  g_autofree char *log = NULL;
  g_autofree char *set = NULL;
  g_autofree char *clear = NULL;
  const char *first = "first password of new_pw";
  const char *second = "second password of new_pw";

  log_statements (TRUE);
  ck_assert (lajna_db_run (db, "BEGIN", NULL));
  ck_assert_msg (lajna_people_add (db, "new_pw", "موظف جديد", "clerk", committee_id ("pa-a"),
                                   &error), "%s", MESSAGE (error));
  ck_assert_msg (lajna_users_set_password (db, "new_pw", first, &error), "%s", MESSAGE (error));
  ck_assert (lajna_db_run (db, "COMMIT", NULL));
  ck_assert (signs_in ("new_pw", first));
  ck_assert (!signs_in ("new_pw", "not the password"));

  ck_assert_msg (lajna_users_set_password (db, "new_pw", second, &error), "%s", MESSAGE (error));
  ck_assert (signs_in ("new_pw", second));
  ck_assert (!signs_in ("new_pw", first));
  log_statements (FALSE);

  ck_assert (!lajna_users_set_password (db, "clerk_ab", "a password for clerk_ab", &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
  ck_assert_msg (g_str_has_prefix (error->message, "Only an administrator of every committee"),
                 "%s", error->message);
  ck_assert (signs_in ("clerk_ab", "password of clerk_ab"));

  set = server_value ("SELECT count(*) FROM audit_event WHERE action = 'user.password'"
                      "   AND actor = 'admin_a'");
  ck_assert_str_eq (set, "2");
  clear = server_value ("SELECT count(*) FROM audit_event"
                        " WHERE detail::text ~ '(password of new_pw|SCRAM)'");
  ck_assert_str_eq (clear, "0");
  ck_assert (g_file_get_contents (log_path, &log, NULL, NULL));
  ck_assert_msg (strstr (log, "lajna_person_set_password") != NULL, "nothing logged");
  ck_assert_msg (strstr (log, "password of new_pw") == NULL, "a password in the server's log");
}
END_TEST

static Suite *
people_suite (void)
{
  Suite *suite = suite_create ("people");
  TCase *tc = tcase_create ("administration");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_admin_edits_committee);
  tcase_add_loop_test (tc, test_others_refused, 0, G_N_ELEMENTS (outsiders));
  tcase_add_test (tc, test_temp_tables_make_no_admin);
  tcase_add_test (tc, test_bad_input_writes_nothing);
  tcase_add_test (tc, test_admin_manages_people);
  tcase_add_test (tc, test_admin_adds_committee);
  tcase_add_test (tc, test_standing_per_committee);
  tcase_add_test (tc, test_turned_off_stays_off);
  tcase_add_test (tc, test_admin_gives_passwords);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (people_suite ());
}
