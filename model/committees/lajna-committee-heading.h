#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* What heads a printed list or report: the committee's letterhead, or the
 * state's and the ministry's lines when the pages concern several. */
typedef struct
{
  char   *lines;      /* one line a row, right to left */
  char   *committee;  /* (nullable): the committee's name, %NULL for several */
  GBytes *logo;       /* (nullable) */
} LajnaCommitteeHeading;

LajnaCommitteeHeading *lajna_committee_heading_read (LajnaDb                *db,
                                                     int                     committee_id,
                                                     GError                **error);
void                   lajna_committee_heading_free (LajnaCommitteeHeading  *heading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCommitteeHeading, lajna_committee_heading_free)

G_END_DECLS
