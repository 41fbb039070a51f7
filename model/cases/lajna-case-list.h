#pragma once

#include <gio/gio.h>

#include "lajna-case-query.h"
#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_LIST (lajna_case_list_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCaseList, lajna_case_list, LAJNA, CASE_LIST, GObject)

LajnaCaseList        *lajna_case_list_new         (LajnaDbWorker        *worker);
void                  lajna_case_list_set_query   (LajnaCaseList        *self,
                                                   const LajnaCaseQuery *query);
const LajnaCaseQuery *lajna_case_list_get_query   (LajnaCaseList        *self);
void                  lajna_case_list_reload      (LajnaCaseList        *self);
void                  lajna_case_list_refresh_case (LajnaCaseList       *self,
                                                    gint64               case_id);
gboolean              lajna_case_list_get_loading (LajnaCaseList        *self);
gboolean              lajna_case_list_get_counted (LajnaCaseList        *self);
const GError         *lajna_case_list_get_error   (LajnaCaseList        *self);
guint                 lajna_case_list_get_n_blocks (LajnaCaseList       *self);

G_END_DECLS
