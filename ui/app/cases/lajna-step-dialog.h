#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_STEP_DIALOG (lajna_step_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LajnaStepDialog, lajna_step_dialog, LAJNA, STEP_DIALOG, AdwMessageDialog)

LajnaStepDialog *lajna_step_dialog_new (GtkWindow  *parent,
                                        const char *file_number,
                                        const char *from_status,
                                        const char *to_status,
                                        const char *verb);

G_END_DECLS
