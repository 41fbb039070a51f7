#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

gboolean lajna_case_export_pdf (LajnaDb     *db,
                                gint64       case_id,
                                const char  *path,
                                GError     **error);

G_END_DECLS
