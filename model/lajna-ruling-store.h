#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

gint64 lajna_ruling_issue (LajnaDb     *db,
                           gint64       case_id,
                           const char  *issued_on,
                           GError     **error);

G_END_DECLS
