#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_COUNTRY_ROW (lajna_country_row_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCountryRow, lajna_country_row, LAJNA, COUNTRY_ROW, AdwActionRow)

GtkWidget  *lajna_country_row_new      (GPtrArray       *countries);
const char *lajna_country_row_get_code (LajnaCountryRow *self);
void        lajna_country_row_set_code (LajnaCountryRow *self,
                                        const char      *code);

G_END_DECLS
