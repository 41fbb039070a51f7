-- Duplicate candidates while a file is being registered, before its
-- parties exist: the same search as lajna_person_duplicates(), by the
-- values typed into the form. lajna_person_duplicates() now asks it too.

CREATE FUNCTION lajna_people_like(p_name_norm text, p_birth_date date, p_national_number text,
                                  p_passport_number text, p_nationality text, p_threshold real)
RETURNS TABLE (person_id bigint, reason text, score real)
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (x.id) x.id, x.reason, x.score
    FROM (
      SELECT q.id, 'national_number'::text AS reason, 1.0::real AS score
        FROM person q WHERE q.national_number = p_national_number
      UNION ALL
      SELECT q.id, 'passport_number', 1.0
        FROM person q
       WHERE q.passport_number = p_passport_number AND q.nationality = p_nationality
      UNION ALL
      SELECT q.id, 'name_birth_date', similarity(q.name_norm, p_name_norm)
        FROM person q
       WHERE q.birth_date = p_birth_date AND similarity(q.name_norm, p_name_norm) >= p_threshold
    ) x
   ORDER BY x.id, x.score DESC,
            array_position(ARRAY['national_number', 'passport_number', 'name_birth_date'], x.reason)
$$;

CREATE OR REPLACE FUNCTION lajna_person_duplicates(p_person_id bigint, p_threshold real DEFAULT 0.5)
RETURNS TABLE (person_id bigint, reason text, score real)
LANGUAGE sql STABLE AS $$
  SELECT l.person_id, l.reason, l.score
    FROM person p
    CROSS JOIN LATERAL lajna_people_like(p.name_norm, p.birth_date, p.national_number,
                                         p.passport_number, p.nationality, p_threshold) l
   WHERE p.id = p_person_id AND l.person_id <> p.id
$$;

-- The files on which a person is a party, with the role they have there;
-- a function rather than a view so that each branch is an index lookup
-- for the one person, whatever the planner guesses of the caller's rows.
CREATE FUNCTION lajna_person_cases(p_person_id bigint)
RETURNS TABLE (case_id bigint, role text)
LANGUAGE sql STABLE AS $$
  SELECT case_id, 'libyan_party' FROM marriage_case WHERE libyan_party_id = p_person_id
  UNION ALL SELECT case_id, 'foreign_party' FROM marriage_case WHERE foreign_party_id = p_person_id
  UNION ALL SELECT case_id, 'juvenile' FROM juvenile_case WHERE juvenile_id = p_person_id
$$;

-- Files on which a person like p_person (the person columns as JSON) is a
-- party, with the latest rejection or deferral on that file, if any.
CREATE FUNCTION lajna_intake_duplicates(p_person jsonb, p_threshold real DEFAULT 0.5)
RETURNS TABLE (case_id bigint, file_number text, title text, role text, reason text,
               score real, earlier_outcome text)
LANGUAGE sql STABLE AS $$
  SELECT cp.case_id, cf.file_number, cf.title, cp.role, l.reason, l.score,
         (SELECT d.outcome FROM decision d
           WHERE d.case_id = cp.case_id AND d.outcome IN ('reject', 'defer')
           ORDER BY d.decided_on DESC, d.id DESC LIMIT 1)
    FROM jsonb_populate_record(NULL::person, p_person) r
    CROSS JOIN LATERAL lajna_people_like(
        lajna_norm(lajna_words(r.name, r.father_name, r.grandfather_name, r.family_name)),
        r.birth_date, nullif(r.national_number, ''), nullif(r.passport_number, ''),
        r.nationality, p_threshold) l
    CROSS JOIN LATERAL lajna_person_cases(l.person_id) cp
    CROSS JOIN LATERAL (SELECT f.file_number, f.title, f.received_on
                          FROM case_file f WHERE f.id = cp.case_id) cf
   ORDER BY l.score DESC, cf.received_on DESC, cp.case_id
$$;
