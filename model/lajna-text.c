/* lajna-text.c: Arabic text helpers shared by the model, the reports and the UI.
 *
 * lajna_norm() is the C twin of the SQL function lajna_norm() in
 * model/sql/0001-schema.sql; the two must give the same result for the
 * same input (tests/test-text.c checks them against each other).
 */

#include "lajna-text.h"

#include <string.h>

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
      return 0x064A;
    case 0x0629: /* ة */
      return 0x0647;
    case 0x0624: /* ؤ */
      return 0x0648;
    default:
      return c;
    }
}

/**
 * lajna_norm:
 * @text: UTF-8 text
 *
 * Folds Arabic spelling variants so that names can be compared and searched:
 * NFC, harakat and tatweel removed, hamza forms of alef, waw and yeh, alef
 * maqsura and ta marbuta folded.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL when @text
 *   is not valid UTF-8
 */
char *
lajna_norm (const char *text)
{
  g_autofree char *nfc = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_stripped (c))
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
