/* lajna-country.c: the list nationalities are chosen from. */

#include "lajna-country.h"

#include <string.h>

#include "lajna-db-private.h"
#include "lajna-text.h"

void
lajna_country_free (LajnaCountry *country)
{
  g_free (country->code);
  g_free (country->name_ar);
  g_free (country->name_en);
  g_free (country);
}

/**
 * lajna_country_fetch_all:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaCountry) (nullable): every
 *   country, Libya first, then the Arab League's, then the rest, each in
 *   Arabic alphabetical order
 */
GPtrArray *
lajna_country_fetch_all (LajnaDb  *db,
                         GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT code, name_ar, name_en, arab_league FROM country"
      " ORDER BY code <> 'LY', NOT arab_league, name_ar, code", error);
  GPtrArray *countries;

  if (result == NULL)
    return NULL;

  countries = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_country_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaCountry *country = g_new0 (LajnaCountry, 1);

      country->code = g_strdup (PQgetvalue (result, i, 0));
      country->name_ar = g_strdup (PQgetvalue (result, i, 1));
      country->name_en = g_strdup (PQgetvalue (result, i, 2));
      country->arab_league = *PQgetvalue (result, i, 3) == 't';
      g_ptr_array_add (countries, country);
    }
  return countries;
}

/**
 * lajna_country_codes:
 * @countries: (element-type LajnaCountry): a country list
 *
 * Returns: (transfer full): the codes of @countries, for validation
 */
GStrv
lajna_country_codes (GPtrArray *countries)
{
  GStrv codes = g_new0 (char *, countries->len + 1);

  for (guint i = 0; i < countries->len; i++)
    codes[i] = g_strdup (((LajnaCountry *) g_ptr_array_index (countries, i))->code);
  return codes;
}

/* A name as a search compares it: Arabic spelling variants folded as
 * lajna_norm() folds them, Latin letters without case. */
static char *
search_key (const char *text)
{
  g_autofree char *folded = lajna_norm (text);

  return folded != NULL ? g_utf8_casefold (folded, -1) : NULL;
}

/**
 * lajna_country_matches:
 * @country: a country
 * @query: what a person typed to find it, in Arabic or English
 *
 * Whether @country is one a chooser should offer for @query: its Arabic
 * or English name contains what was typed, spelling variants and case
 * aside («مصر» and "egy" both find Egypt), or @query is its code.
 *
 * Returns: %TRUE when @country matches; every country matches an empty
 *   @query
 */
gboolean
lajna_country_matches (const LajnaCountry *country,
                       const char         *query)
{
  g_autofree char *typed = g_strstrip (g_strdup (query));
  g_autofree char *key = NULL;
  g_autofree char *name_ar = NULL;
  g_autofree char *name_en = NULL;

  if (*typed == '\0')
    return TRUE;
  key = search_key (typed);
  if (key == NULL)
    return FALSE;
  name_ar = search_key (country->name_ar);
  name_en = search_key (country->name_en);
  return (name_ar != NULL && strstr (name_ar, key) != NULL)
         || (name_en != NULL && strstr (name_en, key) != NULL)
         || g_ascii_strcasecmp (country->code, typed) == 0;
}
