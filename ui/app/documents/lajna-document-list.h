#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DOCUMENT_LIST (lajna_document_list_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDocumentList, lajna_document_list, LAJNA, DOCUMENT_LIST,
                      AdwPreferencesGroup)

void     lajna_document_list_show          (LajnaDocumentList *self,
                                            LajnaDbWorker     *worker,
                                            gint64             case_id);
gint64   lajna_document_list_get_case_id   (LajnaDocumentList *self);
void     lajna_document_list_set_case_id   (LajnaDocumentList *self,
                                            gint64             case_id);
gboolean lajna_document_list_get_read_only (LajnaDocumentList *self);
void     lajna_document_list_set_read_only (LajnaDocumentList *self,
                                            gboolean           read_only);

G_END_DECLS
