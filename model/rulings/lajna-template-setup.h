#pragma once

#include "lajna-ruling-template.h"

G_BEGIN_DECLS

/* What the template editor starts from. */
typedef struct
{
  GPtrArray          *choices;       /* (element-type LajnaDecisionChoice): the outcomes */
  GPtrArray          *placeholders;  /* (element-type LajnaPlaceholder) */
  LajnaRulingContent *sample;        /* a ruling to preview the words on */
  gboolean            editable;      /* whether the person may change them */
} LajnaTemplateSetup;

void                lajna_template_setup_load_async  (LajnaDbWorker        *worker,
                                                      int                   committee_id,
                                                      const char           *kind,
                                                      gboolean              arabic,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LajnaTemplateSetup *lajna_template_setup_load_finish (LajnaDbWorker        *worker,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void                lajna_template_setup_free        (LajnaTemplateSetup   *setup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaTemplateSetup, lajna_template_setup_free)

G_END_DECLS
