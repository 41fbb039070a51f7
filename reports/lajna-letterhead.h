#pragma once

#include "lajna-db.h"
#include "lajna-pdf-writer.h"

G_BEGIN_DECLS

PGresult *lajna_letterhead_read          (LajnaDb        *db,
                                          int             committee_id,
                                          GError        **error);
char     *lajna_letterhead_dup_committee (PGresult       *head);
void      lajna_letterhead_add           (LajnaPdfWriter *writer,
                                          PGresult       *head);

G_END_DECLS
