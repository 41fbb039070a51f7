#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_ADMIN_PAGE (lajna_admin_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LajnaAdminPage, lajna_admin_page, LAJNA, ADMIN_PAGE, AdwPreferencesPage)

/**
 * LajnaAdminPageClass:
 * @load_async: starts reading the page's rows, an _async call of the model
 * @load_finish: finishes @load_async, its _finish
 * @result_free: frees what @load_finish returns
 * @show: shows what @load_finish returned (which stays the caller's)
 * @add: opens the editor of a new row
 *
 * A page of the administration: one group of rows, each opening its
 * editor, and a button that adds one.
 */
struct _LajnaAdminPageClass
{
  AdwPreferencesPageClass parent_class;

  void           (*load_async)  (LajnaDbWorker        *worker,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
  gpointer       (*load_finish) (LajnaDbWorker        *worker,
                                 GAsyncResult         *result,
                                 GError              **error);
  GDestroyNotify   result_free;
  void           (*show)        (LajnaAdminPage       *self,
                                 gpointer              result);
  void           (*add)         (LajnaAdminPage       *self);
};

void           lajna_admin_page_set_texts  (LajnaAdminPage *self,
                                            const char     *title,
                                            const char     *description,
                                            const char     *add_label);
LajnaDbWorker *lajna_admin_page_get_worker (LajnaAdminPage *self);
void           lajna_admin_page_reload     (LajnaAdminPage *self);
void           lajna_admin_page_clear_rows (LajnaAdminPage *self);
void           lajna_admin_page_add_row    (LajnaAdminPage *self,
                                            const char     *title,
                                            const char     *subtitle,
                                            guint           index,
                                            GCallback       edit);
void           lajna_admin_page_saved      (LajnaAdminPage *self,
                                            const char     *message);

G_END_DECLS
