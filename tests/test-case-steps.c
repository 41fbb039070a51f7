/* test-case-steps.c: the steps a file is offered from each status, the
 * scheduling step blocked until the mandatory documents are there (and
 * saying which are not), a step taken being recorded in the file's
 * history, and the ruling's own steps (issued, signed) neither offered nor
 * taken by hand. In Arabic, the documents lacking read right to left. */

#include <check.h>
#include <fribidi.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "lajna-case-steps.h"
#include "lajna-db-private.h"
#include "lajna-labels.h"
#include "lajna-test-util.h"

/* The workflow as DESIGN.md states it, but for issuing and signing the
 * ruling, which move the file themselves; kind NULL holds for both kinds. */
static const struct
{
  const char *kind;
  const char *from;
  const char *to;
} workflow[] = {
  { NULL, "registered", "documents_pending" }, { NULL, "registered", "complete" },
  { NULL, "documents_pending", "complete" }, { NULL, "complete", "documents_pending" },
  { NULL, "complete", "scheduled" }, { NULL, "scheduled", "complete" },
  { NULL, "scheduled", "decided" }, { NULL, "scheduled", "deferred" },
  { NULL, "scheduled", "documents_pending" }, { NULL, "deferred", "documents_pending" },
  { NULL, "signed", "delivered" },
  { "juvenile", "decided", "complete" }, { "juvenile", "delivered", "complete" },
  { "juvenile", "decided", "documents_pending" }, { "juvenile", "delivered", "documents_pending" },
};

static void
setup_committees (void)
{
  lajna_test_shared_start_with (
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
    " ('marriage', 'st-m', 'لجنة الزواج', 'Marriage', 'ز'),"
    " ('juvenile', 'st-j', 'لجنة الأحداث', 'Juvenile', 'ح')");
}

/* Makes a file of @kind in @status and returns its id. */
static gint64
make_file (LajnaDb    *db,
           const char *kind,
           const char *status)
{
  const char *params[] = { kind, status };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) made = lajna_test_load_history (db,
      "INSERT INTO case_file (committee_id, kind, file_number, status)"
      " SELECT id, kind, 'st/' || gen_random_uuid(), $2 FROM committee"
      "  WHERE kind = $1 AND code LIKE 'st-%' RETURNING id", 2, params, &error);

  ck_assert_msg (made != NULL, "%s", error != NULL ? error->message : "");
  return g_ascii_strtoll (PQgetvalue (made, 0, 0), NULL, 10);
}

/* Files a document of @type (or of every type the kind's rules name, when
 * @type is NULL), issued @days_ago. */
static void
add_documents (LajnaDb    *db,
               gint64      case_id,
               const char *type,
               int         days_ago)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *days = g_strdup_printf ("%d", days_ago);
  const char *params[] = { id, type, days };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) filed = lajna_db_exec_params (db,
      "INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256, source, issued_on)"
      " SELECT DISTINCT f.id, r.type_code, 'application/pdf', 0,"
      "        sha256(convert_to(r.type_code || $3, 'UTF8')), 'scan',"
      "        current_date - $3::integer"
      "   FROM case_file f JOIN checklist_rule r ON r.kind = f.kind"
      "  WHERE f.id = $1 AND r.type_code = coalesce($2, r.type_code)", 3, params, &error);

  ck_assert_msg (filed != NULL, "%s", error != NULL ? error->message : "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Status names, sorted, joined by spaces. */
static char *
join_sorted (GPtrArray *names)
{
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
targets_of (GPtrArray *steps)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (names, ((LajnaCaseStep *) g_ptr_array_index (steps, i))->to_status);
  return join_sorted (names);
}

static char *
expected_targets (const char *kind,
                  const char *from)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (workflow); i++)
    {
      if (g_str_equal (workflow[i].from, from)
          && (workflow[i].kind == NULL || g_str_equal (workflow[i].kind, kind)))
        g_ptr_array_add (names, (gpointer) workflow[i].to);
    }
  return join_sorted (names);
}

static GPtrArray *
fetch_steps (LajnaDb *db,
             gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *steps = lajna_case_steps_fetch (db, case_id, &error);

  ck_assert_msg (steps != NULL, "%s", error != NULL ? error->message : "");
  return steps;
}

static void
check_kind (const char *kind)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  const char * const *statuses = lajna_case_statuses ();

  for (guint s = 0; statuses[s] != NULL; s++)
    {
      gint64 id = make_file (db, kind, statuses[s]);
      g_autoptr(GPtrArray) steps = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = expected_targets (kind, statuses[s]);

      /* With its documents, no step of the file is blocked. */
      add_documents (db, id, NULL, 1);
      steps = fetch_steps (db, id);
      got = targets_of (steps);
      ck_assert_msg (g_str_equal (got, want), "%s file in %s:\n  got  %s\n  want %s", kind,
                     statuses[s], got, want);
      for (guint i = 0; i < steps->len; i++)
        ck_assert_ptr_null (((LajnaCaseStep *) g_ptr_array_index (steps, i))->blocked_reason);
    }
}

START_TEST (test_marriage_steps)
{
  check_kind ("marriage");
}
END_TEST

START_TEST (test_juvenile_steps)
{
  check_kind ("juvenile");
}
END_TEST

START_TEST (test_forward_steps_first)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 id = make_file (db, "juvenile", "scheduled");
  g_autoptr(GPtrArray) steps = fetch_steps (db, id);

  ck_assert_uint_eq (steps->len, 4);
  ck_assert_str_eq (((LajnaCaseStep *) g_ptr_array_index (steps, 0))->to_status, "decided");
  ck_assert_str_eq (((LajnaCaseStep *) g_ptr_array_index (steps, 1))->to_status, "deferred");
  ck_assert_str_eq (((LajnaCaseStep *) g_ptr_array_index (steps, 2))->to_status,
                    "documents_pending");
  ck_assert_str_eq (((LajnaCaseStep *) g_ptr_array_index (steps, 3))->to_status, "complete");
}
END_TEST

START_TEST (test_unknown_file_has_no_steps)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) steps = fetch_steps (db, G_MAXINT64);

  ck_assert_uint_eq (steps->len, 0);
}
END_TEST

static const LajnaCaseStep *
scheduling_step (GPtrArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      const LajnaCaseStep *step = g_ptr_array_index (steps, i);

      if (g_str_equal (step->to_status, "scheduled"))
        return step;
    }
  ck_abort_msg ("no scheduling step");
  return NULL;
}

START_TEST (test_scheduling_blocked_until_documents)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 id = make_file (db, "marriage", "complete");
  g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) expired = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) sql_reason = NULL;
  const char *reason;

  /* Nothing filed: blocked, and the documents are named. */
  none = fetch_steps (db, id);
  reason = scheduling_step (none)->blocked_reason;
  ck_assert_ptr_nonnull (reason);
  ck_assert_msg (strstr (reason, "Passport (Missing)") != NULL, "%s", reason);
  ck_assert_msg (strstr (reason, "Police clearance certificate (Missing)") != NULL, "%s", reason);
  /* Going back to pending documents is never blocked. */
  ck_assert_ptr_null (((LajnaCaseStep *) g_ptr_array_index (none, 1))->blocked_reason);

  /* Everything filed, but the police clearance (valid 90 days) is old. */
  add_documents (db, id, NULL, 1);
  old = lajna_db_exec_params (db,
      "UPDATE document SET issued_on = current_date - 100"
      " WHERE case_id = $1 AND type_code = 'police_clearance'", 1, (const char *[]) { case_id },
      NULL);
  ck_assert (old != NULL);
  expired = fetch_steps (db, id);
  reason = scheduling_step (expired)->blocked_reason;
  ck_assert_ptr_nonnull (reason);
  ck_assert_msg (strstr (reason, "Police clearance certificate (Expired)") != NULL, "%s", reason);
  ck_assert_msg (strstr (reason, "Passport") == NULL, "%s", reason);
  sql_reason = lajna_db_exec_params (db,
      "SELECT blocked_reason FROM lajna_case_next_steps($1) WHERE to_status = 'scheduled'",
      1, (const char *[]) { case_id }, NULL);
  ck_assert (sql_reason != NULL);
  ck_assert_str_eq (PQgetvalue (sql_reason, 0, 0), "police_clearance (expired)");

  /* A fresh one: allowed. */
  add_documents (db, id, "police_clearance", 2);
  all = fetch_steps (db, id);
  ck_assert_ptr_null (scheduling_step (all)->blocked_reason);
}
END_TEST

/* Where the first letter at or after byte @at of @text lands on screen,
 * counted from the left, laid out as a label lays out a paragraph: its
 * direction from its first strong letter. */
static long
shown_at (const char *text,
          const char *at)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree FriBidiChar *logical = g_new0 (FriBidiChar, length + 1);
  g_autofree FriBidiStrIndex *to_screen = g_new0 (FriBidiStrIndex, length + 1);
  FriBidiParType direction = FRIBIDI_PAR_ON;
  glong index;

  while (!g_unichar_isalpha (g_utf8_get_char (at)))
    at = g_utf8_next_char (at);
  index = g_utf8_pointer_to_offset (text, at);
  fribidi_charset_to_unicode (FRIBIDI_CHAR_SET_UTF8, text, (FriBidiStrIndex) strlen (text),
                              logical);
  ck_assert (fribidi_log2vis (logical, (FriBidiStrIndex) length, &direction, NULL, to_screen,
                              NULL, NULL));
  return to_screen[index];
}

START_TEST (test_lacking_read_right_to_left)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 id = make_file (db, "marriage", "complete");
  g_autoptr(GPtrArray) steps = NULL;
  const char *reason, *first, *second;

  g_setenv ("LANGUAGE", "ar", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LAJNA_TEST_LOCALEDIR);
  steps = fetch_steps (db, id);
  reason = scheduling_step (steps)->blocked_reason;
  ck_assert_ptr_nonnull (reason);
  first = strstr (reason, ": ");
  ck_assert_msg (g_str_has_prefix (reason, "مستندات") && first != NULL, "%s", reason);
  second = strstr (first, "، ");
  ck_assert_msg (second != NULL, "%s", reason);
  /* The first document named stands right of the second, as read. */
  ck_assert_msg (shown_at (reason, first) > shown_at (reason, second), "%s", reason);
}
END_TEST

START_TEST (test_taking_a_step_records_history)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 id = make_file (db, "juvenile", "complete");
  g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) history = NULL;
  g_autoptr(GPtrArray) steps = NULL;

  /* Blocked: refused, nothing recorded. */
  ck_assert (!lajna_case_step_take (db, id, "scheduled", NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  g_clear_error (&error);

  add_documents (db, id, NULL, 1);
  /* The note is stored as typed text is: without bidi controls. */
  ck_assert_msg (lajna_case_step_take (db, id, "scheduled", "للجلسة \u202e القادمة", &error), "%s",
                 error != NULL ? error->message : "");

  /* Not a step from the new status: refused. */
  ck_assert (!lajna_case_step_take (db, id, "delivered", NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));

  history = lajna_db_exec_params (db,
      "SELECT h.from_status, h.to_status, h.note, c.status, c.row_version"
      "  FROM case_history h JOIN case_file c ON c.id = h.case_id WHERE h.case_id = $1",
      1, (const char *[]) { case_id }, NULL);
  ck_assert (history != NULL);
  ck_assert_int_eq (PQntuples (history), 1);
  ck_assert_str_eq (PQgetvalue (history, 0, 0), "complete");
  ck_assert_str_eq (PQgetvalue (history, 0, 1), "scheduled");
  ck_assert_str_eq (PQgetvalue (history, 0, 2), "للجلسة القادمة");
  ck_assert_str_eq (PQgetvalue (history, 0, 3), "scheduled");
  ck_assert_str_eq (PQgetvalue (history, 0, 4), "2");

  /* The file is offered the steps of its new status. */
  steps = fetch_steps (db, id);
  ck_assert_uint_eq (steps->len, 4);
}
END_TEST

/* A decided file without its ruling is not marked issued or signed by
 * hand, whoever asks; nothing is recorded. */
START_TEST (test_ruling_steps_not_by_hand)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 decided = make_file (db, "marriage", "decided");
  gint64 issued = make_file (db, "juvenile", "ruling_issued");
  g_autofree char *ids = g_strdup_printf ("{%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "}",
                                          decided, issued);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) after = NULL;

  ck_assert (!lajna_case_step_take (db, decided, "ruling_issued", NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, "issue or sign the ruling itself") != NULL, "%s",
                 error->message);
  g_clear_error (&error);
  ck_assert (!lajna_case_step_take (db, issued, "signed", NULL, &error));
  ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));

  after = lajna_db_exec_params (db,
      "SELECT string_agg(c.status, ' ' ORDER BY c.id), count(h.*)"
      "  FROM case_file c LEFT JOIN case_history h ON h.case_id = c.id"
      " WHERE c.id = ANY ($1::bigint[])", 1, (const char *[]) { ids }, NULL);
  ck_assert (after != NULL);
  ck_assert_str_eq (PQgetvalue (after, 0, 0), "decided ruling_issued");
  ck_assert_str_eq (PQgetvalue (after, 0, 1), "0");
}
END_TEST

static Suite *
case_steps_suite (void)
{
  Suite *suite = suite_create ("case-steps");
  TCase *tc = tcase_create ("/case-steps");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_marriage_steps);
  tcase_add_test (tc, test_juvenile_steps);
  tcase_add_test (tc, test_forward_steps_first);
  tcase_add_test (tc, test_unknown_file_has_no_steps);
  tcase_add_test (tc, test_scheduling_blocked_until_documents);
  tcase_add_test (tc, test_lacking_read_right_to_left);
  tcase_add_test (tc, test_taking_a_step_records_history);
  tcase_add_test (tc, test_ruling_steps_not_by_hand);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (case_steps_suite ());
}
