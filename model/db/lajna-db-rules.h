#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *lajna_db_rule_message   (const char *hint);
char       *lajna_db_rule_describe  (const char *hint,
                                     const char *detail);
char       *lajna_db_rule_documents (const char *detail);

G_END_DECLS
