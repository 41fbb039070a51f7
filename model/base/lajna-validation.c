/* lajna-validation.c: the rules a person's data must follow, shared by the
 * app's forms, the CLI and the spreadsheet import.
 *
 * Each check adds findings to a LajnaValidation instead of stopping at the
 * first, so a form can show every message beside its field at once. A
 * finding is an error (cannot be saved) or a warning (can be saved, but a
 * person should look: a national number whose year digits differ from the
 * birth date is usually a typo in one of them, sometimes a real record).
 */

#include "lajna-validation.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-text.h"

struct _LajnaValidation
{
  GPtrArray *issues;
};

static void
issue_free (LajnaIssue *issue)
{
  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

LajnaValidation *
lajna_validation_new (void)
{
  LajnaValidation *self = g_new0 (LajnaValidation, 1);

  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  return self;
}

void
lajna_validation_free (LajnaValidation *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->issues);
  g_free (self);
}

/**
 * lajna_validation_add:
 * @self: a #LajnaValidation
 * @field: the field the finding is about
 * @level: error or warning
 * @format: the translated message, printf-style
 * @...: its arguments
 */
void
lajna_validation_add (LajnaValidation *self,
                      const char      *field,
                      LajnaIssueLevel  level,
                      const char      *format,
                      ...)
{
  LajnaIssue *issue = g_new0 (LajnaIssue, 1);
  va_list args;

  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  issue->field = g_strdup (field);
  issue->level = level;
  g_ptr_array_add (self->issues, issue);
}

gboolean
lajna_validation_has_errors (const LajnaValidation *self)
{
  for (guint i = 0; i < self->issues->len; i++)
    {
      const LajnaIssue *issue = g_ptr_array_index (self->issues, i);

      if (issue->level == LAJNA_ISSUE_ERROR)
        return TRUE;
    }
  return FALSE;
}

guint
lajna_validation_get_n_issues (const LajnaValidation *self)
{
  return self->issues->len;
}

const LajnaIssue *
lajna_validation_get_issue (const LajnaValidation *self,
                            guint                  i)
{
  g_return_val_if_fail (i < self->issues->len, NULL);

  return g_ptr_array_index (self->issues, i);
}

/**
 * lajna_validation_find:
 * @self: a #LajnaValidation
 * @field: a field key
 *
 * Returns: (nullable): the first finding about @field
 */
const LajnaIssue *
lajna_validation_find (const LajnaValidation *self,
                       const char            *field)
{
  for (guint i = 0; i < self->issues->len; i++)
    {
      const LajnaIssue *issue = g_ptr_array_index (self->issues, i);

      if (g_strcmp0 (issue->field, field) == 0)
        return issue;
    }
  return NULL;
}

/* g_unichar_isspace() on ASCII, which (unlike g_ascii_isspace()) leaves
 * out the vertical tab: that one is a control character, and goes. */
static gboolean
is_ascii_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/**
 * lajna_clean_text:
 * @input: text typed, pasted or imported
 *
 * What every text field goes through before it is checked or stored:
 * lajna_nfkc() (no bidi control characters, which could make a name
 * display as another, nor any other invisible character; presentation
 * forms from old PDFs as plain letters), no control characters, white
 * space runs folded to one space and trimmed.
 *
 * Returns: (transfer full) (nullable): the clean text, or %NULL when
 *   @input is not valid UTF-8
 */
char *
lajna_clean_text (const char *input)
{
  g_autofree char *text = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (input != NULL, NULL);

  text = lajna_nfkc (input);
  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c < 0x80 ? is_ascii_space (c) : g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (c < 0x80 ? c < 0x20 || c == 0x7f : g_unichar_iscntrl (c))
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/**
 * lajna_clean_number:
 * @input: a number as typed
 *
 * Like lajna_clean_text(), with the digits of any script (an Arabic
 * keyboard types ٠–٩) as 0–9; everything else stays, for validation to
 * judge.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @input is
 *   not valid UTF-8
 */
char *
lajna_clean_number (const char *input)
{
  g_autofree char *clean = lajna_clean_text (input);
  GString *out;

  if (clean == NULL)
    return NULL;
  out = g_string_sized_new (strlen (clean));
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        g_string_append_c (out, (char) ('0' + digit));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * lajna_clean_code:
 * @input: a national or passport number as typed
 *
 * Like lajna_clean_number(), then Latin letters become capitals, and the
 * spaces and hyphens people put in long numbers go.
 *
 * Returns: (transfer full) (nullable): the code, or %NULL when @input is
 *   not valid UTF-8
 */
char *
lajna_clean_code (const char *input)
{
  char *code = lajna_clean_number (input);
  char *out = code;

  if (code == NULL)
    return NULL;
  for (const char *p = code; *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      *out++ = g_ascii_toupper (*p);
  *out = '\0';
  return code;
}

/* Arabic letters, their marks (harakat are of the "inherited" script),
 * tatweel, and spaces inside compound names such as عبد الله. */
static gboolean
is_arabic_name (const char *part)
{
  for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (c == ' ' || c == 0x0640)
        continue;
      if (g_unichar_isdigit (c) || g_unichar_ispunct (c))
        return FALSE;
      if (script != G_UNICODE_SCRIPT_ARABIC && script != G_UNICODE_SCRIPT_INHERITED)
        return FALSE;
    }
  return TRUE;
}

/**
 * lajna_check_arabic_name:
 * @self: a #LajnaValidation
 * @field: the field key of the name as a whole
 * @name: the person's own name
 * @father: the father's name
 * @grandfather: the grandfather's name
 * @family: the family name
 *
 * A Libyan party or a juvenile has a four-part name in Arabic letters.
 */
void
lajna_check_arabic_name (LajnaValidation *self,
                         const char      *field,
                         const char      *name,
                         const char      *father,
                         const char      *grandfather,
                         const char      *family)
{
  const char *parts[] = { name, father, grandfather, family };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        {
          lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                                _("Give all four parts of the name: the person’s name, the "
                                  "father’s, the grandfather’s and the family name."));
          return;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!is_arabic_name (parts[i]))
        {
          lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                                _("Write “%s” in Arabic letters, without digits or signs."),
                                parts[i]);
          return;
        }
    }
}

static gboolean
all_ascii_digits (const char *s,
                  gsize       length)
{
  if (strlen (s) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * lajna_check_national_number:
 * @self: a #LajnaValidation
 * @field: the field key
 * @number: the number, cleaned (see lajna_clean_text())
 * @sex: 'm' or 'f'
 * @birth: (nullable): the birth date, when known
 *
 * A Libyan national number has 12 digits; the first is 1 for a man and 2
 * for a woman, the next four are the birth year.
 */
void
lajna_check_national_number (LajnaValidation *self,
                             const char      *field,
                             const char      *number,
                             char             sex,
                             const GDate     *birth)
{
  int year;

  if (number == NULL || !all_ascii_digits (number, 12))
    {
      lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                            _("A national number has exactly 12 digits."));
      return;
    }
  if (number[0] != '1' && number[0] != '2')
    {
      lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                            _("A national number starts with 1 (a man) or 2 (a woman)."));
      return;
    }
  if ((number[0] == '1' && sex == 'f') || (number[0] == '2' && sex == 'm'))
    {
      lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                            number[0] == '1'
                              ? _("This national number is a man’s (it starts with 1), but the person is a woman.")
                              : _("This national number is a woman’s (it starts with 2), but the person is a man."));
      return;
    }

  year = (number[1] - '0') * 1000 + (number[2] - '0') * 100 + (number[3] - '0') * 10 + (number[4] - '0');
  if (birth != NULL && g_date_valid (birth) && year != g_date_get_year (birth))
    lajna_validation_add (self, field, LAJNA_ISSUE_WARNING,
                          _("The national number gives the birth year %d, but the birth date "
                            "is in %d. Check both."),
                          year, g_date_get_year (birth));
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/**
 * lajna_check_passport:
 * @self: a #LajnaValidation
 * @field: the field key of the number; the expiry's is @field with
 *   "_expiry" in place of "_number"
 * @number: the passport number, cleaned
 * @expiry: (nullable): its expiry date
 * @today: the day of the check
 *
 * A passport number is 5 to 20 Latin capital letters and digits, and a
 * passport must still be valid.
 */
void
lajna_check_passport (LajnaValidation *self,
                      const char      *field,
                      const char      *number,
                      const GDate     *expiry,
                      const GDate     *today)
{
  g_autofree char *stem = NULL;
  g_autofree char *expiry_field = NULL;
  gsize length = number != NULL ? strlen (number) : 0;
  gboolean ok = length >= 5 && length <= 20;

  for (gsize i = 0; ok && i < length; i++)
    ok = g_ascii_isupper (number[i]) || g_ascii_isdigit (number[i]);
  if (!ok)
    lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                          _("A passport number has 5 to 20 Latin capital letters and digits."));

  stem = g_str_has_suffix (field, "_number")
           ? g_strndup (field, strlen (field) - strlen ("_number"))
           : g_strdup (field);
  expiry_field = g_strconcat (stem, "_expiry", NULL);
  if (expiry == NULL || !g_date_valid (expiry))
    {
      lajna_validation_add (self, expiry_field, LAJNA_ISSUE_ERROR,
                            _("Give the passport’s expiry date."));
    }
  else if (g_date_compare (expiry, today) < 0)
    {
      g_autofree char *shown = format_date (expiry);

      lajna_validation_add (self, expiry_field, LAJNA_ISSUE_ERROR,
                            _("The passport expired on %s."), shown);
    }
}

/**
 * lajna_check_birth_date:
 * @self: a #LajnaValidation
 * @field: the field key
 * @birth: the birth date
 * @today: the day of the check
 */
void
lajna_check_birth_date (LajnaValidation *self,
                        const char      *field,
                        const GDate     *birth,
                        const GDate     *today)
{
  if (birth == NULL || !g_date_valid (birth))
    lajna_validation_add (self, field, LAJNA_ISSUE_ERROR, _("Give the birth date."));
  else if (g_date_compare (birth, today) > 0)
    lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                          _("The birth date is in the future."));
  else if (g_date_get_year (birth) < 1900)
    lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                          _("The birth date is before 1900."));
}

static int
age_on (const GDate *birth,
        const GDate *day)
{
  int age = g_date_get_year (day) - g_date_get_year (birth);

  if (g_date_get_month (day) < g_date_get_month (birth)
      || (g_date_get_month (day) == g_date_get_month (birth)
          && g_date_get_day (day) < g_date_get_day (birth)))
    age--;
  return age;
}

/**
 * lajna_check_juvenile_age:
 * @self: a #LajnaValidation
 * @field: the field key of the admission date
 * @birth: the juvenile's birth date
 * @admission: the admission date
 *
 * A juvenile is under 18 on the day of admission.
 */
void
lajna_check_juvenile_age (LajnaValidation *self,
                          const char      *field,
                          const GDate     *birth,
                          const GDate     *admission)
{
  int age;

  if (birth == NULL || admission == NULL || !g_date_valid (birth) || !g_date_valid (admission))
    return;
  if (g_date_compare (admission, birth) < 0)
    {
      lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                            _("The admission date is before the birth date."));
      return;
    }
  age = age_on (birth, admission);
  if (age >= 18)
    lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "A juvenile is under 18 at admission; this person was %d year old.",
                                       "A juvenile is under 18 at admission; this person was %d years old.",
                                       age),
                          age);
}

/**
 * lajna_check_nationality:
 * @self: a #LajnaValidation
 * @field: the field key
 * @code: an ISO 3166-1 alpha-2 code
 * @known_codes: the codes of the country list
 */
void
lajna_check_nationality (LajnaValidation    *self,
                         const char         *field,
                         const char         *code,
                         const char * const *known_codes)
{
  if (code == NULL || !g_strv_contains (known_codes, code))
    lajna_validation_add (self, field, LAJNA_ISSUE_ERROR,
                          _("Choose the nationality from the list of countries."));
}
