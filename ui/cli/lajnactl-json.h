#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LajnactlJson LajnactlJson;

LajnactlJson *lajnactl_json_new          (void);
void          lajnactl_json_begin_object (LajnactlJson *self);
void          lajnactl_json_end_object   (LajnactlJson *self);
void          lajnactl_json_begin_array  (LajnactlJson *self);
void          lajnactl_json_end_array    (LajnactlJson *self);
void          lajnactl_json_key          (LajnactlJson *self, const char *key);
void          lajnactl_json_string       (LajnactlJson *self, const char *value);
void          lajnactl_json_int          (LajnactlJson *self, gint64 value);
void          lajnactl_json_bool         (LajnactlJson *self, gboolean value);
void          lajnactl_json_member       (LajnactlJson *self, const char *key, const char *value);
void          lajnactl_json_print_free   (LajnactlJson *self);

G_END_DECLS
