/* test-access-escalation.c: what an ordinary login tries in order to get
 * around the rules, through psql with its own password: objects of its own
 * that shadow the application's tables inside the database's functions,
 * acting as a group, events about other committees' files, large
 * objects. None of it may work. */

#include <stdlib.h>
#include <string.h>

#include "lajna-case-steps.h"
#include "lajna-db-private.h"
#include "lajna-document-file.h"
#include "lajna-document-store.h"
#include "lajna-document-sandbox.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "test-access.h"

/* The first row's first value of @sql, run by the server's own account. */
char *
admin_value (const char *sql)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (admin, sql, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, MESSAGE (error));
  ck_assert_msg (PQntuples (result) == 1, "%s: %d rows", sql, PQntuples (result));
  return g_strdup (PQgetvalue (result, 0, 0));
}

void
admin_run (const char *sql)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_db_run (admin, sql, &error), "%s: %s", sql, MESSAGE (error));
}

/* The first value @login's @sql gives, or NULL when it is refused. */
static char *
value_as (const char *login,
          const char *sql)
{
  g_autoptr(LajnaDb) db = connect_as (login);
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, NULL);

  return result != NULL && PQntuples (result) > 0 ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
}

/* Every function that runs with its owner's rights names the schemas it
 * searches, the caller's temporary schema last. Every other function
 * that runs statements of its own (a trigger, a step, a write), and every
 * function that a policy, a default, a check or a function with its
 * owner's rights calls, does the same or was bound to its tables when it
 * was made (a body in standard SQL), so that no caller's table stands in
 * for one of the application's inside it. */
START_TEST (test_functions_search_pg_temp_last)
{
  g_autofree char *definers = admin_value (
      "SELECT coalesce(string_agg(p.oid::regprocedure::text, ', '), '')"
      "  FROM pg_proc p"
      " WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef"
      "   AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)");
  g_autofree char *others = admin_value (
      "WITH open AS ("
      "  SELECT p.* FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang"
      "   WHERE p.pronamespace = 'public'::regnamespace AND l.lanname IN ('sql', 'plpgsql')"
      "     AND p.prosqlbody IS NULL"
      "     AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c"
      "                      WHERE c ~ '^search_path=.*pg_temp$')),"
      " called AS ("
      "  SELECT (regexp_matches(t, 'lajna_[a-z_]+', 'g'))[1] AS name FROM ("
      "    SELECT pg_get_expr(polqual, polrelid) FROM pg_policy"
      "    UNION ALL SELECT pg_get_expr(polwithcheck, polrelid) FROM pg_policy"
      "    UNION ALL SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"
      "    UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c'"
      "    UNION ALL SELECT prosrc FROM pg_proc"
      "     WHERE prosecdef AND pronamespace = 'public'::regnamespace) e (t)"
      "   WHERE t IS NOT NULL)"
      "SELECT coalesce(string_agg(DISTINCT o.oid::regprocedure::text, ', '), '')"
      "  FROM open o"
      " WHERE o.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')"
      "    OR o.provolatile = 'v' OR o.proname IN (SELECT name FROM called)");

  ck_assert_msg (*definers == '\0', "owner's rights, searching the caller's tables: %s",
                 definers);
  ck_assert_msg (*others == '\0', "searching the caller's tables: %s", others);
}
END_TEST

/* Nobody but the server's own account makes temporary tables or large
 * objects, or creates anything in the schema. */
START_TEST (test_no_temporary_tables_or_large_objects)
{
  static const char * const refused[] = {
    "CREATE TEMP TABLE t (a integer)",
    "CREATE TABLE public.t (a integer)",
    "SELECT lo_create(0)",
    "SELECT lo_creat(-1)",
    "SELECT lo_from_bytea(0, '\\x00')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    for (guint j = 0; j < 2; j++)
      {
        const char *login = j == 0 ? "member_b" : "clerk_a";
        g_autoptr(LajnaDb) db = connect_as (login);
        g_autoptr(GError) error = NULL;

        ck_assert_msg (!lajna_db_run (db, refused[i], &error), "%s: allowed for %s", refused[i],
                       login);
        ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED), "%s: %s",
                       refused[i], error->message);
      }
}
END_TEST

/* With the right to make temporary tables given back, the tables they
 * name stand in for none of the application's, inside any function. */
static void
grant_temp (void)
{
  admin_run ("DO $$ BEGIN EXECUTE format('GRANT TEMP ON DATABASE %I TO member_b, admin_j',"
             " current_database()); END $$");
}

static void
revoke_temp (void)
{
  admin_run ("DO $$ BEGIN EXECUTE format('REVOKE TEMP ON DATABASE %I FROM member_b, admin_j',"
             " current_database()); END $$");
}

/* A member's own audit_object and access_grant once made the audit
 * function turn them into a superuser. */
START_TEST (test_no_superuser_through_temp_tables)
{
  g_autofree char *file_b = admin_value (
      "SELECT min(c.id) FROM case_file c JOIN committee k ON k.id = c.committee_id"
      " WHERE k.code = 'ac-b'");
  g_autofree char *attack = g_strdup_printf (
      "CREATE TEMP TABLE audit_object (object text, committee_of text);"
      "INSERT INTO audit_object VALUES ('case_file', 'SELECT c.committee_id"
      "  FROM case_file c, (SELECT lajna_grant_access()) g WHERE c.id = $1');"
      "CREATE TEMP TABLE access_grant (id integer, statement text);"
      "INSERT INTO access_grant VALUES (1, 'ALTER ROLE member_b SUPERUSER');"
      "SELECT lajna_audit('case.open', 'case_file', %s)", file_b);
  g_autofree char *super = NULL;

  grant_temp ();
  g_free (value_as ("member_b", attack));
  super = admin_value ("SELECT rolsuper FROM pg_roles WHERE rolname = 'member_b'");
  admin_run ("ALTER ROLE member_b NOSUPERUSER");
  revoke_temp ();
  ck_assert_str_eq (super, "f");
}
END_TEST

/* A table of roles of one's own opens no other committee, and gives the
 * administrator no child's name. */
START_TEST (test_no_committees_through_temp_tables)
{
  static const char roles[] =
    "CREATE TEMP TABLE app_user AS SELECT * FROM public.app_user;"
    "CREATE TEMP TABLE committee_role AS"
    "  SELECT k.id AS committee_id, u.id AS user_id, r.role, date '2000-01-01' AS since,"
    "         NULL::date AS until"
    "    FROM committee k, app_user u,"
    "         unnest(ARRAY['clerk', 'member', 'chair', 'admin']) r (role)"
    "   WHERE u.login = session_user;";
  g_autofree char *files = NULL, *juveniles = NULL, *people = NULL, *history = NULL;

  grant_temp ();
  {
    g_autofree char *count_files = g_strconcat (roles, "SELECT count(*) FROM case_file", NULL);
    g_autofree char *count_juveniles = g_strconcat (roles, "SELECT count(*) FROM juvenile_case",
                                                    NULL);
    g_autofree char *count_people = g_strconcat (roles, "SELECT count(*) FROM person", NULL);
    g_autofree char *count_history = g_strconcat (
        roles, "SELECT count(*) FROM lajna_case_access_history((SELECT min(id) FROM case_file))",
        NULL);

    files = value_as ("member_b", count_files);
    juveniles = value_as ("admin_j", count_juveniles);
    people = value_as ("admin_j", count_people);
    history = value_as ("member_b", count_history);
  }
  revoke_temp ();
  ck_assert_str_eq (files, "2");
  ck_assert_str_eq (juveniles, "0");
  ck_assert_str_eq (people, "0");
  ck_assert_str_eq (history, "0");
}
END_TEST

/* A list of who attends of one's own does not make a member the
 * meeting's secretary, who enters votes for the others. */
START_TEST (test_no_votes_for_others_through_temp_tables)
{
  g_autofree char *meeting = admin_value (
      "SELECT lajna_meeting_create(id, date '2025-06-01') FROM committee WHERE code = 'ac-b'");
  g_autofree char *setup = g_strdup_printf (
      "SELECT lajna_attendance_set(%s, id, 'present') FROM app_user"
      " WHERE login IN ('member_b', 'member_b2');"
      "INSERT INTO agenda_item (meeting_id, position, case_id)"
      "  SELECT %s, 1, min(c.id) FROM case_file c JOIN committee k ON k.id = c.committee_id"
      "   WHERE k.code = 'ac-b';"
      "SELECT set_config('lajna.today', '2025-06-01', false);"
      "UPDATE meeting SET state = 'convened' WHERE id = %s", meeting, meeting, meeting);
  g_autofree char *attack = g_strdup_printf (
      "CREATE TEMP TABLE attendance_now AS SELECT * FROM public.attendance_now"
      " WHERE meeting_id = %s;"
      "UPDATE attendance_now SET role = 'secretary'"
      " WHERE user_id = (SELECT id FROM app_user WHERE login = 'member_b');"
      "INSERT INTO vote (agenda_item_id, user_id, choice)"
      "  SELECT i.id, u.id, 'approve' FROM agenda_item i, app_user u"
      "   WHERE i.meeting_id = %s AND u.login = 'member_b2' RETURNING id", meeting, meeting);
  g_autofree char *votes_sql = g_strdup_printf (
      "SELECT count(*) FROM vote v JOIN agenda_item i ON i.id = v.agenda_item_id"
      " WHERE i.meeting_id = %s", meeting);
  g_autofree char *cast = NULL, *votes = NULL;

  admin_run (setup);
  grant_temp ();
  cast = value_as ("member_b", attack);
  revoke_temp ();
  votes = admin_value (votes_sql);
  ck_assert_msg (cast == NULL, "member_b entered vote %s for member_b2", cast);
  ck_assert_str_eq (votes, "0");
}
END_TEST

/* Acting as a group (SET ROLE) leaves the person named in what they do. */
START_TEST (test_actor_is_the_person)
{
  g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = admin_value ("SELECT max(id) FROM audit_event");
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg(DISTINCT actor, ',')"
                                          "  FROM audit_event WHERE id > %s", before);
  g_autofree char *actor = NULL;

  ck_assert_msg (lajna_db_run (clerk, "SET ROLE lajna_clerk;"
                                      "SELECT lajna_audit('test.as_group', 'test', NULL);"
                                      "UPDATE case_file SET notes = 'as a group' WHERE id = 1",
                               &error), "%s", MESSAGE (error));
  actor = admin_value (sql);
  ck_assert_str_eq (actor, "clerk_a");
}
END_TEST

/* An event names a row of one's own committees, or none: not another
 * committee's file through its detail, nor a file that is not there,
 * and its detail is of a bounded size. */
START_TEST (test_events_about_own_rows_only)
{
  g_autofree char *files_b = admin_value (
      "SELECT jsonb_agg(c.id) FROM case_file c JOIN committee k ON k.id = c.committee_id"
      " WHERE k.code = 'ac-b'");
  g_autofree char *file_b = admin_value (
      "SELECT min(c.id) FROM case_file c JOIN committee k ON k.id = c.committee_id"
      " WHERE k.code = 'ac-b'");
  g_autofree char *in_detail = g_strdup_printf (
      "SELECT lajna_audit('case.create', 'case_file', NULL, '{\"files\": %s}')", files_b);
  g_autofree char *history_sql = g_strdup_printf (
      "SELECT count(*) FROM lajna_case_access_history(%s) WHERE actor = 'clerk_a'", file_b);
  const struct
  {
    const char *sql;
    int         code;
  } refused[] = {
    { in_detail, LAJNA_DB_ERROR_DENIED },
    { "SELECT lajna_audit('case.open', 'case_file', NULL)", LAJNA_DB_ERROR_DENIED },
    { "SELECT lajna_audit('case.open', 'case_file', 999999)", LAJNA_DB_ERROR_DENIED },
    { "SELECT lajna_audit('case.open', 'case_file', 1,"
      " jsonb_build_object('pad', repeat('x', 70000)))", LAJNA_DB_ERROR_INVALID },
    { "SELECT lajna_audit(repeat('x', 200), 'test', NULL)", LAJNA_DB_ERROR_INVALID },
  };
  g_autofree char *history = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!lajna_db_run (clerk, refused[i].sql, &error), "%s: allowed",
                     refused[i].sql);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, refused[i].code), "%s: %s",
                     refused[i].sql, error->message);
    }
  history = admin_value (history_sql);
  ck_assert_str_eq (history, "0");
}
END_TEST

/* The functions that read past row-level security, called directly with
 * another committee's ids or with nothing, tell nothing. */
START_TEST (test_definers_called_directly)
{
  static const struct
  {
    const char *sql;
    const char *value;  /* NULL: refused */
  } calls[] = {
    { "SELECT lajna_audit_committee('case_file', 1)", NULL },
    { "SELECT lajna_audit_allowed('case_file', 1)", NULL },
    { "SELECT lajna_audit_event('x', 'case_file', 1, '{}')", NULL },
    { "SELECT cardinality(lajna_my_committees(NULL))", "1" },
    { "SELECT coalesce(lajna_item_meeting(NULL), 0)", "0" },
    { "SELECT coalesce(lajna_meeting_state(NULL), '')", "" },
    { "SELECT count(*) FROM lajna_case_access_history(NULL)", "0" },
    { "SELECT count(*) FROM lajna_case_access_history(1)", "0" },
    { "SELECT count(*) FROM lajna_document_readers(1)", "0" },
    { "SELECT count(*) FROM lajna_case_earlier_decisions(1)", "0" },
    { "SELECT count(*) FROM lajna_case_earlier_decisions(NULL)", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *value = value_as ("member_b", calls[i].sql);

      if (calls[i].value == NULL)
        ck_assert_msg (value == NULL, "%s: allowed, gives %s", calls[i].sql, value);
      else
        ck_assert_msg (g_strcmp0 (value, calls[i].value) == 0, "%s: %s, not %s", calls[i].sql,
                       value, calls[i].value);
    }
}
END_TEST

/* One attempt: @login runs @sql, which gives @value, or is refused
 * (@value NULL) with @code. ID in @sql stands for @id. */
typedef struct
{
  const char *login;
  const char *sql;
  const char *id;
  const char *value;
  int         code;
} Attempt;

static void
attempt (const Attempt *a)
{
  g_auto(GStrv) parts = g_strsplit (a->sql, "ID", -1);
  g_autofree char *sql = g_strjoinv (a->id, parts);
  g_autoptr(LajnaDb) db = connect_as (a->login);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);

  if (a->value == NULL)
    {
      ck_assert_msg (result == NULL, "%s: allowed for %s", sql, a->login);
      ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, a->code), "%s as %s: %s", sql,
                     a->login, error->message);
      return;
    }
  ck_assert_msg (result != NULL, "%s as %s: %s", sql, a->login, MESSAGE (error));
  ck_assert_msg (g_strcmp0 (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : NULL,
                            a->value) == 0,
                 "%s as %s: %s, not %s", sql, a->login,
                 PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "no row", a->value);
}

/* A decision on the first file of @code's committee (its ruling issued
 * and sealed as the server's account when @issue), and its id. */
static char *
decided (const char *code,
         const char *outcome,
         guint       nth,
         gboolean    issue)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO decision (case_id, outcome, reason_codes, next_review_on, decided_on)"
      "  SELECT c.id, '%s', ARRAY[(SELECT code FROM decision_reason WHERE outcome = '%s')],"
      "         CASE c.kind WHEN 'juvenile' THEN current_date + 90 END, current_date"
      "    FROM case_file c JOIN committee k ON k.id = c.committee_id"
      "   WHERE k.code = '%s' ORDER BY c.id OFFSET %u LIMIT 1 RETURNING id",
      outcome, outcome, code, nth);
  char *decision = admin_value (sql);

  if (issue)
    {
      g_autofree char *seal = g_strdup_printf (
          "SELECT lajna_ruling_seal_pdf(r, convert_to('%%PDF-1.7 ' || lajna_ruling_seal(r,"
          "         '{\"letterhead\": \"\", \"title\": \"\", \"preamble\": \"\","
          "           \"articles\": [], \"signatories\": [], \"layout\": 2}'), 'UTF8'))"
          "       IS NOT NULL FROM (SELECT lajna_ruling_issue(%s) r) i", decision);
      g_autofree char *sealed = admin_value (seal);

      ck_assert_str_eq (sealed, "t");
    }
  return decision;
}

/* A ruling is written only through its functions, by the roles that may:
 * nobody rewrites a ruling on record or its signed PDF, issues one
 * unsealed, stores a signed PDF that is not the ruling signed, or reads a
 * seal's private half; members and administrators read a ruling's number,
 * not its text. */
START_TEST (test_rulings_kept)
{
  g_autofree char *decision_a = decided ("ac-a", "approve", 0, TRUE);
  g_autofree char *decision_a2 = decided ("ac-a", "approve", 1, FALSE);
  g_autofree char *decision_j = decided ("ac-j", "continue", 0, TRUE);
  g_autofree char *ruling_a = NULL, *ruling_j = NULL, *counter = NULL, *after = NULL;
  g_autofree char *committee_a = admin_value ("SELECT id FROM committee WHERE code = 'ac-a'");
  g_autofree char *committee_j = admin_value ("SELECT id FROM committee WHERE code = 'ac-j'");

  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM ruling WHERE decision_id = %s",
                                            decision_a);
    ruling_a = admin_value (sql);
    g_free (sql);
    sql = g_strdup_printf ("SELECT id FROM ruling WHERE decision_id = %s", decision_j);
    ruling_j = admin_value (sql);
  }
  counter = admin_value ("SELECT string_agg(last_number::text, ',' ORDER BY committee_id)"
                         "  FROM ruling_counter");
  {
    const Attempt attempts[] = {
      { "clerk_a", "UPDATE ruling SET pdf = '%PDF', sha256 = sha256('%PDF') WHERE id = ID",
        ruling_a, NULL, LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "UPDATE ruling SET content = '{}' WHERE id = ID", ruling_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "INSERT INTO ruling (decision_id, committee_id, year, number, issued_on)"
                   " SELECT id, 1, 2026, 99, current_date FROM decision WHERE id = ID",
        decision_a2, NULL, LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "UPDATE ruling_counter SET last_number = 0 WHERE committee_id = ID",
        committee_a, NULL, LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "SELECT lajna_ruling_store_signed(ID, '%PDF-1.7', 'me')", ruling_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      /* Issued without its seal: refused when the transaction commits. */
      { "clerk_a", "SELECT lajna_ruling_issue(ID)", decision_a2, NULL, LAJNA_DB_ERROR_INVALID },
      /* Sealed already: the seal on record stands. */
      { "clerk_a", "SELECT coalesce(lajna_ruling_seal(ID, '{}'), '')", ruling_a, "", 0 },
      /* Its PDF as issued is kept once, and only by those who seal. */
      { "clerk_a", "SELECT lajna_ruling_seal_pdf(ID, '%PDF-1.7 forged')", ruling_a, NULL,
        LAJNA_DB_ERROR_INVALID },
      { "clerk_a", "UPDATE ruling SET issued_pdf = '%PDF-1.7' WHERE id = ID", ruling_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "member_b", "SELECT lajna_ruling_seal_pdf(ID, NULL)", ruling_a, NULL,
        LAJNA_DB_ERROR_NOT_FOUND },
      { "member_b", "SELECT issued_pdf FROM ruling WHERE id = ID", ruling_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "SELECT private_key FROM seal_key WHERE committee_id = ID", committee_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "SELECT lajna_ed25519_sign('\\x00'::bytea, '\\x00'::bytea, 'ID')", "x",
        NULL, LAJNA_DB_ERROR_DENIED },
      { "clerk_a", "SELECT lajna_seal_key_rotate(ID)", committee_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "member_b", "SELECT lajna_ruling_issue(ID)", decision_a2, NULL,
        LAJNA_DB_ERROR_NOT_FOUND },
      { "member_b", "SELECT content FROM ruling WHERE id = ID", ruling_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "member_b", "SELECT pdf FROM ruling WHERE id = ID", ruling_a, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "admin_j", "SELECT content FROM ruling WHERE id = ID", ruling_j, NULL,
        LAJNA_DB_ERROR_DENIED },
      { "admin_j", "SELECT count(number) FROM ruling WHERE id = ID", ruling_j, "1", 0 },
      { "chair_j", "SELECT lajna_ruling_store_signed(ID, '%PDF-1.7 not signed', 'me')",
        ruling_j, NULL, LAJNA_DB_ERROR_INVALID },
      { "chair_j", "SELECT count(*) FROM seal_public_key WHERE committee_id = ID", committee_j,
        "1", 0 },
      { "chair_j", "SELECT lajna_seal_key_rotate(ID) > 0", committee_j, "t", 0 },
      { "member_b", "SELECT count(*) FILTER (WHERE retired_at IS NOT NULL) FROM seal_public_key"
                    " WHERE committee_id = ID", committee_j, "1", 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
      attempt (&attempts[i]);
  }
  after = admin_value ("SELECT string_agg(last_number::text, ',' ORDER BY committee_id)"
                       "  FROM ruling_counter");
  ck_assert_str_eq (after, counter);
}
END_TEST

/* A file is marked issued or signed by its ruling only: a clerk calling
 * the status function directly on a file without a ruling, or writing the
 * status, is refused, and the file stays as it was. */
START_TEST (test_ruling_steps_only_through_rulings)
{
  g_autofree char *file = admin_value (
      "UPDATE case_file SET status = 'decided' WHERE id = (SELECT max(c.id) FROM case_file c"
      "  JOIN committee k ON k.id = c.committee_id WHERE k.code = 'ac-a') RETURNING id");
  g_autofree char *history_sql = g_strdup_printf (
      "SELECT c.status || ' ' || count(h.*) FROM case_file c"
      "  LEFT JOIN case_history h ON h.case_id = c.id AND h.to_status IN ('ruling_issued', 'signed')"
      " WHERE c.id = %s GROUP BY c.status", file);
  g_autofree char *mark_issued = g_strdup_printf (
      "UPDATE case_file SET status = 'ruling_issued' WHERE id = %s RETURNING id", file);
  g_autofree char *decided = NULL, *issued = NULL;
  const Attempt by_hand = {
    "clerk_a", "SELECT lajna_case_set_status(ID, 'ruling_issued', 'by hand')", file, NULL,
    LAJNA_DB_ERROR_INVALID
  };
  const Attempt signed_by_hand = {
    "clerk_a", "SELECT lajna_case_set_status(ID, 'signed')", file, NULL, LAJNA_DB_ERROR_INVALID
  };
  const Attempt written[] = {
    { "clerk_a", "UPDATE case_file SET status = 'ruling_issued', row_version = row_version + 1"
                 " WHERE id = ID RETURNING id", file, NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "UPDATE case_file SET status = 'signed' WHERE id = ID RETURNING id", file, NULL,
      LAJNA_DB_ERROR_INVALID },
  };

  attempt (&by_hand);
  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    attempt (&written[i]);
  decided = admin_value (history_sql);
  ck_assert_str_eq (decided, "decided 0");
  g_free (admin_value (mark_issued));
  attempt (&signed_by_hand);
  issued = admin_value (history_sql);
  ck_assert_str_eq (issued, "ruling_issued 0");
}
END_TEST

/* A file's status moves by the steps of its kind, written by whoever may
 * write it: a clerk or a chair writing the column directly skips no step,
 * goes back to none, and takes no decision's or ruling's step; a step that
 * exists is taken. */
START_TEST (test_status_only_by_steps)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           lajna_test_register_file (admin, "marriage", "ac-a"));
  g_autofree char *juvenile = admin_value (
      "SELECT max(c.id) FROM case_file c JOIN committee k ON k.id = c.committee_id"
      " WHERE k.code = 'ac-j'");
  g_autofree char *status_sql = g_strdup_printf ("SELECT status FROM case_file WHERE id = %s",
                                                 file);
  g_autofree char *status = NULL;
  const Attempt attempts[] = {
    { "clerk_a", "UPDATE case_file SET status = 'decided' WHERE id = ID RETURNING id", file, NULL,
      LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "UPDATE case_file SET status = 'scheduled' WHERE id = ID RETURNING id", file,
      NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "UPDATE case_file SET status = 'delivered', notes = 'x' WHERE id = ID"
                 " RETURNING id", file, NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "UPDATE case_file SET status = 'no such status' WHERE id = ID RETURNING id", file,
      NULL, LAJNA_DB_ERROR_INVALID },
    { "chair_j", "UPDATE case_file SET status = 'decided' WHERE id = ID RETURNING id", juvenile,
      NULL, LAJNA_DB_ERROR_INVALID },
    { "chair_j", "UPDATE case_file SET status = 'signed' WHERE id = ID RETURNING id", juvenile,
      NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "UPDATE case_file SET status = 'documents_pending' WHERE id = ID"
                 " RETURNING status", file, "documents_pending", 0 },
    { "clerk_a", "UPDATE case_file SET status = 'registered' WHERE id = ID RETURNING id", file,
      NULL, LAJNA_DB_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    attempt (&attempts[i]);
  status = admin_value (status_sql);
  ck_assert_str_eq (status, "documents_pending");
}
END_TEST

/* A file stays with its committee: a clerk of two committees, whom
 * row-level security would let write the row to either, cannot move it,
 * nor can the server's own account; its notes still change. */
START_TEST (test_file_keeps_its_committee)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           lajna_test_register_file (admin, "marriage", "ac-a"));
  g_autofree char *moved = g_strdup_printf ("UPDATE case_file SET committee_id ="
                                            " (SELECT id FROM committee WHERE code = 'ac-b')"
                                            " WHERE id = %s", file);
  g_autofree char *committee_sql = g_strdup_printf ("SELECT k.code FROM case_file c"
                                                   " JOIN committee k ON k.id = c.committee_id"
                                                   " WHERE c.id = %s", file);
  g_autofree char *committee = NULL;
  g_autoptr(GError) error = NULL;
  const Attempt attempts[] = {
    { "clerk_ab", "UPDATE case_file SET committee_id = (SELECT id FROM committee"
                  " WHERE code = 'ac-b') WHERE id = ID RETURNING id", file, NULL,
      LAJNA_DB_ERROR_INVALID },
    { "clerk_ab", "UPDATE case_file SET committee_id = committee_id + 1, notes = 'x'"
                  " WHERE id = ID RETURNING id", file, NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "UPDATE case_file SET committee_id = (SELECT id FROM committee"
                 " WHERE code = 'ac-b') WHERE id = ID RETURNING id", file, NULL,
      LAJNA_DB_ERROR_INVALID },
    { "clerk_ab", "UPDATE case_file SET notes = 'kept' WHERE id = ID RETURNING notes", file,
      "kept", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    attempt (&attempts[i]);
  ck_assert (!lajna_db_run (admin, moved, &error));
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID), "%s",
                 error->message);
  committee = admin_value (committee_sql);
  ck_assert_str_eq (committee, "ac-a");
}
END_TEST

/* A file becomes complete only with its mandatory documents: a clerk
 * gets nowhere through the transition function, with forged or missing
 * arguments, by writing the status or by inserting a file complete; the
 * app's step names the documents; once they are in, the step is taken. */
START_TEST (test_complete_only_with_documents)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           lajna_test_register_file (admin, "marriage", "ac-a"));
  g_autofree char *status_sql = g_strdup_printf ("SELECT status FROM case_file WHERE id = %s",
                                                 file);
  g_autofree char *papers = g_strdup_printf (
      "INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256, source, issued_on)"
      " SELECT c.id, l.type_code, 'application/pdf', 0, sha256(convert_to(l.type_code, 'UTF8')),"
      "        'scan', current_date - 1"
      "   FROM case_file c CROSS JOIN LATERAL lajna_case_lacking(c.id) l WHERE c.id = %s", file);
  const Attempt refused[] = {
    { "clerk_a", "SELECT lajna_case_set_status(ID, 'complete')", file, NULL,
      LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "SELECT lajna_case_set_status(ID, 'documents_pending', 'waiting')", file, "", 0 },
    { "clerk_a", "SELECT lajna_case_set_status(ID, 'complete', 'all in')", file, NULL,
      LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "SELECT lajna_case_set_status(ID, 'Complete')", file, NULL,
      LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "SELECT lajna_case_set_status(ID, NULL)", file, NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "SELECT lajna_case_set_status(NULL, 'complete')", file, NULL,
      LAJNA_DB_ERROR_NOT_FOUND },
    { "clerk_a", "UPDATE case_file SET status = 'complete', row_version = row_version + 1"
                 " WHERE id = ID RETURNING id", file, NULL, LAJNA_DB_ERROR_INVALID },
    { "clerk_a", "INSERT INTO case_file (committee_id, kind, file_number, status)"
                 " SELECT committee_id, kind, file_number || '-2', 'complete' FROM case_file"
                 "  WHERE id = ID RETURNING id", file, NULL, LAJNA_DB_ERROR_INVALID },
  };
  const Attempt taken = {
    "clerk_a", "SELECT lajna_case_set_status(ID, 'complete', 'all in')", file, "", 0
  };
  g_autoptr(LajnaDb) clerk = connect_as ("clerk_a");
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *complete = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    attempt (&refused[i]);
  ck_assert (!lajna_case_step_take (clerk, g_ascii_strtoll (file, NULL, 10), "complete", NULL,
                                    &error));
  ck_assert_msg (strstr (error->message, "Documents needed first: ") != NULL
                   && strstr (error->message, "Passport") != NULL, "%s", error->message);
  pending = admin_value (status_sql);
  ck_assert_str_eq (pending, "documents_pending");

  admin_run (papers);
  attempt (&taken);
  complete = admin_value (status_sql);
  ck_assert_str_eq (complete, "complete");
}
END_TEST

/* A juvenile file's documents (bytes and previews) are read by those who
 * read the child's name, not by the administrator. */
START_TEST (test_juvenile_documents_kept)
{
  g_autoptr(LajnaDb) admin = lajna_test_shared_connect ();
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = lajna_document_sandbox_read (pdf, &error);
  g_autofree char *juvenile = admin_value (
      "SELECT c.id FROM case_file c JOIN committee k ON k.id = c.committee_id"
      " WHERE k.code = 'ac-j' LIMIT 1");
  gboolean already = FALSE;
  const Attempt attempts[] = {
    { "admin_j", "SELECT count(*) FROM document WHERE case_id = ID", juvenile, "0", 0 },
    { "admin_j", "SELECT count(*) FROM document_blob b, document d WHERE d.case_id = ID", juvenile,
      "0", 0 },
    { "admin_j", "SELECT count(*) FROM document_blob", "", "0", 0 },
    { "admin_j", "SELECT count(*) FROM document_preview", "", "0", 0 },
    { "chair_j", "SELECT count(*) FROM document WHERE case_id = ID", juvenile, "1", 0 },
    { "chair_j", "SELECT count(*) FROM document_blob", "", "1", 0 },
  };

  ck_assert_msg (file != NULL, "%s", MESSAGE (error));
  ck_assert_msg (lajna_document_attach (admin, g_ascii_strtoll (juvenile, NULL, 10), "other", "",
                                        "import", file, &already, &error) > 0,
                 "%s", MESSAGE (error));
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    attempt (&attempts[i]);
}
END_TEST

TCase *
escalation_tcase (void)
{
  TCase *tc = tcase_create ("/access/escalation");

  tcase_add_test (tc, test_functions_search_pg_temp_last);
  tcase_add_test (tc, test_no_temporary_tables_or_large_objects);
  tcase_add_test (tc, test_no_superuser_through_temp_tables);
  tcase_add_test (tc, test_no_committees_through_temp_tables);
  tcase_add_test (tc, test_no_votes_for_others_through_temp_tables);
  tcase_add_test (tc, test_actor_is_the_person);
  tcase_add_test (tc, test_events_about_own_rows_only);
  tcase_add_test (tc, test_definers_called_directly);
  tcase_add_test (tc, test_rulings_kept);
  tcase_add_test (tc, test_ruling_steps_only_through_rulings);
  tcase_add_test (tc, test_status_only_by_steps);
  tcase_add_test (tc, test_file_keeps_its_committee);
  tcase_add_test (tc, test_juvenile_documents_kept);
  tcase_add_test (tc, test_complete_only_with_documents);
  return tc;
}
