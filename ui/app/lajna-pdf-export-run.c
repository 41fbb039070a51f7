/* lajna-pdf-export-run.c: "Export as PDF…" of the file view, "Minutes
 * as PDF…" of a meeting, the file list's exports and the overview's
 * report: asks where, then writes the file on the database worker
 * (reports/ records each export of a person's data in the audit trail)
 * and says how it went in a toast. */

#include "lajna-pdf-export-run.h"

#include <glib/gi18n.h>

#include "lajna-file-choice.h"

/* What one export writes, and what with. */
typedef struct
{
  LajnaExportWriteFunc  write;
  gpointer              data;
  GDestroyNotify        data_free;
  char                 *path;
} Export;

/* What the chooser's answer goes to. */
typedef struct
{
  LajnaDbWorker   *worker;
  AdwToastOverlay *toasts;
  Export          *what;
  gboolean         spreadsheet;
} Asked;

static void
export_free (Export *export)
{
  if (export->data_free != NULL)
    export->data_free (export->data);
  g_free (export->path);
  g_free (export);
}

static void
asked_free (Asked *asked)
{
  g_object_unref (asked->worker);
  g_object_unref (asked->toasts);
  g_clear_pointer (&asked->what, export_free);
  g_free (asked);
}

static gpointer
export_thread (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Export *export = data;

  if (!export->write (db, export->data, export->path, error))
    return NULL;
  return g_strdup (export->path);
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
chosen_cb (const char *path,
           gpointer    data)
{
  Asked *asked = data;
  Export *export;
  Reply *reply;

  if (path == NULL || asked->what == NULL)
    return;
  reply = g_new0 (Reply, 1);
  reply->toasts = g_object_ref (asked->toasts);
  reply->spreadsheet = asked->spreadsheet;
  export = g_steal_pointer (&asked->what);
  export->path = g_strdup (path);
  lajna_db_worker_run_async (asked->worker, export_thread, export, (GDestroyNotify) export_free,
                             g_free, NULL, exported_cb, reply);
}

static void
ask (GtkWindow       *parent,
     LajnaDbWorker   *worker,
     const char      *title,
     const char      *file_name,
     AdwToastOverlay *toasts,
     Export          *what)
{
  g_autofree char *name = g_strdup (file_name);
  Asked *asked = g_new0 (Asked, 1);

  asked->worker = g_object_ref (worker);
  asked->toasts = g_object_ref (toasts);
  asked->what = what;
  asked->spreadsheet = g_str_has_suffix (file_name, ".csv");
  /* "ز/2026/00017" names no folder. */
  g_strdelimit (name, "/", '-');
  lajna_file_choice_ask (parent, GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Export"), name, NULL,
                         chosen_cb, asked, (GDestroyNotify) asked_free);
}

/**
 * lajna_pdf_export_run_full:
 * @parent: the window asking
 * @worker: the database worker
 * @title: the file chooser's title
 * @file_name: the name offered, slashes and all ("ز/2026/00017.pdf"); one
 *   ending in ".csv" is a spreadsheet
 * @write: writes the file, on the worker
 * @data: what @write is given
 * @data_free: (nullable): frees @data, once the file is written or not
 * @toasts: where to say how it went
 */
void
lajna_pdf_export_run_full (GtkWindow            *parent,
                           LajnaDbWorker        *worker,
                           const char           *title,
                           const char           *file_name,
                           LajnaExportWriteFunc  write,
                           gpointer              data,
                           GDestroyNotify        data_free,
                           AdwToastOverlay      *toasts)
{
  Export *what = g_new0 (Export, 1);

  what->write = write;
  what->data = data;
  what->data_free = data_free;
  ask (parent, worker, title, file_name, toasts, what);
}

/* One file or meeting. */
typedef struct
{
  LajnaPdfExportFunc func;
  gint64             id;
} OneExport;

static gboolean
write_one (LajnaDb     *db,
           gpointer     data,
           const char  *path,
           GError     **error)
{
  OneExport *one = data;

  return one->func (db, one->id, path, error);
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
  OneExport *one = g_new0 (OneExport, 1);

  one->func = func;
  one->id = id;
  lajna_pdf_export_run_full (parent, worker, title, file_name, write_one, one, g_free, toasts);
}

/* The files a query chooses. */
typedef struct
{
  LajnaListExportFunc  func;
  LajnaCaseQuery      *query;
} ListExport;

static void
list_export_free (ListExport *list)
{
  lajna_case_query_free (list->query);
  g_free (list);
}

static gboolean
write_list (LajnaDb     *db,
            gpointer     data,
            const char  *path,
            GError     **error)
{
  ListExport *list = data;

  return list->func (db, list->query, path, error);
}

/**
 * lajna_pdf_export_run_list:
 * @parent: the window asking
 * @worker: the database worker
 * @title: the file chooser's title
 * @file_name: the name offered
 * @func: writes the list, on the worker
 * @query: which files (copied)
 * @toasts: where to say how it went
 */
void
lajna_pdf_export_run_list (GtkWindow            *parent,
                           LajnaDbWorker        *worker,
                           const char           *title,
                           const char           *file_name,
                           LajnaListExportFunc   func,
                           const LajnaCaseQuery *query,
                           AdwToastOverlay      *toasts)
{
  ListExport *list = g_new0 (ListExport, 1);

  list->func = func;
  list->query = lajna_case_query_copy (query);
  lajna_pdf_export_run_full (parent, worker, title, file_name, write_list, list,
                             (GDestroyNotify) list_export_free, toasts);
}
