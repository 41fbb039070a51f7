#pragma once

#include <gtk/gtk.h>

#include "lajna-case-list.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_TABLE (lajna_case_table_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCaseTable, lajna_case_table, LAJNA, CASE_TABLE, GtkWidget)

void            lajna_case_table_set_list  (LajnaCaseTable *self,
                                            LajnaCaseList  *list);
LajnaCaseSort   lajna_case_table_get_sort  (LajnaCaseTable *self,
                                            gboolean       *descending);
void            lajna_case_table_sort_by   (LajnaCaseTable *self,
                                            LajnaCaseSort   sort,
                                            gboolean        descending);
GtkAdjustment  *lajna_case_table_get_vadjustment (LajnaCaseTable *self);

G_END_DECLS
