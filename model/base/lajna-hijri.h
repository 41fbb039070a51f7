#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  lajna_hijri_from_date (const GDate *date,
                             int         *year,
                             int         *month,
                             int         *day);
char *lajna_hijri_text      (const GDate *date);

G_END_DECLS
