#pragma once

#include <adwaita.h>
#include <check.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* What the widget tests share (test programs only): the interface in a
 * language as the app sets it up, a database of demo files, the main loop
 * run until a condition holds, and widgets found in a tree. */

typedef gboolean (*LajnaTestCondition) (gpointer data);

void           lajna_test_widgets_init       (const char         *language);
void           lajna_test_demo_start         (void);
LajnaDbWorker *lajna_test_shared_worker      (void);
void           lajna_test_wait_for           (LajnaTestCondition  condition,
                                              gpointer            data,
                                              const char         *what);
GtkWidget     *lajna_test_template_child     (gpointer            widget,
                                              GType               type,
                                              const char         *name);
GtkWindow     *lajna_test_find_window        (GType               type);
GPtrArray     *lajna_test_find_all           (GtkWidget          *root,
                                              GType               type);
gboolean       lajna_test_label_shows_whole  (GtkLabel           *label,
                                              char              **why);

G_END_DECLS
