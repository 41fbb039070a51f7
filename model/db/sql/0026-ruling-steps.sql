-- A file becomes ruling_issued when its ruling is issued, and signed when
-- its signed ruling is stored (lajna_ruling_issue(),
-- lajna_ruling_store_signed()), never by a step taken by hand: a file
-- marked so with no ruling on record has nothing to print, sign or
-- deliver. The two steps stay in case_transition, as the ruling's own:
-- they are not offered, and the transition function takes one only when
-- the ruling on record says so, whoever calls it.

ALTER TABLE case_transition ADD COLUMN manual boolean NOT NULL DEFAULT true;
UPDATE case_transition SET manual = false WHERE to_status IN ('ruling_issued', 'signed');
