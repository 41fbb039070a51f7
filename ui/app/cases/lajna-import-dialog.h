#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_IMPORT_DIALOG (lajna_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LajnaImportDialog, lajna_import_dialog, LAJNA, IMPORT_DIALOG, AdwWindow)

LajnaImportDialog *lajna_import_dialog_new (GtkWindow     *parent,
                                            LajnaDbWorker *worker,
                                            const char    *path,
                                            int            committee_id);

G_END_DECLS
