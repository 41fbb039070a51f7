#pragma once

#include <gio/gio.h>
#include <zip.h>

G_BEGIN_DECLS

typedef struct _LajnaXlsxRelationships LajnaXlsxRelationships;

LajnaXlsxRelationships *lajna_xlsx_relationships_read (zip_t                   *zip,
                                                       const char              *source,
                                                       gsize                   *budget,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);
void                    lajna_xlsx_relationships_free (LajnaXlsxRelationships  *self);
const char             *lajna_xlsx_relationships_find (LajnaXlsxRelationships  *self,
                                                       const char              *type,
                                                       const char              *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaXlsxRelationships, lajna_xlsx_relationships_free)

G_END_DECLS
