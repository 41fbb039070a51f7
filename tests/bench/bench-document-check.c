/* bench-document-check.c: what reading a file from outside in a bounded
 * process of its own costs (lajna_document_sandbox_read()), beside reading
 * the same file in this process (lajna_document_file_read_here(), which
 * the bounded process runs): the median of three runs each, and the
 * difference per page. usage: bench-document-check FILE */

#include <stdio.h>

#include "bench-stats.h"
#include "lajna-document-file.h"
#include "lajna-document-sandbox.h"

static double
run_ms (GBytes  *bytes,
        gboolean bounded,
        guint   *pages)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(LajnaDocumentFile) file = bounded ? lajna_document_sandbox_read (bytes, &error)
                                              : lajna_document_file_read_here (bytes, NULL, &error);

  if (file == NULL)
    g_error ("%s", error->message);
  *pages = file->pages;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) here = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bounded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint pages = 0;
  double here_ms, bounded_ms;

  if (argc != 2 || (mapped = g_mapped_file_new (argv[1], FALSE, &error)) == NULL)
    g_error ("usage: bench-document-check FILE");
  bytes = g_mapped_file_get_bytes (mapped);
  for (guint i = 0; i < 3; i++)
    {
      double ms = run_ms (bytes, FALSE, &pages);

      g_array_append_val (here, ms);
      ms = run_ms (bytes, TRUE, &pages);
      g_array_append_val (bounded, ms);
    }
  here_ms = bench_percentile (here, 0.5);
  bounded_ms = bench_percentile (bounded, 0.5);
  printf ("document-check-ms %.0f   (median of 3: read, checked and %u previews made in a bounded "
          "process)\n", bounded_ms, pages);
  printf ("reference: the same in this process %.0f ms; the bounded process costs %.1f ms a page "
          "(ratio %.2f)\n", here_ms, (bounded_ms - here_ms) / MAX (pages, 1), bounded_ms / here_ms);
  return 0;
}
