#pragma once

#include <gio/gio.h>

#include "lajna-db.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DOCUMENT_STREAM (lajna_document_stream_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDocumentStream, lajna_document_stream, LAJNA, DOCUMENT_STREAM,
                      GMemoryInputStream)

GInputStream *lajna_document_stream_new (LajnaDb *db,
                                         gint64   document_id,
                                         goffset  length);

G_END_DECLS
