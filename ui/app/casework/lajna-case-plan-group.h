#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_PLAN_GROUP (lajna_case_plan_group_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCasePlanGroup, lajna_case_plan_group, LAJNA, CASE_PLAN_GROUP,
                      AdwPreferencesGroup)

void lajna_case_plan_group_show          (LajnaCasePlanGroup *self,
                                          LajnaDbWorker      *worker,
                                          gint64              case_id);
void lajna_case_plan_group_set_read_only (LajnaCasePlanGroup *self,
                                          gboolean            read_only);

G_END_DECLS
