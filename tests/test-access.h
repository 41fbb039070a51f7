#pragma once

#include <check.h>

#include "lajna-db.h"

G_BEGIN_DECLS

/* What the access suite's test files share (test programs only, hence the
 * short names): the committees A, B and J and their people, each signing
 * in with their own password. */

LajnaDb *connect_as          (const char *login);
char    *admin_value         (const char *sql);
void     admin_run           (const char *sql);
TCase   *escalation_tcase    (void);
TCase   *intake_tcase        (void);

G_END_DECLS
