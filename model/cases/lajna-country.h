#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* A country of ISO 3166-1, as a nationality. */
typedef struct
{
  char     *code;
  char     *name_ar;
  char     *name_en;
  gboolean  arab_league;
} LajnaCountry;

GPtrArray *lajna_country_fetch_all (LajnaDb       *db,
                                    GError       **error);
GStrv      lajna_country_codes     (GPtrArray     *countries);
void       lajna_country_free      (LajnaCountry  *country);
gboolean   lajna_country_matches   (const LajnaCountry *country,
                                    const char         *query);

G_END_DECLS
