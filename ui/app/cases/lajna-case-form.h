#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_FORM (lajna_case_form_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCaseForm, lajna_case_form, LAJNA, CASE_FORM, AdwWindow)

LajnaCaseForm *lajna_case_form_new_file  (GtkWindow     *parent,
                                          LajnaDbWorker *worker,
                                          const char    *kind,
                                          GPtrArray     *committees);
LajnaCaseForm *lajna_case_form_edit_file (GtkWindow     *parent,
                                          LajnaDbWorker *worker,
                                          gint64         case_id);

G_END_DECLS
