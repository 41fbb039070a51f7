#pragma once

#include <adwaita.h>

#include "lajna-validation.h"

G_BEGIN_DECLS

/* A field of an editor: its validation key and the row that shows it. */
typedef struct
{
  const char *field;
  GtkWidget  *row;
} LajnaAdminField;

gboolean lajna_admin_form_check   (GtkLabel              *error_label,
                                   const LajnaValidation *validation,
                                   const LajnaAdminField *fields,
                                   guint                  n_fields);
void     lajna_admin_form_written (GtkWindow             *editor,
                                   GtkWidget             *save,
                                   GtkLabel              *error_label,
                                   const GError          *error);

G_END_DECLS
