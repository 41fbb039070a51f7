#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

GPtrArray *lajna_seal_keys_read   (LajnaDb  *db,
                                   GError  **error);
gboolean   lajna_seal_keys_rotate (LajnaDb  *db,
                                   int       committee_id,
                                   GError  **error);

G_END_DECLS
