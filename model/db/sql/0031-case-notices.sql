-- What another workstation changed in a file, for the lists that show it.
-- A status moving on (a decision, a ruling issued or signed) and a
-- document attached or removed are numbered in case_notice and announced
-- on the channel 'lajna_case' as the file and the number; a client wakes
-- on the notification, or after it reconnects, and reads what is newer
-- than what it has, as it does for meetings (0018). A document also
-- changes the meetings whose agenda holds its file: it is numbered in
-- meeting_change too, so that a meeting shown elsewhere reads its
-- documents again.

CREATE TABLE case_notice (
  seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL,
  what    text NOT NULL,
  at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notice_case ON case_notice (case_id, seq);
