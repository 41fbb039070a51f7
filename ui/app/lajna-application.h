#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_APPLICATION (lajna_application_get_type ())

G_DECLARE_FINAL_TYPE (LajnaApplication, lajna_application, LAJNA, APPLICATION, AdwApplication)

LajnaApplication *lajna_application_new                   (void);
double            lajna_application_duplicate_threshold   (void);
char             *lajna_application_dup_timestamp_authority (void);

G_END_DECLS
