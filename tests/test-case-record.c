/* test-case-record.c: a file's way through the database: registering with
 * gapless file numbers, as a form does and in bulk as an import does,
 * loading back, saving over someone else's save, field history,
 * all-or-nothing batches and the duplicate search at intake. */

#include <check.h>
#include <string.h>

#include "lajna-case-bulk.h"
#include "lajna-db-private.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

#define N_THREADS          8
#define FILES_PER_THREAD  25

/* ---- The database ----------------------------------------------------- */

static void
setup_committees (void)
{
  lajna_test_shared_start_with (
    "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
    " ('marriage', 'cr-m', 'لجنة الزواج', 'Marriage', 'ز'),"
    " ('juvenile', 'cr-j', 'لجنة الأحداث', 'Juvenile', 'ح'),"
    " ('marriage', 'cr-num-a', 'لجنة أ', 'Numbers A', 'ز-أ'),"
    " ('marriage', 'cr-num-b', 'لجنة ب', 'Numbers B', 'NB'),"
    " ('marriage', 'cr-edit', 'لجنة التعديل', 'Edits', 'E'),"
    " ('marriage', 'cr-batch', 'لجنة الدفعة', 'Batch', 'B'),"
    " ('marriage', 'cr-dup', 'لجنة التكرار', 'Duplicates', 'D'),"
    " ('marriage', 'cr-conc', 'لجنة التزامن', 'Concurrency', 'C'),"
    " ('marriage', 'cr-bulk-m', 'لجنة الزواج بالجملة', 'Bulk marriage', 'زك'),"
    " ('juvenile', 'cr-bulk-j', 'لجنة الأحداث بالجملة', 'Bulk juvenile', 'حك'),"
    " ('marriage', 'cr-bulk-batch', 'لجنة دفعات الجملة', 'Bulk batches', 'BB');"
    "INSERT INTO app_user (login, full_name, profession) VALUES"
    " ('cr-sw', 'هدى', 'social_worker'), ('cr-psy', 'سعاد', 'psychologist');"
    "INSERT INTO committee_role (committee_id, user_id, role)"
    " SELECT k.id, u.id, u.profession FROM committee k, app_user u"
    "  WHERE k.code IN ('cr-j', 'cr-bulk-j') AND u.login IN ('cr-sw', 'cr-psy')");
}

/* The first value of @sql, run with the parameters that follow it up to
 * a NULL. */
static char *
query_text (LajnaDb    *db,
            const char *sql,
            ...)
{
  const char *params[4];
  int n = 0;
  va_list args;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;

  va_start (args, sql);
  while (n < 4 && (params[n] = va_arg (args, const char *)) != NULL)
    n++;
  va_end (args);
  result = lajna_db_exec_params (db, sql, n, params, &error);
  ck_assert_msg (result != NULL, "%s: %s", sql, MESSAGE (error));
  return g_strdup (PQgetvalue (result, 0, 0));
}

static int
query_int (LajnaDb    *db,
           const char *sql,
           const char *param)
{
  g_autofree char *text = query_text (db, sql, param, NULL);

  return (int) g_ascii_strtoll (text, NULL, 10);
}

static void
register_ok (LajnaDb   *db,
             GPtrArray *records)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (lajna_case_record_register (db, records, &error), "%s", MESSAGE (error));
}

static LajnaCaseRecord *
register_one (LajnaDb            *db,
              const char         *kind,
              int                 committee_id,
              const char * const *overrides)
{
  g_autoptr(GPtrArray) one = records_new ();

  g_ptr_array_add (one, lajna_test_make_record (kind, committee_id, overrides));
  register_ok (db, one);
  return g_ptr_array_steal_index (one, 0);
}

static LajnaCaseRecord *
load_ok (LajnaDb *db,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  LajnaCaseRecord *record = lajna_case_record_load (db, id, &error);

  ck_assert_msg (record != NULL, "%s", MESSAGE (error));
  return record;
}

/* The keys of lajna_case_record_diff(), space-separated, each with the
 * two values when @values. */
static char *
diff_keys (const LajnaCaseRecord *a,
           const LajnaCaseRecord *b,
           gboolean               values)
{
  g_autoptr(GPtrArray) differ = lajna_case_record_diff (a, b);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < differ->len; i++)
    {
      const char *key = ((const LajnaCaseField *) g_ptr_array_index (differ, i))->key;

      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", key);
      if (values)
        g_string_append_printf (out, " (“%s”, want “%s”)", lajna_case_record_get (a, key),
                                lajna_case_record_get (b, key));
    }
  return g_string_free (out, FALSE);
}

static void
assert_same (const LajnaCaseRecord *got,
             const LajnaCaseRecord *want)
{
  g_autofree char *differ = diff_keys (got, want, TRUE);

  ck_assert_msg (*differ == '\0', "fields differ: %s", differ);
}

/* Registers @records as a form does (as JSON) or, with @bulk, as an
 * import does (lajna-case-bulk.c). */
static void
register_way (LajnaDb   *db,
              GPtrArray *records,
              gboolean   bulk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseBulk) registration = NULL;

  if (!bulk)
    {
      register_ok (db, records);
      return;
    }
  registration = lajna_case_bulk_begin (db, &error);
  ck_assert_msg (registration != NULL && lajna_case_bulk_register (registration, records, &error)
                 && lajna_case_bulk_commit (registration, &error), "%s", MESSAGE (error));
}

/* What a file's row holds besides its own number: its title, the list's
 * title and the search text. */
static char *
stored_texts (LajnaDb *db,
              gint64   id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return query_text (db,
      "SELECT concat_ws('|', title, listed_title, replace(search_text, file_number, ''),"
      "                 (SELECT string_agg(to_status, ',') FROM case_history WHERE case_id = $1))"
      "  FROM case_file WHERE id = $1", text, NULL);
}

/* Every field comes back as it was sent, the way a form registers a file
 * and the way an import does; a file registered in bulk has the title,
 * search text and history of the same file registered by a form. */
START_TEST (test_round_trip)
{
  gboolean bulk = _i == 1;
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *social_worker = query_text (db, "SELECT id FROM app_user WHERE login = $1",
                                               "cr-sw", NULL);
  g_autofree char *psychologist = query_text (db, "SELECT id FROM app_user WHERE login = $1",
                                              "cr-psy", NULL);
  const char *juvenile_extra[] = { "social_worker_id", social_worker,
                                   "psychologist_id", psychologist, NULL };
  static const char * const marriage_extra[] = {
    "notes", "\u200Fملاحظة\u202E  مع   مسافات\tو\\ و\nسطر", "libyan_party.latin_name",
    "Ahmad Alwarfalli", "libyan_party.passport_number", "LY12345",
    "libyan_party.passport_expiry", "2030-01-01", "foreign_party.name", "\u0627\u0654ني", NULL
  };
  int marriage = lajna_test_committee (db, bulk ? "cr-bulk-m" : "cr-m");
  int juvenile = lajna_test_committee (db, bulk ? "cr-bulk-j" : "cr-j");
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GPtrArray) twins = records_new ();

  g_ptr_array_add (records, lajna_test_make_record ("marriage", marriage, marriage_extra));
  g_ptr_array_add (records, lajna_test_make_record ("juvenile", juvenile, juvenile_extra));
  register_way (db, records, bulk);

  for (guint i = 0; i < records->len; i++)
    {
      const LajnaCaseRecord *sent = g_ptr_array_index (records, i);
      g_autoptr(LajnaCaseRecord) back = NULL;

      ck_assert_int_gt (sent->id, 0);
      back = load_ok (db, sent->id);
      ck_assert_str_eq (back->kind, sent->kind);
      ck_assert_int_eq (back->committee_id, sent->committee_id);
      ck_assert_str_eq (back->file_number, sent->file_number);
      ck_assert_str_eq (back->status, "registered");
      ck_assert_int_eq (back->row_version, 1);
      assert_same (back, sent);
    }
  ck_assert_str_eq (RECORD (records, 0)->file_number, bulk ? "زك/2026/00001" : "ز/2026/00001");
  ck_assert_str_eq (RECORD (records, 1)->file_number, bulk ? "حك/2026/00001" : "ح/2026/00001");
  if (!bulk)
    return;

  g_ptr_array_add (twins, lajna_test_make_record ("marriage", marriage, marriage_extra));
  g_ptr_array_add (twins, lajna_test_make_record ("juvenile", juvenile, juvenile_extra));
  register_ok (db, twins);
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *in_bulk = stored_texts (db, RECORD (records, i)->id);
      g_autofree char *by_form = stored_texts (db, RECORD (twins, i)->id);

      ck_assert_str_eq (in_bulk, by_form);
    }
}
END_TEST

static void
register_numbers (LajnaDb            *db,
                  const int          *committees,
                  guint               n,
                  const char * const *want)
{
  static const char * const last_year[] = { "received_on", "2025-12-31", NULL };
  g_autoptr(GPtrArray) records = records_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, lajna_test_make_record ("marriage", ABS (committees[i]),
                                           committees[i] < 0 ? last_year : NULL));
  register_ok (db, records);
  for (guint i = 0; i < n; i++)
    ck_assert_str_eq (RECORD (records, i)->file_number, want[i]);
}

START_TEST (test_numbers_gapless_per_committee)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  int a = lajna_test_committee (db, "cr-num-a");
  int b = lajna_test_committee (db, "cr-num-b");
  g_autofree char *stored = NULL;

  register_numbers (db, (int[]) { a, a, a }, 3,
                    (const char *[]) { "ز-أ/2026/00001", "ز-أ/2026/00002", "ز-أ/2026/00003" });
  register_numbers (db, (int[]) { a, a }, 2,
                    (const char *[]) { "ز-أ/2026/00004", "ز-أ/2026/00005" });
  /* Another committee has its own sequence, in the same batch too; a file
   * received last year is numbered in that year's. */
  register_numbers (db, (int[]) { b, a, b, -a }, 4,
                    (const char *[]) { "NB/2026/00001", "ز-أ/2026/00006", "NB/2026/00002",
                                       "ز-أ/2025/00001" });

  stored = query_text (db,
      "SELECT string_agg(f.file_number, ' ' ORDER BY f.id) FROM case_file f"
      "  JOIN committee c ON c.id = f.committee_id WHERE c.code IN ('cr-num-a', 'cr-num-b')", NULL);
  ck_assert_str_eq (stored,
                    "ز-أ/2026/00001 ز-أ/2026/00002 ز-أ/2026/00003 ز-أ/2026/00004 ز-أ/2026/00005"
                    " NB/2026/00001 ز-أ/2026/00006 NB/2026/00002 ز-أ/2025/00001");

  /* A busy year goes past five digits without losing one. */
  g_free (stored);
  stored = g_strdup_printf ("%d", b);
  g_free (query_text (db,
      "UPDATE file_number_counter SET last_number = 99998"
      " WHERE committee_id = $1::integer AND year = 2026 RETURNING last_number", stored, NULL));
  register_numbers (db, (int[]) { b, b, b }, 3,
                    (const char *[]) { "NB/2026/99999", "NB/2026/100000", "NB/2026/100001" });
}
END_TEST

START_TEST (test_save_over_another_save)
{
  g_autoptr(LajnaDb) db_a = lajna_test_shared_connect ();
  g_autoptr(LajnaDb) db_b = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseRecord) made = register_one (db_a, "marriage", lajna_test_committee (db_a, "cr-edit"), NULL);
  g_autoptr(LajnaCaseRecord) a = load_ok (db_a, made->id);
  g_autoptr(LajnaCaseRecord) b = load_ok (db_b, made->id);
  g_autoptr(LajnaCaseRecord) now = NULL;
  g_autoptr(LajnaCaseRecord) reloaded = NULL;
  g_autoptr(LajnaCaseRecord) merged = NULL;
  g_autoptr(LajnaCaseRecord) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, made->id);
  g_autofree char *keys = NULL;

  ck_assert_int_eq (a->row_version, 1);
  ck_assert (lajna_case_record_set (a, "residence", "بنغازي"));
  ck_assert_msg (lajna_case_record_save (db_a, a, &error), "%s", MESSAGE (error));
  ck_assert_int_eq (a->row_version, 2);

  ck_assert (lajna_case_record_set (b, "notes", "أضاف ب ملاحظة"));
  ck_assert (lajna_case_record_set (b, "foreign_party.passport_number", "B7654321"));
  ck_assert (!lajna_case_record_save (db_b, b, &error));
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_STALE), "%s",
                 MESSAGE (error));
  g_clear_error (&error);
  ck_assert_int_eq (b->row_version, 1);

  /* The database holds A's save and nothing of B's. */
  now = load_ok (db_a, made->id);
  ck_assert_int_eq (now->row_version, 2);
  assert_same (now, a);
  ck_assert_int_eq (query_int (db_a, "SELECT count(*) FROM case_change WHERE case_id = $1"
                                     " AND field IN ('notes', 'passport_number')", id), 0);

  /* B sees what differs between its edit and the file as it is now. */
  reloaded = load_ok (db_b, made->id);
  keys = diff_keys (b, reloaded, FALSE);
  ck_assert_str_eq (keys, "notes residence foreign_party.passport_number");

  /* B keeps A's residence, puts its own edits on top, and saves. */
  merged = lajna_case_record_copy (reloaded);
  ck_assert (lajna_case_record_set (merged, "notes", lajna_case_record_get (b, "notes")));
  ck_assert (lajna_case_record_set (merged, "foreign_party.passport_number",
                                    lajna_case_record_get (b, "foreign_party.passport_number")));
  ck_assert_msg (lajna_case_record_save (db_b, merged, &error), "%s", MESSAGE (error));
  ck_assert_int_eq (merged->row_version, 3);
  last = load_ok (db_a, made->id);
  assert_same (last, merged);
  ck_assert_str_eq (lajna_case_record_get (last, "residence"), "بنغازي");
  ck_assert_str_eq (lajna_case_record_get (last, "notes"), "أضاف ب ملاحظة");
}
END_TEST

START_TEST (test_field_history)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseRecord) made = register_one (db, "marriage", lajna_test_committee (db, "cr-edit"), NULL);
  g_autoptr(LajnaCaseRecord) edit = load_ok (db, made->id);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, made->id);
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;

  ck_assert (lajna_case_record_set (edit, "libyan_party.birth_date", "١٩٩٠-٠٤-١٦"));
  ck_assert (lajna_case_record_set (edit, "residence", "مصراتة"));
  ck_assert_msg (lajna_case_record_save (db, edit, &error), "%s", MESSAGE (error));

  changes = query_text (db,
      "SELECT string_agg(concat_ws('|', subject, field, old_value, new_value), ' '"
      "                  ORDER BY subject, field)"
      "  FROM case_change WHERE case_id = $1", id, NULL);
  ck_assert_str_eq (changes,
                    "libyan_party|birth_date|1990-03-15|1990-04-16 marriage|residence|طرابلس|مصراتة");
}
END_TEST

static void
assert_batch_refused (LajnaDb    *db,
                      GPtrArray  *records,
                      const char *code)
{
  static const char *count_sql =
      "SELECT concat_ws(' ', (SELECT count(*) FROM case_file f JOIN committee c"
      "                        ON c.id = f.committee_id WHERE c.code = $1),"
      "                 (SELECT count(*) FROM person), (SELECT count(*) FROM case_history),"
      "                 (SELECT count(*) FROM file_number_counter))";
  g_autofree char *before = query_text (db, count_sql, code, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (!lajna_case_record_register (db, records, &error));
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID), "%s",
                 MESSAGE (error));
  for (guint i = 0; i < records->len; i++)
    ck_assert_int_eq (RECORD (records, i)->id, 0);
  after = query_text (db, count_sql, code, NULL);
  ck_assert_str_eq (after, before); /* files, people, history, counters */
}

START_TEST (test_register_all_or_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  int batch = lajna_test_committee (db, "cr-batch");
  static const char * const bad_sex[] = { "foreign_party.sex", "x", NULL };
  g_autoptr(GPtrArray) records = records_new ();
  LajnaCaseRecord *third;

  /* The third file breaks a CHECK of person (validation was skipped). */
  g_ptr_array_add (records, lajna_test_make_record ("marriage", batch, NULL));
  g_ptr_array_add (records, lajna_test_make_record ("marriage", batch, NULL));
  g_ptr_array_add (records, lajna_test_make_record ("marriage", batch, bad_sex));
  assert_batch_refused (db, records, "cr-batch");

  /* The third file is for a committee that does not exist. */
  third = g_ptr_array_index (records, 2);
  ck_assert (lajna_case_record_set (third, "foreign_party.sex", "f"));
  third->committee_id = 999999;
  assert_batch_refused (db, records, "cr-batch");

  /* Put right, the batch goes in, numbered from 1: the refused ones took
   * no numbers. */
  third->committee_id = batch;
  register_numbers (db, (int[]) { batch, batch, batch }, 3,
                    (const char *[]) { "B/2026/00001", "B/2026/00002", "B/2026/00003" });
}
END_TEST

/* A bulk registration that a batch's error stops, or that is not
 * committed, writes nothing, files of earlier batches included; the
 * numbers it took are given again. */
START_TEST (test_bulk_all_or_nothing)
{
  static const char *count_sql =
      "SELECT concat_ws(' ', (SELECT count(*) FROM case_file f JOIN committee c"
      "                        ON c.id = f.committee_id WHERE c.code = $1),"
      "                 (SELECT count(*) FROM person), (SELECT count(*) FROM file_number_counter))";
  static const char * const bad_sex[] = { "foreign_party.sex", "x", NULL };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  int committee = lajna_test_committee (db, "cr-bulk-batch");
  g_autofree char *before = query_text (db, count_sql, "cr-bulk-batch", NULL);
  g_autofree char *after = NULL;

  for (guint stop = 0; stop < 2; stop++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaCaseBulk) registration = lajna_case_bulk_begin (db, &error);
      g_autoptr(GPtrArray) first = records_new ();
      g_autoptr(GPtrArray) second = records_new ();

      ck_assert_msg (registration != NULL, "%s", MESSAGE (error));
      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (first, lajna_test_make_record ("marriage", committee, NULL));
      g_ptr_array_add (second, lajna_test_make_record ("marriage", committee,
                                                       stop == 0 ? bad_sex : NULL));
      ck_assert_msg (lajna_case_bulk_register (registration, first, &error), "%s",
                     MESSAGE (error));
      ck_assert_str_eq (RECORD (first, 2)->file_number, "BB/2026/00003");
      if (stop == 0)
        {
          ck_assert (!lajna_case_bulk_register (registration, second, &error));
          ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID), "%s",
                         MESSAGE (error));
        }
      else
        ck_assert_msg (lajna_case_bulk_register (registration, second, &error), "%s",
                       MESSAGE (error));
    }
  after = query_text (db, count_sql, "cr-bulk-batch", NULL);
  ck_assert_str_eq (after, before); /* files, people, counters */
  register_numbers (db, (int[]) { committee, committee }, 2,
                    (const char *[]) { "BB/2026/00001", "BB/2026/00002" });
}
END_TEST

/* "role|reason|file number" of each duplicate candidate on file @case_id
 * for a person typed with @name (the father's, grandfather's and family
 * names as registered), @birth and, unless NULL, @number. */
static char *
duplicates_on (LajnaDb    *db,
               gint64      case_id,
               const char *name,
               const char *birth,
               const char *number)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autofree char *json = g_strdup_printf (
      "{\"name\": \"%s\", \"father_name\": \"مفتاح\", \"grandfather_name\": \"عمران\","
      " \"family_name\": \"الزوي\", \"sex\": \"m\", \"birth_date\": \"%s\","
      " \"nationality\": \"LY\", \"national_number\": %s%s%s}",
      name, birth, number ? "\"" : "", number ? number : "null", number ? "\"" : "");

  return query_text (db,
      "SELECT coalesce(string_agg(concat_ws('|', role, reason, file_number), ' '), '')"
      "  FROM lajna_intake_duplicates($1::jsonb) WHERE case_id = $2", json, id, NULL);
}

START_TEST (test_intake_duplicates)
{
  static const char * const party[] = {
    "libyan_party.name", "إبراهيم", "libyan_party.father_name", "مفتاح",
    "libyan_party.grandfather_name", "عمران", "libyan_party.family_name", "الزوي",
    "libyan_party.birth_date", "1985-07-21", "libyan_party.national_number", "119850072101",
    NULL
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaCaseRecord) made = register_one (db, "marriage", lajna_test_committee (db, "cr-dup"), party);
  g_autofree char *want_number = g_strdup_printf ("libyan_party|national_number|%s", made->file_number);
  g_autofree char *want_name = g_strdup_printf ("libyan_party|name_birth_date|%s", made->file_number);
  /* The same number under another name and birth date. */
  g_autofree char *by_number = duplicates_on (db, made->id, "سالم", "1970-01-01", "119850072101");
  /* Alef without hamza, the same birth date, no number typed. */
  g_autofree char *by_name = duplicates_on (db, made->id, "ابراهيم", "1985-07-21", NULL);
  g_autofree char *other_day = duplicates_on (db, made->id, "ابراهيم", "1985-07-22", NULL);

  ck_assert_str_eq (by_number, want_number);
  ck_assert_str_eq (by_name, want_name);
  ck_assert_str_eq (other_day, "");
}
END_TEST

/* ---- Concurrent file numbers ------------------------------------------ */

typedef struct
{
  int        committee_id;
  GPtrArray *numbers;  /* of char *, the file numbers this thread got */
  char      *error;
} Worker;

static gpointer
register_files (gpointer data)
{
  Worker *worker = data;
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint i = 0; i < FILES_PER_THREAD && worker->error == NULL; i++)
    {
      g_autoptr(GPtrArray) one = records_new ();
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (one, lajna_test_make_record ("marriage", worker->committee_id, NULL));
      if (lajna_case_record_register (db, one, &error))
        g_ptr_array_add (worker->numbers, g_strdup (RECORD (one, 0)->file_number));
      else
        worker->error = g_strdup (error->message);
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

START_TEST (test_numbers_concurrent)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  Worker workers[N_THREADS];
  GThread *threads[N_THREADS];

  for (guint t = 0; t < N_THREADS; t++)
    {
      workers[t] = (Worker) { lajna_test_committee (db, "cr-conc"),
                              g_ptr_array_new_with_free_func (g_free), NULL };
      threads[t] = g_thread_new ("register", register_files, &workers[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    {
      g_thread_join (threads[t]);
      ck_assert_msg (workers[t].error == NULL, "thread %u: %s", t, workers[t].error);
      ck_assert_int_eq (workers[t].numbers->len, FILES_PER_THREAD);
      for (guint i = 0; i < workers[t].numbers->len; i++)
        g_ptr_array_add (all, g_ptr_array_index (workers[t].numbers, i));
    }

  /* Zero-padded, so sorted text is numeric order: C/2026/00001 … 00200. */
  g_ptr_array_sort (all, compare_strings);
  ck_assert_int_eq (all->len, N_THREADS * FILES_PER_THREAD);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *want = g_strdup_printf ("C/2026/%05u", i + 1);

      ck_assert_str_eq (g_ptr_array_index (all, i), want);
    }
  ck_assert_int_eq (query_int (db, "SELECT count(DISTINCT f.file_number) FROM case_file f"
                                   " JOIN committee c ON c.id = f.committee_id WHERE c.code = $1",
                               "cr-conc"), N_THREADS * FILES_PER_THREAD);
  for (guint t = 0; t < N_THREADS; t++)
    g_ptr_array_unref (workers[t].numbers);
}
END_TEST

static Suite *
case_record_suite (void)
{
  Suite *suite = suite_create ("case-record");
  TCase *db_tc = tcase_create ("/case-record/database");

  tcase_add_unchecked_fixture (db_tc, setup_committees, lajna_test_shared_stop);
  tcase_add_loop_test (db_tc, test_round_trip, 0, 2);
  tcase_add_test (db_tc, test_numbers_gapless_per_committee);
  tcase_add_test (db_tc, test_save_over_another_save);
  tcase_add_test (db_tc, test_field_history);
  tcase_add_test (db_tc, test_register_all_or_nothing);
  tcase_add_test (db_tc, test_bulk_all_or_nothing);
  tcase_add_test (db_tc, test_intake_duplicates);
  tcase_add_test (db_tc, test_numbers_concurrent);
  suite_add_tcase (suite, db_tc);

  return suite;
}

int
main (void)
{
  return lajna_test_run (case_record_suite ());
}
