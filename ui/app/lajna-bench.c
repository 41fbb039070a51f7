/* lajna-bench.c: what `make bench` measures inside the app, when the
 * environment asks for it (LAJNA_BENCH=first-frame or LAJNA_BENCH=scroll).
 *
 * It prints CLOCK_MONOTONIC at the first frame painted with rows, so the
 * bench can subtract the time it exec'd the app; with "scroll" it then
 * scrolls from the first row to the last in steps, letting each step's
 * rows arrive, and prints the peak memory before quitting.
 */

#include "lajna-bench.h"

#include <string.h>

#define SCROLL_STEPS 200

typedef struct
{
  GtkWidget     *window;
  LajnaCaseList *list;
  GtkAdjustment *vadjustment;
  gulong         paint_handler;
  guint          step;
} Bench;

/**
 * lajna_bench_status_kb:
 * @field: a field of /proc/self/status in kB, such as "VmHWM"
 *
 * Returns: its value in kB, 0 if it cannot be read
 */
guint64
lajna_bench_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *prefix = g_strconcat (field, ":", NULL);
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_ascii_strtoull (lines[i] + strlen (prefix), NULL, 10);
  return 0;
}

static void
print_memory (void)
{
  g_print ("VmHWM: %" G_GUINT64_FORMAT " kB\nVmRSS: %" G_GUINT64_FORMAT " kB\n",
           lajna_bench_status_kb ("VmHWM"), lajna_bench_status_kb ("VmRSS"));
}

static void
finish (Bench *bench)
{
  g_print ("blocks-held %u\n", lajna_case_list_get_n_blocks (bench->list));
  print_memory ();
  g_application_quit (g_application_get_default ());
}

static gboolean
scroll_step_cb (gpointer user_data)
{
  Bench *bench = user_data;
  double upper = gtk_adjustment_get_upper (bench->vadjustment);
  double page = gtk_adjustment_get_page_size (bench->vadjustment);

  /* Let the rows of the last step arrive before moving on. */
  if (lajna_case_list_get_loading (bench->list))
    return G_SOURCE_CONTINUE;

  if (bench->step > SCROLL_STEPS)
    {
      finish (bench);
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (bench->vadjustment, (upper - page) * bench->step / SCROLL_STEPS);
  bench->step++;
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (bench->list)) == 0)
    return;

  g_print ("first-frame-with-rows %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_clear_signal_handler (&bench->paint_handler, clock);

  if (g_strcmp0 (g_getenv ("LAJNA_BENCH"), "scroll") == 0)
    g_timeout_add_full (G_PRIORITY_LOW, 50, scroll_step_cb, bench, NULL);
  else
    finish (bench);
}

static void
mapped_cb (GtkWidget *window,
           Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                           bench);
}

/**
 * lajna_bench_watch:
 * @window: the main window
 * @list: its file list
 * @vadjustment: the table's vertical scrolling
 *
 * Does nothing unless LAJNA_BENCH is set.
 */
void
lajna_bench_watch (GtkWidget     *window,
                   LajnaCaseList *list,
                   GtkAdjustment *vadjustment)
{
  Bench *bench;

  if (g_getenv ("LAJNA_BENCH") == NULL)
    return;

  /* Lives as long as the process: a bench run ends by quitting. */
  bench = g_new0 (Bench, 1);
  bench->window = window;
  bench->list = list;
  bench->vadjustment = vadjustment;
  if (gtk_widget_get_mapped (window))
    mapped_cb (window, bench);
  else
    g_signal_connect (window, "map", G_CALLBACK (mapped_cb), bench);
}
