/* lajna-text.c: Arabic text helpers shared by the model, the reports and the UI.
 *
 * lajna_norm() is the C twin of the SQL function lajna_norm() in
 * model/db/sql/0027-text-folding.sql; the two must give the same result for
 * the same input (tests/test-norm.c checks them against each other).
 */

#include "lajna-text.h"

#include <string.h>

/* Default_Ignorable_Code_Point (the same in Unicode 14 and 15): joiners,
 * direction marks, the byte order mark, variation selectors, fillers and
 * tags, which keyboards and PDFs leave in text and nobody sees. */
static const struct
{
  gunichar first, last;
} ignorable_ranges[] = {
  { 0x00AD, 0x00AD },   { 0x034F, 0x034F },   { 0x061C, 0x061C },   { 0x115F, 0x1160 },
  { 0x17B4, 0x17B5 },   { 0x180B, 0x180F },   { 0x200B, 0x200F },   { 0x202A, 0x202E },
  { 0x2060, 0x206F },   { 0x3164, 0x3164 },   { 0xFE00, 0xFE0F },   { 0xFEFF, 0xFEFF },
  { 0xFFA0, 0xFFA0 },   { 0xFFF0, 0xFFF8 },   { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
  { 0xE0000, 0xE0FFF },
};

/* Ignorable characters, and the isolated presentation forms of harakat
 * (U+FE70–U+FE7F and the shadda ligatures U+FC5E–U+FC63), which old PDFs
 * produce and NFKC would turn into a space followed by the mark. */
static gboolean
is_ignorable (gunichar c)
{
  if ((c >= 0xFE70 && c <= 0xFE7F) || (c >= 0xFC5E && c <= 0xFC63))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ignorable_ranges); i++)
    if (c >= ignorable_ranges[i].first && c <= ignorable_ranges[i].last)
      return TRUE;
  return FALSE;
}

/* Whether NFKC leaves @c as it is whatever surrounds it: no decomposition,
 * combining class 0, never the second of a composition. That holds for
 * ASCII, the Latin-1 letters and the Arabic letters, digits and
 * punctuation that names are written with (not the marks from U+0610 and
 * U+064B, which can reorder or compose). Nearly all text is such, and
 * g_utf8_normalize() is the dearest step of cleaning. */
static gboolean
is_nfkc_inert (gunichar c)
{
  return c < 0x00A0 || (c >= 0x00C0 && c <= 0x00FF) || (c >= 0x0600 && c <= 0x060F)
         || c == 0x061B || (c >= 0x061D && c <= 0x064A) || (c >= 0x0660 && c <= 0x066F);
}

static gboolean
is_stripped (gunichar c)
{
  return (c >= 0x064B && c <= 0x065F) /* harakat, hamza marks */
         || c == 0x0670              /* superscript alef */
         || c == 0x0640;             /* tatweel */
}

static gunichar
fold (gunichar c)
{
  switch (c)
    {
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0622: /* آ */
    case 0x0671: /* ٱ */
      return 0x0627;
    case 0x0649: /* ى */
    case 0x0626: /* ئ */
    case 0x06CC: /* Persian yeh ی */
      return 0x064A;
    case 0x06A9: /* keheh ک */
      return 0x0643;
    case 0x0629: /* ة */
    case 0x06C1: /* heh goal ہ */
    case 0x06C2: /* heh goal with hamza ۂ */
    case 0x06C0: /* heh with yeh ۀ */
    case 0x06D5: /* ae ە */
      return 0x0647;
    case 0x0624: /* ؤ */
      return 0x0648;
    default:
      return c;
    }
}

/**
 * lajna_nfkc:
 * @text: UTF-8 text
 *
 * Removes default-ignorable characters (zero-width joiners, direction
 * marks, the byte order mark…) and the isolated forms of harakat, then
 * applies NFKC, which turns Arabic presentation forms from old PDFs into
 * letters and full-width or mathematical digits into 0–9.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @text is not
 *   valid UTF-8
 */
char *
lajna_nfkc (const char *text)
{
  g_autoptr(GString) kept = NULL;
  gboolean inert = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  kept = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c < 0x80)
        {
          g_string_append_c (kept, *p);
          continue;
        }
      if (is_ignorable (c))
        continue;
      inert &= is_nfkc_inert (c);
      g_string_append_len (kept, p, g_utf8_next_char (p) - p);
    }
  if (inert)
    return g_string_free (g_steal_pointer (&kept), FALSE);
  return g_utf8_normalize (kept->str, kept->len, G_NORMALIZE_NFKC);
}

/**
 * lajna_norm:
 * @text: UTF-8 text
 *
 * Folds what Arabic keyboards and old PDFs produce so that names and
 * numbers can be compared and searched: lajna_nfkc(); harakat and tatweel
 * removed; hamza forms of alef, waw and yeh, alef maqsura, ta marbuta and
 * the Persian and Urdu yeh, kaf and heh folded; the digits of every script
 * as 0–9.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL when @text
 *   is not valid UTF-8
 */
char *
lajna_norm (const char *text)
{
  g_autofree char *compat = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  compat = lajna_nfkc (text);
  if (compat == NULL)
    return NULL;

  out = g_string_sized_new (strlen (compat));
  for (const char *p = compat; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        g_string_append_c (out, (char) ('0' + digit));
      else if (!is_stripped (c))
        g_string_append_unichar (out, fold (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * lajna_isolate:
 * @text: a run of text, such as a date, a number or a Latin name
 *
 * Wraps @text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so that the
 * bidi algorithm keeps it whole inside Arabic: 2026-11-23 stays 2026-11-23.
 *
 * Returns: (transfer full): the isolated text
 */
char *
lajna_isolate (const char *text)
{
  return g_strconcat (LAJNA_FSI, text != NULL ? text : "", LAJNA_PDI, NULL);
}

/**
 * lajna_isolate_int:
 * @value: a number
 *
 * Returns: (transfer full): @value in digits, isolated like
 *   lajna_isolate(), for an Arabic sentence
 */
char *
lajna_isolate_int (gint64 value)
{
  return g_strdup_printf (LAJNA_FSI "%" G_GINT64_FORMAT LAJNA_PDI, value);
}

static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C                     /* ARABIC LETTER MARK */
         || c == 0x200E || c == 0x200F   /* LRM, RLM */
         || (c >= 0x202A && c <= 0x202E) /* embeddings and overrides */
         || (c >= 0x2066 && c <= 0x2069); /* isolates */
}

/* Every bidi control is encoded with the lead byte 0xE2 or as 0xD8 0x9C
 * (U+061C): a text with neither, as nearly all are, has none. */
static gboolean
may_hold_bidi_control (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == 0xe2 || (*p == 0xd8 && p[1] == 0x9c))
        return TRUE;
    }
  return FALSE;
}

/**
 * lajna_strip_bidi:
 * @text: UTF-8 text typed or imported by a person
 *
 * Removes bidi control characters, which could otherwise reorder what is
 * shown around a name (a name that displays as something it is not).
 *
 * Returns: (transfer full) (nullable): the cleaned text, or %NULL when
 *   @text is not valid UTF-8
 */
char *
lajna_strip_bidi (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  if (!may_hold_bidi_control (text))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_bidi_control (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * lajna_prefer_arabic:
 *
 * Names kept in both languages (committees, countries, document types) are
 * shown in the interface's: Arabic unless the locale asks for another.
 *
 * Returns: whether the interface language is Arabic
 */
gboolean
lajna_prefer_arabic (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "ar");
}
