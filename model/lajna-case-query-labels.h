#pragma once

#include "lajna-case-query.h"

G_BEGIN_DECLS

char  *lajna_case_query_dup_follow_up_label (LajnaCaseFollowUp     follow_up,
                                             guint                 waiting_days);
GStrv  lajna_case_query_dup_labels          (const LajnaCaseQuery *query);

G_END_DECLS
