#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *lajna_db_rule_message (const char *hint);

G_END_DECLS
