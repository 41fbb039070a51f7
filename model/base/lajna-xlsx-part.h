#pragma once

#include <gio/gio.h>
#include <zip.h>

G_BEGIN_DECLS

typedef struct _LajnaXlsxPart LajnaXlsxPart;

LajnaXlsxPart *lajna_xlsx_part_open         (zip_t                *zip,
                                             const char           *name,
                                             gsize                *budget,
                                             const GMarkupParser  *parser,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           lajna_xlsx_part_free         (LajnaXlsxPart        *self);
gboolean       lajna_xlsx_part_read         (LajnaXlsxPart        *self,
                                             gboolean             *more,
                                             GError              **error);
gboolean       lajna_xlsx_part_read_all     (LajnaXlsxPart        *self,
                                             GError              **error);
double         lajna_xlsx_part_get_fraction (LajnaXlsxPart        *self);
const char    *lajna_xlsx_part_get_name     (LajnaXlsxPart        *self);
const char    *lajna_xlsx_local_name        (const char           *element_name);
const char    *lajna_xlsx_find_attribute    (const char           *name,
                                             const char          **names,
                                             const char          **values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaXlsxPart, lajna_xlsx_part_free)

G_END_DECLS
