/* test-cli-rulings.c: lajnactl on rulings. `ruling list` gives the
 * register of rulings, a table with headings by default and JSON with
 * --json, for one committee with --committee; `case show --json` names the
 * decision in force on a file and its ruling, null while there is none.
 * Both follow a ruling from issued to signed, and both work for a member,
 * who reads a ruling's number, day and version but not its text. */

#include <check.h>
#include <string.h>

#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  return lajna_test_run_program (LAJNACTL_PATH, args, out, err);
}

/* lajnactl's output for @args, which must succeed. */
static char *
cli_output (const char * const *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = run_cli (args, &out, &err);

  ck_assert_msg (status == 0, "%s %s: exit %d (%s)", args[0], args[1], status, err);
  return out;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  ck_assert_msg (strstr (text, part) != NULL, "“%s” lacks “%s”", text, part);
}

/* The connection string of a member of the marriage committee: the
 * server's account acting as them, so that their grants, not its own,
 * decide what each query may read. */
static char *
member_conninfo (void)
{
  g_autofree char *run = g_build_filename (lajna_test_shared_data_dir (), "run", NULL);

  return g_strdup_printf ("host=%s dbname=lajna options='-c role=mtm.m1'", run);
}

/* The cells of the row of @table whose first cell is @first: columns are
 * two spaces apart at least. */
static GStrv
table_row (const char *table,
           const char *first)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_regex_split_simple ("  +", lines[i], 0, 0);

      if (g_strcmp0 (cells[0], first) == 0)
        return g_steal_pointer (&cells);
    }
  ck_abort_msg ("no row %s in %s", first, table);
  return NULL;
}

/* The ruling of @file in force as JSON, as the contract names it. */
static char *
expected_json (LajnaDb *db,
               gint64   file)
{
  return query_text (db,
      "SELECT format('{\"id\":%s,\"committee\":%s,\"number\":%s,\"year\":%s,\"version\":%s,"
      "\"issued_on\":\"%s\",\"signed\":%s,\"case_id\":%s}', r.id, r.committee_id, r.number,"
      "              r.year, r.version, to_char(r.issued_on, 'YYYY-MM-DD'),"
      "              (r.sha256 IS NOT NULL)::text, d.case_id)"
      "  FROM ruling r JOIN decision d ON d.id = r.decision_id WHERE d.case_id = $1", file);
}

START_TEST (test_usage)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (ARGS ("ruling", "list", "extra"), NULL, NULL), 2);
  ck_assert_int_eq (run_cli (ARGS ("ruling", "list", "--committee", "-1"), NULL, NULL), 2);
  ck_assert_int_eq (run_cli (ARGS ("ruling", "issue", "--case", "1", "--date", "23-11-2026"),
                             NULL, NULL), 2);
  ck_assert_int_eq (run_cli (ARGS ("ruling"), &out, &err), 2);
  assert_contains (err, "ruling list [--committee ID] [--json]");
  assert_contains (err, "ruling issue --case ID [--date YYYY-MM-DD]");
}
END_TEST

START_TEST (test_issued_then_signed)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 file = decided_file (db, "marriage", "approve");
  g_autofree char *id = g_strdup_printf (ID, file);
  g_autofree char *marriage = g_strdup_printf ("%d", committee (db, "mtm"));
  g_autofree char *juvenile = g_strdup_printf ("%d", committee (db, "mtj"));
  g_autofree char *decision = g_strdup_printf (
      "\"decision\":{\"id\":" ID ",\"outcome\":\"approve\",\"decided_on\":\"2033-01-03\"}",
      query_for (db, "SELECT id FROM decision_now WHERE case_id = $1", file));
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *password = g_build_filename (dir, "password", NULL);
  g_autofree char *signed_pdf = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *show = NULL, *issued = NULL, *listed = NULL, *table = NULL;
  g_autofree char *ruling = NULL, *number = NULL, *signed_json = NULL;
  g_autofree char *other = NULL, *signed_show = NULL, *in_show = NULL;
  g_autofree char *case_key = g_strdup_printf ("\"case_id\":%s}", id);
  g_auto(GStrv) headings = NULL;
  g_auto(GStrv) row = NULL;

  /* Decided, not issued: the decision, and no ruling. */
  show = cli_output (ARGS ("case", "show", id, "--json"));
  assert_contains (show, decision);
  assert_contains (show, "\"ruling\":null}");

  g_free (cli_output (ARGS ("ruling", "issue", "--case", id, "--date", "2033-02-01")));
  issued = expected_json (db, file);
  assert_contains (issued, "\"version\":1,");
  assert_contains (issued, "\"signed\":false,");
  listed = cli_output (ARGS ("ruling", "list", "--committee", marriage, "--json"));
  ck_assert_msg (g_str_has_prefix (listed, "[{"), "%s", listed);
  assert_contains (listed, issued);
  g_free (show);
  show = cli_output (ARGS ("case", "show", id, "--json"));
  in_show = g_strdup_printf ("%s,\"ruling\":%s}", decision, issued);
  assert_contains (show, in_show);

  /* A table, with headings, the day given as year-month-day, not signed. */
  table = cli_output (ARGS ("ruling", "list"));
  ruling = query_text (db, "SELECT r.id FROM ruling r JOIN decision d ON d.id = r.decision_id"
                           " WHERE d.case_id = $1", file);
  number = query_text (db, "SELECT r.number || '/' || r.year FROM ruling r"
                           "  JOIN decision d ON d.id = r.decision_id WHERE d.case_id = $1", file);
  headings = table_row (table, "ID");
  ck_assert_msg (g_str_has_prefix (table, "ID  "), "%s", table);
  ck_assert_uint_eq (g_strv_length (headings), 7);
  ck_assert_str_eq (headings[4], "Issued on");
  ck_assert_str_eq (headings[5], "Signed");
  row = table_row (table, ruling);
  ck_assert_uint_eq (g_strv_length (row), 7);
  ck_assert_str_eq (row[1], "Mixed marriage");
  ck_assert_str_eq (row[2], number);
  ck_assert_str_eq (row[3], "1");
  ck_assert_str_eq (row[4], "2033-02-01");
  ck_assert_str_eq (row[5], "No");
  ck_assert_str_eq (row[6], id);

  /* Signed: so it lists, and so the file shows it. */
  ck_assert (g_file_set_contents (password, "secret\n", -1, NULL));
  g_free (cli_output (ARGS ("ruling", "sign", "--ruling", ruling, "--key", p12, "--password-file",
                            password, "-o", signed_pdf)));
  signed_json = expected_json (db, file);
  assert_contains (signed_json, "\"signed\":true,");
  g_free (listed);
  listed = cli_output (ARGS ("ruling", "list", "--json"));
  assert_contains (listed, signed_json);
  signed_show = cli_output (ARGS ("case", "show", id, "--json"));
  assert_contains (signed_show, signed_json);

  /* Another committee's register has none of it. */
  other = cli_output (ARGS ("ruling", "list", "--committee", juvenile, "--json"));
  ck_assert_msg (g_str_has_prefix (other, "[") && strstr (other, case_key) == NULL, "%s", other);
  lajna_test_remove_dir (dir);
}
END_TEST

/* A member reads no ruling's text or PDF, yet lists the rulings and sees
 * the file's. */
START_TEST (test_member_reads_numbers)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 file = decided_file (db, "marriage", "reject");
  g_autofree char *id = g_strdup_printf (ID, file);
  g_autofree char *conninfo = member_conninfo ();
  g_autofree char *expected = NULL, *listed = NULL, *show = NULL, *table = NULL;
  g_autofree char *err = NULL, *out = NULL;

  g_free (cli_output (ARGS ("ruling", "issue", "--case", id, "--date", "2033-02-01")));
  expected = expected_json (db, file);
  /* As the member, a ruling's text is out of reach. */
  ck_assert_int_eq (run_cli (ARGS ("--database", conninfo, "ruling", "render", "--case", id, "-o",
                                   "/tmp/lajna-member-ruling.pdf"), &out, &err), 1);
  assert_contains (err, "not its text");
  listed = cli_output (ARGS ("--database", conninfo, "ruling", "list", "--json"));
  assert_contains (listed, expected);
  table = cli_output (ARGS ("--database", conninfo, "ruling", "list"));
  assert_contains (table, "Issued on");
  show = cli_output (ARGS ("--database", conninfo, "case", "show", id, "--json"));
  assert_contains (show, expected);
}
END_TEST

static Suite *
cli_rulings_suite (void)
{
  Suite *suite = suite_create ("cli-rulings");
  TCase *tc = tcase_create ("/cli/rulings");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_usage);
  tcase_add_test (tc, test_issued_then_signed);
  tcase_add_test (tc, test_member_reads_numbers);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (cli_rulings_suite ());
}
