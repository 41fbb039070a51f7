#pragma once

#include "lajna-pdf-writer.h"
#include "lajna-ruling-content.h"

G_BEGIN_DECLS

LajnaPdfWriter *lajna_ruling_lay_out (const LajnaRulingContent *content);
gboolean        lajna_ruling_render  (LajnaDb                  *db,
                                      gint64                    case_id,
                                      const char               *path,
                                      GError                  **error);

G_END_DECLS
