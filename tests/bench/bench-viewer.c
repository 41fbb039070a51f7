/* bench-viewer.c: the document viewer's figures, on a stored document
 * (usage: bench-viewer DOCUMENT_ID, with LAJNA_DATA_DIR or LAJNA_DATABASE
 * naming the database, under a display).
 *
 * As in the app, the viewer opens over a window already on screen, with
 * the worker connected. It opens the viewer and notes, after each frame
 * painted, when the first
 * page shows its stored preview and when it shows a picture rendered at
 * the size shown. Then it moves a page at a time to the last page, each
 * time waiting for the page to be sharp, while the sidebar follows. A
 * probe on the main loop (a source due every millisecond) measures how
 * late it runs all along: that lateness is how long the main loop was
 * stalled. At the end it prints the peak memory of the process. */

#include <adwaita.h>

#include "bench-stats.h"
#include "lajna-bench.h"
#include "lajna-database.h"
#include "lajna-db-worker.h"
#include "lajna-document-viewer.h"

/* How many times the viewer is opened for the opening figures. */
#define OPENINGS 5

/* A page that never becomes sharp is given up after this long. */
#define PAGE_PATIENCE_US (5 * G_USEC_PER_SEC)

typedef struct
{
  LajnaDbWorker       *worker;
  GtkWidget           *window;
  gint64               document_id;
  gboolean             connected;
  LajnaDocumentViewer *viewer;
  GMainLoop           *loop;
  GArray              *preview_ms;
  GArray              *sharp_ms;
  gint64               opened_at;
  gint64               preview_at;
  gint64               sharp_at;
  gint64               moved_at;
  guint                target;
  GArray              *page_ms;
  gint64               probe_last;
  GArray              *stalls_ms;
  gint64               layout_at;
  double               longest_frame_ms;
  guint                gave_up;
} Bench;

static gboolean
probe_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  if (bench->probe_last > 0 && bench->preview_at > 0)
    {
      double late = (now - bench->probe_last) / 1000.0 - 1.0;

      g_array_append_val (bench->stalls_ms, late);
    }
  bench->probe_last = now;
  return G_SOURCE_CONTINUE;
}

static void
finish (Bench *bench)
{
  double max_stall = 0;
  double none = 0;
  guint over = 0;

  if (bench->page_ms->len == 0)
    g_array_append_val (bench->page_ms, none);
  if (bench->stalls_ms->len == 0)
    g_array_append_val (bench->stalls_ms, none);
  for (guint i = 0; i < bench->stalls_ms->len; i++)
    {
      double stall = g_array_index (bench->stalls_ms, double, i);

      max_stall = MAX (max_stall, stall);
      over += stall > 20;
    }
  g_print ("viewer-first-preview-ms %.0f   (median of %u openings to the first page painted "
           "from its preview; all, sorted:", bench_percentile (bench->preview_ms, 0.5),
           bench->preview_ms->len);
  for (guint i = 0; i < bench->preview_ms->len; i++)
    g_print (" %.0f", g_array_index (bench->preview_ms, double, i));
  g_print (")\nviewer-first-sharp-ms %.0f   (median, to the first page painted at full "
           "resolution; all, sorted:", bench_percentile (bench->sharp_ms, 0.5));
  for (guint i = 0; i < bench->sharp_ms->len; i++)
    g_print (" %.0f", g_array_index (bench->sharp_ms, double, i));
  g_print (")\n");
  g_print ("viewer-page-sharp-ms p50 %.0f p95 %.0f   (%u pages, a move to each page to it painted "
           "sharp; %u never)\n",
           bench_percentile (bench->page_ms, 0.5), bench_percentile (bench->page_ms, 0.95),
           bench->page_ms->len, bench->gave_up);
  g_print ("viewer-main-loop-stall-ms max %.1f p99 %.1f   (%u stalls over 20 ms in %u probes; "
           "the longest frame painted: %.1f ms)\n",
           max_stall, bench_percentile (bench->stalls_ms, 0.99), over, bench->stalls_ms->len,
           bench->longest_frame_ms);
  g_print ("viewer-peak-rss-mb %.0f   (after all pages, the process)\n",
           lajna_bench_status_kb ("VmHWM") / 1024.0);
  g_main_loop_quit (bench->loop);
}

static void open_viewer (Bench *bench);

/* Moves to the next page once the page asked for is sharp; the first
 * openings only measure the opening. */
static gboolean
step_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();
  guint pages;
  gboolean sharp;

  if (bench->viewer == NULL || bench->sharp_at == 0)
    return G_SOURCE_CONTINUE;
  if (bench->target == 0 && bench->moved_at == 0)
    {
      double preview = (bench->preview_at - bench->opened_at) / 1000.0;
      double first_sharp = (bench->sharp_at - bench->opened_at) / 1000.0;

      g_array_append_val (bench->preview_ms, preview);
      g_array_append_val (bench->sharp_ms, first_sharp);
      if (bench->preview_ms->len < OPENINGS)
        {
          GtkWidget *viewer = GTK_WIDGET (bench->viewer);

          bench->viewer = NULL;
          bench->preview_at = bench->sharp_at = 0;
          gtk_window_destroy (GTK_WINDOW (viewer));
          g_timeout_add_once (300, (GSourceOnceFunc) open_viewer, bench);
          return G_SOURCE_CONTINUE;
        }
    }
  pages = lajna_document_viewer_get_n_pages (bench->viewer);
  sharp = lajna_document_viewer_get_page_shown (bench->viewer, bench->target)
          == LAJNA_PAGE_SHOWN_SHARP;
  if (bench->target > 0 && !sharp && now - bench->moved_at < PAGE_PATIENCE_US)
    return G_SOURCE_CONTINUE;
  if (bench->target > 0)
    {
      double ms = (now - bench->moved_at) / 1000.0;

      if (sharp)
        g_array_append_val (bench->page_ms, ms);
      else
        bench->gave_up++;
    }
  if (bench->target + 1 >= pages)
    {
      finish (bench);
      return G_SOURCE_REMOVE;
    }
  bench->target++;
  bench->moved_at = now;
  gtk_widget_activate_action (GTK_WIDGET (bench->viewer), "viewer.move", "i", 1);
  return G_SOURCE_CONTINUE;
}

/* A frame's paint, timed from the end of its layout (this handler runs
 * after GTK's own) to after the paint: with a software renderer (Xvfb),
 * the main loop's longest waits are frames being drawn. */
static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->layout_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  LajnaPageShown shown;

  if (bench->viewer == NULL)
    return;
  shown = lajna_document_viewer_get_page_shown (bench->viewer, 0);
  if (bench->layout_at > 0 && bench->preview_at > 0)
    bench->longest_frame_ms = MAX (bench->longest_frame_ms, (now - bench->layout_at) / 1000.0);
  if (bench->preview_at == 0 && shown != LAJNA_PAGE_SHOWN_NOTHING)
    bench->preview_at = now;
  if (bench->sharp_at == 0 && shown == LAJNA_PAGE_SHOWN_SHARP)
    bench->sharp_at = now;
}

static void
mapped_cb (GtkWidget *viewer,
           Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (viewer), "layout", G_CALLBACK (layout_cb), bench);
  g_signal_connect (gtk_widget_get_frame_clock (viewer), "after-paint",
                    G_CALLBACK (after_paint_cb), bench);
}

static void
open_viewer (Bench *bench)
{
  bench->opened_at = g_get_monotonic_time ();
  bench->viewer = lajna_document_viewer_new (GTK_WINDOW (bench->window), bench->worker,
                                             bench->document_id, "bench");
  if (gtk_widget_get_mapped (GTK_WIDGET (bench->viewer)))
    mapped_cb (GTK_WIDGET (bench->viewer), bench);
  else
    g_signal_connect (bench->viewer, "map", G_CALLBACK (mapped_cb), bench);
}

static gpointer
connect_thread (LajnaDb       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return g_strdup ("connected");
}

/* The worker has connected and the window is painted: open. */
static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *connected = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result,
                                                           &error);

  if (connected == NULL)
    g_error ("%s", error->message);
  bench->connected = TRUE;
}

static gboolean
ready_cb (gpointer data)
{
  Bench *bench = data;

  if (!bench->connected || !gtk_widget_get_mapped (bench->window))
    return G_SOURCE_CONTINUE;
  open_viewer (bench);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(LajnaDatabase) database = lajna_database_new (g_getenv ("LAJNA_DATABASE"));
  g_autoptr(LajnaDbWorker) worker = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };

  if (argc != 2)
    g_error ("usage: bench-viewer DOCUMENT_ID");
  adw_init ();
  {
    /* The app's style, as AdwApplication loads it. */
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, "/org/lajna/Lajna/app/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  if (!lajna_database_open (database, TRUE, NULL, &error))
    g_error ("%s", error->message);
  worker = lajna_db_worker_new (database);
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.preview_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.sharp_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.stalls_ms = g_array_new (FALSE, FALSE, sizeof (double));

  bench.worker = worker;
  bench.document_id = g_ascii_strtoll (argv[1], NULL, 10);
  bench.window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (bench.window), gtk_label_new ("Lajna"));
  gtk_window_present (GTK_WINDOW (bench.window));
  lajna_db_worker_run_async (worker, connect_thread, NULL, NULL, g_free, NULL, connected_cb,
                             &bench);
  g_timeout_add (1, probe_cb, &bench);
  g_timeout_add_full (G_PRIORITY_LOW, 5, step_cb, &bench, NULL);
  g_timeout_add (50, ready_cb, &bench);
  g_main_loop_run (bench.loop);
  return 0;
}
