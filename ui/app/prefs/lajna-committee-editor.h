#pragma once

#include <adwaita.h>

#include "lajna-committee-settings.h"
#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_COMMITTEE_EDITOR (lajna_committee_editor_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCommitteeEditor, lajna_committee_editor, LAJNA, COMMITTEE_EDITOR,
                      AdwWindow)

GtkWindow *lajna_committee_editor_new (GtkWindow                    *parent,
                                       LajnaDbWorker                *worker,
                                       const LajnaCommitteeSettings *settings);

G_END_DECLS
