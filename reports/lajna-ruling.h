#pragma once

#include "lajna-page-renderer.h"
#include "lajna-pdf-writer.h"
#include "lajna-ruling-record.h"

G_BEGIN_DECLS

/* Called after each ruling of a batch: how many are done, of how many. */
typedef void (*LajnaRulingsProgress) (guint    done,
                                      guint    total,
                                      gpointer data);

LajnaPdfWriter *lajna_ruling_lay_out (const LajnaRulingContent *content);
GBytes         *lajna_ruling_pdf     (const LajnaRulingContent  *content,
                                      GError                   **error);
void            lajna_ruling_preview_async  (const LajnaRulingContent *content,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data);
LajnaPageRenderer *lajna_ruling_preview_finish (GAsyncResult          *result,
                                                GError               **error);
gboolean        lajna_ruling_render  (LajnaDb                  *db,
                                      gint64                    case_id,
                                      const char               *path,
                                      GError                  **error);
gboolean        lajna_ruling_sign    (LajnaDb                  *db,
                                      gint64                    case_id,
                                      const char               *p12_path,
                                      const char               *password,
                                      const char               *tsa_url,
                                      const char               *path,
                                      GError                  **error);
gboolean        lajna_rulings_render_all (LajnaDb              *db,
                                          GArray               *case_ids,
                                          const char           *path,
                                          LajnaRulingsProgress  progress,
                                          gpointer              data,
                                          GError              **error);

G_END_DECLS
