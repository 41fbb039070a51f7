#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SQL expression of a timestamptz column @c that lajna_time_local_text() reads. */
#define LAJNA_TIME_EPOCH(c) "floor(extract(epoch FROM " c "))::bigint"

char *lajna_time_local_text (const char *epoch);
char *lajna_time_now_text   (void);

G_END_DECLS
