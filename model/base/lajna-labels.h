#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *lajna_case_statuses      (void);
const char         *lajna_label_for          (const char *code);
char               *lajna_label_list         (const char *codes);
const char         *lajna_party_label        (const char *role);

G_END_DECLS
