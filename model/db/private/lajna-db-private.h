#pragma once

/* What the model alone does with a connection: SQL, its results, COPY. */

#include <libpq-fe.h>

#include "lajna-db.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

PGconn     *lajna_db_get_conn        (LajnaDb             *self);
void        lajna_db_set_disk_full   (LajnaDb             *self,
                                      guint64              needed,
                                      GError             **error);
PGresult   *lajna_db_exec            (LajnaDb             *self,
                                      const char          *sql,
                                      GError             **error);
PGresult   *lajna_db_exec_params     (LajnaDb             *self,
                                      const char          *sql,
                                      int                  n_params,
                                      const char * const  *values,
                                      GError             **error);
PGresult   *lajna_db_exec_binary     (LajnaDb             *self,
                                      const char          *sql,
                                      int                  n_params,
                                      const char * const  *values,
                                      const int           *lengths,
                                      const int           *formats,
                                      gboolean             binary_result,
                                      GError             **error);
gboolean    lajna_db_run             (LajnaDb             *self,
                                      const char          *sql,
                                      GError             **error);
gboolean    lajna_db_run_params      (LajnaDb             *self,
                                      const char          *sql,
                                      int                  n_params,
                                      const char * const  *values,
                                      GError             **error);
gboolean    lajna_db_copy_begin      (LajnaDb             *self,
                                      const char          *copy_sql,
                                      GError             **error);
gboolean    lajna_db_copy_put        (LajnaDb             *self,
                                      const char          *data,
                                      gsize                len,
                                      GError             **error);
gboolean    lajna_db_copy_end        (LajnaDb             *self,
                                      GError             **error);
void        lajna_db_copy_append_text (GString            *out,
                                       const char         *text);
char       *lajna_db_dup_value       (const PGresult      *result,
                                      int                  row,
                                      int                  column);
GStrv       lajna_db_dup_lines       (const PGresult      *result,
                                      int                  row,
                                      int                  column);

G_END_DECLS
