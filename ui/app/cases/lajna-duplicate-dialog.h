#pragma once

#include <adwaita.h>

#include "lajna-case-duplicates.h"
#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_DUPLICATE_DIALOG (lajna_duplicate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LajnaDuplicateDialog, lajna_duplicate_dialog, LAJNA, DUPLICATE_DIALOG,
                      AdwMessageDialog)

LajnaDuplicateDialog *lajna_duplicate_dialog_new (GtkWindow            *parent,
                                                  LajnaDbWorker        *worker,
                                                  const LajnaDuplicate *duplicate);

G_END_DECLS
