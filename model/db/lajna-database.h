#pragma once

#include <gio/gio.h>

#include "lajna-cluster.h"
#include "lajna-db.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DATABASE (lajna_database_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDatabase, lajna_database, LAJNA, DATABASE, GObject)

LajnaDatabase *lajna_database_new            (const char          *conninfo);
gboolean       lajna_database_is_embedded    (LajnaDatabase       *self);
LajnaCluster  *lajna_database_get_cluster    (LajnaDatabase       *self);
const char    *lajna_database_get_conninfo   (LajnaDatabase       *self);
gboolean       lajna_database_open           (LajnaDatabase       *self,
                                              gboolean             migrate,
                                              GCancellable        *cancellable,
                                              GError             **error);
void           lajna_database_open_async     (LajnaDatabase       *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       lajna_database_open_finish    (LajnaDatabase       *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void           lajna_database_set_password   (LajnaDatabase       *self,
                                              const char          *password);
LajnaDb       *lajna_database_connect        (LajnaDatabase       *self,
                                              GError             **error);
void           lajna_database_check_password_async  (LajnaDatabase        *self,
                                                     const char           *password,
                                                     gboolean              account,
                                                     gboolean              keep,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       lajna_database_check_password_finish (LajnaDatabase        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean       lajna_database_close          (LajnaDatabase       *self,
                                              gboolean             stop_server,
                                              GError             **error);

G_END_DECLS
