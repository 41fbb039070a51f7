#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *lajna_keyring_describe (const char   *conninfo);
char     *lajna_keyring_lookup  (const char    *conninfo,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  lajna_keyring_store   (const char    *conninfo,
                                 const char    *password,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  lajna_keyring_forget  (const char    *conninfo,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
