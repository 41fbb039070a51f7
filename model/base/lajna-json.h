#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LajnaJson LajnaJson;

LajnaJson *lajna_json_new (void);
void       lajna_json_begin_object (LajnaJson *self);
void       lajna_json_end_object (LajnaJson *self);
void       lajna_json_begin_array (LajnaJson *self);
void       lajna_json_end_array (LajnaJson *self);
void       lajna_json_key (LajnaJson *self, const char *key);
void       lajna_json_string (LajnaJson *self, const char *value);
void       lajna_json_int (LajnaJson *self, gint64 value);
void       lajna_json_bool (LajnaJson *self, gboolean value);
void       lajna_json_member (LajnaJson *self, const char *key, const char *value);
void       lajna_json_null (LajnaJson *self);
void       lajna_json_date (LajnaJson *self, const GDate *date);
char      *lajna_json_free_to_string (LajnaJson *self);
void       lajna_json_print_free (LajnaJson *self);

G_END_DECLS
