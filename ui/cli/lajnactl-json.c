/* lajnactl-json.c: a small JSON writer for --json output.
 *
 * Values are written in order; the writer only adds the commas and the
 * escaping, so callers read like the JSON they produce.
 */

#include "lajnactl-json.h"

struct _LajnactlJson
{
  GString *out;
  /* Whether the open container already holds a value; one bit a level. */
  guint64  has_value;
  gboolean after_key;
};

LajnactlJson *
lajnactl_json_new (void)
{
  LajnactlJson *self = g_new0 (LajnactlJson, 1);

  self->out = g_string_new (NULL);
  return self;
}

static void
separate (LajnactlJson *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->has_value & 1)
    g_string_append_c (self->out, ',');
  self->has_value |= 1;
}

static void
open_container (LajnactlJson *self,
                char          c)
{
  separate (self);
  g_string_append_c (self->out, c);
  self->has_value <<= 1;
}

static void
close_container (LajnactlJson *self,
                 char          c)
{
  self->has_value >>= 1;
  g_string_append_c (self->out, c);
}

void
lajnactl_json_begin_object (LajnactlJson *self)
{
  open_container (self, '{');
}

void
lajnactl_json_end_object (LajnactlJson *self)
{
  close_container (self, '}');
}

void
lajnactl_json_begin_array (LajnactlJson *self)
{
  open_container (self, '[');
}

void
lajnactl_json_end_array (LajnactlJson *self)
{
  close_container (self, ']');
}

static void
append_quoted (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

void
lajnactl_json_key (LajnactlJson *self,
                   const char   *key)
{
  separate (self);
  append_quoted (self->out, key);
  g_string_append_c (self->out, ':');
  self->after_key = TRUE;
}

void
lajnactl_json_string (LajnactlJson *self,
                      const char   *value)
{
  separate (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    append_quoted (self->out, value);
}

void
lajnactl_json_int (LajnactlJson *self,
                   gint64        value)
{
  separate (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
lajnactl_json_bool (LajnactlJson *self,
                    gboolean      value)
{
  separate (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
lajnactl_json_member (LajnactlJson *self,
                      const char   *key,
                      const char   *value)
{
  lajnactl_json_key (self, key);
  lajnactl_json_string (self, value);
}

void
lajnactl_json_print_free (LajnactlJson *self)
{
  g_print ("%s\n", self->out->str);
  g_string_free (self->out, TRUE);
  g_free (self);
}
