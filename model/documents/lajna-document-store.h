#pragma once

#include "lajna-db.h"
#include "lajna-document-file.h"

G_BEGIN_DECLS

/* A document attached to a file, as listed. */
typedef struct
{
  gint64  id;
  char   *type_code;
  char   *title;
  char   *mime_type;
  int     pages;
  gint64  byte_size;
  char   *sha256;
  char   *source;
  char   *added_by;
  char   *added_at;
  char   *type_name;
} LajnaDocument;

/* A slot of a file's checklist, for a new document. */
typedef struct
{
  char     *code;
  char     *name;
  gboolean  missing;
} LajnaDocumentSlot;

gint64     lajna_document_attach  (LajnaDb                 *db,
                                   gint64                   case_id,
                                   const char              *type_code,
                                   const char              *title,
                                   const char              *source,
                                   const LajnaDocumentFile *file,
                                   gboolean                *already,
                                   GError                 **error);
GPtrArray *lajna_document_list    (LajnaDb                 *db,
                                   gint64                   case_id,
                                   GError                 **error);
GBytes    *lajna_document_original (LajnaDb                *db,
                                   gint64                   document_id,
                                   GError                 **error);
GInputStream *lajna_document_open (LajnaDb                *db,
                                   LajnaDb                 *reader,
                                   gint64                   document_id,
                                   goffset                 *length,
                                   GError                 **error);
GPtrArray *lajna_document_previews (LajnaDb                 *db,
                                   gint64                   document_id,
                                   GError                 **error);
GHashTable *lajna_document_readers (LajnaDb                *db,
                                   gint64                   case_id,
                                   GError                 **error);
void       lajna_document_free    (LajnaDocument           *document);
gboolean   lajna_document_can_attach (LajnaDb              *db,
                                   gboolean                *can,
                                   GError                 **error);
GPtrArray *lajna_document_slots   (LajnaDb                 *db,
                                   gint64                   case_id,
                                   GError                 **error);
char      *lajna_document_slot_label (const LajnaDocumentSlot *slot);
void       lajna_document_slot_free (LajnaDocumentSlot     *slot);

G_END_DECLS
