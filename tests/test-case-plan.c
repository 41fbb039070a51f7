/* test-case-plan.c: a juvenile file's case plan, through real logins:
 * its social worker and its committee's clerk set and review goals, each
 * review kept with its reviewer and day; a member, another social worker
 * and anyone on a marriage file may not; whoever reads the file reads the
 * plan; and every way around the functions is refused. */

#include <check.h>
#include <string.h>

#include "lajna-case-plan.h"
#include "lajna-db-private.h"
#include "lajna-db-rules.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

static const char * const logins[] = { "plsw", "plsw2", "plclerk", "plmember", "pladmin" };

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('juvenile', 'pl-j', 'لجنة ح', 'J', 'ح'), ('marriage', 'pl-m', 'لجنة م', 'M', 'م');"
  "SELECT lajna_user_add('plsw', 'هدى', 'social_worker', (SELECT id FROM committee WHERE code = 'pl-j'));"
  "SELECT lajna_user_add('plsw2', 'مريم', 'social_worker', (SELECT id FROM committee WHERE code = 'pl-j'));"
  "SELECT lajna_user_add('plclerk', 'كاتب', 'clerk', (SELECT id FROM committee WHERE code = 'pl-j'));"
  "SELECT lajna_user_add('plclerk', 'كاتب', 'clerk', (SELECT id FROM committee WHERE code = 'pl-m'));"
  "SELECT lajna_user_add('plmember', 'عضو', 'member', (SELECT id FROM committee WHERE code = 'pl-j'));"
  "SELECT lajna_user_add('pladmin', 'مدير', 'admin', (SELECT id FROM committee WHERE code = 'pl-j'));";

static gint64 file;
static gint64 marriage;

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  file = lajna_test_register_file (db, "juvenile", "pl-j");
  marriage = lajna_test_register_file (db, "marriage", "pl-m");
  sql = g_strdup_printf ("UPDATE juvenile_case SET"
                         " social_worker_id = (SELECT id FROM app_user WHERE login = 'plsw')"
                         " WHERE case_id = %" G_GINT64_FORMAT, file);
  ck_assert_msg (lajna_db_run (db, sql, &error), "%s", MESSAGE (error));
  lajna_test_shared_give_passwords (logins, G_N_ELEMENTS (logins));
}

static void
teardown (void)
{
  lajna_test_shared_stop ();
}

static void
assert_rule (const GError *error,
             const char   *rule)
{
  g_autofree char *hint = g_strconcat ("lajna:", rule, NULL);

  ck_assert_msg (error != NULL, "allowed, not refused by %s", rule);
  ck_assert_msg (g_str_has_prefix (error->message, lajna_db_rule_message (hint)),
                 "not refused by %s: %s", rule, error->message);
}

/* Set, reviewed and read by those who may; refused to the others. */
START_TEST (test_plan)
{
  g_autoptr(LajnaDb) sw = lajna_test_shared_sign_in ("plsw");
  g_autoptr(LajnaDb) clerk = lajna_test_shared_sign_in ("plclerk");
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *reviews = NULL;
  const LajnaPlanGoal *first;
  gint64 goal, other;

  goal = lajna_case_plan_add (sw, file, "education", "العودة إلى الدراسة في الفصل القادم",
                              "2027-02-01", &error);
  ck_assert_msg (goal > 0, "%s", MESSAGE (error));
  other = lajna_case_plan_add (clerk, file, "family", "زيارة الأسرة كل أسبوعين", NULL, &error);
  ck_assert_msg (other > 0, "%s", MESSAGE (error));
  ck_assert_msg (lajna_case_plan_review (sw, goal, "in_progress", "التحق بفصل محو الأمية",
                                         &error), "%s", MESSAGE (error));
  ck_assert_msg (lajna_case_plan_review (clerk, goal, "achieved", "", &error), "%s",
                 MESSAGE (error));

  goals = lajna_case_plan_fetch (sw, file, &error);
  ck_assert_msg (goals != NULL && goals->len == 2, "%s", MESSAGE (error));
  first = g_ptr_array_index (goals, 0);
  ck_assert_int_eq (first->id, goal);
  ck_assert_str_eq (first->target_on, "2027-02-01");
  ck_assert_str_eq (first->status, "achieved");
  ck_assert_str_eq (first->reviewer_name, "كاتب");
  ck_assert_str_eq (((LajnaPlanGoal *) g_ptr_array_index (goals, 1))->status, "open");
  reviews = lajna_test_value (owner, "SELECT count(*) FROM case_plan_review");
  ck_assert_str_eq (reviews, "2");

  /* Those who may not. */
  {
    static const char * const outsiders[] = { "plsw2", "plmember", "pladmin" };

    for (guint i = 0; i < G_N_ELEMENTS (outsiders); i++)
      {
        g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (outsiders[i]);
        g_autoptr(GError) refused = NULL;

        ck_assert_int_eq (lajna_case_plan_add (db, file, "health", "فحص طبي", NULL, &refused), 0);
        assert_rule (refused, "plan_writer");
        g_clear_error (&refused);
        ck_assert (!lajna_case_plan_review (db, goal, "dropped", "", &refused));
        assert_rule (refused, "plan_writer");
      }
  }
  ck_assert_int_eq (lajna_case_plan_add (clerk, marriage, "family", "هدف", NULL, &error), 0);
  assert_rule (error, "plan_writer");
  g_clear_error (&error);
  ck_assert_int_eq (lajna_case_plan_add (sw, file, "education", "  ", NULL, &error), 0);
  assert_rule (error, "name_required");
  g_clear_error (&error);

  audit = lajna_test_value (owner, "SELECT string_agg(action || ':' || actor, ',' ORDER BY id)"
                                   " FROM audit_event WHERE action LIKE 'plan.%'");
  ck_assert_str_eq (audit, "plan.add:plsw,plan.add:plclerk,plan.review:plsw,plan.review:plclerk");
}
END_TEST

/* Who reads the plan: those who read the file; the administrator, who
 * sees no juvenile's record, not either. */
static const struct
{
  const char *login;
  const char *goals;
} readers[] = {
  { "plsw", "t" }, { "plclerk", "t" }, { "plmember", "t" }, { "plsw2", "f" }, { "pladmin", "f" },
};

START_TEST (test_readers)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (readers[_i].login);
  g_autofree char *seen = lajna_test_value (db, "SELECT count(*) > 0 FROM case_plan_goal");
  g_autofree char *reviews = lajna_test_value (db, "SELECT count(*) > 0 FROM case_plan_review");

  ck_assert_msg (strcmp (seen, readers[_i].goals) == 0 && strcmp (reviews, readers[_i].goals) == 0,
                 "%s reads goals %s, reviews %s", readers[_i].login, seen, reviews);
}
END_TEST

/* Around the functions. */
static const struct
{
  const char *login;
  const char *sql;
} attacks[] = {
  { "plsw", "INSERT INTO case_plan_goal (case_id, domain, goal, created_by)"
            " SELECT case_id, 'other', 'x', 1 FROM case_plan_goal LIMIT 1 RETURNING id" },
  { "plclerk", "UPDATE case_plan_goal SET status = 'dropped' RETURNING id" },
  { "plclerk", "DELETE FROM case_plan_review RETURNING id" },
  { "plsw", "SELECT lajna_plan_goal_add(NULL, NULL, NULL, NULL)" },
  { "plsw", "SELECT lajna_plan_goal_review(NULL, NULL, NULL)" },
  { "plsw", "SELECT lajna_plan_goal_add((SELECT max(case_id) FROM case_plan_goal), 'sport',"
            " 'x', NULL)" },
  { "plsw", "SELECT lajna_plan_goal_add((SELECT max(case_id) FROM case_plan_goal), 'health',"
            " 'a' || chr(8238), NULL)" },
  { "plsw", "SELECT lajna_plan_goal_review((SELECT max(id) FROM case_plan_goal), 'done', '')" },
  { "plsw", "SELECT lajna_plan_check((SELECT max(case_id) FROM case_plan_goal))" },
};

START_TEST (test_attacks)
{
  g_autoptr(LajnaDb) owner = lajna_test_shared_connect ();
  g_autofree char *before = lajna_test_value (owner, "SELECT count(*) || '/' ||"
                                                     " (SELECT count(*) FROM case_plan_review)"
                                                     " FROM case_plan_goal");
  g_autoptr(LajnaDb) db = lajna_test_shared_sign_in (attacks[_i].login);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  ck_assert_msg (!lajna_db_run (db, attacks[_i].sql, &error), "%s: allowed for %s",
                 attacks[_i].sql, attacks[_i].login);
  after = lajna_test_value (owner, "SELECT count(*) || '/' ||"
                                   " (SELECT count(*) FROM case_plan_review) FROM case_plan_goal");
  ck_assert_str_eq (after, before);
}
END_TEST

static Suite *
plan_suite (void)
{
  Suite *suite = suite_create ("case-plan");
  TCase *tc = tcase_create ("/case-plan");

  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_plan);
  tcase_add_loop_test (tc, test_readers, 0, G_N_ELEMENTS (readers));
  tcase_add_loop_test (tc, test_attacks, 0, G_N_ELEMENTS (attacks));
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (plan_suite ());
}
