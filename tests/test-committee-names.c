/* test-committee-names.c: a committee is told apart from another of its
 * kind by the city at the end of its name, so the sidebar and the new
 * file's committee chooser show every name whole, at the windows' default
 * sizes, in Arabic and in English. Runs under Xvfb. */

#include <check.h>

#include "cases/lajna-case-form.h"
#include "lajna-test-util.h"
#include "lajna-test-widgets.h"
#include "lajna-window.h"

static const char * const languages[] = { "ar", "en" };

/* The committees of the demo, and "All Files". */
#define SIDEBAR_ROWS 5

/* The labels under @root that are shown. */
static GPtrArray *
shown_labels (GtkWidget *root)
{
  GPtrArray *labels = lajna_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = labels->len; i-- > 0;)
    if (!gtk_widget_is_visible (g_ptr_array_index (labels, i)))
      g_ptr_array_remove_index (labels, i);
  return labels;
}

static gboolean
all_laid_out (GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    if (!gtk_widget_get_mapped (g_ptr_array_index (labels, i))
        || gtk_widget_get_width (g_ptr_array_index (labels, i)) == 0)
      return FALSE;
  return labels->len > 0;
}

static gboolean
sidebar_shown (gpointer data)
{
  g_autoptr(GPtrArray) labels = shown_labels (data);

  return labels->len == SIDEBAR_ROWS && all_laid_out (labels);
}

/* Every label under @root shows its text whole, inside @root. */
static void
assert_whole (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = shown_labels (root);

  ck_assert_uint_gt (labels->len, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      g_autofree char *why = NULL;
      graphene_rect_t bounds;

      ck_assert_msg (lajna_test_label_shows_whole (GTK_LABEL (label), &why), "“%s”: %s",
                     gtk_label_get_text (GTK_LABEL (label)), why);
      ck_assert (gtk_widget_compute_bounds (label, root, &bounds));
      ck_assert_msg (bounds.origin.x >= 0
                       && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root),
                     "“%s” reaches past its row", gtk_label_get_text (GTK_LABEL (label)));
    }
}

static LajnaWindow *
open_window (LajnaDbWorker *worker)
{
  LajnaWindow *window = lajna_window_new (NULL);
  GtkWidget *list = lajna_test_template_child (window, LAJNA_TYPE_WINDOW, "committee_list");

  lajna_window_set_worker (window, worker);
  gtk_window_present (GTK_WINDOW (window));
  lajna_test_wait_for (sidebar_shown, list, "the committees in the sidebar");
  return window;
}

START_TEST (test_sidebar_shows_whole_names)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  LajnaWindow *window;
  GtkWidget *list;

  lajna_test_widgets_init (languages[_i]);
  worker = lajna_test_shared_worker ();
  window = open_window (worker);
  list = lajna_test_template_child (window, LAJNA_TYPE_WINDOW, "committee_list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    assert_whole (row);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static gboolean
form_shown (gpointer data)
{
  return lajna_test_find_window (LAJNA_TYPE_CASE_FORM) != NULL;
}

static gboolean
choices_shown (gpointer data)
{
  GtkWidget *popover = data;
  g_autoptr(GPtrArray) labels = shown_labels (popover);

  return gtk_widget_get_mapped (popover) && labels->len >= 2 && all_laid_out (labels);
}

static gboolean
chooser_shown (gpointer data)
{
  g_autoptr(GPtrArray) labels = shown_labels (data);

  return all_laid_out (labels);
}

START_TEST (test_chooser_shows_whole_names)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  LajnaWindow *window;
  GtkWindow *form;
  GtkWidget *row, *popover;
  g_autoptr(GPtrArray) popovers = NULL;

  lajna_test_widgets_init (languages[_i]);
  worker = lajna_test_shared_worker ();
  window = open_window (worker);
  /* Two marriage committees: the form asks which. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", "s", "marriage");
  lajna_test_wait_for (form_shown, NULL, "the new file's form");
  form = lajna_test_find_window (LAJNA_TYPE_CASE_FORM);
  row = lajna_test_template_child (form, LAJNA_TYPE_CASE_FORM, "committee_row");
  lajna_test_wait_for (chooser_shown, row, "the committee chosen");
  ck_assert (gtk_widget_get_visible (row));
  assert_whole (row);

  adw_action_row_activate (ADW_ACTION_ROW (row));
  popovers = lajna_test_find_all (row, GTK_TYPE_POPOVER);
  ck_assert_uint_eq (popovers->len, 1);
  popover = g_ptr_array_index (popovers, 0);
  lajna_test_wait_for (choices_shown, popover, "the committees to choose from");
  assert_whole (popover);
  gtk_window_destroy (form);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
committee_names_suite (void)
{
  Suite *suite = suite_create ("committee-names");
  TCase *tc = tcase_create ("/committee-names");

  tcase_add_unchecked_fixture (tc, lajna_test_demo_start, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_sidebar_shows_whole_names, 0, G_N_ELEMENTS (languages));
  tcase_add_loop_test (tc, test_chooser_shows_whole_names, 0, G_N_ELEMENTS (languages));
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (committee_names_suite ());
}
