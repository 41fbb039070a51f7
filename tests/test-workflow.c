/* test-workflow.c: the whole status transition matrix of both kinds of
 * file, allowed and refused, through the database's one transition
 * function (no client can take another path). Issuing and signing a
 * ruling are steps of the ruling's own: refused for a file without one. */

#include <check.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-labels.h"
#include "lajna-test-util.h"

/* The workflow of DESIGN.md: forward steps, documents going back and
 * forth, a deferral returning to pending documents, and a juvenile file
 * returning to complete when its periodic review falls due; a file whose
 * documents lapsed meanwhile waits for them instead. */
static const char *allowed[][2] = {
  { "registered", "documents_pending" }, { "registered", "complete" },
  { "documents_pending", "complete" }, { "complete", "documents_pending" },
  { "complete", "scheduled" }, { "scheduled", "complete" }, { "scheduled", "decided" },
  { "scheduled", "deferred" }, { "scheduled", "documents_pending" },
  { "deferred", "documents_pending" }, { "signed", "delivered" },
};
static const char *juvenile_only[][2] = {
  { "decided", "complete" }, { "delivered", "complete" },
  { "decided", "documents_pending" }, { "delivered", "documents_pending" },
};

static gboolean
in_table (const char *(*table)[2],
          guint        n,
          const char  *from,
          const char  *to)
{
  for (guint i = 0; i < n; i++)
    {
      if (strcmp (table[i][0], from) == 0 && strcmp (table[i][1], to) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
setup_committees (void)
{
  lajna_test_shared_start_with (
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
    " ('marriage', 'wf-m', 'لجنة الزواج', 'Marriage', 'ز'),"
    " ('juvenile', 'wf-j', 'لجنة الأحداث', 'Juvenile', 'ح')");
}

static void
check_kind (const char *kind)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  const char * const *statuses = lajna_case_statuses ();
  guint n_allowed = 0;

  for (guint f = 0; statuses[f] != NULL; f++)
    {
      for (guint t = 0; statuses[t] != NULL; t++)
        {
          const char *params[] = { kind, statuses[f], statuses[t] };
          gboolean expected = in_table (allowed, G_N_ELEMENTS (allowed), statuses[f], statuses[t])
                              || (strcmp (kind, "juvenile") == 0
                                  && in_table (juvenile_only, G_N_ELEMENTS (juvenile_only),
                                               statuses[f], statuses[t]));
          g_autoptr(GError) error = NULL;
          g_autoptr(PGresult) made = NULL;
          g_autoptr(PGresult) moved = NULL;
          g_autoptr(PGresult) history = NULL;

          ck_assert (lajna_db_run (db, "BEGIN", NULL));
          made = lajna_test_load_history (db,
              "INSERT INTO case_file (committee_id, kind, file_number, status)"
              " SELECT id, kind, 'wf/' || gen_random_uuid(), $2 FROM committee"
              "  WHERE kind = $1 AND code LIKE 'wf-%' RETURNING id", 2, params, NULL);
          ck_assert (made != NULL);
          {
            const char *move[] = { PQgetvalue (made, 0, 0), statuses[t] };
            const char *papers[] = { PQgetvalue (made, 0, 0), kind };

            /* Scheduling needs the documents (see test-checklist.c). */
            g_autoptr(PGresult) filed = NULL;

            filed = lajna_db_exec_params (db,
                "INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256, source,"
                "                      issued_on)"
                " SELECT $1, type_code, 'application/pdf', 0, sha256(convert_to(type_code, 'UTF8')),"
                "        'import', current_date"
                "   FROM checklist_rule WHERE kind = $2", 2, papers, NULL);
            ck_assert (filed != NULL);

            moved = lajna_db_exec_params (db, "SELECT lajna_case_set_status($1, $2)", 2, move,
                                          &error);
            if (moved != NULL)
              history = lajna_db_exec_params (db,
                  "SELECT c.status, h.from_status, h.to_status, c.row_version"
                  " FROM case_file c JOIN case_history h ON h.case_id = c.id WHERE c.id = $1",
                  1, move, NULL);
          }
          ck_assert (lajna_db_run (db, "ROLLBACK", NULL));

          ck_assert_msg ((moved != NULL) == expected, "%s file: %s → %s should be %s", kind,
                         statuses[f], statuses[t], expected ? "allowed" : "refused");
          if (moved == NULL)
            {
              ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID));
              continue;
            }
          /* An allowed step is recorded, and bumps the row version. */
          ck_assert_int_eq (PQntuples (history), 1);
          ck_assert_str_eq (PQgetvalue (history, 0, 0), statuses[t]);
          ck_assert_str_eq (PQgetvalue (history, 0, 1), statuses[f]);
          ck_assert_str_eq (PQgetvalue (history, 0, 2), statuses[t]);
          ck_assert_str_eq (PQgetvalue (history, 0, 3), "2");
          n_allowed++;
        }
    }
  ck_assert_uint_eq (n_allowed, G_N_ELEMENTS (allowed)
                                  + (strcmp (kind, "juvenile") == 0 ? G_N_ELEMENTS (juvenile_only) : 0));
}

START_TEST (test_marriage_matrix)
{
  check_kind ("marriage");
}
END_TEST

START_TEST (test_juvenile_matrix)
{
  check_kind ("juvenile");
}
END_TEST

static void
run_with_id (LajnaDb    *db,
             const char *sql,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 1, &id, &error);

  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
}

START_TEST (test_field_changes_recorded)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) made = NULL;
  g_autoptr(PGresult) changes = NULL;
  const char *id;

  made = lajna_db_exec (db,
      "WITH p AS (INSERT INTO person (name, father_name, grandfather_name, family_name, sex,"
      "                               nationality) VALUES ('سالم', 'علي', 'عمر', 'الزاوي', 'm', 'LY')"
      "           RETURNING id),"
      " c AS (INSERT INTO case_file (committee_id, kind, file_number)"
      "       SELECT id, 'juvenile', 'wf/fields' FROM committee WHERE code = 'wf-j' RETURNING id)"
      " INSERT INTO juvenile_case (case_id, juvenile_id, facility)"
      " SELECT c.id, p.id, 'دار طرابلس' FROM c, p RETURNING case_id", NULL);
  ck_assert (made != NULL);
  id = PQgetvalue (made, 0, 0);

  run_with_id (db, "UPDATE juvenile_case SET facility = 'دار بنغازي' WHERE case_id = $1", id);
  run_with_id (db, "UPDATE person SET family_name = 'الزاوى' WHERE id ="
                   " (SELECT juvenile_id FROM juvenile_case WHERE case_id = $1)", id);
  run_with_id (db, "UPDATE case_file SET notes = 'ملاحظة' WHERE id = $1", id);

  changes = lajna_db_exec_params (db,
      "SELECT subject, field, coalesce(old_value, '∅'), new_value, actor = current_user"
      "  FROM case_change WHERE case_id = $1 ORDER BY id", 1, &id, NULL);
  ck_assert (changes != NULL);
  /* Only what changed: derived columns (title, search text, normalized
   * name) and bookkeeping are not repeated here. */
  ck_assert_int_eq (PQntuples (changes), 3);
  ck_assert_str_eq (PQgetvalue (changes, 0, 0), "juvenile");
  ck_assert_str_eq (PQgetvalue (changes, 0, 1), "facility");
  ck_assert_str_eq (PQgetvalue (changes, 0, 2), "دار طرابلس");
  ck_assert_str_eq (PQgetvalue (changes, 0, 3), "دار بنغازي");
  ck_assert_str_eq (PQgetvalue (changes, 1, 1), "family_name");
  ck_assert_str_eq (PQgetvalue (changes, 1, 3), "الزاوى");
  ck_assert_str_eq (PQgetvalue (changes, 2, 0), "file");
  ck_assert_str_eq (PQgetvalue (changes, 2, 1), "notes");
  ck_assert_str_eq (PQgetvalue (changes, 2, 4), "t");
}
END_TEST

static Suite *
workflow_suite (void)
{
  Suite *suite = suite_create ("workflow");
  TCase *tc = tcase_create ("/workflow/transitions");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_marriage_matrix);
  tcase_add_test (tc, test_juvenile_matrix);
  tcase_add_test (tc, test_field_changes_recorded);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (workflow_suite ());
}
