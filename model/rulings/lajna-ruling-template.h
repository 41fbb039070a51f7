#pragma once

#include "lajna-db-worker.h"
#include "lajna-ruling-content.h"

G_BEGIN_DECLS

/* A ruling template's words: the title, the preamble and the articles,
 * with their {placeholders}; @own when they are the committee's own
 * rather than those shared by every committee. */
typedef struct
{
  char     *title;
  char     *preamble;
  GStrv     articles;
  gboolean  own;
} LajnaRulingTemplate;

/* A name a template may use, and what it stands for. */
typedef struct
{
  char *name;
  char *description;
} LajnaPlaceholder;

LajnaRulingTemplate *lajna_ruling_template_load     (LajnaDb                   *db,
                                                     int                        committee_id,
                                                     const char                *outcome,
                                                     GError                   **error);
gboolean             lajna_ruling_template_save     (LajnaDb                   *db,
                                                     int                        committee_id,
                                                     const char                *outcome,
                                                     const LajnaRulingTemplate *template,
                                                     GError                   **error);
gboolean             lajna_ruling_template_editable (LajnaDb                   *db,
                                                     GError                   **error);
GStrv                lajna_ruling_template_unknown  (const LajnaRulingTemplate *template,
                                                     GPtrArray                 *placeholders);
void                 lajna_ruling_template_free     (LajnaRulingTemplate       *template);
GPtrArray           *lajna_ruling_placeholders      (LajnaDb                   *db,
                                                     GError                   **error);
LajnaRulingContent  *lajna_ruling_sample            (LajnaDb                   *db,
                                                     int                        committee_id,
                                                     GError                   **error);
void                 lajna_ruling_sample_fill       (LajnaRulingContent        *sample,
                                                     const LajnaRulingTemplate *template,
                                                     GPtrArray                 *placeholders);

void                 lajna_ruling_template_load_async  (LajnaDbWorker        *worker,
                                                        int                   committee_id,
                                                        const char           *outcome,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
LajnaRulingTemplate *lajna_ruling_template_load_finish (LajnaDbWorker        *worker,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void                 lajna_ruling_template_save_async  (LajnaDbWorker        *worker,
                                                        int                   committee_id,
                                                        const char           *outcome,
                                                        LajnaRulingTemplate  *template,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean             lajna_ruling_template_save_finish (LajnaDbWorker        *worker,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaRulingTemplate, lajna_ruling_template_free)

G_END_DECLS
