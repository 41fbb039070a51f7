#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/**
 * LajnaAuditBreak:
 * @LAJNA_AUDIT_INTACT: every event is as it was written
 * @LAJNA_AUDIT_CONTENT_CHANGED: the event's content no longer matches its hash
 * @LAJNA_AUDIT_LINK_BROKEN: the event does not follow the one before it: an
 *   event between them was removed, or the earlier one was rewritten
 * @LAJNA_AUDIT_END_MISSING: events after the last one were removed
 *
 * The first thing wrong with an audit trail.
 */
typedef enum
{
  LAJNA_AUDIT_INTACT,
  LAJNA_AUDIT_CONTENT_CHANGED,
  LAJNA_AUDIT_LINK_BROKEN,
  LAJNA_AUDIT_END_MISSING,
} LajnaAuditBreak;

/**
 * LajnaAuditReport:
 * @result: intact, or what is wrong first
 * @n_events: the events checked
 * @event_id: the first event that is wrong; for %LAJNA_AUDIT_END_MISSING
 *   the last event the trail should end with; 0 when intact
 */
typedef struct
{
  LajnaAuditBreak result;
  guint64         n_events;
  gint64          event_id;
} LajnaAuditReport;

gint64   lajna_audit_append (LajnaDb           *db,
                             const char        *action,
                             const char        *object,
                             gint64             object_id,
                             GError           **error);
gboolean lajna_audit_verify (LajnaDb           *db,
                             LajnaAuditReport  *report,
                             GError           **error);

G_END_DECLS
