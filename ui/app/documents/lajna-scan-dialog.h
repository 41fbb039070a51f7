#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_SCAN_DIALOG (lajna_scan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LajnaScanDialog, lajna_scan_dialog, LAJNA, SCAN_DIALOG, AdwWindow)

LajnaScanDialog *lajna_scan_dialog_new (GtkWindow     *parent,
                                        LajnaDbWorker *worker,
                                        gint64         case_id);

G_END_DECLS
