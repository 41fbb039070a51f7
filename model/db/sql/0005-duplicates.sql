-- Duplicate candidates: the same person registered twice (or on several
-- files), across both committees. A candidate is found by the national
-- number, by the passport number and nationality, or by a similar
-- normalized name with the same birth date (trigram similarity over the
-- few people born that day, so no index over all names is needed).

CREATE INDEX person_birth_date ON person (birth_date);

-- A clerk's verdict on a duplicate candidate: the same person (the files
-- are linked through the verdict) or not a duplicate (the candidate is not
-- offered again). One verdict per pair of people, whichever way round.

CREATE TABLE duplicate_verdict (
  person_low   bigint NOT NULL REFERENCES person,
  person_high  bigint NOT NULL REFERENCES person,
  same_person  boolean NOT NULL,
  decided_by   text NOT NULL DEFAULT current_user,
  decided_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_low, person_high),
  CHECK (person_low < person_high)
);
