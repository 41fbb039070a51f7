#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LAJNA_FSI "\xe2\x81\xa8" /* U+2068 FIRST STRONG ISOLATE */
#define LAJNA_PDI "\xe2\x81\xa9" /* U+2069 POP DIRECTIONAL ISOLATE */

char *lajna_nfkc        (const char *text);
char *lajna_norm        (const char *text);
char *lajna_isolate     (const char *text);
char *lajna_isolate_int (gint64      value);
char *lajna_strip_bidi  (const char *text);
gboolean lajna_prefer_arabic (void);

G_END_DECLS
