#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"
#include "lajna-people.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_PERSON_EDITOR (lajna_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPersonEditor, lajna_person_editor, LAJNA, PERSON_EDITOR, AdwWindow)

GtkWindow *lajna_person_editor_new (GtkWindow            *parent,
                                    LajnaDbWorker        *worker,
                                    GPtrArray            *committees,
                                    const LajnaPeopleRow *person,
                                    gboolean              passwords);

G_END_DECLS
