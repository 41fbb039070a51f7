/* test-stats-report.c: the printed statistics report is a sound PDF
 * (qpdf), its fonts embedded, that poppler and MuPDF both read: the
 * committee's letterhead, the period, each key figure and each chart's
 * figures as lajna_stats() counts them, in the digits asked for; one that
 * cannot be written leaves nothing behind. lajnactl stats -o prints it. */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lajna-demo.h"
#include "lajna-stats-report.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

#define N_CASES 600

static void
seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = NULL;

  lajna_test_shared_start ();
  db = lajna_test_shared_connect ();
  if (!lajna_demo_fill (db, N_CASES, 5, NULL, NULL, &error))
    g_error ("Cannot seed the test database: %s", error->message);
}

/* This year's figures, of @committee (a code) or of all. */
static LajnaStats *
this_year (LajnaDb    *db,
           const char *committee)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  LajnaStats *stats;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, (GDateYear) g_date_time_get_year (now));
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, (GDateYear) g_date_time_get_year (now));
  stats = lajna_stats_fetch (db, committee != NULL ? lajna_test_committee (db, committee) : 0,
                             &from, &to, &error);
  ck_assert_msg (stats != NULL, "%s", error != NULL ? error->message : "");
  return stats;
}

static char *
report_path (const char *name)
{
  return g_build_filename (lajna_test_shared_data_dir (), name, NULL);
}

/* @figure, in @digits, is in @text as a word of its own. */
static void
assert_figure (const char       *text,
               LajnaChartDigits  digits,
               gint64            figure,
               const char       *what)
{
  g_autofree char *written = lajna_chart_digits_format_value (digits, (double) figure);
  g_autofree char *pattern = g_strdup_printf ("(^|\\s|\u2068)%s($|\\s|\u2069)", written);

  ck_assert_msg (g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0),
                 "%s (%s) is not in the report", what, written);
}

/* Each word of @words, in @text as poppler extracts it: the runs of a
 * line may come in another order. */
static void
assert_words (const char *text,
              const char *words)
{
  g_autofree char *flat = lajna_test_flat_text (text);
  g_auto(GStrv) each = g_strsplit (words, " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    if (g_utf8_strlen (each[i], -1) > 1)
      ck_assert_msg (strstr (flat, each[i]) != NULL, "“%s” is not in the report", each[i]);
}

/* What both readers see of the report's words: poppler in logical order,
 * MuPDF in the order shown (its Arabic letters reversed, its figures
 * not). */
static void
read_both (const char  *path,
           char       **poppler,
           char       **mupdf)
{
  int status = -1;

  *poppler = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), &status);
  ck_assert_int_eq (status, 0);
  *mupdf = lajna_test_tool_output ("mutool", ARGS ("draw", "-q", "-F", "txt", "-o", "-", path),
                                   &status);
  ck_assert_int_eq (status, 0);
}

START_TEST (test_report_states_the_figures)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaStats) stats = this_year (db, "juvenile-tripoli");
  g_autofree char *path = report_path ("juvenile.pdf");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *poppler = NULL, *mupdf = NULL;
  g_autofree char *name = lajna_test_value (db, "SELECT name_ar FROM committee"
                                                " WHERE code = 'juvenile-tripoli'");
  g_autoptr(GError) error = NULL;
  char first[16];

  ck_assert_int_gt (stats->received, 0);
  ck_assert_msg (lajna_stats_report_write (db, stats, LAJNA_CHART_DIGITS_LATIN, path, &error),
                 "%s", error != NULL ? error->message : "");
  read_both (path, &poppler, &mupdf);
  g_date_strftime (first, sizeof first, "%Y-%m-%d", &stats->from);
  assert_words (poppler, name);
  for (guint i = 0; i < stats->decided->len; i++)
    assert_words (poppler, g_array_index (stats->decided, LajnaStatsItem, i).label);
  for (const char *text = poppler; text != NULL; text = text == poppler ? mupdf : NULL)
    {
      ck_assert_msg (strstr (text, first) != NULL, "the period is not stated");
      assert_figure (text, LAJNA_CHART_DIGITS_LATIN, stats->received, "received");
      assert_figure (text, LAJNA_CHART_DIGITS_LATIN, stats->reviews_overdue, "overdue");
      for (guint i = 0; i < stats->decided->len; i++)
        {
          const LajnaStatsItem *item = &g_array_index (stats->decided, LajnaStatsItem, i);

          assert_figure (text, LAJNA_CHART_DIGITS_LATIN, item->value, item->label);
        }
    }
  lajna_test_assert_fonts_embedded (path);
  ck_assert_int_eq (lajna_test_run_program (qpdf, ARGS ("--check", path), NULL, NULL), 0);
}
END_TEST

/* Arabic-Indic figures; the days stay as dates are written, 2026-01-01. */
START_TEST (test_report_in_arabic_indic_digits)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaStats) stats = this_year (db, NULL);
  g_autofree char *path = report_path ("all.pdf");
  g_autofree char *poppler = NULL, *mupdf = NULL;
  g_autoptr(GError) error = NULL;
  char first[16];

  ck_assert_msg (lajna_stats_report_write (db, stats, LAJNA_CHART_DIGITS_ARABIC_INDIC, path,
                                           &error),
                 "%s", error != NULL ? error->message : "");
  read_both (path, &poppler, &mupdf);
  g_date_strftime (first, sizeof first, "%Y-%m-%d", &stats->from);
  ck_assert (strstr (poppler, first) != NULL);
  assert_figure (poppler, LAJNA_CHART_DIGITS_ARABIC_INDIC, stats->received, "received");
  assert_figure (mupdf, LAJNA_CHART_DIGITS_ARABIC_INDIC, stats->received, "received");
  ck_assert (lajna_test_has_digits (poppler, 0x0660));
}
END_TEST

/* A folder stands where the report would go: the report cannot take its
 * name, and its pages written beside it are gone. */
START_TEST (test_unwritable_report_leaves_nothing)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(LajnaStats) stats = this_year (db, NULL);
  g_autofree char *path = report_path ("taken.pdf");
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *inside = g_build_filename (path, "kept", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir (path, 0700), 0);
  ck_assert (g_file_set_contents (inside, "kept", -1, NULL));
  ck_assert (!lajna_stats_report_write (db, stats, LAJNA_CHART_DIGITS_LATIN, path, &error));
  ck_assert (error != NULL && error->message[0] != '\0');
  ck_assert (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
}
END_TEST

/* lajnactl stats -o: the report printed; refused, with nothing written,
 * with digits it does not know or with --json beside it. */
START_TEST (test_cli_prints_the_report)
{
  g_autofree char *path = report_path ("cli.pdf");
  g_autofree char *refused = report_path ("refused.pdf");
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  const char * const *refusals[] = {
    ARGS ("stats", "--digits", "roman", "-o", refused),
    ARGS ("stats", "--json", "-o", refused),
  };

  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                            ARGS ("stats", "--digits", "arabic-indic", "-o",
                                                  path), &out, &err), 0);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  ck_assert (lajna_test_has_digits (text, 0x0660));
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_clear_pointer (&err, g_free);
      ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, refusals[i], NULL, &err), 2);
      ck_assert (*err != '\0');
      ck_assert (!g_file_test (refused, G_FILE_TEST_EXISTS));
    }
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("stats-report");
  TCase *tc = tcase_create ("/stats-report");

  tcase_set_timeout (tc, 300);
  tcase_add_unchecked_fixture (tc, seed, lajna_test_shared_stop);
  tcase_add_test (tc, test_report_states_the_figures);
  tcase_add_test (tc, test_report_in_arabic_indic_digits);
  tcase_add_test (tc, test_unwritable_report_leaves_nothing);
  tcase_add_test (tc, test_cli_prints_the_report);
  suite_add_tcase (suite, tc);
  return lajna_test_run (suite);
}
