-- Documents attached to a file: the bytes exactly as they came, for an
-- image its pages wrapped into a PDF (a PDF is its own), and small page
-- previews made at import, so that a file's documents open at once even
-- from a busy shared server. The same bytes are attached to a file once.

ALTER TABLE document_blob ADD COLUMN pdf bytea;
ALTER TABLE document ADD CONSTRAINT document_once UNIQUE (case_id, sha256);

INSERT INTO access_grant (statement) VALUES
  ('GRANT INSERT ON document, document_blob, document_preview TO lajna_clerk');

-- A document that fills no slot of the checklist.
INSERT INTO document_type (code, name_ar, name_en, valid_days) VALUES
  ('other', 'مستند آخر', 'Other document', NULL);

-- Who has opened which document of a file, from the audit trail (each
-- opening is a 'document.open' event), for whoever sees the file: a
-- meeting shows whether every member has read every document.
CREATE INDEX audit_event_document_open ON audit_event (object_id, actor)
  WHERE action = 'document.open';
