#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

guint     lajna_schema_get_latest   (void);
gboolean  lajna_schema_get_version  (LajnaDb  *db,
                                     guint    *version,
                                     GError  **error);
gboolean  lajna_schema_migrate      (LajnaDb  *db,
                                     guint    *n_applied,
                                     GError  **error);
gboolean  lajna_schema_apply_subjects (LajnaDb  *db,
                                       GError  **error);
char     *lajna_schema_dup_rules    (LajnaDb  *db,
                                     GError  **error);

G_END_DECLS
