#pragma once

#include "lajna-case-import.h"

G_BEGIN_DECLS

/* What the CSV import suites share (test programs only, hence the short
 * names): a database with a committee of each kind, a header naming the
 * columns of a marriage file and valid rows under it, and the import's
 * findings read back. */

#define MESSAGE(e) ((e) != NULL ? (e)->message : "no error")

extern const char header[];

/* Set by setup_import(), before each test's process is forked. */
extern int marriage_id;
extern int juvenile_id;

void                    setup_import (void);
char                   *valid_row    (guint            i);
gint64                  count_files  (LajnaDb         *db);
LajnaCaseImport        *import_text  (LajnaDb         *db,
                                      const char      *text,
                                      gsize            len,
                                      int              committee_id,
                                      gboolean         skip_invalid,
                                      GError         **error);
char                   *describe     (LajnaCaseImport *import);
const LajnaImportIssue *find_issue   (LajnaCaseImport *import,
                                      guint            row,
                                      const char      *field);

G_END_DECLS
