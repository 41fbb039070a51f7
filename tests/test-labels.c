/* test-labels.c: no code prints raw. Every code of each enumerated field,
 * read from the schema's own checks, has its label, and those the minutes
 * print have their Arabic words; every outcome, reason and document type
 * that rulings and minutes print has its Arabic name; what demonstration
 * data stores in coded fields (a charge, a programme, the audit's actions
 * on a file) has its label, and a juvenile file's export shows none of
 * those codes. */

#include <check.h>
#include <string.h>

#include "lajna-case-export.h"
#include "lajna-demo.h"
#include "lajna-labels.h"
#include "lajna-minutes.h"
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
};

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

      ck_assert_msg (PQntuples (codes) >= 2, "no codes found for %s.%s", fields[f].table,
                     fields[f].column);
      for (int i = 0; i < PQntuples (codes); i++)
        {
          const char *code = PQgetvalue (codes, i, 0);

          ck_assert_msg (strcmp (lajna_label_for (code), code) != 0, "%s.%s: “%s” has no label",
                         fields[f].table, fields[f].column, code);
          ck_assert_msg (!fields[f].in_minutes || lajna_minutes_words (code) != NULL,
                         "%s.%s: the minutes have no words for “%s”", fields[f].table,
                         fields[f].column, code);
        }
    }
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
      " UNION SELECT action FROM audit_event WHERE object = 'case_file'"
      " UNION SELECT 'ruling.print'", 0, NULL);
  ck_assert_int_gt (PQntuples (codes), 5);
  for (int i = 0; i < PQntuples (codes); i++)
    ck_assert_msg (strcmp (lajna_label_for (PQgetvalue (codes, i, 0)), PQgetvalue (codes, i, 0))
                   != 0, "“%s” has no label", PQgetvalue (codes, i, 0));

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

  tcase_add_unchecked_fixture (tc, lajna_test_shared_start, lajna_test_shared_stop);
  tcase_add_test (tc, test_enumerated_fields);
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
