/* test-account.c: the computer account's password, checked through PAM
 * as the idle lock of the embedded database does: with the tests' own PAM
 * rules (LAJNA_PAM_CONFDIR), whose pam_exec script knows one password,
 * the right password passes and any other, the empty one included, is
 * refused after PAM's own delay. */

#include <check.h>
#include <glib/gstdio.h>

#include "lajna-account.h"
#include "lajna-test-util.h"

#define PASSWORD "a long password of the account"

static char *dir;

static void
setup (void)
{
  g_autofree char *script = NULL, *rules = NULL, *service = NULL, *check = NULL;

  dir = lajna_test_make_data_dir ();
  script = g_build_filename (dir, "check-password", NULL);
  check = g_strdup_printf ("#!/bin/sh\nIFS= read -r password\n[ \"$password\" = '%s' ]\n", PASSWORD);
  ck_assert (g_file_set_contents (script, check, -1, NULL));
  ck_assert (g_chmod (script, 0755) == 0);
  rules = g_strdup_printf ("auth [success=done default=ignore] pam_exec.so expose_authtok quiet %s\n"
                           "auth requisite pam_deny.so\n"
                           "account required pam_permit.so\n", script);
  service = g_build_filename (dir, "lajna", NULL);
  ck_assert (g_file_set_contents (service, rules, -1, NULL));
  g_setenv ("LAJNA_PAM_CONFDIR", dir, TRUE);
}

static void
teardown (void)
{
  g_unsetenv ("LAJNA_PAM_CONFDIR");
  lajna_test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

START_TEST (test_password_checked)
{
  static const char * const wrong[] = { "", "a long password of the accoun", "A LONG PASSWORD",
                                        PASSWORD " ", "\xd8\xa7\xd9\x84" };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = lajna_account_describe ();

  ck_assert (name != NULL && *name != '\0');
  ck_assert_msg (lajna_account_check_password (PASSWORD, &error), "%s",
                 error != NULL ? error->message : "");
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      ck_assert_msg (!lajna_account_check_password (wrong[i], &error), "“%s” passed", wrong[i]);
      ck_assert_msg (g_error_matches (error, LAJNA_ACCOUNT_ERROR, LAJNA_ACCOUNT_ERROR_REFUSED),
                     "%s", error->message);
      g_clear_error (&error);
    }
}
END_TEST

static Suite *
account_suite (void)
{
  Suite *suite = suite_create ("account");
  TCase *tc = tcase_create ("/account");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_password_checked);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (account_suite ());
}
