#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  lajna_process_alive                (GPid        pid);
gboolean  lajna_process_is_postgres_of       (GPid        pid,
                                              const char *pgdata);
GPid      lajna_pid_file_read                (const char *path);
void      lajna_pid_file_set_aside_if_stale  (const char *path,
                                              const char *pgdata);
const char *lajna_pg_bindir                  (void);

G_END_DECLS
