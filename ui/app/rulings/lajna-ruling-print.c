/* lajna-ruling-print.c: rulings on paper, through GtkPrintOperation, with
 * the same pages as their PDF: each ruling's page writer lays it out on the
 * printer's cairo context and draws each page (lajna_pdf_writer_paginate()
 * and lajna_pdf_writer_draw_page()); there is no second layout. Several
 * rulings (a meeting's) make one print job, GTK showing its progress. */

#include "lajna-ruling-print.h"

#include <glib/gi18n.h>

#include "lajna-ruling.h"

typedef struct
{
  GPtrArray *contents;
  GPtrArray *writers;
  /* For each page of the job: which writer, and its page. */
  GArray    *pages;
} Job;

typedef struct
{
  guint writer;
  guint page;
} JobPage;

static void
job_free (Job *job)
{
  g_ptr_array_unref (job->contents);
  g_ptr_array_unref (job->writers);
  g_array_unref (job->pages);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_ptr_array_set_size (job->writers, 0);
  g_array_set_size (job->pages, 0);
  for (guint i = 0; i < job->contents->len; i++)
    {
      LajnaPdfWriter *writer = lajna_ruling_lay_out (g_ptr_array_index (job->contents, i));
      guint pages = lajna_pdf_writer_paginate (writer, cr);

      for (guint page = 0; page < pages; page++)
        {
          JobPage at = { job->writers->len, page };

          g_array_append_val (job->pages, at);
        }
      g_ptr_array_add (job->writers, writer);
    }
  gtk_print_operation_set_n_pages (operation, (int) job->pages->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  const JobPage *at = &g_array_index (job->pages, JobPage, page_nr);

  lajna_pdf_writer_draw_page (g_ptr_array_index (job->writers, at->writer),
                              gtk_print_context_get_cairo_context (context), at->page);
}

/**
 * lajna_ruling_print_new:
 * @contents: (element-type LajnaRulingContent): the rulings, read
 *
 * Returns: (transfer full): a print operation for A4 in points, its page
 *   origin at the sheet's corner, ready to run (with the print dialog, or
 *   exported to a PDF)
 */
GtkPrintOperation *
lajna_ruling_print_new (GPtrArray *contents)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = g_new0 (Job, 1);

  job->contents = g_ptr_array_ref (contents);
  job->writers = g_ptr_array_new_with_free_func (g_object_unref);
  job->pages = g_array_new (FALSE, FALSE, sizeof (JobPage));
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Rulings"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "job", job, (GDestroyNotify) job_free);
  return operation;
}
