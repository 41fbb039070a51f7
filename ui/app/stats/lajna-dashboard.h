#pragma once

#include <gtk/gtk.h>

#include "lajna-chart-digits.h"
#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DASHBOARD (lajna_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (LajnaDashboard, lajna_dashboard, LAJNA, DASHBOARD, GtkWidget)

GtkWidget *lajna_dashboard_new           (void);
void       lajna_dashboard_set_worker    (LajnaDashboard *self,
                                          LajnaDbWorker  *worker);
void       lajna_dashboard_set_committee (LajnaDashboard *self,
                                          int             committee_id);
void       lajna_dashboard_reload        (LajnaDashboard *self);

G_END_DECLS
