#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LAJNA_ACCOUNT_ERROR (lajna_account_error_quark ())

/**
 * LajnaAccountError:
 * @LAJNA_ACCOUNT_ERROR_REFUSED: the password is not the account's
 * @LAJNA_ACCOUNT_ERROR_UNAVAILABLE: the system cannot check passwords here
 */
typedef enum
{
  LAJNA_ACCOUNT_ERROR_REFUSED,
  LAJNA_ACCOUNT_ERROR_UNAVAILABLE,
} LajnaAccountError;

GQuark    lajna_account_error_quark    (void);
char     *lajna_account_describe       (void);
gboolean  lajna_account_check_password (const char  *password,
                                        GError     **error);

G_END_DECLS
