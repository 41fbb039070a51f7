/* lajna-case-documents.c: a file's documents as its list shows them, and
 * files and scans attached to it, on the database worker. Each file attached is
 * read in the bounded process first (lajna-document-sandbox.c); one that
 * cannot be read, or is attached already, is said so and the others are
 * attached all the same. */

#include "lajna-case-documents.h"

#include <glib/gi18n-lib.h>

#include "lajna-document-image.h"
#include "lajna-document-sandbox.h"

void
lajna_case_documents_free (LajnaCaseDocuments *documents)
{
  g_clear_pointer (&documents->documents, g_ptr_array_unref);
  g_clear_pointer (&documents->readers, g_hash_table_unref);
  g_clear_pointer (&documents->slots, g_ptr_array_unref);
  g_free (documents);
}

void
lajna_documents_attached_free (LajnaDocumentsAttached *attached)
{
  g_string_free (attached->problems, TRUE);
  g_free (attached);
}

static gpointer
list_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 case_id = *(gint64 *) data;
  g_autoptr(LajnaCaseDocuments) listed = g_new0 (LajnaCaseDocuments, 1);

  if ((listed->documents = lajna_document_list (db, case_id, error)) == NULL
      || (listed->readers = lajna_document_readers (db, case_id, error)) == NULL
      || (listed->slots = lajna_document_slots (db, case_id, error)) == NULL
      || !lajna_document_can_attach (db, &listed->can_attach, error))
    return NULL;
  return g_steal_pointer (&listed);
}

/**
 * lajna_case_documents_load_async:
 * @worker: the database worker
 * @case_id: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the file's documents, who opened each, the checklist's slots and
 * whether the person attaches documents, on the worker.
 */
void
lajna_case_documents_load_async (LajnaDbWorker        *worker,
                                 gint64                case_id,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  lajna_db_worker_run_async (worker, list_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) lajna_case_documents_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_case_documents_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file's documents
 */
LajnaCaseDocuments *
lajna_case_documents_load_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* Files to attach into a slot of a file. */
typedef struct
{
  gint64  case_id;
  char   *type_code;
  GStrv   paths;
} Attach;

static void
attach_free (Attach *attach)
{
  g_strfreev (attach->paths);
  g_free (attach->type_code);
  g_free (attach);
}

static gpointer
attach_job (LajnaDb       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Attach *attach = data;
  LajnaDocumentsAttached *attached = g_new0 (LajnaDocumentsAttached, 1);

  attached->problems = g_string_new (NULL);
  for (guint i = 0; attach->paths[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (attach->paths[i], FALSE, &local_error);
      g_autoptr(GBytes) bytes = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
      g_autoptr(LajnaDocumentFile) file = NULL;
      g_autofree char *name = g_path_get_basename (attach->paths[i]);
      gboolean already = FALSE;

      if (bytes != NULL)
        file = lajna_document_sandbox_read (bytes, &local_error);
      if (file != NULL
          && lajna_document_attach (db, attach->case_id, attach->type_code, name, "import", file,
                                    &already, &local_error) > 0)
        {
          attached->attached += !already;
          if (already)
            g_string_append_printf (attached->problems, _("“%s” is already attached.\n"), name);
          continue;
        }
      g_string_append_printf (attached->problems, "%s: %s\n", name, local_error->message);
    }
  return attached;
}

/**
 * lajna_case_documents_attach_async:
 * @worker: the database worker
 * @case_id: a file
 * @type_code: the checklist's slot they go in
 * @paths: the files to attach
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once done
 * @user_data: for @callback
 *
 * Attaches the files to the file, each on its own, on the worker.
 */
void
lajna_case_documents_attach_async (LajnaDbWorker        *worker,
                                   gint64                case_id,
                                   const char           *type_code,
                                   const char * const   *paths,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  Attach *attach = g_new0 (Attach, 1);

  attach->case_id = case_id;
  attach->type_code = g_strdup (type_code);
  attach->paths = g_strdupv ((GStrv) paths);
  lajna_db_worker_run_async (worker, attach_job, attach, (GDestroyNotify) attach_free,
                             (GDestroyNotify) lajna_documents_attached_free, cancellable,
                             callback, user_data);
}

/**
 * lajna_case_documents_attach_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what attaching reports
 */
LajnaDocumentsAttached *
lajna_case_documents_attach_finish (LajnaDbWorker  *worker,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* Scanned pages to attach, each turned as it is shown. */
typedef struct
{
  gint64     case_id;
  char      *type_code;
  GPtrArray *pages;
  GArray    *turns;
} Scan;

static void
scan_free (Scan *scan)
{
  g_free (scan->type_code);
  g_ptr_array_unref (scan->pages);
  g_array_unref (scan->turns);
  g_free (scan);
}

static gpointer
scan_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Scan *scan = data;
  g_autoptr(GPtrArray) turned =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_image_page_free);
  g_autoptr(LajnaDocumentFile) file = NULL;
  gboolean already = FALSE;
  gint64 id;

  for (guint i = 0; i < scan->pages->len; i++)
    g_ptr_array_add (turned, lajna_image_page_turned (g_ptr_array_index (scan->pages, i),
                                                      g_array_index (scan->turns, guint, i)));
  if ((file = lajna_document_file_from_pages (turned, error)) == NULL)
    return NULL;
  id = lajna_document_attach (db, scan->case_id, scan->type_code, "", "scan", file, &already,
                              error);
  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/**
 * lajna_case_documents_attach_scan_async:
 * @worker: the database worker
 * @case_id: a file
 * @type_code: the checklist's slot the scan goes in
 * @pages: (transfer full) (element-type LajnaImagePage): the pages scanned
 * @turns: (transfer full) (element-type guint): each page's quarter turns
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once attached
 * @user_data: for @callback
 *
 * Makes one PDF of the pages, each turned as shown, and attaches it, on
 * the worker.
 */
void
lajna_case_documents_attach_scan_async (LajnaDbWorker        *worker,
                                        gint64                case_id,
                                        const char           *type_code,
                                        GPtrArray            *pages,
                                        GArray               *turns,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  Scan *scan = g_new0 (Scan, 1);

  scan->case_id = case_id;
  scan->type_code = g_strdup (type_code);
  scan->pages = pages;
  scan->turns = turns;
  lajna_db_worker_run_async (worker, scan_job, scan, (GDestroyNotify) scan_free, g_free,
                             cancellable, callback, user_data);
}

/**
 * lajna_case_documents_attach_scan_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: the document attached, 0 on error
 */
gint64
lajna_case_documents_attach_scan_finish (LajnaDbWorker  *worker,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  g_autofree gint64 *id = lajna_db_worker_run_finish (worker, result, error);

  return id != NULL ? *id : 0;
}

static gpointer
slots_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return lajna_document_slots (db, *(gint64 *) data, error);
}

/**
 * lajna_document_slots_async:
 * @worker: the database worker
 * @case_id: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the file's checklist slots (lajna_document_slots()) on the worker.
 */
void
lajna_document_slots_async (LajnaDbWorker        *worker,
                            gint64                case_id,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  lajna_db_worker_run_async (worker, slots_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_document_slots_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaDocumentSlot) (nullable):
 *   the slots
 */
GPtrArray *
lajna_document_slots_finish (LajnaDbWorker  *worker,
                             GAsyncResult   *result,
                             GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/* A document to open, and the worker whose database gives the renderer a
 * connection of its own. */
typedef struct
{
  LajnaDbWorker *worker;
  gint64         document_id;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->worker);
  g_free (opening);
}

static gpointer
open_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Opening *opening = data;
  LajnaDb *reader = lajna_database_connect (lajna_db_worker_get_database (opening->worker),
                                            error);
  g_autoptr(GInputStream) pdf = NULL;
  goffset length = 0;

  if (reader == NULL)
    return NULL;
  pdf = lajna_document_open (db, reader, opening->document_id, &length, error);
  return pdf != NULL ? lajna_page_renderer_new (pdf, length, error) : NULL;
}

/**
 * lajna_document_renderer_open_async:
 * @worker: the database worker
 * @document_id: a document
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once open
 * @user_data: for @callback
 *
 * Records that the person opens the document, and gives its pages a
 * renderer reading the PDF through a connection of its own (parsing a
 * long scan takes a while), on the worker.
 */
void
lajna_document_renderer_open_async (LajnaDbWorker        *worker,
                                    gint64                document_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->worker = g_object_ref (worker);
  opening->document_id = document_id;
  lajna_db_worker_run_async (worker, open_job, opening, (GDestroyNotify) opening_free,
                             g_object_unref, cancellable, callback, user_data);
}

/**
 * lajna_document_renderer_open_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document's renderer
 */
LajnaPageRenderer *
lajna_document_renderer_open_finish (LajnaDbWorker  *worker,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

static gpointer
previews_job (LajnaDb       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return lajna_document_previews (db, *(gint64 *) data, error);
}

/**
 * lajna_document_previews_async:
 * @worker: the database worker
 * @document_id: a document
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the document's page previews (lajna_document_previews()) on the
 * worker.
 */
void
lajna_document_previews_async (LajnaDbWorker        *worker,
                               gint64                document_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  lajna_db_worker_run_async (worker, previews_job, g_memdup2 (&document_id, sizeof document_id),
                             g_free, (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_document_previews_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GBytes) (nullable): each page's
 *   preview, as PNG
 */
GPtrArray *
lajna_document_previews_finish (LajnaDbWorker  *worker,
                                GAsyncResult   *result,
                                GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}
