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

/**
 * LajnaDecisionInForce:
 * @id: the decision's id
 * @outcome: its outcome's code
 * @decided_on: its day, YYYY-MM-DD
 * @ruling: (nullable): the latest version of its ruling, %NULL while
 *   none is issued
 *
 * The decision in force on a file (its latest, not corrected), and its
 * ruling.
 */
typedef struct
{
  gint64            id;
  char             *outcome;
  char             *decided_on;
  LajnaRulingEntry *ruling;
} LajnaDecisionInForce;

GPtrArray *lajna_ruling_register_list     (LajnaDb               *db,
                                           int                    committee_id,
                                           GError               **error);
gboolean   lajna_ruling_register_in_force (LajnaDb               *db,
                                           gint64                 case_id,
                                           LajnaDecisionInForce **decision,
                                           GError               **error);
void       lajna_ruling_entry_free        (LajnaRulingEntry      *entry);
void       lajna_decision_in_force_free   (LajnaDecisionInForce  *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaDecisionInForce, lajna_decision_in_force_free)

G_END_DECLS
