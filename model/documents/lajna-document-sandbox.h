#pragma once

#include "lajna-document-file.h"

G_BEGIN_DECLS

LajnaDocumentFile *lajna_document_sandbox_read  (GBytes  *bytes,
                                                 GError **error);
gboolean           lajna_document_sandbox_serve (int      input_fd,
                                                 int      output_fd);

G_END_DECLS
