

CREATE TABLE audit_head (
  only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_id    bigint,
  last_hash  bytea
);
INSERT INTO audit_head (last_id, last_hash)
SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1;
INSERT INTO audit_head (last_id, last_hash)
SELECT NULL, NULL WHERE NOT EXISTS (SELECT FROM audit_head);

-- Events written before this migration are chained again under the rule
-- above (the table holds at most the demo's few events at this point).
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_length CHECK (length(hash) = 32);
