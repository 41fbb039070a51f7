/* test-names.c: people read as their names, moments in the reader's time
 * zone. The embedded database's own account is known by the name the
 * computer gives it, from its first start, and keeps a name changed later;
 * who opened a document, who did what to a file and who exported it read
 * as full names, never logins; a file's history, its access history, its
 * documents and an export's watermark tell the time of the desktop's zone
 * (Libya's, two hours ahead of the UTC the tests otherwise run in). */

#include <check.h>
#include <string.h>

#include "lajna-account.h"
#include "lajna-case-details.h"
#include "lajna-case-export.h"
#include "lajna-db-private.h"
#include "lajna-document-sandbox.h"
#include "lajna-document-store.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "lajna-time.h"
#include "lajna-users.h"

#define OWNER_NAME "هدى سالم المبروك"

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('juvenile', 'nm-j', 'لجنة الأحداث', 'Juveniles', 'ح')";

static void
setup (void)
{
  lajna_test_shared_start_with (setup_sql);
}

static char *
query_text (LajnaDb    *db,
            const char *sql,
            gint64      id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 1, params, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, MESSAGE (error));
  ck_assert_int_eq (PQntuples (result), 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* The account renamed, as a person does in Preferences. */
static void
rename_owner (LajnaDb *db)
{
  g_autofree char *login = query_text (db, "SELECT current_user WHERE $1 = 0", 0);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_users_set_full_name (db, login, "  " OWNER_NAME " ", &error), "%s",
                 MESSAGE (error));
}

static LajnaFactSection *
section_of (LajnaCaseDetails *details,
            const char       *key)
{
  for (guint i = 0; i < details->sections->len; i++)
    {
      LajnaFactSection *section = g_ptr_array_index (details->sections, i);

      if (strcmp (section->key, key) == 0)
        return section;
    }
  ck_abort_msg ("no section %s", key);
  return NULL;
}

static LajnaFact *
first_fact (LajnaCaseDetails *details,
            const char       *section_key)
{
  LajnaFactSection *section = section_of (details, section_key);

  ck_assert_uint_gt (section->facts->len, 0);
  return g_ptr_array_index (section->facts, 0);
}

/* A file with a document its reader opened. */
static gint64
file_with_opened_document (LajnaDb *db,
                           gint64  *document_id)
{
  g_autoptr(GBytes) bytes = lajna_test_make_pdf (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = lajna_document_sandbox_read (bytes, &error);
  g_autoptr(GInputStream) opened = NULL;
  gint64 case_id = lajna_test_register_file (db, "juvenile", "nm-j");
  gboolean already;
  goffset length;

  ck_assert_msg (file != NULL, "%s", MESSAGE (error));
  *document_id = lajna_document_attach (db, case_id, "passport", "", "scan", file, &already,
                                        &error);
  ck_assert_msg (*document_id > 0, "%s", MESSAGE (error));
  opened = lajna_document_open (db, lajna_test_shared_connect (), *document_id, &length, &error);
  ck_assert_msg (opened != NULL, "%s", MESSAGE (error));
  return case_id;
}

/* Known by the account's name from the first start; a name changed later
 * outlives the next start. */
START_TEST (test_owner_known_by_name)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *expected = lajna_account_describe ();
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  const char *added = "SELECT count(*) FROM audit_event"
                      " WHERE action = 'user.add' AND actor = current_user AND $1 = 0";

  name = lajna_users_dup_full_name (db, NULL, &error);
  ck_assert_msg (name != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (name, expected);
  ck_assert_str_eq (query_text (db, added, 0), "1");

  rename_owner (db);
  ck_assert_msg (lajna_database_open (lajna_test_shared_database (), TRUE, NULL, &error), "%s",
                 MESSAGE (error));
  g_clear_pointer (&name, g_free);
  name = lajna_users_dup_full_name (db, NULL, &error);
  ck_assert_str_eq (name, OWNER_NAME);
  ck_assert_str_eq (query_text (db, added, 0), "1");
  ck_assert_str_eq (query_text (db, "SELECT count(*) FROM audit_event WHERE action = 'user.rename'"
                                    " AND object = 'account_name' AND $1 = 0", 0), "1");
}
END_TEST

/* Who opened a document and who did what to the file, by name. */
START_TEST (test_names_not_logins)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *login = query_text (db, "SELECT current_user WHERE $1 = 0", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) readers = NULL;
  g_autoptr(LajnaCaseDetails) details = NULL;
  g_autofree char *key = NULL;
  LajnaFactSection *access;
  GPtrArray *names;
  gint64 document_id;
  gint64 case_id;

  rename_owner (db);
  case_id = file_with_opened_document (db, &document_id);

  readers = lajna_document_readers (db, case_id, &error);
  ck_assert_msg (readers != NULL, "%s", MESSAGE (error));
  key = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  names = g_hash_table_lookup (readers, key);
  ck_assert (names != NULL && names->len == 1);
  ck_assert_str_eq (g_ptr_array_index (names, 0), OWNER_NAME);

  details = lajna_case_details_fetch (db, case_id, &error);
  ck_assert_msg (details != NULL, "%s", MESSAGE (error));
  ck_assert_msg (g_str_has_suffix (first_fact (details, "history")->value, OWNER_NAME "\u2069"),
                 "%s", first_fact (details, "history")->value);
  access = section_of (details, "access");
  ck_assert_uint_gt (access->facts->len, 0);
  for (guint i = 0; i < access->facts->len; i++)
    {
      LajnaFact *fact = g_ptr_array_index (access->facts, i);

      ck_assert_msg (g_str_has_prefix (fact->value, OWNER_NAME ": "), "%s", fact->value);
      ck_assert_msg (strstr (fact->value, login) == NULL, "%s", fact->value);
    }
}
END_TEST

/* In Libya's time, whatever zone the server keeps: two hours ahead. */
START_TEST (test_times_in_local_zone)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseDetails) details = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *first_access = NULL;
  g_autofree char *added = NULL;
  gint64 document_id;
  gint64 case_id;

  g_setenv ("TZ", "Africa/Tripoli", TRUE);
  case_id = file_with_opened_document (db, &document_id);
  registered = query_text (db,
      "SELECT to_char(at AT TIME ZONE 'UTC' + interval '2 hours', 'YYYY-MM-DD HH24:MI')"
      "  FROM case_history WHERE case_id = $1 ORDER BY at, id LIMIT 1", case_id);
  first_access = query_text (db,
      "SELECT to_char(at AT TIME ZONE 'UTC' + interval '2 hours', 'YYYY-MM-DD HH24:MI')"
      "  FROM lajna_case_access_history($1) LIMIT 1", case_id);
  added = query_text (db,
      "SELECT to_char(added_at AT TIME ZONE 'UTC' + interval '2 hours', 'YYYY-MM-DD HH24:MI')"
      "  FROM document WHERE case_id = $1", case_id);

  details = lajna_case_details_fetch (db, case_id, &error);
  ck_assert_msg (details != NULL, "%s", MESSAGE (error));
  ck_assert_str_eq (first_fact (details, "history")->label, registered);
  ck_assert_str_eq (first_fact (details, "access")->label, first_access);

  documents = lajna_document_list (db, case_id, &error);
  ck_assert_msg (documents != NULL && documents->len == 1, "%s", MESSAGE (error));
  ck_assert_str_eq (((LajnaDocument *) g_ptr_array_index (documents, 0))->added_at, added);
}
END_TEST

/* A juvenile file's export says who made it, by name, and when, in the
 * reader's time. */
START_TEST (test_export_watermark)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *path = g_build_filename (lajna_test_shared_data_dir (), "names.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *flat_name = NULL;
  g_autofree char *flat_before = NULL;
  g_autofree char *flat_after = NULL;
  gint64 case_id;

  g_setenv ("TZ", "Africa/Tripoli", TRUE);
  rename_owner (db);
  case_id = lajna_test_register_file (db, "juvenile", "nm-j");
  before = lajna_time_now_text ();
  ck_assert_msg (lajna_case_export_pdf (db, case_id, path, &error), "%s", MESSAGE (error));
  after = lajna_time_now_text ();
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  flat = lajna_test_flat_text (text);
  flat_name = lajna_test_flat_text (OWNER_NAME);
  flat_before = lajna_test_flat_text (before);
  flat_after = lajna_test_flat_text (after);
  ck_assert_msg (strstr (flat, flat_name) != NULL, "%s", text);
  ck_assert_msg (strstr (flat, flat_before) != NULL || strstr (flat, flat_after) != NULL,
                 "neither %s nor %s in %s", before, after, flat);
}
END_TEST

static Suite *
names_suite (void)
{
  Suite *suite = suite_create ("names");
  TCase *tc = tcase_create ("/names");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_owner_known_by_name);
  tcase_add_test (tc, test_names_not_logins);
  tcase_add_test (tc, test_times_in_local_zone);
  tcase_add_test (tc, test_export_watermark);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (names_suite ());
}
