#pragma once

#include <adwaita.h>

#include "lajna-case-query-labels.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_LIST_FILTERS (lajna_list_filters_get_type ())

G_DECLARE_FINAL_TYPE (LajnaListFilters, lajna_list_filters, LAJNA, LIST_FILTERS, GtkWidget)

void lajna_list_filters_apply          (LajnaListFilters *self,
                                        LajnaCaseQuery   *query);
void lajna_list_filters_clear          (LajnaListFilters *self,
                                        LajnaCaseFilter   filter);
void lajna_list_filters_set_kind_fixed (LajnaListFilters *self,
                                        gboolean          fixed);

G_END_DECLS
