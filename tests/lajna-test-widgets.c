/* lajna-test-widgets.c: what the widget tests share: the interface set up
 * as main.c and the application set it up, a database of demo files, the
 * main loop run until what a test waits for has happened, and widgets
 * found in a tree. */

#include "lajna-test-widgets.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lajna-demo.h"
#include "lajna-test-util.h"

/* A slow, shared machine still gets there well within this. */
#define WAIT_LIMIT_S 60

/**
 * lajna_test_widgets_init:
 * @language: "ar" or "en"
 *
 * The interface in @language, its translations from the build tree, its
 * direction and the app's style, as the app sets them up. Called in each
 * test's own process, before any widget.
 */
void
lajna_test_widgets_init (const char *language)
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LAJNA_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  gtk_widget_set_default_direction (g_str_has_prefix (language, "ar") ? GTK_TEXT_DIR_RTL
                                                                       : GTK_TEXT_DIR_LTR);
  gtk_css_provider_load_from_resource (style, "/org/lajna/Lajna/app/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Enough demo files for every committee to have meetings. */
#define DEMO_FILES 20

/**
 * lajna_test_demo_start:
 *
 * Starts the suite's shared database (an unchecked fixture) with the demo's
 * committees, people, files and meetings.
 */
void
lajna_test_demo_start (void)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;

  lajna_test_shared_start ();
  db = lajna_test_shared_connect ();
  if (!lajna_demo_fill (db, DEMO_FILES, 1, NULL, NULL, &error))
    g_error ("Cannot load the demo files: %s", error->message);
}

/* Returns: (transfer full): a worker on the shared database, as the app
 * has one */
LajnaDbWorker *
lajna_test_shared_worker (void)
{
  return lajna_db_worker_new (lajna_test_shared_database ());
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * lajna_test_wait_for:
 * @condition: whether what is waited for has happened
 * @data: for @condition
 * @what: what is waited for, named when it does not happen
 *
 * Runs the main loop until @condition holds, and fails the test when it
 * does not within a minute. A tick wakes the loop to ask again.
 */
void
lajna_test_wait_for (LajnaTestCondition  condition,
                     gpointer            data,
                     const char         *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_S * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_source_remove (tick);
          ck_abort_msg ("%s: not within %d s", what, WAIT_LIMIT_S);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

/* Returns: (transfer none): the widget @name of @widget's template of
 * @type */
GtkWidget *
lajna_test_template_child (gpointer    widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  ck_assert_msg (GTK_IS_WIDGET (child), "no widget %s in %s", name, g_type_name (type));
  return GTK_WIDGET (child);
}

/* Returns: (transfer none) (nullable): a window of @type on screen */
GtkWindow *
lajna_test_find_window (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

/**
 * lajna_test_find_all:
 * @root: a widget
 * @type: a widget type
 *
 * Returns: (transfer container): @root and the widgets under it of @type,
 *   in the order of the tree
 */
GPtrArray *
lajna_test_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (root, type, found);
  return found;
}

/**
 * lajna_test_label_shows_whole:
 * @label: a label on screen
 * @why: (out): when it does not, why
 *
 * Whether @label shows all its text: not ellipsized, and its lines within
 * the room it was given.
 *
 * Returns: %TRUE if it does
 */
gboolean
lajna_test_label_shows_whole (GtkLabel  *label,
                              char     **why)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoRectangle logical;
  int width = gtk_widget_get_width (GTK_WIDGET (label));
  int height = gtk_widget_get_height (GTK_WIDGET (label));

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (pango_layout_is_ellipsized (layout))
    *why = g_strdup ("ellipsized");
  else if (logical.width > width || logical.height > height)
    *why = g_strdup_printf ("%d×%d pixels of text in %d×%d", logical.width, logical.height,
                            width, height);
  else
    return TRUE;
  return FALSE;
}
