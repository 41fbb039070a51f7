/* lajna-country.c: the list nationalities are chosen from. */

#include "lajna-country.h"

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
