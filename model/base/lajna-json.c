/* lajna-json.c: a small JSON writer, for the CLI's --json output and the
 * records the model hands to the database as jsonb.
 *
 * Values are written in order; the writer only adds the commas and the
 * escaping, so callers read like the JSON they produce.
 */

#include "lajna-json.h"

struct _LajnaJson
{
  GString *out;
  /* Whether the open container already holds a value; one bit a level. */
  guint64  has_value;
  gboolean after_key;
};

LajnaJson *
lajna_json_new (void)
{
  LajnaJson *self = g_new0 (LajnaJson, 1);

  self->out = g_string_new (NULL);
  return self;
}

static void
separate (LajnaJson *self)
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
open_container (LajnaJson *self, char c)
{
  separate (self);
  g_string_append_c (self->out, c);
  self->has_value <<= 1;
}

static void
close_container (LajnaJson *self, char c)
{
  self->has_value >>= 1;
  g_string_append_c (self->out, c);
}

void
lajna_json_begin_object (LajnaJson *self)
{
  open_container (self, '{');
}

void
lajna_json_end_object (LajnaJson *self)
{
  close_container (self, '}');
}

void
lajna_json_begin_array (LajnaJson *self)
{
  open_container (self, '[');
}

void
lajna_json_end_array (LajnaJson *self)
{
  close_container (self, ']');
}

static void
append_quoted (GString *out, const char *s)
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
lajna_json_key (LajnaJson *self, const char *key)
{
  separate (self);
  append_quoted (self->out, key);
  g_string_append_c (self->out, ':');
  self->after_key = TRUE;
}

void
lajna_json_string (LajnaJson *self, const char *value)
{
  separate (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    append_quoted (self->out, value);
}

void
lajna_json_int (LajnaJson *self, gint64 value)
{
  separate (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
lajna_json_bool (LajnaJson *self, gboolean value)
{
  separate (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
lajna_json_member (LajnaJson *self, const char *key, const char *value)
{
  lajna_json_key (self, key);
  lajna_json_string (self, value);
}

void
lajna_json_null (LajnaJson *self)
{
  separate (self);
  g_string_append (self->out, "null");
}

/* A date as ISO 8601 (2026-11-23), or null when @date is not set. */
void
lajna_json_date (LajnaJson *self, const GDate *date)
{
  char text[16];

  if (!g_date_valid (date))
    {
      lajna_json_null (self);
      return;
    }
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  lajna_json_string (self, text);
}

char *
lajna_json_free_to_string (LajnaJson *self)
{
  char *text = g_string_free (self->out, FALSE);

  g_free (self);
  return text;
}

void
lajna_json_print_free (LajnaJson *self)
{
  g_print ("%s\n", self->out->str);
  g_string_free (self->out, TRUE);
  g_free (self);
}
