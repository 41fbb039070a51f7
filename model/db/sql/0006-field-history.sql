-- Every change of a file's fields is recorded with who, when, the old and
-- the new value, beside the status steps in case_history, so that the file
-- shows one timeline. A person's change is recorded on each of their files.

CREATE TABLE case_change (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL DEFAULT current_user,
  -- Which record: 'file', 'marriage', 'juvenile', or a party's role.
  subject    text NOT NULL,
  field      text NOT NULL,
  old_value  text,
  new_value  text
);
CREATE INDEX case_change_case ON case_change (case_id, at);
