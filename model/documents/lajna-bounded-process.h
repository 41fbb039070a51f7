#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lajna_bounded_process_spawn (const char  *mode,
                                      gsize        memory,
                                      const int   *fds,
                                      guint        n_fds,
                                      GPid        *pid,
                                      GError     **error);
gboolean lajna_bounded_process_end   (GPid         pid,
                                      gboolean     kill_it);
gboolean lajna_fd_write_all          (int          fd,
                                      const void  *data,
                                      gsize        length);
gboolean lajna_fd_read_all           (int          fd,
                                      void        *buffer,
                                      gsize        length,
                                      gint64       deadline,
                                      gboolean    *timed_out);
gboolean lajna_fd_put_u32            (int          fd,
                                      guint32      value);
gboolean lajna_fd_put_u64            (int          fd,
                                      guint64      value);
gboolean lajna_fd_get_u32            (int          fd,
                                      guint32     *value,
                                      gint64       deadline,
                                      gboolean    *timed_out);
gboolean lajna_fd_get_u64            (int          fd,
                                      guint64     *value,
                                      gint64       deadline,
                                      gboolean    *timed_out);
