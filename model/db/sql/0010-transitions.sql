-- Status steps as data: which status a file may go to from which. The
-- function that changes a status checks this table, and the function that
-- offers the next steps reads it, so what a clerk is offered and what the
-- database accepts cannot disagree. The pairs are those of 0004.

CREATE TABLE case_transition (
  -- NULL: files of both kinds.
  kind        text CHECK (kind IN ('marriage', 'juvenile')),
  from_status text NOT NULL,
  to_status   text NOT NULL,
  UNIQUE NULLS NOT DISTINCT (kind, from_status, to_status)
);

INSERT INTO case_transition (kind, from_status, to_status) VALUES
  (NULL, 'registered', 'documents_pending'), (NULL, 'registered', 'complete'),
  (NULL, 'documents_pending', 'complete'), (NULL, 'complete', 'documents_pending'),
  (NULL, 'complete', 'scheduled'), (NULL, 'scheduled', 'complete'),
  (NULL, 'scheduled', 'decided'), (NULL, 'scheduled', 'deferred'),
  (NULL, 'deferred', 'documents_pending'), (NULL, 'decided', 'ruling_issued'),
  (NULL, 'ruling_issued', 'signed'), (NULL, 'signed', 'delivered'),
  -- A juvenile file returns to complete when its periodic review falls due.
  ('juvenile', 'decided', 'complete'), ('juvenile', 'delivered', 'complete');
