#pragma once

#include <gtk/gtk.h>

#include "lajna-case-query-labels.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_FILTER_CHIPS (lajna_filter_chips_get_type ())

G_DECLARE_FINAL_TYPE (LajnaFilterChips, lajna_filter_chips, LAJNA, FILTER_CHIPS, GtkWidget)

void lajna_filter_chips_show (LajnaFilterChips     *self,
                              const LajnaCaseQuery *query,
                              const char           *committee);

G_END_DECLS
