#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LAJNA_SCAN_ERROR (lajna_scan_error_quark ())

/**
 * LajnaScanError:
 * @LAJNA_SCAN_ERROR_NO_DEVICE: the scanner is not there (any more)
 * @LAJNA_SCAN_ERROR_FEEDER_EMPTY: the document feeder holds no paper
 * @LAJNA_SCAN_ERROR_DEVICE: the scanner reported a fault (jam, cover open…)
 * @LAJNA_SCAN_ERROR_UNSUPPORTED: the scanner sends images Lajna cannot read
 *
 * Why a scan did not happen.
 */
typedef enum
{
  LAJNA_SCAN_ERROR_NO_DEVICE,
  LAJNA_SCAN_ERROR_FEEDER_EMPTY,
  LAJNA_SCAN_ERROR_DEVICE,
  LAJNA_SCAN_ERROR_UNSUPPORTED,
} LajnaScanError;

/* What to scan: @pages 0 takes every sheet in the feeder (one from the
 * flatbed). */
typedef struct
{
  const char *device;
  gboolean    feeder;
  guint       pages;
  guint       dpi;
  gboolean    color;
} LajnaScanSettings;

/* A scanner SANE found: the name to scan with and a label for people. */
typedef struct
{
  char *name;
  char *label;
} LajnaScanDevice;

void lajna_scan_device_free (LajnaScanDevice *device);

#define LAJNA_TYPE_SCANNER (lajna_scanner_get_type ())

G_DECLARE_FINAL_TYPE (LajnaScanner, lajna_scanner, LAJNA, SCANNER, GObject)

GQuark        lajna_scan_error_quark       (void);
LajnaScanner *lajna_scanner_new            (void);
void          lajna_scanner_devices_async  (LajnaScanner             *self,
                                            GCancellable             *cancellable,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
GPtrArray    *lajna_scanner_devices_finish (LajnaScanner             *self,
                                            GAsyncResult             *result,
                                            GError                  **error);
void          lajna_scanner_scan_async     (LajnaScanner             *self,
                                            const LajnaScanSettings  *settings,
                                            GCancellable             *cancellable,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
GPtrArray    *lajna_scanner_scan_finish    (LajnaScanner             *self,
                                            GAsyncResult             *result,
                                            GError                  **error);
GPtrArray    *lajna_scanner_scan_sync      (LajnaScanner             *self,
                                            const LajnaScanSettings  *settings,
                                            GError                  **error);

G_END_DECLS
