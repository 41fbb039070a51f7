#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/**
 * LajnaRulingEntry:
 * @id: the ruling's id (one version of it)
 * @committee_id: its committee
 * @committee_name: the committee's name in the interface's language
 * @number: its number within its committee's year
 * @year: that year
 * @version: 1, or the version of a correction
 * @issued_on: its day, YYYY-MM-DD
 * @is_signed: whether its signed PDF is on record
 * @case_id: the file it decides
 *
 * A ruling as the register of rulings shows it: what everyone of its
 * committee may read, never its text.
 */
typedef struct
{
  gint64    id;
  int       committee_id;
  char     *committee_name;
  int       number;
  int       year;
  int       version;
  char     *issued_on;
  gboolean  is_signed;
  gint64    case_id;
} LajnaRulingEntry;

GPtrArray *lajna_ruling_register_list (LajnaDb           *db,
                                       int                committee_id,
                                       GError           **error);
void       lajna_ruling_entry_free    (LajnaRulingEntry  *entry);

G_END_DECLS
