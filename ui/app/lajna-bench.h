#pragma once

#include <gtk/gtk.h>

#include "lajna-case-list.h"

G_BEGIN_DECLS

guint64 lajna_bench_status_kb (const char    *field);
void    lajna_bench_watch     (GtkWidget     *window,
                               LajnaCaseList *list,
                               GtkAdjustment *vadjustment);

G_END_DECLS
