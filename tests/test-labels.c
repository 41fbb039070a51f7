/* test-labels.c: no code prints raw, in either language. Every code of
 * each enumerated field, read from the schema's own checks, has its
 * label in English and in Arabic, and those the minutes print have their
 * Arabic words; so has every action the audit trail records, read from
 * the database's own functions; every outcome, reason and document type
 * that rulings and minutes print has its Arabic name; what demonstration
 * data stores in coded fields (a charge, a programme, the audit's
 * actions) has its labels, and a juvenile file's export shows none of
 * those codes. A country reads by its name in the reader's language
 * alone. */

#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "lajna-case-details.h"
#include "lajna-case-export.h"
#include "lajna-db-private.h"
#include "lajna-demo.h"
#include "lajna-labels.h"
#include "lajna-minutes.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

/* The fields whose values are codes from a fixed list. */
static const struct
{
  const char *table;
  const char *column;
  gboolean    in_minutes;
} fields[] = {
  { "person", "sex", FALSE },
  { "case_file", "kind", TRUE },
  { "case_file", "status", FALSE },
  { "marriage_case", "direction", FALSE },
  { "juvenile_case", "legal_status", FALSE },
  { "juvenile_case", "programme", FALSE },
  { "meeting", "state", TRUE },
  { "attendance", "status", TRUE },
  { "attendance", "role", TRUE },
  { "vote", "choice", TRUE },
  { "document", "source", FALSE },
  { "case_plan_goal", "domain", FALSE },
  { "case_plan_goal", "status", FALSE },
  { "committee_role", "role", FALSE },
  { "app_user", "profession", FALSE },
};

/* What the C code records in the audit trail, beside what the database's
 * functions do. */
static const char * const client_actions[] = {
  "case.open", "case.export", "document.attach", "document.open", "document.export",
  "ruling.print", "meeting.minutes",
};

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'lb-m', 'لجنة الزواج', 'Marriages', 'ز')";

static void
setup (void)
{
  lajna_test_shared_start_with (setup_sql);
}

/* The interface in Arabic (with the build's catalogue, or
 * LAJNA_LOCALEDIR's), or back in the test's own language. */
static void
use_arabic (gboolean arabic)
{
  const char *localedir = g_getenv ("LAJNA_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LAJNA_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (arabic)
    g_setenv ("LANGUAGE", "ar", TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static gboolean
has_arabic_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0621 && g_utf8_get_char (p) <= 0x064A)
      return TRUE;
  return FALSE;
}

/* Each of @codes has a label in English, and another, in Arabic letters,
 * in Arabic. */
static void
assert_labelled (GPtrArray  *codes,
                 const char *what)
{
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      ck_assert_msg (strcmp (lajna_label_for (code), code) != 0, "%s: “%s” has no label", what,
                     code);
      g_ptr_array_add (english, g_strdup (lajna_label_for (code)));
    }
  use_arabic (TRUE);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *arabic = lajna_label_for (g_ptr_array_index (codes, i));

      ck_assert_msg (strcmp (arabic, g_ptr_array_index (english, i)) != 0
                     && has_arabic_letter (arabic), "%s: “%s” has no Arabic label", what,
                     (char *) g_ptr_array_index (codes, i));
    }
  use_arabic (FALSE);
}

static void
add_column (GPtrArray *codes,
            PGresult  *result,
            int        column)
{
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (codes, g_strdup (PQgetvalue (result, i, column)));
}

static PGresult *
query (LajnaDb            *db,
       const char         *sql,
       int                 n_params,
       const char * const *params)
{
  g_autoptr(GError) error = NULL;
  PGresult *result = lajna_db_exec_params (db, sql, n_params, params, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, error != NULL ? error->message : "");
  return result;
}

/* The codes the column's own check allows. */
static PGresult *
codes_of (LajnaDb    *db,
          const char *table,
          const char *column)
{
  return query (db,
      "SELECT DISTINCT m[1] FROM pg_constraint c"
      "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)"
      " CROSS JOIN regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') m"
      " WHERE c.conrelid = $1::regclass AND a.attname = $2 AND c.contype = 'c'"
      "   AND cardinality(c.conkey) = 1 ORDER BY 1", 2, (const char *[]) { table, column });
}

START_TEST (test_enumerated_fields)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(PGresult) codes = codes_of (db, fields[f].table, fields[f].column);
      g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *what = g_strdup_printf ("%s.%s", fields[f].table, fields[f].column);

      ck_assert_msg (PQntuples (codes) >= 2, "no codes found for %s", what);
      for (int i = 0; i < PQntuples (codes); i++)
        ck_assert_msg (!fields[f].in_minutes || lajna_minutes_words (PQgetvalue (codes, i, 0))
                                                  != NULL,
                       "%s: the minutes have no words for “%s”", what, PQgetvalue (codes, i, 0));
      add_column (listed, codes, 0);
      assert_labelled (listed, what);
    }
}
END_TEST

/* Every action of the audit trail, as a file's access history shows it:
 * those the database's functions name, each kind of write, each step of
 * a meeting, and the client's own. */
START_TEST (test_audit_actions)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) named = query (db,
      "SELECT DISTINCT m[1] FROM pg_proc p"
      " CROSS JOIN regexp_matches(p.prosrc, 'lajna_audit(?:_event)?\\(''([a-z_]+\\.[a-z_]+)''',"
      "                           'g') m"
      " WHERE p.pronamespace = 'public'::regnamespace"
      " UNION SELECT 'write.' || op FROM unnest(ARRAY['insert', 'update', 'delete']) op"
      " ORDER BY 1", 0, NULL);
  g_autoptr(PGresult) steps = codes_of (db, "meeting", "state");

  ck_assert_int_gt (PQntuples (named), 10);
  add_column (actions, named, 0);
  for (int i = 0; i < PQntuples (steps); i++)
    if (strcmp (PQgetvalue (steps, i, 0), "draft") != 0)
      g_ptr_array_add (actions, g_strconcat ("meeting.", PQgetvalue (steps, i, 0), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (client_actions); i++)
    g_ptr_array_add (actions, g_strdup (client_actions[i]));
  assert_labelled (actions, "audit_event.action");
}
END_TEST

/* «ليبيا» in Arabic, "Libya" in English: never both. */
START_TEST (test_nationality_in_one_language)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_test_register_file (db, "marriage", "lb-m");
  const char *expected[] = { "Libya", "ليبيا" };

  for (guint arabic = 0; arabic < 2; arabic++)
    {
      g_autoptr(LajnaCaseDetails) details = NULL;
      g_autofree char *nationality = NULL;

      use_arabic (arabic);
      details = lajna_case_details_fetch (db, id, &error);
      ck_assert_msg (details != NULL, "%s", MESSAGE (error));
      for (guint i = 0; i < details->sections->len; i++)
        {
          LajnaFactSection *section = g_ptr_array_index (details->sections, i);

          for (guint j = 0; j < section->facts->len && strcmp (section->key, "libyan_party") == 0;
               j++)
            {
              LajnaFact *fact = g_ptr_array_index (section->facts, j);

              if (strcmp (fact->key, "nationality") == 0)
                nationality = g_strdup (fact->value);
            }
        }
      ck_assert_msg (g_strcmp0 (nationality, expected[arabic]) == 0, "%s", nationality);
    }
  use_arabic (FALSE);
}
END_TEST

/* Outcomes, reasons and document types print by their Arabic names. */
START_TEST (test_reference_names)
{
  static const char * const tables[] = {
    "decision_outcome", "decision_reason", "document_type", "country",
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf (
          "SELECT coalesce(string_agg(code, ', '), '') FROM %s WHERE name_ar !~ '[ء-ي]'",
          tables[t]);
      g_autoptr(PGresult) unnamed = query (db, sql, 0, NULL);

      ck_assert_msg (*PQgetvalue (unnamed, 0, 0) == '\0', "%s without an Arabic name: %s",
                     tables[t], PQgetvalue (unnamed, 0, 0));
    }
}
END_TEST

/* What the demonstration stores as codes, each with its label; a
 * juvenile file's export shows its charge and programme in words. */
START_TEST (test_demo_codes)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) codes = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) file = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "juvenile.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 id;

  ck_assert_msg (lajna_demo_fill (db, 60, 3, NULL, NULL, &error), "%s",
                 error != NULL ? error->message : "");
  codes = query (db,
      "SELECT charge_category FROM juvenile_case WHERE charge_category ~ '^[a-z_]+$'"
      " UNION SELECT unnest(programme) FROM juvenile_case"
      " UNION SELECT action FROM audit_event", 0, NULL);
  ck_assert_int_gt (PQntuples (codes), 5);
  add_column (listed, codes, 0);
  assert_labelled (listed, "demonstration data");

  file = query (db,
      "SELECT case_id, charge_category, array_to_string(programme, ' ') FROM juvenile_case"
      " WHERE cardinality(programme) > 1 AND charge_category ~ '^[a-z_]+$'"
      " ORDER BY case_id LIMIT 1", 0, NULL);
  ck_assert_int_eq (PQntuples (file), 1);
  id = g_ascii_strtoll (PQgetvalue (file, 0, 0), NULL, 10);
  ck_assert_msg (lajna_case_export_pdf (db, id, path, &error), "%s",
                 error != NULL ? error->message : "");
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  {
    g_autofree char *words = g_strconcat (PQgetvalue (file, 0, 1), " ", PQgetvalue (file, 0, 2),
                                          NULL);
    g_auto(GStrv) raw = g_strsplit (words, " ", -1);

    for (guint i = 0; raw[i] != NULL; i++)
      ck_assert_msg (strstr (text, raw[i]) == NULL, "“%s” printed raw: %s", raw[i], text);
  }
  lajna_test_remove_dir (dir);
}
END_TEST

/* A list field's codes read as a list of words. */
START_TEST (test_label_list)
{
  g_autofree char *listed = lajna_label_list ("education,vocational");
  g_autofree char *from_history = lajna_label_list ("[\"counselling\", \"education\"]");

  ck_assert_str_eq (listed, "Education, Vocational training");
  ck_assert_str_eq (from_history, "Counselling, Education");
}
END_TEST

static Suite *
labels_suite (void)
{
  Suite *suite = suite_create ("labels");
  TCase *tc = tcase_create ("labels");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_test (tc, test_enumerated_fields);
  tcase_add_test (tc, test_audit_actions);
  tcase_add_test (tc, test_nationality_in_one_language);
  tcase_add_test (tc, test_reference_names);
  tcase_add_test (tc, test_demo_codes);
  tcase_add_test (tc, test_label_list);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (labels_suite ());
}
