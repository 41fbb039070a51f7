#pragma once

#include <gio/gio.h>
#include <zip.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" and its NUL. */
#define LAJNA_XLSX_DATE_LEN 11

typedef struct _LajnaXlsxStyles LajnaXlsxStyles;

LajnaXlsxStyles *lajna_xlsx_styles_new       (void);
void             lajna_xlsx_styles_free      (LajnaXlsxStyles  *self);
gboolean         lajna_xlsx_styles_read      (LajnaXlsxStyles  *self,
                                              zip_t            *zip,
                                              const char       *name,
                                              gsize            *budget,
                                              GCancellable     *cancellable,
                                              GError          **error);
gboolean         lajna_xlsx_styles_is_date   (LajnaXlsxStyles  *self,
                                              guint             style);
gboolean         lajna_xlsx_styles_format_date (double          serial,
                                                gboolean        date1904,
                                                char            date[LAJNA_XLSX_DATE_LEN]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaXlsxStyles, lajna_xlsx_styles_free)

G_END_DECLS
