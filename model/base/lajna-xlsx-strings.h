#pragma once

#include <gio/gio.h>
#include <zip.h>

G_BEGIN_DECLS

typedef struct _LajnaXlsxStrings LajnaXlsxStrings;

LajnaXlsxStrings *lajna_xlsx_strings_new      (void);
void              lajna_xlsx_strings_free     (LajnaXlsxStrings  *self);
gboolean          lajna_xlsx_strings_read     (LajnaXlsxStrings  *self,
                                               zip_t             *zip,
                                               const char        *name,
                                               gsize             *budget,
                                               GCancellable      *cancellable,
                                               GError           **error);
const char       *lajna_xlsx_strings_get      (LajnaXlsxStrings  *self,
                                               guint              index);
void              lajna_xlsx_strings_unescape (GString           *out,
                                               const char        *text,
                                               gsize              len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaXlsxStrings, lajna_xlsx_strings_free)

G_END_DECLS
