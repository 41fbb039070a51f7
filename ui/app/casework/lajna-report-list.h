#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_REPORT_LIST (lajna_report_list_get_type ())

G_DECLARE_FINAL_TYPE (LajnaReportList, lajna_report_list, LAJNA, REPORT_LIST, AdwPreferencesGroup)

void lajna_report_list_show (LajnaReportList *self,
                             LajnaDbWorker   *worker,
                             gint64           case_id);

G_END_DECLS
