#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_VIEW (lajna_case_view_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCaseView, lajna_case_view, LAJNA, CASE_VIEW, GtkWidget)

void   lajna_case_view_set_worker  (LajnaCaseView *self,
                                   LajnaDbWorker *worker);
void   lajna_case_view_show_case   (LajnaCaseView *self,
                                   gint64         case_id);
gint64 lajna_case_view_get_case_id (LajnaCaseView *self);
void   lajna_case_view_clear       (LajnaCaseView *self);

G_END_DECLS
