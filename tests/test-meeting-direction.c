/* test-meeting-direction.c: the meetings' headers mix the interface's
 * words with Arabic names and places, and a line takes the direction of
 * its first letter; each line of them reads in the interface's direction,
 * left to right in English and right to left in Arabic: the meeting
 * shown, each meeting of the list, and the presenter's heading. Runs
 * under Xvfb. */

#include <check.h>
#include <string.h>

#include "lajna-meeting-actions.h"
#include "lajna-test-util.h"
#include "lajna-test-widgets.h"
#include "meetings/lajna-meeting-view.h"
#include "meetings/lajna-meetings-window.h"
#include "meetings/lajna-presenter-window.h"

typedef struct
{
  const char     *language;
  PangoDirection  direction;
} Language;

static const Language languages[] = {
  { "ar", PANGO_DIRECTION_RTL },
  { "en", PANGO_DIRECTION_LTR },
};

static const char *
direction_name (PangoDirection direction)
{
  return direction == PANGO_DIRECTION_RTL ? "right to left" : "left to right";
}

/* Every line of @label, wrapped or not, reads in @direction. */
static void
assert_reads (GtkWidget      *label,
              PangoDirection  direction)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  GSList *lines = pango_layout_get_lines_readonly (gtk_label_get_layout (GTK_LABEL (label)));

  ck_assert_msg (lines != NULL && *text != '\0', "an empty header");
  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoDirection read = pango_layout_line_get_resolved_direction (line);

      ck_assert_msg (read == direction, "“%.*s” reads %s", line->length, text + line->start_index,
                     direction_name (read));
    }
}

static gboolean
label_shown (GtkWidget *label)
{
  return gtk_widget_get_mapped (label) && gtk_widget_get_width (label) > 0
         && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static gboolean
label_shown_cb (gpointer data)
{
  return label_shown (data);
}

/* The subtitles of the meetings listed, once on screen. */
static GPtrArray *
subtitles (GtkWidget *list)
{
  GPtrArray *found = lajna_test_find_all (list, GTK_TYPE_LABEL);

  for (guint i = found->len; i-- > 0;)
    if (!gtk_widget_has_css_class (g_ptr_array_index (found, i), "subtitle")
        || !label_shown (g_ptr_array_index (found, i)))
      g_ptr_array_remove_index (found, i);
  return found;
}

static gboolean
listed_cb (gpointer data)
{
  g_autoptr(GPtrArray) found = subtitles (data);

  return found->len > 0;
}

static gboolean
presenter_shown_cb (gpointer data)
{
  GtkWindow *presenter = lajna_test_find_window (LAJNA_TYPE_PRESENTER_WINDOW);
  g_autoptr(GPtrArray) labels = NULL;

  if (presenter == NULL)
    return FALSE;
  labels = lajna_test_find_all (GTK_WIDGET (presenter), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "presenter-heading")
        && label_shown (g_ptr_array_index (labels, i)))
      {
        *(GtkWidget **) data = g_ptr_array_index (labels, i);
        return TRUE;
      }
  return FALSE;
}

START_TEST (test_headers_read_in_the_interface_direction)
{
  const Language *language = &languages[_i];
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  LajnaMeetingsWindow *window;
  GtkWidget *list, *view, *facts, *heading = NULL;
  GtkListBoxRow *first;

  lajna_test_widgets_init (language->language);
  worker = lajna_test_shared_worker ();
  window = lajna_meetings_window_new (NULL, worker, 0);
  gtk_window_present (GTK_WINDOW (window));
  list = lajna_test_template_child (window, LAJNA_TYPE_MEETINGS_WINDOW, "meeting_list");
  lajna_test_wait_for (listed_cb, list, "the meetings listed");
  listed = subtitles (list);
  for (guint i = 0; i < listed->len; i++)
    assert_reads (g_ptr_array_index (listed, i), language->direction);

  /* Chosen as a click chooses it. */
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  gtk_list_box_select_row (GTK_LIST_BOX (list), first);
  view = lajna_test_template_child (window, LAJNA_TYPE_MEETINGS_WINDOW, "view");
  facts = lajna_test_template_child (view, LAJNA_TYPE_MEETING_VIEW, "facts_label");
  lajna_test_wait_for (label_shown_cb, facts, "the meeting's header");
  assert_reads (facts, language->direction);

  gtk_widget_activate_action (GTK_WIDGET (window), "meetings.present", NULL);
  lajna_test_wait_for (presenter_shown_cb, &heading, "the presenter's heading");
  assert_reads (heading, language->direction);
  gtk_window_destroy (lajna_test_find_window (LAJNA_TYPE_PRESENTER_WINDOW));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* The row of meeting @id in @list, once listed. */
typedef struct
{
  GtkWidget     *list;
  gint64         id;
  GtkListBoxRow *row;
} Wanted;

static gboolean
row_listed_cb (gpointer data)
{
  Wanted *wanted = data;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (wanted->list), i)); i++)
    {
      const gint64 *id = g_object_get_data (G_OBJECT (row), "id");

      if (id != NULL && *id == wanted->id)
        {
          wanted->row = row;
          return TRUE;
        }
    }
  return FALSE;
}

/* A meeting without an hour or a place: its header leaves them out,
 * with no empty field between two separators. */
START_TEST (test_header_without_hour_or_place)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  Wanted wanted = { NULL, 0, NULL };
  LajnaMeetingsWindow *window;
  GtkWidget *view, *facts;
  const char *text;

  lajna_test_widgets_init ("ar");
  wanted.id = lajna_meeting_create (db, 1, "2026-12-20", NULL, "", 0, &error);
  ck_assert_msg (wanted.id > 0, "%s", error != NULL ? error->message : "no meeting");
  worker = lajna_test_shared_worker ();
  window = lajna_meetings_window_new (NULL, worker, 0);
  gtk_window_present (GTK_WINDOW (window));
  wanted.list = lajna_test_template_child (window, LAJNA_TYPE_MEETINGS_WINDOW, "meeting_list");
  lajna_test_wait_for (row_listed_cb, &wanted, "the new meeting listed");
  gtk_list_box_select_row (GTK_LIST_BOX (wanted.list), wanted.row);
  view = lajna_test_template_child (window, LAJNA_TYPE_MEETINGS_WINDOW, "view");
  facts = lajna_test_template_child (view, LAJNA_TYPE_MEETING_VIEW, "facts_label");
  lajna_test_wait_for (label_shown_cb, facts, "the meeting's header");

  text = gtk_label_get_text (GTK_LABEL (facts));
  ck_assert_msg (strstr (text, "2026-12-20") != NULL, "no day in “%s”", text);
  ck_assert_msg (strstr (text, "  ") == NULL && strstr (text, "· ·") == NULL
                 && strstr (text, "·  ") == NULL && strstr (text, " \n") == NULL,
                 "an empty field in “%s”", text);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
meeting_direction_suite (void)
{
  Suite *suite = suite_create ("meeting-direction");
  TCase *tc = tcase_create ("/meeting-direction");

  tcase_add_unchecked_fixture (tc, lajna_test_demo_start, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_headers_read_in_the_interface_direction, 0,
                       G_N_ELEMENTS (languages));
  tcase_add_test (tc, test_header_without_hour_or_place);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (meeting_direction_suite ());
}
