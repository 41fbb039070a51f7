/* test-page-renderer.c: pages rendered off the main thread, in a bounded
 * process: at the size asked, white where the page draws nothing, the
 * pages on screen before thumbnails asked for earlier, a job cancelled
 * while it waits never rendered, a document read on to count its pages,
 * and a page beyond the bounds failing alone. */

#include <cairo.h>
#include <check.h>

#include "lajna-page-renderer.h"
#include "lajna-test-util.h"

/* What the jobs gave, in the order they finished: a page's picture, or
 * NULL for a job cancelled. */
typedef struct
{
  GPtrArray *done;
  GArray    *pages;
  guint      pending;
} Collected;

typedef struct
{
  Collected *collected;
  guint      page;
} Asked;

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Asked *asked = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = lajna_page_renderer_render_finish (LAJNA_PAGE_RENDERER (source),
                                                                result, &error);

  ck_assert (surface != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_ptr_array_add (asked->collected->done, surface);
  g_array_append_val (asked->collected->pages, asked->page);
  asked->collected->pending--;
  g_free (asked);
}

static void
ask (LajnaPageRenderer   *renderer,
     Collected           *collected,
     guint                page,
     double               scale,
     LajnaRenderPriority  priority,
     GCancellable        *cancellable)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->collected = collected;
  asked->page = page;
  collected->pending++;
  lajna_page_renderer_render_async (renderer, page, scale, priority, cancellable, rendered_cb,
                                    asked);
}

static Collected *
collected_new (void)
{
  Collected *collected = g_new0 (Collected, 1);

  collected->done = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  collected->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  return collected;
}

static void
collected_free (Collected *collected)
{
  g_ptr_array_unref (collected->done);
  g_array_unref (collected->pages);
  g_free (collected);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Collected, collected_free)

static void
wait_all (Collected *collected)
{
  while (collected->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);
  return ((guint32 *) (cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface)))[x];
}

START_TEST (test_size_and_paper)
{
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (pdf);
  g_autoptr(LajnaPageRenderer) renderer = lajna_page_renderer_new (stream, g_bytes_get_size (pdf),
                                                                   &error);
  g_autoptr(Collected) collected = collected_new ();
  cairo_surface_t *page;

  ck_assert (renderer != NULL);
  ck_assert_uint_eq (lajna_page_renderer_get_n_pages (renderer), 3);

  ask (renderer, collected, 1, 0.5, LAJNA_RENDER_VISIBLE, NULL);
  wait_all (collected);
  page = g_ptr_array_index (collected->done, 0);
  ck_assert_int_eq (cairo_image_surface_get_width (page), 298);
  ck_assert_int_eq (cairo_image_surface_get_height (page), 421);
  ck_assert_uint_eq (pixel (page, 10, 10), 0xff000000);
  ck_assert_uint_eq (pixel (page, 200, 300), 0xffffffff);
}
END_TEST

static void
failed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  cairo_surface_t *surface = lajna_page_renderer_render_finish (LAJNA_PAGE_RENDERER (source),
                                                                result, error);

  ck_assert (surface == NULL);
}

/* A page that would take the renderer's time (2⁴⁰ drawings) fails alone,
 * within its bounds, and the application carries on; the next page
 * renders, in a process started afresh. */
START_TEST (test_page_beyond_bounds)
{
  g_autoptr(GBytes) pdf = lajna_test_make_drawing_forms (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (pdf);
  g_autoptr(LajnaPageRenderer) renderer = lajna_page_renderer_new (stream, g_bytes_get_size (pdf),
                                                                   &error);
  g_autoptr(Collected) collected = collected_new ();
  GError *failure = NULL;
  gint64 start = g_get_monotonic_time ();

  ck_assert_msg (renderer != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (lajna_page_renderer_get_n_pages (renderer), 2);
  lajna_page_renderer_render_async (renderer, 0, 1.0, LAJNA_RENDER_VISIBLE, NULL, failed_cb,
                                    &failure);
  while (failure == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_FAILED), "%s",
                 failure->message);
  ck_assert_int_lt (g_get_monotonic_time () - start, 20 * G_USEC_PER_SEC);
  g_clear_error (&failure);

  ask (renderer, collected, 1, 0.5, LAJNA_RENDER_VISIBLE, NULL);
  wait_all (collected);
  ck_assert (g_ptr_array_index (collected->done, 0) != NULL);
  ck_assert_int_eq (cairo_image_surface_get_width (g_ptr_array_index (collected->done, 0)), 298);
}
END_TEST

/* A document whose page tree lies far from what opening it reads: the
 * render process reads on to count its pages, and the renderer takes
 * that count, not the reads, as its answer. */
START_TEST (test_pages_counted_far_away)
{
  g_autofree char *padding = g_strnfill (64 * 1024, 'x');
  g_autofree char *filler = g_strdup_printf ("<< /Length %d >>\nstream\n%s\nendstream",
                                             64 * 1024, padding);
  const char *objects[] = {
    "<< /Type /Catalog /Pages 3 0 R >>", filler,
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
    "<< /Length 22 >>\nstream\n0 0 595 842 re f\nendstream", filler, NULL
  };
  g_autoptr(GBytes) pdf = lajna_test_pdf_of (objects);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaPageRenderer) renderer = lajna_page_renderer_new (stream, g_bytes_get_size (pdf),
                                                                   &error);
  g_autoptr(Collected) collected = collected_new ();

  ck_assert_msg (renderer != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (lajna_page_renderer_get_n_pages (renderer), 1);
  ask (renderer, collected, 0, 0.5, LAJNA_RENDER_VISIBLE, NULL);
  wait_all (collected);
  ck_assert (g_ptr_array_index (collected->done, 0) != NULL);
  ck_assert_uint_eq (pixel (g_ptr_array_index (collected->done, 0), 100, 100), 0xff000000);
}
END_TEST

/* Sixty pages asked at once all come back whole. */
START_TEST (test_many_pages)
{
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (60);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaPageRenderer) renderer = lajna_page_renderer_new (stream, g_bytes_get_size (pdf),
                                                                   &error);
  g_autoptr(Collected) collected = collected_new ();

  ck_assert_msg (renderer != NULL, "%s", error != NULL ? error->message : "");
  for (guint i = 0; i < 60; i++)
    ask (renderer, collected, i, 0.25, LAJNA_RENDER_VISIBLE, NULL);
  wait_all (collected);
  ck_assert_uint_eq (collected->done->len, 60);
  for (guint i = 0; i < 60; i++)
    {
      cairo_surface_t *page = g_ptr_array_index (collected->done, i);

      ck_assert_int_eq (cairo_image_surface_get_width (page), 149);
      ck_assert_uint_eq (pixel (page, 5, 5), 0xff000000);
    }
}
END_TEST

/* While page 0 renders, thumbnails of pages 1–4 wait; page 5 on screen,
 * asked last, comes before them; page 3's thumbnail, cancelled while it
 * waits, is never rendered. */
START_TEST (test_priority_and_cancel)
{
  g_autoptr(GBytes) pdf = lajna_test_make_pdf (6);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (pdf);
  g_autoptr(LajnaPageRenderer) renderer = lajna_page_renderer_new (stream, g_bytes_get_size (pdf),
                                                                   &error);
  g_autoptr(Collected) collected = collected_new ();
  g_autoptr(GCancellable) gone = g_cancellable_new ();
  guint position_of_5 = G_MAXUINT, position_of_4 = G_MAXUINT;

  ck_assert (renderer != NULL);
  /* A big first page keeps the thread busy while the others queue. */
  ask (renderer, collected, 0, 6.0, LAJNA_RENDER_VISIBLE, NULL);
  for (guint p = 1; p <= 4; p++)
    ask (renderer, collected, p, 0.2, LAJNA_RENDER_THUMBNAIL, p == 3 ? gone : NULL);
  ask (renderer, collected, 5, 0.2, LAJNA_RENDER_VISIBLE, NULL);
  g_cancellable_cancel (gone);
  wait_all (collected);

  ck_assert_uint_eq (collected->pages->len, 6);
  for (guint i = 0; i < collected->pages->len; i++)
    {
      guint p = g_array_index (collected->pages, guint, i);

      position_of_5 = p == 5 ? i : position_of_5;
      position_of_4 = p == 4 ? i : position_of_4;
      ck_assert_msg ((p == 3) == (g_ptr_array_index (collected->done, i) == NULL),
                     "page %u: rendered %s", p, p == 3 ? "though cancelled" : "not");
    }
  ck_assert_uint_eq (g_array_index (collected->pages, guint, 0), 0);
  ck_assert_uint_lt (position_of_5, position_of_4);
}
END_TEST

static Suite *
page_renderer_suite (void)
{
  Suite *suite = suite_create ("page-renderer");
  TCase *tc = tcase_create ("/page-renderer");

  tcase_add_test (tc, test_size_and_paper);
  tcase_add_test (tc, test_priority_and_cancel);
  tcase_add_test (tc, test_many_pages);
  tcase_add_test (tc, test_pages_counted_far_away);
  tcase_add_test (tc, test_page_beyond_bounds);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (page_renderer_suite ());
}
