#pragma once

#include "lajna-case-record.h"

G_BEGIN_DECLS

typedef struct _LajnaCaseBulk LajnaCaseBulk;

LajnaCaseBulk *lajna_case_bulk_begin    (LajnaDb        *db,
                                         GError        **error);
gboolean       lajna_case_bulk_register (LajnaCaseBulk  *self,
                                         GPtrArray      *records,
                                         GError        **error);
gboolean       lajna_case_bulk_commit   (LajnaCaseBulk  *self,
                                         GError        **error);
void           lajna_case_bulk_free     (LajnaCaseBulk  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseBulk, lajna_case_bulk_free)

G_END_DECLS
