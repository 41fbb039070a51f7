#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

gint64     lajna_ruling_issue     (LajnaDb     *db,
                                   gint64       case_id,
                                   const char  *issued_on,
                                   GError     **error);
gint64     lajna_ruling_correct   (LajnaDb     *db,
                                   gint64       case_id,
                                   const char  *reason,
                                   const char  *issued_on,
                                   GError     **error);
gboolean   lajna_ruling_seal      (LajnaDb     *db,
                                   gint64       case_id,
                                   GError     **error);
GPtrArray *lajna_ruling_seal_keys (LajnaDb     *db,
                                   GError     **error);

G_END_DECLS
