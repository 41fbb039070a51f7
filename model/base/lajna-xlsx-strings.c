/* lajna-xlsx-strings.c: a workbook's shared strings.
 *
 * A workbook keeps the text of its cells once, in sharedStrings.xml, and a
 * cell names its text by number. A text with formatting is written as runs
 * (<r>), joined here; the phonetic guide that East Asian text may carry
 * (<rPh>) is not part of it. The strings are kept in one buffer, each
 * ended by a NUL.
 */

#include "lajna-xlsx-strings.h"

#include <string.h>

#include "lajna-xlsx-part.h"

/* "_xHHHH_", how a workbook writes a character that XML cannot hold. */
#define ESCAPE_LEN 7

struct _LajnaXlsxStrings
{
  GString *text;
  GArray  *starts;
  /* The string being read, as written. */
  GString *raw;
  gboolean in_item;
  guint    phonetic;
};

static gboolean
is_escape (const char *p,
           const char *end)
{
  if (end - p < ESCAPE_LEN || p[1] != 'x' || p[6] != '_')
    return FALSE;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
    }
  return TRUE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  LajnaXlsxStrings *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);

  if (strcmp (name, "si") == 0)
    {
      self->in_item = TRUE;
      g_string_truncate (self->raw, 0);
    }
  else if (strcmp (name, "rPh") == 0)
    self->phonetic++;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  LajnaXlsxStrings *self = user_data;
  const char *name = lajna_xlsx_local_name (element_name);
  guint start = (guint) self->text->len;

  if (strcmp (name, "si") == 0 && self->in_item)
    {
      g_array_append_val (self->starts, start);
      lajna_xlsx_strings_unescape (self->text, self->raw->str, self->raw->len);
      g_string_append_c (self->text, '\0');
      self->in_item = FALSE;
    }
  else if (strcmp (name, "rPh") == 0 && self->phonetic > 0)
    self->phonetic--;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  LajnaXlsxStrings *self = user_data;

  if (self->in_item && self->phonetic == 0
      && strcmp (lajna_xlsx_local_name (g_markup_parse_context_get_element (context)), "t") == 0)
    g_string_append_len (self->raw, text, (gssize) len);
}

static const GMarkupParser parser = {
  .start_element = start_element_cb,
  .end_element = end_element_cb,
  .text = text_cb,
};

/**
 * lajna_xlsx_strings_new:
 *
 * Returns: (transfer full): the strings of a workbook that has none
 */
LajnaXlsxStrings *
lajna_xlsx_strings_new (void)
{
  LajnaXlsxStrings *self = g_new0 (LajnaXlsxStrings, 1);

  self->text = g_string_new (NULL);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->raw = g_string_new (NULL);
  return self;
}

void
lajna_xlsx_strings_free (LajnaXlsxStrings *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->starts);
  g_string_free (self->raw, TRUE);
  g_free (self);
}

/**
 * lajna_xlsx_strings_read:
 * @self: strings
 * @zip: the workbook
 * @name: the name of its shared strings part
 * @budget: what the workbook's parts may still unpack to
 * @cancellable: (nullable): stops the reading
 * @error: return location for a #GError
 *
 * Returns: whether the part was read
 */
gboolean
lajna_xlsx_strings_read (LajnaXlsxStrings  *self,
                         zip_t             *zip,
                         const char        *name,
                         gsize             *budget,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(LajnaXlsxPart) part = lajna_xlsx_part_open (zip, name, budget, &parser, self,
                                                        cancellable, error);

  return part != NULL && lajna_xlsx_part_read_all (part, error);
}

/**
 * lajna_xlsx_strings_get:
 * @self: strings
 * @index: a string's number, from 0
 *
 * Returns: (transfer none) (nullable): the string, or %NULL when the
 *   workbook has no string @index
 */
const char *
lajna_xlsx_strings_get (LajnaXlsxStrings *self,
                        guint             index)
{
  if (index >= self->starts->len)
    return NULL;
  return self->text->str + g_array_index (self->starts, guint, index);
}

/**
 * lajna_xlsx_strings_unescape:
 * @out: where the text goes
 * @text: a workbook's text as written
 * @len: the length of @text in bytes
 *
 * Appends @text to @out with each "_xHHHH_" turned back into the
 * character it stands for, as a workbook writes a carriage return or a
 * tab ("_x005F_" being an underscore). A NUL is left out.
 */
void
lajna_xlsx_strings_unescape (GString    *out,
                             const char *text,
                             gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      const char *mark = memchr (p, '_', (gsize) (end - p));
      gunichar c;

      if (mark == NULL)
        {
          g_string_append_len (out, p, (gssize) (end - p));
          return;
        }
      g_string_append_len (out, p, (gssize) (mark - p));
      if (!is_escape (mark, end))
        {
          g_string_append_c (out, '_');
          p = mark + 1;
          continue;
        }
      c = (gunichar) g_ascii_strtoull (mark + 2, NULL, 16);
      if (g_unichar_validate (c) && c != 0)
        g_string_append_unichar (out, c);
      p = mark + ESCAPE_LEN;
    }
}
