#pragma once

#include "lajna-case-query.h"
#include "lajna-db.h"

G_BEGIN_DECLS

/* The most files a list export holds. */
#define LAJNA_CASE_LIST_EXPORT_MAX 100000

gboolean lajna_case_list_export_csv (LajnaDb              *db,
                                     const LajnaCaseQuery *query,
                                     const char           *path,
                                     GError              **error);
gboolean lajna_case_list_export_pdf (LajnaDb              *db,
                                     const LajnaCaseQuery *query,
                                     const char           *path,
                                     GError              **error);

G_END_DECLS
