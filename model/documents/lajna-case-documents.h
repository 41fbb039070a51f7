#pragma once

#include "lajna-db-worker.h"
#include "lajna-document-store.h"
#include "lajna-page-renderer.h"

G_BEGIN_DECLS

/* A file's documents as its list shows them. */
typedef struct
{
  GPtrArray  *documents;   /* (element-type LajnaDocument) */
  GHashTable *readers;     /* document id as text → (element-type utf8) who opened it */
  GPtrArray  *slots;       /* (element-type LajnaDocumentSlot): the checklist's */
  gboolean    can_attach;  /* whether the person attaches documents */
} LajnaCaseDocuments;

/* What attaching files reports: how many were attached, and one line a
 * file that was not. */
typedef struct
{
  guint    attached;
  GString *problems;
} LajnaDocumentsAttached;

void                    lajna_case_documents_load_async    (LajnaDbWorker        *worker,
                                                            gint64                case_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
LajnaCaseDocuments     *lajna_case_documents_load_finish   (LajnaDbWorker        *worker,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                    lajna_case_documents_free          (LajnaCaseDocuments   *documents);
void                    lajna_case_documents_attach_async  (LajnaDbWorker        *worker,
                                                            gint64                case_id,
                                                            const char           *type_code,
                                                            const char * const   *paths,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
LajnaDocumentsAttached *lajna_case_documents_attach_finish (LajnaDbWorker        *worker,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                    lajna_documents_attached_free      (LajnaDocumentsAttached *attached);
void                    lajna_case_documents_attach_scan_async  (LajnaDbWorker        *worker,
                                                                 gint64                case_id,
                                                                 const char           *type_code,
                                                                 GPtrArray            *pages,
                                                                 GArray               *turns,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gint64                  lajna_case_documents_attach_scan_finish (LajnaDbWorker        *worker,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                    lajna_document_renderer_open_async  (LajnaDbWorker        *worker,
                                                             gint64                document_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
LajnaPageRenderer      *lajna_document_renderer_open_finish (LajnaDbWorker        *worker,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                    lajna_document_previews_async      (LajnaDbWorker        *worker,
                                                            gint64                document_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray              *lajna_document_previews_finish     (LajnaDbWorker        *worker,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                    lajna_document_slots_async         (LajnaDbWorker        *worker,
                                                            gint64                case_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray              *lajna_document_slots_finish        (LajnaDbWorker        *worker,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseDocuments, lajna_case_documents_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaDocumentsAttached, lajna_documents_attached_free)

G_END_DECLS
