#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_TEMPLATE_EDITOR (lajna_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (LajnaTemplateEditor, lajna_template_editor, LAJNA, TEMPLATE_EDITOR, AdwWindow)

LajnaTemplateEditor *lajna_template_editor_new (GtkWindow     *parent,
                                                LajnaDbWorker *worker,
                                                int            committee_id,
                                                const char    *kind);

G_END_DECLS
