/* test-idle-window.c: a window left alone does no work. A spinner keeps the
 * frame clock running as long as it spins, even on a page that is no
 * longer shown, so each spinner spins exactly while it is on screen: while
 * the database opens, and no longer once the files are listed. Runs under
 * Xvfb. */

#include <check.h>

#include "lajna-test-util.h"
#include "lajna-test-widgets.h"
#include "lajna-window.h"

/* The committees of the demo, and "All Files". */
#define SIDEBAR_ROWS 5

static gboolean
some_spinner_mapped (gpointer data)
{
  g_autoptr(GPtrArray) spinners = lajna_test_find_all (data, GTK_TYPE_SPINNER);

  for (guint i = 0; i < spinners->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (spinners, i)))
      return TRUE;
  return FALSE;
}

static gboolean
sidebar_filled (gpointer data)
{
  guint rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (data); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  return rows == SIDEBAR_ROWS && !some_spinner_mapped (gtk_widget_get_root (data));
}

/* Every spinner under @root spins if and only if it is on screen; returns
 * how many spin. */
static guint
assert_spinning_while_shown (GtkWidget *root)
{
  g_autoptr(GPtrArray) spinners = lajna_test_find_all (root, GTK_TYPE_SPINNER);
  guint spinning = 0;

  ck_assert_uint_gt (spinners->len, 0);
  for (guint i = 0; i < spinners->len; i++)
    {
      GtkWidget *spinner = g_ptr_array_index (spinners, i);
      gboolean mapped = gtk_widget_get_mapped (spinner);

      ck_assert_msg (gtk_spinner_get_spinning (GTK_SPINNER (spinner)) == mapped,
                     "a spinner %s while %s", mapped ? "stands still" : "spins",
                     mapped ? "shown" : "hidden");
      spinning += mapped;
    }
  return spinning;
}

START_TEST (test_spinners_stop_when_hidden)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  LajnaWindow *window;
  GtkWidget *list;

  lajna_test_widgets_init ("ar");
  worker = lajna_test_shared_worker ();
  /* Without a connection yet, the window shows that it is opening one. */
  window = lajna_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  lajna_test_wait_for (some_spinner_mapped, window, "the database's opening shown");
  ck_assert_uint_eq (assert_spinning_while_shown (GTK_WIDGET (window)), 1);

  list = lajna_test_template_child (window, LAJNA_TYPE_WINDOW, "committee_list");
  lajna_window_set_worker (window, worker);
  lajna_test_wait_for (sidebar_filled, list, "the committees listed");
  ck_assert_uint_eq (assert_spinning_while_shown (GTK_WIDGET (window)), 0);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
idle_window_suite (void)
{
  Suite *suite = suite_create ("idle-window");
  TCase *tc = tcase_create ("/idle-window");

  tcase_add_unchecked_fixture (tc, lajna_test_demo_start, lajna_test_shared_stop);
  tcase_add_test (tc, test_spinners_stop_when_hidden);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (idle_window_suite ());
}
