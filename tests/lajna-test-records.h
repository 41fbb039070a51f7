#pragma once

#include "lajna-case-record.h"

G_BEGIN_DECLS

/* A valid file of each kind, and its country list; a test overrides what
 * it is about. */
extern const char *const lajna_test_countries[];

#define MESSAGE(e) ((e) != NULL ? (e)->message : "no error")
#define RECORD(a, i) ((LajnaCaseRecord *) g_ptr_array_index ((a), (i)))
#define records_new() g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_case_record_free)

LajnaCaseRecord *lajna_test_make_record (const char *kind, int committee_id,
                                         const char *const *overrides);
int              lajna_test_committee    (LajnaDb *db, const char *code);
gint64           lajna_test_register_file (LajnaDb *db, const char *kind, const char *code);

G_END_DECLS
