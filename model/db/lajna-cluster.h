#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LAJNA_CLUSTER_ERROR (lajna_cluster_error_quark ())

/**
 * LajnaClusterError:
 * @LAJNA_CLUSTER_ERROR_NO_SERVER: the PostgreSQL 15 server programs are missing
 * @LAJNA_CLUSTER_ERROR_VERSION: the data folder belongs to another PostgreSQL major version
 * @LAJNA_CLUSTER_ERROR_ACCOUNT: the server's account cannot use the data folder
 * @LAJNA_CLUSTER_ERROR_INIT: creating the database failed
 * @LAJNA_CLUSTER_ERROR_START: the server did not start
 * @LAJNA_CLUSTER_ERROR_STOP: the server did not stop
 * @LAJNA_CLUSTER_ERROR_DISK_FULL: the disk that holds the data folder is full
 *
 * Errors of the embedded database server.
 */
typedef enum
{
  LAJNA_CLUSTER_ERROR_NO_SERVER,
  LAJNA_CLUSTER_ERROR_VERSION,
  LAJNA_CLUSTER_ERROR_ACCOUNT,
  LAJNA_CLUSTER_ERROR_INIT,
  LAJNA_CLUSTER_ERROR_START,
  LAJNA_CLUSTER_ERROR_STOP,
  LAJNA_CLUSTER_ERROR_DISK_FULL,
} LajnaClusterError;

#define LAJNA_TYPE_CLUSTER (lajna_cluster_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCluster, lajna_cluster, LAJNA, CLUSTER, GObject)

GQuark        lajna_cluster_error_quark       (void);
LajnaCluster *lajna_cluster_new               (const char    *data_dir);
const char   *lajna_cluster_get_data_dir      (LajnaCluster  *self);
const char   *lajna_cluster_get_log_path      (LajnaCluster  *self);
gboolean      lajna_cluster_is_initialized    (LajnaCluster  *self);
gboolean      lajna_cluster_start             (LajnaCluster  *self,
                                               GCancellable  *cancellable,
                                               GError       **error);
gboolean      lajna_cluster_stop              (LajnaCluster  *self,
                                               GError       **error);
gboolean      lajna_cluster_get_started_here  (LajnaCluster  *self);
GPid          lajna_cluster_get_server_pid    (LajnaCluster  *self);
char         *lajna_cluster_dup_conninfo      (LajnaCluster  *self);

G_END_DECLS
