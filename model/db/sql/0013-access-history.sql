-- A file's access history: who registered, changed, moved and opened it,
-- from the audit trail, for the chair and the administrator of its
-- committee (and the server's superuser): lajna_case_access_history() in
-- model/db/access.sql, which these indexes serve.

CREATE INDEX audit_event_object ON audit_event (object, object_id);
CREATE INDEX audit_event_batch_create ON audit_event (id)
  WHERE action = 'case.create' AND object_id IS NULL;
