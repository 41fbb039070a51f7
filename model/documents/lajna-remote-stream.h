#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most bytes one read asks for. */
#define LAJNA_REMOTE_STREAM_MAX_REQUEST (4 * 1024 * 1024)

#define LAJNA_TYPE_REMOTE_STREAM (lajna_remote_stream_get_type ())

G_DECLARE_FINAL_TYPE (LajnaRemoteStream, lajna_remote_stream, LAJNA, REMOTE_STREAM, GInputStream)

GInputStream *lajna_remote_stream_new (int     fd,
                                       goffset length);

G_END_DECLS
