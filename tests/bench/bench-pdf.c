/* bench-pdf.c: the time a PDF of Lajna's takes: reading what it shows,
 * then laying it out and writing it, the medians of @runs each. */

#include "bench-pdf.h"

#include "bench-stats.h"

void
bench_time_pdf (LajnaDb        *db,
                gint64          id,
                BenchRead       read,
                BenchLayOut     lay_out,
                GDestroyNotify  free_read,
                const char     *path,
                int             runs,
                double         *read_ms,
                double         *render_ms)
{
  g_autoptr(GArray) render = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reading = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gpointer shown = read (db, id, &error);
      gint64 middle = g_get_monotonic_time ();
      g_autoptr(LajnaPdfWriter) writer = NULL;
      double ms;

      if (shown == NULL)
        g_error ("%s", error->message);
      writer = lay_out (shown);
      if (!lajna_pdf_writer_write (writer, path, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - middle) / 1000.0;
      g_array_append_val (render, ms);
      ms = (middle - start) / 1000.0;
      g_array_append_val (reading, ms);
      free_read (shown);
    }
  *render_ms = bench_percentile (render, 0.50);
  *read_ms = bench_percentile (reading, 0.50);
}
