/* test-dashboard.c: the dashboard shows the figures lajna_stats() counts
 * for the committee and period chosen, in the digits chosen, each chart
 * with its figures; a period or committee chosen reads them again. Runs
 * under Xvfb on the demo's files, in Arabic and in English. */

#include <check.h>
#include <string.h>
#include <time.h>

#include "stats/lajna-chart-view.h"
#include "lajna-stats.h"
#include "lajna-stats-period.h"
#include "lajna-test-records.h"
#include "lajna-text.h"
#include "lajna-test-util.h"
#include "lajna-test-widgets.h"
#include "stats/lajna-dashboard.h"

static const char * const languages[] = { "ar", "en" };

/* The chooser's "Last Year", and its "This Year". */
#define LAST_YEAR 5
#define THIS_YEAR 4

typedef struct
{
  LajnaDashboard *dashboard;
  const char     *period;
  /* (nullable): the first card's figure */
  char           *received;
} Wanted;

static const char *card_value (LajnaDashboard *dashboard,
                               guint           nth);

static const char *
stack_page (LajnaDashboard *dashboard)
{
  GtkStack *stack = GTK_STACK (lajna_test_template_child (dashboard, LAJNA_TYPE_DASHBOARD,
                                                          "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* The figures are shown, for the period wanted. */
static gboolean
figures_shown (gpointer data)
{
  Wanted *wanted = data;
  GtkLabel *period = GTK_LABEL (lajna_test_template_child (wanted->dashboard,
                                                           LAJNA_TYPE_DASHBOARD,
                                                           "period_label"));

  return g_strcmp0 (stack_page (wanted->dashboard), "figures") == 0
         && strstr (gtk_label_get_label (period), wanted->period) != NULL
         && (wanted->received == NULL
             || g_strcmp0 (card_value (wanted->dashboard, 0), wanted->received) == 0);
}

/* The big figure of the @nth card. */
static const char *
card_value (LajnaDashboard *dashboard,
            guint           nth)
{
  GtkWidget *cards = lajna_test_template_child (dashboard, LAJNA_TYPE_DASHBOARD, "cards");
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (cards), (int) nth);

  ck_assert_ptr_nonnull (child);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (
    gtk_flow_box_child_get_child (child))));
}

/* The figures lajna_stats() counts for a period @back periods before
 * today's, and the period's first day in @first. */
static LajnaStats *
expected (int              committee_id,
          LajnaStatsPeriod period,
          int              back,
          char            *first)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  GDate today, from, to;
  LajnaStats *stats;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  lajna_stats_period_range (period, &today, back, &from, &to);
  g_date_strftime (first, 16, "%Y-%m-%d", &from);
  stats = lajna_stats_fetch (db, committee_id, &from, &to, &error);
  ck_assert_msg (stats != NULL, "%s", error != NULL ? error->message : "");
  return stats;
}

static void
assert_figures (LajnaDashboard   *dashboard,
                const LajnaStats *stats,
                LajnaChartDigits  digits)
{
  g_autofree char *received = lajna_chart_digits_format_value (digits,
                                                               (double) stats->received);
  g_autofree char *overdue = lajna_chart_digits_format_value (digits,
                                                              (double) stats->reviews_overdue);
  g_autofree char *due = lajna_chart_digits_format_value (digits, (double) stats->reports_due);
  g_autoptr(GPtrArray) views = lajna_test_find_all (GTK_WIDGET (dashboard),
                                                    LAJNA_TYPE_CHART_VIEW);
  LajnaChart *monthly, *outcomes;
  double decided = 0;

  ck_assert_str_eq (card_value (dashboard, 0), received);
  ck_assert_str_eq (card_value (dashboard, 6), overdue);
  ck_assert_str_eq (card_value (dashboard, 8), due);
  ck_assert_uint_eq (views->len, 5);
  monthly = lajna_chart_view_get_chart (g_ptr_array_index (views, 0));
  ck_assert_uint_eq (lajna_chart_get_n_categories (monthly), stats->monthly->len);
  outcomes = lajna_chart_view_get_chart (g_ptr_array_index (views, 1));
  ck_assert_uint_eq (lajna_chart_get_n_categories (outcomes), stats->decided->len);
  for (guint i = 0; i < stats->decided->len; i++)
    {
      const LajnaStatsItem *item = &g_array_index (stats->decided, LajnaStatsItem, i);

      ck_assert_str_eq (lajna_chart_get_category (outcomes, i), item->label);
      ck_assert (lajna_chart_get_value (outcomes, 0, i) == (double) item->value);
      decided += item->value;
    }
  {
    g_autofree char *total = lajna_chart_digits_format_value (digits, decided);

    ck_assert_str_eq (card_value (dashboard, 1), total);
  }
  for (guint i = 0; i < views->len; i++)
    ck_assert_ptr_nonnull (lajna_chart_view_get_chart (g_ptr_array_index (views, i)));
}

static LajnaDashboard *
open_dashboard (LajnaDbWorker *worker,
                GtkWindow    **window)
{
  LajnaDashboard *dashboard = LAJNA_DASHBOARD (lajna_dashboard_new ());

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (dashboard));
  lajna_dashboard_set_worker (dashboard, worker);
  gtk_window_present (*window);
  return dashboard;
}

START_TEST (test_figures_of_the_year)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(LajnaStats) stats = NULL;
  char first[16];
  GtkWindow *window;
  Wanted wanted = { NULL };

  lajna_test_widgets_init (languages[_i]);
  worker = lajna_test_shared_worker ();
  stats = expected (0, LAJNA_STATS_YEAR, 0, first);
  wanted.dashboard = open_dashboard (worker, &window);
  wanted.period = first;
  lajna_test_wait_for (figures_shown, &wanted, "this year's figures");
  {
    GtkWidget *period = lajna_test_template_child (wanted.dashboard, LAJNA_TYPE_DASHBOARD,
                                                   "period_label");
    g_autofree char *isolated = lajna_isolate (first);

    /* A date inside Arabic stays whole: 2026-01-01, not 01-01-2026. */
    ck_assert_ptr_nonnull (strstr (gtk_label_get_label (GTK_LABEL (period)), isolated));
  }
  ck_assert_int_gt (stats->received, 0);
  assert_figures (wanted.dashboard, stats, LAJNA_CHART_DIGITS_LATIN);
  gtk_window_destroy (window);
}
END_TEST

/* Another period, another committee, Arabic-Indic digits. */
START_TEST (test_choices_read_again)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(LajnaStats) last_year = NULL, committee = NULL;
  char first[16], this_year[16];
  GtkWidget *choice;
  GtkWindow *window;
  Wanted wanted = { NULL };
  int committee_id;

  lajna_test_widgets_init (languages[_i]);
  worker = lajna_test_shared_worker ();
  db = lajna_test_shared_connect ();
  committee_id = lajna_test_committee (db, "juvenile-tripoli");
  last_year = expected (0, LAJNA_STATS_YEAR, 1, first);
  committee = expected (committee_id, LAJNA_STATS_YEAR, 0, this_year);

  wanted.dashboard = open_dashboard (worker, &window);
  wanted.period = this_year;
  lajna_test_wait_for (figures_shown, &wanted, "this year's figures");

  choice = lajna_test_template_child (wanted.dashboard, LAJNA_TYPE_DASHBOARD, "period_choice");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), LAST_YEAR);
  wanted.period = first;
  wanted.received = lajna_chart_digits_format_value (LAJNA_CHART_DIGITS_LATIN,
                                                     (double) last_year->received);
  lajna_test_wait_for (figures_shown, &wanted, "last year's figures");
  assert_figures (wanted.dashboard, last_year, LAJNA_CHART_DIGITS_LATIN);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), THIS_YEAR);
  g_object_set (wanted.dashboard, "digits", LAJNA_CHART_DIGITS_ARABIC_INDIC, NULL);
  lajna_dashboard_set_committee (wanted.dashboard, committee_id);
  wanted.period = this_year;
  g_free (wanted.received);
  wanted.received = lajna_chart_digits_format_value (LAJNA_CHART_DIGITS_ARABIC_INDIC,
                                                     (double) committee->received);
  lajna_test_wait_for (figures_shown, &wanted, "the committee's figures");
  assert_figures (wanted.dashboard, committee, LAJNA_CHART_DIGITS_ARABIC_INDIC);
  g_free (wanted.received);
  gtk_window_destroy (window);
}
END_TEST

static Suite *
dashboard_suite (void)
{
  Suite *suite = suite_create ("dashboard");
  TCase *tc = tcase_create ("/dashboard");

  tcase_add_unchecked_fixture (tc, lajna_test_demo_start, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_figures_of_the_year, 0, G_N_ELEMENTS (languages));
  tcase_add_loop_test (tc, test_choices_read_again, 0, G_N_ELEMENTS (languages));
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (dashboard_suite ());
}
