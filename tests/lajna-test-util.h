#pragma once

#include <check.h>
#include <glib.h>

#include "lajna-database.h"

G_BEGIN_DECLS

char          *lajna_test_make_data_dir   (void);
void           lajna_test_remove_dir      (const char *path);
LajnaDatabase *lajna_test_database_start  (const char *data_dir);
int            lajna_test_run             (Suite      *suite);
char          *lajna_test_fixture_path    (const char *name);

G_END_DECLS
