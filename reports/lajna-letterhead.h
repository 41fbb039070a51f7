#pragma once

#include "lajna-committee-heading.h"
#include "lajna-pdf-writer.h"

G_BEGIN_DECLS

void lajna_letterhead_add (LajnaPdfWriter              *writer,
                           const LajnaCommitteeHeading *heading);

G_END_DECLS
