#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

char     *lajna_audit_dup_watermark  (LajnaDb     *db,
                                      GError     **error);
gboolean  lajna_audit_record_export  (LajnaDb     *db,
                                      const char  *action,
                                      const char  *object,
                                      gint64       id,
                                      const char  *watermark,
                                      GError     **error);
gboolean  lajna_audit_record_exports (LajnaDb     *db,
                                      const char  *format,
                                      const char  *filter,
                                      GArray      *case_ids,
                                      const char  *watermark,
                                      GError     **error);

G_END_DECLS
