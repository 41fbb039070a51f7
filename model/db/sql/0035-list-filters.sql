-- What the file list's filters and follow-up lists ask of a file, kept as
-- the file changes, so that on a million files a filter reads an index
-- instead of working out every file's checklist and history:
--
--   documents_met_until  until when the file's mandatory documents are all
--                        valid: NULL while one is missing, 'infinity' when
--                        none expires, and for a file no longer waiting on
--                        documents. The file lacks documents when it is
--                        NULL or past, exactly when it waits and
--                        lajna_case_lacking() gives a row.
--   pending_since        when the file last entered documents_pending (its
--                        history), while it is there.
--   next_review_on       a juvenile file's next periodic review, readable
--                        by whoever sees the file, names or not.
--
-- A file has a row while it waits on its documents (registered,
-- documents_pending, complete, deferred) or has a review date.

CREATE TABLE case_follow_up (
  case_id             bigint PRIMARY KEY REFERENCES case_file ON DELETE CASCADE,
  -- The file's, so that the row's rule reads no other table.
  committee_id        integer NOT NULL REFERENCES committee,
  documents_met_until date,
  pending_since       timestamptz,
  next_review_on      date
);
CREATE INDEX case_follow_up_pending ON case_follow_up (pending_since)
  WHERE pending_since IS NOT NULL;
CREATE INDEX case_follow_up_review ON case_follow_up (next_review_on)
  WHERE next_review_on IS NOT NULL;

-- A status within the committees one sees, counted from the index alone
-- and paged in the order of receipt, rather than every file of that
-- status read to learn its committee.
CREATE INDEX case_file_committee_status ON case_file (committee_id, status, received_on, id);
