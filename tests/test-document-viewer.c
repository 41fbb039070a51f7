/* test-document-viewer.c: the viewer opens on page 1 drawn, whatever the
 * sizes of the document's pages and whatever is open already. What GTK
 * draws of the pages is read from the view's own rendering (the render
 * nodes a frame would paint), not from a screenshot. Runs under Xvfb. */

#include <check.h>

#include "documents/lajna-document-viewer.h"
#include "lajna-document-sandbox.h"
#include "lajna-document-store.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"
#include "lajna-test-widgets.h"

#define A4_WIDTH 595
#define A4_HEIGHT 842

typedef struct
{
  const char *name;
  /* The first page's size, in points; the others are A4 upright. */
  double      width;
  double      height;
} Document;

/* A page 1 less tall than the view shows more pages at once than the
 * viewer guesses before the window is laid out. */
static const Document documents[] = {
  { "upright", A4_WIDTH, A4_HEIGHT },
  { "landscape first", A4_HEIGHT, A4_WIDTH },
  { "card first", 242, 153 },
};

#define PAGES 6

static const char setup_sql[] =
  "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix) VALUES"
  " ('marriage', 'dv-m', 'لجنة', 'D', 'د')";

static gint64 document_ids[G_N_ELEMENTS (documents)];

static void
setup (void)
{
  g_autoptr(LajnaDb) db = NULL;
  gint64 case_id;

  lajna_test_shared_start_with (setup_sql);
  db = lajna_test_shared_connect ();
  case_id = lajna_test_register_file (db, "marriage", "dv-m");
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) pdf = lajna_test_make_pdf_first (PAGES, documents[i].width,
                                                         documents[i].height);
      g_autoptr(GError) error = NULL;
      g_autoptr(LajnaDocumentFile) file = lajna_document_sandbox_read (pdf, &error);
      gboolean already;

      ck_assert_msg (file != NULL, "%s", MESSAGE (error));
      document_ids[i] = lajna_document_attach (db, case_id, "other", documents[i].name, "import",
                                               file, &already, &error);
      ck_assert_msg (document_ids[i] > 0, "%s", MESSAGE (error));
    }
}

/* Whether @node, or a node in it, draws @texture. */
static gboolean
draws_texture (GskRenderNode *node,
               GdkTexture    *texture)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXTURE_NODE:
      return gsk_texture_node_get_texture (node) == texture;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (draws_texture (gsk_container_node_get_child (node, i), texture))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return draws_texture (gsk_transform_node_get_child (node), texture);
    case GSK_CLIP_NODE:
      return draws_texture (gsk_clip_node_get_child (node), texture);
    case GSK_ROUNDED_CLIP_NODE:
      return draws_texture (gsk_rounded_clip_node_get_child (node), texture);
    case GSK_OPACITY_NODE:
      return draws_texture (gsk_opacity_node_get_child (node), texture);
    case GSK_DEBUG_NODE:
      return draws_texture (gsk_debug_node_get_child (node), texture);
    default:
      return FALSE;
    }
}

/* Page 1 is rendered at the size shown, and the view draws it: its
 * picture is in what the view's last frame was made of. */
static gboolean
page_one_drawn (gpointer data)
{
  LajnaDocumentViewer *viewer = data;
  g_autoptr(GPtrArray) pictures = lajna_test_find_all (GTK_WIDGET (viewer), GTK_TYPE_PICTURE);
  g_autoptr(GdkPaintable) drawn = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GtkWidget *page = NULL, *view;

  for (guint i = 0; i < pictures->len && page == NULL; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (pictures, i), "document-page"))
      page = g_ptr_array_index (pictures, i);
  if (page == NULL || lajna_document_viewer_get_page_shown (viewer, 0) != LAJNA_PAGE_SHOWN_SHARP)
    return FALSE;
  view = gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW);
  drawn = gtk_widget_paintable_new (view);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (drawn, snapshot, gtk_widget_get_width (view),
                          gtk_widget_get_height (view));
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL
         && draws_texture (node, GDK_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (page))));
}

static void
open_document (GtkWindow     *parent,
               LajnaDbWorker *worker,
               guint          document)
{
  LajnaDocumentViewer *viewer = lajna_document_viewer_new (parent, worker,
                                                           document_ids[document],
                                                           documents[document].name);
  g_autofree char *what = g_strdup_printf ("page 1 of the %s document drawn",
                                           documents[document].name);

  lajna_test_wait_for (page_one_drawn, viewer, what);
}

/* Opens the documents from @first to before @end, each over a main window
 * and the documents opened before it, and waits for its page 1 drawn. */
static void
open_documents (guint first,
                guint end)
{
  g_autoptr(LajnaDbWorker) worker = NULL;
  GtkWidget *window;

  lajna_test_widgets_init ("ar");
  worker = lajna_test_shared_worker ();
  window = adw_application_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = first; i < end; i++)
    open_document (GTK_WINDOW (window), worker, i);
  gtk_window_destroy (GTK_WINDOW (window));
}

START_TEST (test_opens_on_page_one)
{
  open_documents (_i, _i + 1);
}
END_TEST

START_TEST (test_opens_over_another)
{
  open_documents (0, G_N_ELEMENTS (documents));
}
END_TEST

static Suite *
document_viewer_suite (void)
{
  Suite *suite = suite_create ("document-viewer");
  TCase *tc = tcase_create ("/document-viewer");

  tcase_add_unchecked_fixture (tc, setup, lajna_test_shared_stop);
  tcase_add_loop_test (tc, test_opens_on_page_one, 0, G_N_ELEMENTS (documents));
  tcase_add_test (tc, test_opens_over_another);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (document_viewer_suite ());
}
