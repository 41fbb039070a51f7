/* test-keyring.c: a person's password for a shared server kept in the
 * desktop keyring (a real gnome-keyring on a private session bus, see
 * with-keyring): kept per server and login, found again by the app's
 * database and by lajnactl, checked before it is kept, and forgotten on
 * request. */

#include <check.h>

#include "lajna-keyring.h"
#include "lajna-test-util.h"
#include "lajna-users.h"

#define PASSWORD "password of clerk_k"

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'kr-a', 'لجنة ك', 'K', 'ك');"
  "SELECT lajna_user_add('clerk_k', 'كاتب ك', 'clerk', (SELECT id FROM committee WHERE code = 'kr-a'))";

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  ck_assert_msg (lajna_users_set_password (db, "clerk_k", PASSWORD, &error), "%s",
                 error != NULL ? error->message : "");
  lajna_test_shared_require_passwords ();
}

static char *
looked_up (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  char *password = lajna_keyring_lookup (conninfo, NULL, &error);

  ck_assert_msg (error == NULL, "%s", error != NULL ? error->message : "");
  return password;
}

START_TEST (test_kept_per_server_and_login)
{
  const char *mine = "host=server.example dbname=lajna user=clerk_k";
  const char *other_login = "host=server.example dbname=lajna user=member_k";
  const char *other_server = "host=standby.example dbname=lajna user=clerk_k";
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;

  ck_assert_ptr_null (looked_up (mine));
  ck_assert (lajna_keyring_store (mine, "first secret", NULL, &error));
  ck_assert (lajna_keyring_store (mine, "second secret", NULL, &error));
  found = looked_up (mine);
  ck_assert_str_eq (found, "second secret");
  ck_assert_ptr_null ((other = looked_up (other_login)));
  ck_assert_ptr_null ((other = looked_up (other_server)));
  /* The same server written another way is the same entry. */
  g_clear_pointer (&found, g_free);
  found = looked_up ("postgresql://clerk_k@server.example:5432/lajna");
  ck_assert_str_eq (found, "second secret");

  ck_assert (lajna_keyring_forget (mine, NULL, &error));
  ck_assert_ptr_null ((other = looked_up (mine)));
  ck_assert (lajna_keyring_forget (mine, NULL, &error));
  ck_assert (!lajna_keyring_store ("host='unterminated", "x", NULL, &error));
}
END_TEST

static int
lajnactl (const char *conninfo,
          const char *input,
          const char *command,
          char      **err)
{
  /* The command reads @input on its standard input, as from a pipe. */
  return lajna_test_run_program ("/bin/sh",
                                 ARGS ("-c", "printf '%s\\n' \"$1\" | \"$0\" --database \"$2\" $3",
                                       LAJNACTL_PATH, input, conninfo, command),
                                 NULL, err);
}

/* lajnactl login keeps a password only once the server accepted it; the
 * app's database and lajnactl then sign in from the keyring, until
 * lajnactl logout. */
START_TEST (test_login_then_sign_in_from_keyring)
{
  g_autofree char *conninfo = lajna_test_shared_conninfo_as ("clerk_k");
  g_autoptr(LajnaDatabase) database = lajna_database_new (conninfo);
  g_autoptr(LajnaDatabase) again = NULL;
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;

  db = lajna_database_connect (database, &error);
  ck_assert (db == NULL);
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD));
  ck_assert_int_eq (lajnactl (conninfo, "", "case list", &err), 1);
  ck_assert_msg (strstr (err, "lajnactl login") != NULL, "%s", err);

  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajnactl (conninfo, "not my password", "login", &err), 1);
  ck_assert_ptr_null ((kept = looked_up (conninfo)));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajnactl (conninfo, PASSWORD, "login", &err), 0);
  kept = looked_up (conninfo);
  ck_assert_str_eq (kept, PASSWORD);

  again = lajna_database_new (conninfo);
  g_clear_error (&error);
  db = lajna_database_connect (again, &error);
  ck_assert_msg (db != NULL, "%s", error != NULL ? error->message : "");
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajnactl (conninfo, "", "case list", &err), 0);

  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajnactl (conninfo, "", "logout", &err), 0);
  g_clear_pointer (&kept, g_free);
  ck_assert_ptr_null ((kept = looked_up (conninfo)));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajnactl (conninfo, "", "case list", &err), 1);

  /* The embedded database takes no password. */
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("login"), NULL, &err), 2);
}
END_TEST

static Suite *
keyring_suite (void)
{
  Suite *suite = suite_create ("keyring");
  TCase *tc = tcase_create ("/keyring");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_kept_per_server_and_login);
  tcase_add_test (tc, test_login_then_sign_in_from_keyring);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (keyring_suite ());
}
