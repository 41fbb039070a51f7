-- Duplicate candidates: the same person registered twice (or on several
-- files), across both committees. A candidate is found by the national
-- number, by the passport number and nationality, or by a similar
-- normalized name with the same birth date (trigram similarity over the
-- few people born that day, so no index over all names is needed).

CREATE INDEX person_birth_date ON person (birth_date);

CREATE FUNCTION lajna_person_duplicates(p_person_id bigint, p_threshold real DEFAULT 0.5)
RETURNS TABLE (person_id bigint, reason text, score real)
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (o.id) o.id, x.reason, x.score
    FROM person p
    CROSS JOIN LATERAL (
      SELECT q.id, 'national_number'::text AS reason, 1.0::real AS score
        FROM person q WHERE q.national_number = p.national_number
      UNION ALL
      SELECT q.id, 'passport_number', 1.0
        FROM person q
       WHERE q.passport_number = p.passport_number AND q.nationality = p.nationality
      UNION ALL
      SELECT q.id, 'name_birth_date', similarity(q.name_norm, p.name_norm)
        FROM person q
       WHERE q.birth_date = p.birth_date AND similarity(q.name_norm, p.name_norm) >= p_threshold
    ) x
    JOIN person o ON o.id = x.id
   WHERE p.id = p_person_id AND o.id <> p.id
   ORDER BY o.id, x.score DESC, x.reason
$$;

-- The parties of a file, with their role.
CREATE FUNCTION lajna_case_parties(p_case_id bigint)
RETURNS TABLE (role text, person_id bigint)
LANGUAGE sql STABLE AS $$
  SELECT 'libyan_party', libyan_party_id FROM marriage_case WHERE case_id = p_case_id
  UNION ALL SELECT 'foreign_party', foreign_party_id FROM marriage_case WHERE case_id = p_case_id
  UNION ALL SELECT 'juvenile', juvenile_id FROM juvenile_case WHERE case_id = p_case_id
$$;

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

CREATE FUNCTION lajna_mark_duplicate(p_person bigint, p_other bigint, p_same boolean)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO duplicate_verdict (person_low, person_high, same_person)
  VALUES (least(p_person, p_other), greatest(p_person, p_other), p_same)
  ON CONFLICT (person_low, person_high) DO UPDATE
    SET same_person = EXCLUDED.same_person, decided_by = current_user, decided_at = now()
$$;

-- Other files whose parties may be a party of this file: the same person
-- on another file, or a candidate of lajna_person_duplicates(), less those
-- a clerk said are not duplicates; a pair a clerk confirmed says so.
CREATE FUNCTION lajna_case_duplicates(p_case_id bigint, p_threshold real DEFAULT 0.5)
RETURNS TABLE (other_case_id bigint, role text, person_id bigint, other_person_id bigint,
               reason text, score real)
LANGUAGE sql STABLE AS $$
  WITH candidates AS (
    SELECT pa.role, pa.person_id, pa.person_id AS other_person_id,
           'same_person'::text AS reason, 1.0::real AS score
      FROM lajna_case_parties(p_case_id) pa
    UNION ALL
    SELECT pa.role, pa.person_id, d.person_id, d.reason, d.score
      FROM lajna_case_parties(p_case_id) pa
      CROSS JOIN LATERAL lajna_person_duplicates(pa.person_id, p_threshold) d
  )
  SELECT DISTINCT ON (o.case_id, c.other_person_id)
         o.case_id, c.role, c.person_id, c.other_person_id,
         CASE WHEN v.same_person THEN 'confirmed' ELSE c.reason END,
         CASE WHEN v.same_person THEN 1.0::real ELSE c.score END
    FROM candidates c
    JOIN (SELECT case_id, libyan_party_id AS person_id FROM marriage_case
          UNION ALL SELECT case_id, foreign_party_id FROM marriage_case
          UNION ALL SELECT case_id, juvenile_id FROM juvenile_case) o
      ON o.person_id = c.other_person_id
    LEFT JOIN duplicate_verdict v
      ON v.person_low = least(c.person_id, c.other_person_id)
     AND v.person_high = greatest(c.person_id, c.other_person_id)
   WHERE o.case_id <> p_case_id AND v.same_person IS DISTINCT FROM false
   ORDER BY o.case_id, c.other_person_id, c.score DESC
$$;
