/* bench-rulings.c: rulings, on the database of LAJNA_DATA_DIR (a demo
 * database of its own: it issues the rulings it prints).
 * - issuing: the number taken, the text frozen and sealed, in one
 *   transaction, median over the rulings issued for the batch.
 * - one ruling: laid out and written as a PDF/A from its content already
 *   read, median of 20; reading the content beside it; then, as printed
 *   (its PDF on record, sealed), signed, and its seal checked
 *   (lajna_seal_verify), beside pdftotext of the same PDF.
 * - a batch: up to 1,000 rulings into one PDF (lajna_rulings_render_all),
 *   and the process's resident memory after the first 100 and at the end,
 *   which stays flat when each ruling is let go once drawn.
 * The reference, when LibreOffice is installed (`make bench` installs
 * it), is `soffice --headless --convert-to pdf` of a one-page document of
 * the same text (the ruling's, as pdftotext reads it). */

#include <glib/gstdio.h>
#include <string.h>

#include "bench-pdf.h"
#include "bench-stats.h"
#include "lajna-database.h"
#include "lajna-db-private.h"
#include "lajna-pdf-sign.h"
#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"
#include "lajna-ruling.h"
#include "lajna-seal.h"

#define BATCH 1000
#define SINGLE_RUNS 20

/* The resident memory of this process now, in MB. */
static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* Issues the rulings of up to BATCH decided files; returns their files. */
static GArray *
issue_rulings (LajnaDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) decided = lajna_db_exec (db,
      "SELECT id FROM case_file c WHERE status = 'decided'"
      "   AND NOT EXISTS (SELECT FROM decision_now d JOIN ruling r ON r.decision_id = d.id"
      "                    WHERE d.case_id = c.id)"
      " ORDER BY id LIMIT 1000", &error);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *files = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (decided == NULL)
    g_error ("%s", error->message);
  for (int i = 0; i < PQntuples (decided); i++)
    {
      gint64 file = g_ascii_strtoll (PQgetvalue (decided, i, 0), NULL, 10);
      gint64 start = g_get_monotonic_time ();
      double took;

      if (lajna_ruling_issue (db, file, NULL, lajna_ruling_pdf, &error) == 0)
        g_error ("%s", error->message);
      took = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, took);
      g_array_append_val (files, file);
    }
  if (ms->len > 0)
    g_print ("ruling-issue-ms %.1f   (median of %u: number, text frozen, laid out, code and PDF"
             " sealed, one transaction)\n",
             bench_percentile (ms, 0.50), ms->len);
  return files;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  if (done == 100)
    *(double *) data = resident_mb ();
}

static gpointer
read_ruling (LajnaDb  *db,
             gint64    case_id,
             GError  **error)
{
  return lajna_ruling_content_load (db, case_id, error);
}

static LajnaPdfWriter *
lay_out_ruling (gconstpointer content)
{
  return lajna_ruling_lay_out (content);
}

static double
measure_single (LajnaDb    *db,
                gint64      file,
                const char *path)
{
  double read_ms, render_ms;

  bench_time_pdf (db, file, read_ruling, lay_out_ruling, (GDestroyNotify) lajna_ruling_content_free,
                  path, SINGLE_RUNS, &read_ms, &render_ms);
  g_print ("ruling-render-ms %.1f   (median of %d: laid out and written as a PDF)\n", render_ms,
           SINGLE_RUNS);
  g_print ("  reading its content (letterhead, template, values, signatories): %.1f ms\n",
           read_ms);
  return render_ms;
}

/* Signing a ruling already rendered: median of 20, with a 2048-bit RSA
 * key made for the bench. */
static void
measure_signing (const char *dir,
                 const char *pdf_path)
{
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *p12 = g_build_filename (dir, "signatory.p12", NULL);
  g_autofree char *make = g_strdup_printf ("openssl req -x509 -newkey rsa:2048 -nodes -keyout %s"
                                           " -out %s -days 30 -subj /CN=Bench", key, cert);
  g_autofree char *pack = g_strdup_printf ("openssl pkcs12 -export -inkey %s -in %s -out %s"
                                           " -passout pass:bench", key, cert, p12);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *data = NULL, *said = NULL, *packed = NULL;
  gsize length;

  if (!g_spawn_command_line_sync (make, NULL, &said, NULL, NULL)
      || !g_spawn_command_line_sync (pack, NULL, &packed, NULL, NULL)
      || !g_file_get_contents (pdf_path, &data, &length, NULL))
    g_error ("cannot make the bench's key or read the ruling");
  pdf = g_bytes_new_take (g_steal_pointer (&data), length);
  for (int run = 0; run < SINGLE_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) signed_pdf = lajna_pdf_sign (pdf, p12, "bench", "Bench", NULL, NULL,
                                                              &error);
      double took = (g_get_monotonic_time () - start) / 1000.0;

      if (signed_pdf == NULL)
        g_error ("%s", error->message);
      g_array_append_val (ms, took);
    }
  g_print ("ruling-sign-ms %.1f   (median of %d: read the PKCS#12 key, CMS over the byte range,"
           " incremental update)\n", bench_percentile (ms, 0.50), SINGLE_RUNS);
  g_remove (key);
  g_remove (cert);
  g_remove (p12);
}

/* Checking a ruling's seal: median of 20, beside pdftotext of the PDF. */
static void
measure_verify (LajnaDb    *db,
                const char *pdf_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = lajna_seal_keys_read (db, &error);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *data = NULL;
  g_autofree char *command = g_strdup_printf ("pdftotext %s -", pdf_path);
  g_autoptr(GBytes) pdf = NULL;
  gsize length;

  if (keys == NULL || !g_file_get_contents (pdf_path, &data, &length, &error))
    g_error ("%s", error->message);
  pdf = g_bytes_new_take (g_steal_pointer (&data), length);
  for (int run = 0; run < SINGLE_RUNS; run++)
    {
      g_auto(LajnaSealFacts) facts = { 0 };
      g_autofree char *out = NULL;
      gint64 start = g_get_monotonic_time ();
      double took;

      if (lajna_seal_verify (pdf, keys, &facts) != LAJNA_SEAL_VALID)
        g_error ("the bench's ruling does not check valid");
      took = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, took);
      start = g_get_monotonic_time ();
      g_spawn_command_line_sync (command, &out, NULL, NULL, NULL);
      took = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (reference, took);
    }
  g_print ("ruling-verify-ms %.1f   (median of %d: seal read and checked, the bytes it covers"
           " hashed, its update compared); pdftotext of the same PDF %.1f ms\n",
           bench_percentile (ms, 0.50), SINGLE_RUNS, bench_percentile (reference, 0.50));
}

/* LibreOffice writing the same text as a PDF, exec to exit; the ratio of
 * a ruling's rendering to it. */
static void
measure_reference (const char *dir,
                   const char *pdf_path,
                   double      render_ms)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *text = g_build_filename (dir, "ruling.txt", NULL);
  g_autofree char *extract = g_strdup_printf ("pdftotext -layout %s %s", pdf_path, text);
  g_autofree char *convert = NULL;
  g_autofree char *converted = g_build_filename (dir, "ruling.pdf", NULL);
  double took;
  gint64 start;

  if (soffice == NULL)
    {
      g_print ("reference: LibreOffice is not installed here; no ratio\n");
      return;
    }
  if (!g_spawn_command_line_sync (extract, NULL, NULL, NULL, NULL))
    g_error ("cannot read the ruling's text");
  convert = g_strdup_printf ("%s --headless --convert-to pdf --outdir %s %s", soffice, dir, text);
  start = g_get_monotonic_time ();
  if (!g_spawn_command_line_sync (convert, NULL, NULL, NULL, NULL)
      || !g_file_test (converted, G_FILE_TEST_EXISTS))
    g_error ("soffice wrote no PDF");
  took = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("reference: soffice --headless --convert-to pdf of the ruling's text %.0f ms"
           " (ratio %.4f)\n", took, render_ms / took);
  g_remove (text);
  g_remove (converted);
}

int
main (void)
{
  g_autoptr(LajnaDatabase) database = lajna_database_new (g_getenv ("LAJNA_DATABASE"));
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) files = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lajna-bench-rulings-XXXXXX", NULL);
  g_autofree char *one = g_build_filename (dir, "one.pdf", NULL);
  g_autofree char *all = g_build_filename (dir, "all.pdf", NULL);
  g_autofree char *issued = g_build_filename (dir, "issued.pdf", NULL);
  double after_100 = 0, before, render_ms;
  gint64 start;

  if (!lajna_database_open (database, TRUE, NULL, &error)
      || (db = lajna_database_connect (database, &error)) == NULL)
    g_error ("%s", error->message);
  files = issue_rulings (db);
  if (files->len == 0)
    g_error ("no decided file to issue a ruling for");
  render_ms = measure_single (db, g_array_index (files, gint64, 0), one);
  measure_reference (dir, one, render_ms);
  /* The ruling as printed: its PDF on record, as issued and sealed. */
  if (!lajna_ruling_render (db, g_array_index (files, gint64, 0), issued, &error))
    g_error ("%s", error->message);
  measure_signing (dir, issued);
  measure_verify (db, issued);

  before = resident_mb ();
  start = g_get_monotonic_time ();
  if (!lajna_rulings_render_all (db, files, all, progress_cb, &after_100, &error))
    g_error ("%s", error->message);
  g_print ("rulings-batch-s %.1f   (%u rulings into one PDF)\n",
           (g_get_monotonic_time () - start) / 1e6, files->len);
  g_print ("rulings-batch-rss-mb before %.0f, after 100 %.0f, after all %.0f\n", before,
           after_100, resident_mb ());
  g_remove (one);
  g_remove (issued);
  g_remove (all);
  g_rmdir (dir);
  g_clear_object (&db);
  lajna_database_close (database, FALSE, NULL);
  return 0;
}
