#pragma once

#include "lajna-ruling-content.h"

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
gboolean   lajna_ruling_seal      (LajnaDb            *db,
                                   LajnaRulingContent *content,
                                   GError            **error);
GPtrArray *lajna_ruling_seal_keys (LajnaDb     *db,
                                   GError     **error);

G_END_DECLS
