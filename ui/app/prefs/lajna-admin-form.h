#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"
#include "lajna-validation.h"

G_BEGIN_DECLS

/* A field of an editor: its validation key and the row that shows it. */
typedef struct
{
  const char *field;
  GtkWidget  *row;
} LajnaAdminField;

/* Shows what a page loaded; @result belongs to the caller. */
typedef void (*LajnaAdminShowFunc) (gpointer page,
                                    gpointer result);

gboolean lajna_admin_form_check (GtkLabel              *error_label,
                                 const LajnaValidation *validation,
                                 const LajnaAdminField *fields,
                                 guint                  n_fields);
void     lajna_admin_form_save  (GtkWindow             *editor,
                                 GtkWidget             *save,
                                 GtkLabel              *error_label,
                                 LajnaDbWorker         *worker,
                                 LajnaDbJobFunc         write,
                                 gpointer               data,
                                 GDestroyNotify         data_free,
                                 GCancellable          *cancellable);
void     lajna_admin_page_load  (gpointer               page,
                                 AdwPreferencesGroup   *group,
                                 LajnaDbWorker         *worker,
                                 LajnaDbJobFunc         fetch,
                                 GDestroyNotify         result_free,
                                 GCancellable          *cancellable,
                                 LajnaAdminShowFunc     show);
void     lajna_admin_page_toast (GtkWidget             *page,
                                 const char            *message);

G_END_DECLS
