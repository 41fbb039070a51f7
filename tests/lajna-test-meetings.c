/* lajna-test-meetings.c: what the meeting suites share (see the header). */

#include "lajna-test-meetings.h"

#include <string.h>

#include "lajna-db-private.h"
#include "lajna-meeting-actions.h"
#include "lajna-test-util.h"

void
setup_committees (void)
{
  lajna_test_shared_start_with (
    "INSERT INTO committee (kind, code, name_ar, name_en, city, file_prefix) VALUES"
    " ('marriage', 'mtm', 'لجنة الزواج المختلط', 'Mixed marriage', 'طرابلس', 'ز'),"
    " ('juvenile', 'mtj', 'لجنة الأحداث', 'Juvenile', 'طرابلس', 'ح');"
    "SELECT lajna_user_add(k.code || '.' || s.login, s.name, s.role, k.id)"
    "  FROM committee k, (VALUES ('chair', 'رئيس اللجنة', 'chair'),"
    "                           ('m1', 'العضو الأول', 'member'), ('m2', 'العضو الثاني', 'member'),"
    "                           ('m3', 'العضو الثالث', 'member'), ('m4', 'العضو الرابع', 'rapporteur'),"
    "                           ('clerk', 'الكاتب', 'clerk')) s (login, name, role)"
    " WHERE k.code LIKE 'mt_' ORDER BY k.id, s.login;"
    "CREATE SEQUENCE mt_file_number; GRANT USAGE ON mt_file_number TO lajna_clerk");
}

gint64
query_int (LajnaDb    *db,
           const char *sql,
           const char *arg)
{
  const char *params[] = { arg };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, arg != NULL, params, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, error != NULL ? error->message : "");
  ck_assert_int_eq (PQntuples (result), 1);
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* The number the query gives for one id. */
gint64
query_for (LajnaDb    *db,
           const char *sql,
           gint64      id)
{
  g_autofree char *arg = g_strdup_printf (ID, id);

  return query_int (db, sql, arg);
}

char *
query_text (LajnaDb    *db,
            const char *sql,
            gint64      id)
{
  g_autofree char *arg = g_strdup_printf (ID, id);
  const char *params[] = { arg };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 1, params, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, error != NULL ? error->message : "");
  return g_strdup (PQgetvalue (result, 0, 0));
}

int
user_id (LajnaDb    *db,
         const char *login)
{
  return (int) query_int (db, "SELECT id FROM app_user WHERE login = $1", login);
}

int
committee (LajnaDb    *db,
           const char *code)
{
  return (int) query_int (db, "SELECT id FROM committee WHERE code = $1", code);
}

/* A file of @kind, complete: every document its kind's rules name is there
 * before it becomes so. */
gint64
complete_file (LajnaDb    *db,
               const char *kind)
{
  gint64 id = query_int (db,
      "INSERT INTO case_file (committee_id, kind, file_number)"
      " SELECT id, kind, file_prefix || '/2032/' || lpad(nextval('mt_file_number')::text, 5, '0')"
      "   FROM committee WHERE code = 'mt' || left($1, 1) RETURNING id", kind);
  g_autofree char *text = g_strdup_printf (ID, id);

  query_int (db,
      "WITH filed AS (INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256,"
      "                                     source, issued_on)"
      " SELECT DISTINCT f.id, r.type_code, 'application/pdf', 0,"
      "        sha256(convert_to(r.type_code || f.id, 'UTF8')), 'scan', current_date"
      "   FROM case_file f JOIN checklist_rule r ON r.kind = f.kind WHERE f.id = $1 RETURNING 1)"
      "SELECT count(*) FROM filed", text);
  if (strcmp (kind, "juvenile") == 0)
    query_int (db, "WITH p AS (INSERT INTO person (name, sex, nationality)"
                   "           VALUES ('حدث', 'm', 'LY') RETURNING id)"
                   "INSERT INTO juvenile_case (case_id, juvenile_id)"
                   " SELECT $1, id FROM p RETURNING case_id", text);
  query_int (db, "UPDATE case_file SET status = 'complete' WHERE id = $1 RETURNING id", text);
  return id;
}

void
expect_ok (gboolean ok, GError *error)
{
  ck_assert_msg (ok, "%s", error != NULL ? error->message : "");
}

/* Refused with the sentence of @rule's kind: @words is part of it. */
void
expect_refused (gboolean     ok,
                GError     **error,
                const char  *words)
{
  ck_assert_msg (!ok, "accepted, but should be refused with “%s”", words);
  ck_assert_ptr_nonnull (*error);
  ck_assert_msg (strstr ((*error)->message, words) != NULL, "“%s” does not say “%s”",
                 (*error)->message, words);
  g_clear_error (error);
}

/* A meeting on @day; the session takes @day for today, as if it sat then
 * (a meeting convenes and closes on its own day). */
gint64
new_meeting (LajnaDb    *db,
             const char *code,
             const char *day)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_meeting_create (db, committee (db, code), day, "10:00", "قاعة الاجتماعات", 0,
                                    &error);

  expect_ok (id != 0, error);
  query_int (db, "SELECT 1 FROM set_config('lajna.today', $1, false)", day);
  return id;
}

/* Marks the named members present (the rest stay absent). */
void
mark_present (LajnaDb            *db,
              gint64              meeting,
              const char         *code,
              const char * const *logins)
{
  for (guint i = 0; logins[i] != NULL; i++)
    {
      g_autofree char *login = g_strdup_printf ("%s.%s", code, logins[i]);
      g_autoptr(GError) error = NULL;

      expect_ok (lajna_meeting_set_attendance (db, meeting, user_id (db, login), "present",
                                               &error), error);
    }
}

int
member (LajnaDb    *db,
        const char *code,
        const char *login)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", code, login);

  return user_id (db, full);
}

/* A convened meeting with a quorum and one file on its agenda. */
gint64
sitting_with_item (LajnaDb    *db,
                   const char *code,
                   const char *kind,
                   const char *day,
                   gint64     *item)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = new_meeting (db, code, day);

  *item = lajna_agenda_add (db, meeting, complete_file (db, kind), &error);
  expect_ok (*item != 0, error);
  mark_present (db, meeting, code, (const char *[]) { "chair", "m1", "m2", NULL });
  expect_ok (lajna_meeting_set_state (db, meeting, "convened", FALSE, &error), error);
  return meeting;
}

/* A file of @kind decided with @outcome at a meeting of its committee. */
gint64
decided_file (LajnaDb    *db,
              const char *kind,
              const char *outcome)
{
  g_autoptr(GError) error = NULL;
  gint64 item;
  gboolean juvenile = strcmp (kind, "juvenile") == 0;

  sitting_with_item (db, juvenile ? "mtj" : "mtm", kind, "2033-01-03", &item);
  expect_ok (lajna_decision_record (db, item, outcome, NULL, "بناءً على ما عُرض على اللجنة",
                                    strcmp (outcome, "defer") == 0
                                      ? (const char *[]) { "police_clearance", NULL } : NULL,
                                    juvenile ? "2033-04-03" : NULL, &error) != 0, error);
  return query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
}

