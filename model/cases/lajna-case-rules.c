/* lajna-case-rules.c: what a file must satisfy before it is saved.
 *
 * The checks of lajna-validation.c applied to a whole file, with the rules
 * that tie its fields together: the direction of a marriage against the
 * parties' sexes and nationalities, a juvenile's age at admission.
 */

#include "lajna-case-record.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  const LajnaCaseRecord *record;
  LajnaValidation       *validation;
  const GDate           *today;
  const char * const    *countries;
} Check;

static const char *
get (const Check *c,
     const char  *role,
     const char  *column)
{
  g_autofree char *key = role != NULL ? g_strconcat (role, ".", column, NULL) : NULL;

  return lajna_case_record_get (c->record, key != NULL ? key : column);
}

static char *
key_of (const char *role,
        const char *column)
{
  return g_strconcat (role, ".", column, NULL);
}

static gboolean
is_empty (const char *value)
{
  return *value == '\0';
}

/* Every typed field must at least be of its type: a date that is a date,
 * a whole number that is one, a code from its list. */
static void
check_types (const Check *c)
{
  static const char * const sexes[] = { "m", "f", NULL };
  static const char * const directions[] = { "libyan_man", "libyan_woman", NULL };
  static const char * const legal_statuses[] = { "pretrial", "sentenced", "protective", NULL };
  static const char * const programmes[] = { "education", "vocational", "counselling", NULL };
  guint n;
  const LajnaCaseField *fields = lajna_case_fields (c->record->kind, &n);

  for (guint i = 0; i < n; i++)
    {
      const char *key = fields[i].key;
      const char *value = lajna_case_record_get (c->record, key);
      const char *column = strrchr (key, '.') != NULL ? strrchr (key, '.') + 1 : key;
      GDate date;
      gint64 number;

      if (is_empty (value))
        continue;
      if (fields[i].type == LAJNA_FIELD_DATE && !lajna_parse_date (value, &date))
        lajna_validation_add (c->validation, key, LAJNA_ISSUE_ERROR,
                              _("Write the date as year-month-day, for example 2026-11-23."));
      else if (fields[i].type == LAJNA_FIELD_INT
               && !g_ascii_string_to_signed (value, 10, 0, 100000, &number, NULL))
        lajna_validation_add (c->validation, key, LAJNA_ISSUE_ERROR,
                              _("Write a whole number of digits."));
      else if ((strcmp (column, "sex") == 0 && !g_strv_contains (sexes, value))
               || (strcmp (column, "direction") == 0 && !g_strv_contains (directions, value))
               || (strcmp (column, "legal_status") == 0
                   && !g_strv_contains (legal_statuses, value)))
        lajna_validation_add (c->validation, key, LAJNA_ISSUE_ERROR,
                              _("Choose one of the values offered."));
      else if (fields[i].type == LAJNA_FIELD_LIST)
        {
          g_auto(GStrv) codes = g_strsplit (value, ",", -1);

          for (guint j = 0; codes[j] != NULL; j++)
            if (!g_strv_contains (programmes, codes[j]))
              {
                lajna_validation_add (c->validation, key, LAJNA_ISSUE_ERROR,
                                      _("“%s” is not a programme of the home."), codes[j]);
                break;
              }
        }
    }
}

static void
check_required (const Check *c,
                const char  *role,
                const char  *column,
                const char  *message)
{
  g_autofree char *key = role != NULL ? key_of (role, column) : g_strdup (column);

  if (is_empty (lajna_case_record_get (c->record, key))
      && lajna_validation_find (c->validation, key) == NULL)
    lajna_validation_add (c->validation, key, LAJNA_ISSUE_ERROR, "%s", message);
}

static void
check_not_future (const Check *c,
                  const char  *key,
                  const char  *message)
{
  GDate date;

  if (lajna_case_record_get_date (c->record, key, &date) && g_date_compare (&date, c->today) > 0)
    lajna_validation_add (c->validation, key, LAJNA_ISSUE_ERROR, "%s", message);
}

/* What every party needs: a sex, a nationality from the list, a real
 * birth date. */
static void
check_person (const Check *c,
              const char  *role,
              GDate       *birth)
{
  g_autofree char *nationality_key = key_of (role, "nationality");
  g_autofree char *birth_key = key_of (role, "birth_date");

  g_date_clear (birth, 1);
  check_required (c, role, "sex", _("Choose the sex."));
  lajna_check_nationality (c->validation, nationality_key, get (c, role, "nationality"),
                           c->countries);
  if (lajna_validation_find (c->validation, birth_key) == NULL)
    {
      lajna_case_record_get_date (c->record, birth_key, birth);
      lajna_check_birth_date (c->validation, birth_key, birth, c->today);
    }
}

static void
check_national_number (const Check *c,
                       const char  *role,
                       const GDate *birth,
                       gboolean     required)
{
  g_autofree char *key = key_of (role, "national_number");
  const char *number = get (c, role, "national_number");

  if (is_empty (number) && !required)
    return;
  lajna_check_national_number (c->validation, key, number, *get (c, role, "sex"), birth);
}

static void
check_marriage (const Check *c)
{
  const char *direction = get (c, NULL, "direction");
  const char *libyan_sex = strcmp (direction, "libyan_woman") == 0 ? "f" : "m";
  g_autofree char *passport_key = key_of ("foreign_party", "passport_number");
  GDate libyan_birth, foreign_birth, expiry;

  check_required (c, NULL, "direction", _("Choose who is the Libyan party."));
  lajna_check_arabic_name (c->validation, "libyan_party.name", get (c, "libyan_party", "name"),
                           get (c, "libyan_party", "father_name"),
                           get (c, "libyan_party", "grandfather_name"),
                           get (c, "libyan_party", "family_name"));
  check_person (c, "libyan_party", &libyan_birth);
  check_national_number (c, "libyan_party", &libyan_birth, TRUE);
  if (strcmp (get (c, "libyan_party", "nationality"), "LY") != 0
      && lajna_validation_find (c->validation, "libyan_party.nationality") == NULL)
    lajna_validation_add (c->validation, "libyan_party.nationality", LAJNA_ISSUE_ERROR,
                          _("The Libyan party’s nationality is Libyan."));

  check_required (c, "foreign_party", "name", _("Give the foreign party’s name in Arabic letters."));
  check_person (c, "foreign_party", &foreign_birth);
  if (strcmp (get (c, "foreign_party", "nationality"), "LY") == 0)
    lajna_validation_add (c->validation, "foreign_party.nationality", LAJNA_ISSUE_ERROR,
                          _("The foreign party cannot be Libyan: a file between two Libyans is "
                            "not for this committee."));
  check_required (c, "foreign_party", "latin_name",
                  _("Give the name as the passport writes it, in Latin letters."));
  lajna_case_record_get_date (c->record, "foreign_party.passport_expiry", &expiry);
  lajna_check_passport (c->validation, passport_key, get (c, "foreign_party", "passport_number"),
                        &expiry, c->today);

  if (!is_empty (direction) && lajna_validation_find (c->validation, "direction") == NULL)
    {
      if (!is_empty (get (c, "libyan_party", "sex"))
          && strcmp (get (c, "libyan_party", "sex"), libyan_sex) != 0)
        lajna_validation_add (c->validation, "libyan_party.sex", LAJNA_ISSUE_ERROR,
                              *libyan_sex == 'm' ? _("In this direction the Libyan party is the man.")
                                                 : _("In this direction the Libyan party is the woman."));
      if (!is_empty (get (c, "foreign_party", "sex"))
          && strcmp (get (c, "foreign_party", "sex"), libyan_sex) == 0)
        lajna_validation_add (c->validation, "foreign_party.sex", LAJNA_ISSUE_ERROR,
                              *libyan_sex == 'm' ? _("In this direction the foreign party is the woman.")
                                                 : _("In this direction the foreign party is the man."));
    }
}

static void
check_juvenile (const Check *c)
{
  GDate birth, admission;

  lajna_check_arabic_name (c->validation, "juvenile.name", get (c, "juvenile", "name"),
                           get (c, "juvenile", "father_name"),
                           get (c, "juvenile", "grandfather_name"),
                           get (c, "juvenile", "family_name"));
  check_person (c, "juvenile", &birth);
  check_national_number (c, "juvenile", &birth, FALSE);
  check_required (c, NULL, "admission_date", _("Give the date of admission to the home."));
  check_not_future (c, "admission_date", _("The admission date is in the future."));
  if (lajna_validation_find (c->validation, "admission_date") == NULL
      && lajna_case_record_get_date (c->record, "admission_date", &admission))
    lajna_check_juvenile_age (c->validation, "admission_date", &birth, &admission);
  if (g_ascii_string_to_signed (get (c, NULL, "review_cycle_days"), 10, 0, 0, NULL, NULL))
    lajna_validation_add (c->validation, "review_cycle_days", LAJNA_ISSUE_ERROR,
                          _("A review cycle is at least one day."));
}

/**
 * lajna_case_record_validate:
 * @self: a record
 * @validation: where the findings go
 * @today: the day of the check
 * @countries: the codes of the country list (lajna_country_codes())
 *
 * Adds a finding for each field that breaks a rule; the record may be
 * saved when none is an error.
 */
void
lajna_case_record_validate (const LajnaCaseRecord *self,
                            LajnaValidation       *validation,
                            const GDate           *today,
                            const char * const    *countries)
{
  Check c = { self, validation, today, countries };

  check_types (&c);
  check_required (&c, NULL, "received_on", _("Give the day the file was received."));
  check_not_future (&c, "received_on", _("The file cannot be received in the future."));
  if (strcmp (self->kind, "juvenile") == 0)
    check_juvenile (&c);
  else
    check_marriage (&c);
}

/**
 * lajna_case_record_apply_direction:
 * @self: a marriage record
 *
 * Fills in what the direction of a marriage already says: the sex of each
 * party, and that the Libyan party is Libyan when no nationality is chosen
 * yet. A nationality already chosen is left for validation to judge.
 *
 * Returns: %TRUE when a value changed
 */
gboolean
lajna_case_record_apply_direction (LajnaCaseRecord *self)
{
  const char *direction = lajna_case_record_get (self, "direction");
  const char *libyan_sex;
  g_autoptr(LajnaCaseRecord) before = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  if (strcmp (self->kind, "marriage") != 0
      || (strcmp (direction, "libyan_man") != 0 && strcmp (direction, "libyan_woman") != 0))
    return FALSE;
  libyan_sex = strcmp (direction, "libyan_man") == 0 ? "m" : "f";
  before = lajna_case_record_copy (self);
  lajna_case_record_set (self, "libyan_party.sex", libyan_sex);
  lajna_case_record_set (self, "foreign_party.sex", *libyan_sex == 'm' ? "f" : "m");
  if (is_empty (lajna_case_record_get (self, "libyan_party.nationality")))
    lajna_case_record_set (self, "libyan_party.nationality", "LY");
  changed = lajna_case_record_diff (before, self);
  return changed->len > 0;
}
