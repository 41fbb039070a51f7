/* test-case-table.c: the file table's headers and the order it asks SQL
 * for (GTK 4.8 has no public way to read a column view's sort column; the
 * table reads it with a probe comparison). Runs under Xvfb. */

#include <check.h>
#include <gtk/gtk.h>

#include "cases/lajna-case-table.h"
#include "lajna-test-util.h"

static void
count_cb (LajnaCaseTable *table,
          guint          *n)
{
  (*n)++;
}

START_TEST (test_headers_name_the_sql_order)
{
  LajnaCaseTable *table = g_object_ref_sink (g_object_new (LAJNA_TYPE_CASE_TABLE, NULL));
  static const LajnaCaseSort orders[] = {
    LAJNA_CASE_SORT_FILE_NUMBER, LAJNA_CASE_SORT_TITLE, LAJNA_CASE_SORT_STATUS,
    LAJNA_CASE_SORT_RECEIVED,
  };
  gboolean descending = FALSE;
  guint changes = 0;

  /* Newest first until a header is clicked. */
  ck_assert_int_eq (lajna_case_table_get_sort (table, &descending), LAJNA_CASE_SORT_RECEIVED);
  ck_assert (descending);

  g_signal_connect (table, "sort-changed", G_CALLBACK (count_cb), &changes);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      for (int d = 0; d < 2; d++)
        {
          lajna_case_table_sort_by (table, orders[i], d);
          ck_assert_int_eq (lajna_case_table_get_sort (table, &descending), orders[i]);
          ck_assert_int_eq (descending, d);
        }
    }
  ck_assert_uint_ge (changes, G_N_ELEMENTS (orders));
  g_object_unref (table);
}
END_TEST

/* The window listening is going away too: the columns taken down with the
 * table are no sort asked for. */
START_TEST (test_no_sort_change_when_disposed)
{
  LajnaCaseTable *table = g_object_ref_sink (g_object_new (LAJNA_TYPE_CASE_TABLE, NULL));
  guint changes = 0;

  g_signal_connect (table, "sort-changed", G_CALLBACK (count_cb), &changes);
  g_object_run_dispose (G_OBJECT (table));
  ck_assert_uint_eq (changes, 0);
  g_object_unref (table);
}
END_TEST

static Suite *
case_table_suite (void)
{
  Suite *suite = suite_create ("case-table");
  TCase *tc = tcase_create ("/case-table");

  tcase_add_test (tc, test_headers_name_the_sql_order);
  tcase_add_test (tc, test_no_sort_change_when_disposed);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  gtk_init ();
  return lajna_test_run (case_table_suite ());
}
