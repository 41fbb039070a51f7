#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_RULING_GROUP (lajna_ruling_group_get_type ())

G_DECLARE_FINAL_TYPE (LajnaRulingGroup, lajna_ruling_group, LAJNA, RULING_GROUP,
                      AdwPreferencesGroup)

void lajna_ruling_group_show (LajnaRulingGroup *self,
                              LajnaDbWorker    *worker,
                              gint64            case_id);

G_END_DECLS
