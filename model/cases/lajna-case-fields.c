/* lajna-case-fields.c: the editable fields of each kind of file.
 *
 * One table says which fields a marriage or a juvenile file has, how each
 * is cleaned and what it is called; the form, the spreadsheet import, the
 * validation and the conflict dialog all read it, so a new field is added
 * here once.
 */

#include "lajna-case-fields.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lajna-validation.h"

static const LajnaCaseField person_fields[] = {
  { "name", N_("Name"), LAJNA_FIELD_TEXT },
  { "father_name", N_("Father’s name"), LAJNA_FIELD_TEXT },
  { "grandfather_name", N_("Grandfather’s name"), LAJNA_FIELD_TEXT },
  { "family_name", N_("Family name"), LAJNA_FIELD_TEXT },
  { "latin_name", N_("Name in Latin letters"), LAJNA_FIELD_TEXT },
  { "sex", N_("Sex"), LAJNA_FIELD_CODE },
  { "birth_date", N_("Birth date"), LAJNA_FIELD_DATE },
  { "nationality", N_("Nationality"), LAJNA_FIELD_COUNTRY },
  { "national_number", N_("National number"), LAJNA_FIELD_NUMBER },
  { "passport_number", N_("Passport number"), LAJNA_FIELD_NUMBER },
  { "passport_expiry", N_("Passport expiry"), LAJNA_FIELD_DATE },
};

static const LajnaCaseField file_fields[] = {
  { "received_on", N_("Received"), LAJNA_FIELD_DATE },
  { "notes", N_("Notes"), LAJNA_FIELD_TEXT },
};

static const LajnaCaseField marriage_fields[] = {
  { "direction", N_("Direction"), LAJNA_FIELD_CODE },
  { "previous_marriages", N_("Previous marriages"), LAJNA_FIELD_INT },
  { "residence", N_("Residence"), LAJNA_FIELD_TEXT },
};

static const LajnaCaseField juvenile_fields[] = {
  { "guardian_name", N_("Guardian’s name"), LAJNA_FIELD_TEXT },
  { "guardian_relation", N_("Guardian’s relation"), LAJNA_FIELD_TEXT },
  { "guardian_phone", N_("Guardian’s telephone"), LAJNA_FIELD_TEXT },
  { "facility", N_("Facility"), LAJNA_FIELD_TEXT },
  { "admission_date", N_("Admitted"), LAJNA_FIELD_DATE },
  { "court", N_("Court"), LAJNA_FIELD_TEXT },
  { "court_case_number", N_("Court case number"), LAJNA_FIELD_TEXT },
  { "charge_category", N_("Charge"), LAJNA_FIELD_TEXT },
  { "legal_status", N_("Legal status"), LAJNA_FIELD_CODE },
  { "programme", N_("Programme"), LAJNA_FIELD_LIST },
  { "social_worker_id", N_("Social worker"), LAJNA_FIELD_INT },
  { "psychologist_id", N_("Psychologist"), LAJNA_FIELD_INT },
  { "review_cycle_days", N_("Review every (days)"), LAJNA_FIELD_INT },
  { "next_review_on", N_("Next review"), LAJNA_FIELD_DATE },
};

static const char * const marriage_parties[] = { "libyan_party", "foreign_party", NULL };
static const char * const juvenile_parties[] = { "juvenile", NULL };

typedef struct
{
  GArray *marriage;
  GArray *juvenile;
} FieldTables;

static void
append_fields (GArray               *table,
               const LajnaCaseField *fields,
               guint                 n_fields)
{
  g_array_append_vals (table, fields, n_fields);
}

static void
append_party (GArray     *table,
              const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      LajnaCaseField field = person_fields[i];

      /* Built once and kept for the life of the program. */
      field.key = g_intern_string (g_strconcat (role, ".", field.key, NULL));
      g_array_append_val (table, field);
    }
}

static GArray *
build_table (const LajnaCaseField *details,
             guint                 n_details,
             const char * const   *parties)
{
  GArray *table = g_array_new (FALSE, FALSE, sizeof (LajnaCaseField));

  append_fields (table, file_fields, G_N_ELEMENTS (file_fields));
  append_fields (table, details, n_details);
  for (guint i = 0; parties[i] != NULL; i++)
    append_party (table, parties[i]);
  return table;
}

static const FieldTables *
tables (void)
{
  static FieldTables t;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      t.marriage = build_table (marriage_fields, G_N_ELEMENTS (marriage_fields), marriage_parties);
      t.juvenile = build_table (juvenile_fields, G_N_ELEMENTS (juvenile_fields), juvenile_parties);
      g_once_init_leave (&ready, 1);
    }
  return &t;
}

/**
 * lajna_case_fields:
 * @kind: "marriage" or "juvenile"
 * @n_fields: (out): how many fields
 *
 * Returns: (array length=n_fields): the fields of a file of @kind, in the
 *   order a form shows them: the file, its details, then each party's
 */
const LajnaCaseField *
lajna_case_fields (const char *kind,
                   guint      *n_fields)
{
  GArray *table = g_strcmp0 (kind, "juvenile") == 0 ? tables ()->juvenile : tables ()->marriage;

  *n_fields = table->len;
  return (const LajnaCaseField *) table->data;
}

/**
 * lajna_case_field_lookup:
 * @kind: "marriage" or "juvenile"
 * @key: a field key such as "juvenile.birth_date"
 *
 * Returns: (nullable): the field, or %NULL when a file of @kind has none
 *   of that name
 */
const LajnaCaseField *
lajna_case_field_lookup (const char *kind,
                         const char *key)
{
  guint n;
  const LajnaCaseField *fields = lajna_case_fields (kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].key, key) == 0)
      return &fields[i];
  return NULL;
}

/**
 * lajna_case_parties_of:
 * @kind: "marriage" or "juvenile"
 *
 * Returns: (transfer none): the roles of the parties of a file of @kind
 */
const char * const *
lajna_case_parties_of (const char *kind)
{
  return g_strcmp0 (kind, "juvenile") == 0 ? juvenile_parties : marriage_parties;
}

/* A day as the database and every page show it: 2026-11-23. */
char *
lajna_date_text (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A date typed with Arabic-Indic or Latin digits, year first, with - or /
 * between the parts. */
gboolean
lajna_parse_date (const char *text,
                  GDate      *date)
{
  g_autofree char *digits = lajna_clean_text (text);
  guint parts[3] = { 0 };
  guint n = 0;
  gboolean in_number = FALSE;

  g_date_clear (date, 1);
  if (digits == NULL)
    return FALSE;
  for (const char *p = digits; *p != '\0'; p = g_utf8_next_char (p))
    {
      int value = g_unichar_digit_value (g_utf8_get_char (p));

      if (value >= 0)
        {
          if (!in_number && n == 3)
            return FALSE;
          if (!in_number)
            n++;
          in_number = TRUE;
          parts[n - 1] = parts[n - 1] * 10 + (guint) value;
          if (parts[n - 1] > 9999)
            return FALSE;
        }
      else if ((*p == '-' || *p == '/') && in_number)
        in_number = FALSE;
      else
        return FALSE;
    }
  if (n != 3 || !in_number || parts[0] < 1000
      || !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]);
  return TRUE;
}

/* Codes in lower case; a list's separated by single commas. */
static char *
clean_codes (const char *input)
{
  g_autofree char *clean = lajna_clean_text (input);
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (clean == NULL)
    return NULL;
  lower = g_utf8_strdown (clean, -1);
  parts = g_strsplit_set (lower, ", ", -1);
  out = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * lajna_case_field_clean:
 * @field: the field
 * @input: the text as typed, pasted or imported
 *
 * Cleans @input the way @field needs (see #LajnaFieldType); a date that
 * parses is written back as 2026-11-23, one that does not is kept as typed
 * so that validation can name it.
 *
 * Returns: (transfer full) (nullable): the clean text, %NULL when @input
 *   is not UTF-8
 */
char *
lajna_case_field_clean (const LajnaCaseField *field,
                        const char           *input)
{
  GDate date;

  switch (field->type)
    {
    case LAJNA_FIELD_NUMBER:
      return lajna_clean_code (input);
    case LAJNA_FIELD_INT:
      return lajna_clean_number (input);
    case LAJNA_FIELD_DATE:
      if (lajna_parse_date (input, &date))
        return lajna_date_text (&date);
      return lajna_clean_text (input);
    case LAJNA_FIELD_COUNTRY:
      {
        g_autofree char *clean = lajna_clean_text (input);

        return clean != NULL ? g_utf8_strup (clean, -1) : NULL;
      }
    case LAJNA_FIELD_CODE:
    case LAJNA_FIELD_LIST:
      return clean_codes (input);
    case LAJNA_FIELD_TEXT:
    default:
      return lajna_clean_text (input);
    }
}
