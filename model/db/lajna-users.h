#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* The fewest characters a password may have. */
#define LAJNA_PASSWORD_MIN_LENGTH 10

gboolean lajna_users_check_password (const char  *password,
                                     GError     **error);
gboolean lajna_users_set_password   (LajnaDb     *db,
                                     const char  *login,
                                     const char  *password,
                                     GError     **error);
gboolean lajna_users_use_passwords  (LajnaDb     *db);

gboolean lajna_users_add            (LajnaDb     *db,
                                     const char  *login,
                                     const char  *full_name,
                                     const char  *role,
                                     int          committee_id,
                                     const char  *password,
                                     GError     **error);
gboolean lajna_users_set_full_name  (LajnaDb     *db,
                                     const char  *login,
                                     const char  *full_name,
                                     GError     **error);
void     lajna_users_set_full_name_async  (LajnaDbWorker        *worker,
                                           const char           *login,
                                           const char           *full_name,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean lajna_users_set_full_name_finish (LajnaDbWorker        *worker,
                                           GAsyncResult         *result,
                                           GError              **error);
char    *lajna_users_dup_full_name  (LajnaDb     *db,
                                     const char  *login,
                                     GError     **error);
gboolean lajna_users_register_owner (LajnaDb     *db,
                                     GError     **error);

G_END_DECLS
