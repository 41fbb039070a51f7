#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *lajna_timestamp_request (const char    *url,
                                 const guint8  *data,
                                 gsize          length,
                                 GError       **error);

G_END_DECLS
