/* lajna-pdf-export-run.c: "Export as PDF…" of the file view and "Minutes
 * as PDF…" of a meeting: asks where, then writes the PDF on the database
 * worker (reports/ records each export in the audit trail) and says how it
 * went in a toast. */

#include "lajna-pdf-export-run.h"

#include <glib/gi18n.h>

typedef struct
{
  LajnaPdfExportFunc  func;
  gint64              id;
  char               *path;
} Export;

/* What the chooser's answer goes to. */
typedef struct
{
  LajnaDbWorker      *worker;
  AdwToastOverlay    *toasts;
  LajnaPdfExportFunc  func;
  gint64              id;
} Asked;

static void
export_free (Export *export)
{
  g_free (export->path);
  g_free (export);
}

static void
asked_free (gpointer  data,
            GClosure *closure)
{
  Asked *asked = data;

  g_object_unref (asked->worker);
  g_object_unref (asked->toasts);
  g_free (asked);
}

static gpointer
export_thread (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Export *export = data;

  if (!export->func (db, export->id, export->path, error))
    return NULL;
  return g_strdup (export->path);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toasts = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (path != NULL)
    {
      name = g_path_get_basename (path);
      message = g_strdup_printf (_("Exported “%s”"), name);
    }
  else
    message = g_strdup_printf (_("The PDF was not written: %s"), error->message);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, path != NULL ? 5 : 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Asked           *asked)
{
  g_autoptr(GFile) file = NULL;
  Export *export;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && g_file_peek_path (file) != NULL)
    {
      export = g_new0 (Export, 1);
      export->func = asked->func;
      export->id = asked->id;
      export->path = g_file_get_path (file);
      lajna_db_worker_run_async (asked->worker, export_thread, export,
                                 (GDestroyNotify) export_free, g_free, NULL, exported_cb,
                                 g_object_ref (asked->toasts));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * lajna_pdf_export_run:
 * @parent: the window asking
 * @worker: the database worker
 * @title: the file chooser's title
 * @file_name: the name offered, slashes and all ("ز/2026/00017.pdf")
 * @func: writes the PDF of @id, on the worker
 * @id: the file or meeting
 * @toasts: where to say how it went
 */
void
lajna_pdf_export_run (GtkWindow          *parent,
                      LajnaDbWorker      *worker,
                      const char         *title,
                      const char         *file_name,
                      LajnaPdfExportFunc  func,
                      gint64              id,
                      AdwToastOverlay    *toasts)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strdup (file_name);
  Asked *asked = g_new0 (Asked, 1);

  asked->worker = g_object_ref (worker);
  asked->toasts = g_object_ref (toasts);
  asked->func = func;
  asked->id = id;
  /* "ز/2026/00017" names no folder. */
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (chosen_cb), asked, asked_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
