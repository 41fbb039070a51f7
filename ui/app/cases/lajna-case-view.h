#pragma once

#include <adwaita.h>

#include "lajna-case-details.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_VIEW (lajna_case_view_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCaseView, lajna_case_view, LAJNA, CASE_VIEW, GtkWidget)

void lajna_case_view_show_loading  (LajnaCaseView          *self);
void lajna_case_view_show_details  (LajnaCaseView          *self,
                                    const LajnaCaseDetails *details);
void lajna_case_view_show_error    (LajnaCaseView          *self,
                                    const GError           *error);
void lajna_case_view_clear         (LajnaCaseView          *self);

G_END_DECLS
