/* lajna-pdf-export-run.c: "Export as PDF…" of the file view, "Minutes
 * as PDF…" of a meeting, the file list's exports and the overview's
 * report: asks where, then writes the file on the database worker
 * (lajna-export-job.c; each export of a person's data is recorded in the
 * audit trail) and says how it went in a toast. */

#include "lajna-pdf-export-run.h"

#include <glib/gi18n.h>

#include "lajna-file-choice.h"

/* What the chooser's answer goes to. */
typedef struct
{
  LajnaDbWorker   *worker;
  AdwToastOverlay *toasts;
  LajnaExportJob  *what;
  gboolean         spreadsheet;
} Asked;

static void
asked_free (Asked *asked)
{
  g_object_unref (asked->worker);
  g_object_unref (asked->toasts);
  g_clear_pointer (&asked->what, lajna_export_job_free);
  g_free (asked);
}

/* Where to say how it went, and what was written. */
typedef struct
{
  AdwToastOverlay *toasts;
  gboolean         spreadsheet;
} Reply;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree Reply *reply = user_data;
  g_autoptr(AdwToastOverlay) toasts = reply->toasts;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lajna_export_job_run_finish (LAJNA_DB_WORKER (source), result, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (path != NULL)
    {
      name = g_path_get_basename (path);
      message = g_strdup_printf (_("Exported “%s”"), name);
    }
  else if (reply->spreadsheet)
    message = g_strdup_printf (_("The spreadsheet was not written: %s"), error->message);
  else
    message = g_strdup_printf (_("The PDF was not written: %s"), error->message);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, path != NULL ? 5 : 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Asked *asked = user_data;
  g_autofree char *path = lajna_file_choice_ask_finish (result, NULL);

  if (path != NULL)
    {
      Reply *reply = g_new0 (Reply, 1);

      reply->toasts = g_object_ref (asked->toasts);
      reply->spreadsheet = asked->spreadsheet;
      lajna_export_job_run_async (g_steal_pointer (&asked->what), asked->worker, path, NULL,
                                  exported_cb, reply);
    }
  asked_free (asked);
}

/**
 * lajna_pdf_export_run:
 * @parent: the window asking
 * @worker: the database worker
 * @title: the file chooser's title
 * @file_name: the name offered, slashes and all ("ز/2026/00017.pdf"); one
 *   ending in ".csv" is a spreadsheet
 * @what: (transfer full): what is written, once it is known where
 * @toasts: where to say how it went
 */
void
lajna_pdf_export_run (GtkWindow       *parent,
                      LajnaDbWorker   *worker,
                      const char      *title,
                      const char      *file_name,
                      LajnaExportJob  *what,
                      AdwToastOverlay *toasts)
{
  g_autofree char *name = g_strdup (file_name);
  Asked *asked = g_new0 (Asked, 1);

  asked->worker = g_object_ref (worker);
  asked->toasts = g_object_ref (toasts);
  asked->what = what;
  asked->spreadsheet = g_str_has_suffix (file_name, ".csv");
  /* "ز/2026/00017" names no folder. */
  g_strdelimit (name, "/", '-');
  lajna_file_choice_ask_async (parent, GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Export"), name,
                               NULL, NULL, chosen_cb, asked);
}
