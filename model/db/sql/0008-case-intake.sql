-- Registering and editing files. The app's forms and the spreadsheet import
-- hand the same JSON shape to the same two functions:
--
--   { "committee_id": 1, "kind": "marriage", "received_on": "2026-11-23",
--     "notes": "", <the columns of marriage_case or juvenile_case>,
--     "libyan_party": {<person columns>}, "foreign_party": {…} }   (marriage)
--     "juvenile": {<person columns>}                                (juvenile)
--
-- Keys are column names, so jsonb_populate_record() does the typing and a
-- missing key takes the column's default.

-- File numbers run per committee and year without gaps: the counter row is
-- locked by the transaction that takes numbers from it.
CREATE TABLE file_number_counter (
  committee_id integer NOT NULL REFERENCES committee,
  year         integer NOT NULL,
  last_number  integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (committee_id, year)
);

-- Takes p_count numbers and returns the first. A committee's first use in a
-- year starts after the highest number already on its files (files loaded
-- before the counter existed).
CREATE FUNCTION lajna_take_file_numbers(p_committee integer, p_year integer, p_count integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_last integer;
BEGIN
  UPDATE file_number_counter SET last_number = last_number + p_count
   WHERE committee_id = p_committee AND year = p_year
  RETURNING last_number INTO v_last;
  IF FOUND THEN
    RETURN v_last - p_count + 1;
  END IF;
  SELECT coalesce(max(split_part(f.file_number, '/', 3)::integer), 0) INTO v_last
    FROM case_file f JOIN committee c ON c.id = f.committee_id
   WHERE f.committee_id = p_committee
     AND f.file_number LIKE c.file_prefix || '/' || p_year || '/%';
  INSERT INTO file_number_counter (committee_id, year, last_number)
  VALUES (p_committee, p_year, v_last + p_count)
  ON CONFLICT (committee_id, year)
  DO UPDATE SET last_number = file_number_counter.last_number + p_count
  RETURNING last_number INTO v_last;
  RETURN v_last - p_count + 1;
END $$;

-- A party's, a marriage's and a juvenile placement's columns from their
-- JSON, as registering and saving both store them: a missing or null text
-- is empty, an empty number is no number, a missing count or cycle takes
-- the schema's default.
CREATE FUNCTION lajna_person_input(p jsonb)
RETURNS TABLE (name text, father_name text, grandfather_name text, family_name text,
               latin_name text, sex char(1), birth_date date, nationality char(2),
               national_number text, passport_number text, passport_expiry date)
LANGUAGE sql STABLE AS $$
  SELECT r.name, coalesce(r.father_name, ''), coalesce(r.grandfather_name, ''),
         coalesce(r.family_name, ''), coalesce(r.latin_name, ''), r.sex, r.birth_date,
         r.nationality, nullif(r.national_number, ''), nullif(r.passport_number, ''),
         r.passport_expiry
    FROM jsonb_populate_record(NULL::person, p) r
$$;

CREATE FUNCTION lajna_marriage_input(p jsonb)
RETURNS TABLE (direction text, previous_marriages integer, residence text)
LANGUAGE sql STABLE AS $$
  SELECT r.direction, coalesce(r.previous_marriages, 0), coalesce(r.residence, '')
    FROM jsonb_populate_record(NULL::marriage_case, p) r
$$;

CREATE FUNCTION lajna_juvenile_input(p jsonb)
RETURNS TABLE (guardian_name text, guardian_relation text, guardian_phone text, facility text,
               admission_date date, court text, court_case_number text, charge_category text,
               legal_status text, programme text[], social_worker_id integer,
               psychologist_id integer, review_cycle_days integer, next_review_on date)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(r.guardian_name, ''), coalesce(r.guardian_relation, ''),
         coalesce(r.guardian_phone, ''), coalesce(r.facility, ''), r.admission_date,
         coalesce(r.court, ''), coalesce(r.court_case_number, ''),
         coalesce(r.charge_category, ''), coalesce(r.legal_status, ''),
         coalesce(r.programme, '{}'), r.social_worker_id, r.psychologist_id,
         coalesce(r.review_cycle_days, 90), r.next_review_on
    FROM jsonb_populate_record(NULL::juvenile_case, p) r
$$;

-- A file's title and search text, from its parties, as 0001 describes them:
-- the one formula, for files registered here and for parties edited later.
CREATE FUNCTION lajna_file_title(p_kind text, p_full_name text, p_other_full_name text,
                                 p_other_latin_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN p_kind = 'marriage'
            THEN p_full_name || ' - ' || coalesce(nullif(p_other_latin_name, ''), p_other_full_name)
            ELSE p_full_name END;

CREATE FUNCTION lajna_file_search_text(p_kind text, p_file_number text,
    p_full_name text, p_latin_name text, p_national_number text, p_passport_number text,
    p_other_full_name text, p_other_latin_name text, p_other_national_number text,
    p_other_passport_number text, p_guardian_name text, p_court_case_number text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN p_kind = 'marriage'
            THEN lajna_words(p_file_number, p_full_name, p_latin_name, p_national_number,
                             p_passport_number, p_other_full_name, p_other_latin_name,
                             p_other_national_number, p_other_passport_number)
            ELSE lajna_words(p_file_number, p_full_name, p_latin_name, p_national_number,
                             p_passport_number, p_guardian_name, p_court_case_number) END;

-- Refreshes the title and search text of the files p_case_ids; a file
-- whose parties' names did not change is not written again. Files added
-- many in one statement are refreshed by one UPDATE (a statement trigger),
-- edits of a file or a person row by row (0001's triggers).
CREATE FUNCTION lajna_cases_refresh_search(p_case_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE case_file c SET
    title = s.title,
    search_text = s.search_text
  FROM (
    SELECT cf.id,
           lajna_file_title(cf.kind, a.full_name, b.full_name, b.latin_name) AS title,
           lajna_file_search_text(cf.kind, cf.file_number, a.full_name, a.latin_name,
                                  a.national_number, a.passport_number, b.full_name,
                                  b.latin_name, b.national_number, b.passport_number,
                                  j.guardian_name, j.court_case_number) AS search_text
      FROM case_file cf
      LEFT JOIN marriage_case m ON m.case_id = cf.id
      LEFT JOIN juvenile_case j ON j.case_id = cf.id
      JOIN person a ON a.id = coalesce(m.libyan_party_id, j.juvenile_id)
      LEFT JOIN person b ON b.id = m.foreign_party_id
     WHERE cf.id = ANY (p_case_ids)
  ) s
  WHERE c.id = s.id AND (c.title, c.search_text) IS DISTINCT FROM (s.title, s.search_text)
$$;

CREATE OR REPLACE FUNCTION lajna_case_refresh_search(p_case_id bigint) RETURNS void
LANGUAGE sql AS $$
  SELECT lajna_cases_refresh_search(ARRAY[p_case_id])
$$;

CREATE FUNCTION lajna_parties_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_cases_refresh_search(array_agg(case_id)) FROM new_files;
  RETURN NULL;
END $$;

DROP TRIGGER marriage_case_search ON marriage_case;
DROP TRIGGER juvenile_case_search ON juvenile_case;

CREATE TRIGGER marriage_case_search AFTER UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_party_changed();
CREATE TRIGGER juvenile_case_search AFTER UPDATE ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_party_changed();
CREATE TRIGGER marriage_case_search_added AFTER INSERT ON marriage_case
  REFERENCING NEW TABLE AS new_files
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_parties_added();
CREATE TRIGGER juvenile_case_search_added AFTER INSERT ON juvenile_case
  REFERENCING NEW TABLE AS new_files
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_parties_added();

-- Registers every file of p_cases (a JSON array) in one statement, and
-- returns each one's position in the array (from 1), id and file number.
-- Ids are drawn from the identity sequences first, so that the parties, the
-- file (with its title and search text) and its details are written
-- together, each row once. The parties are paired with their file by a
-- window rather than a join: the planner, blind to the row count of a JSON
-- array, would make a join a nested loop. The foreign-key check of each
-- party's nationality would scan the 249 countries: with sequential scans
-- off while the function runs, the check's plan, which the session keeps,
-- uses the primary key instead.
CREATE FUNCTION lajna_case_create(p_cases jsonb)
RETURNS TABLE (ordinal bigint, case_id bigint, file_number text)
SET enable_seqscan = off
LANGUAGE sql AS $$
  WITH input AS MATERIALIZED (
    SELECT t.o, t.c,
           (t.c ->> 'committee_id')::integer AS committee_id,
           t.c ->> 'kind' AS kind,
           coalesce((t.c ->> 'received_on')::date, current_date) AS received_on,
           extract(year FROM coalesce((t.c ->> 'received_on')::date, current_date))::integer AS year,
           nextval('case_file_id_seq'::regclass) AS case_id,
           nextval('person_id_seq'::regclass) AS first_party,
           CASE WHEN t.c ->> 'kind' = 'marriage'
                THEN nextval('person_id_seq'::regclass) END AS second_party
      FROM jsonb_array_elements(p_cases) WITH ORDINALITY AS t (c, o)
  ),
  first_numbers AS MATERIALIZED (
    SELECT committee_id, year, lajna_take_file_numbers(committee_id, year, count(*)::integer) AS first
      FROM input GROUP BY committee_id, year
  ),
  numbered AS MATERIALIZED (
    SELECT x.*, cm.file_prefix || '/' || x.year || '/'
                || lpad(x.number::text, greatest(5, length(x.number::text)), '0') AS file_number
      FROM (SELECT i.*, n.first + row_number() OVER w - 1 AS number
              FROM input i JOIN first_numbers n USING (committee_id, year)
            WINDOW w AS (PARTITION BY i.committee_id, i.year ORDER BY i.o)) x
      JOIN committee cm ON cm.id = x.committee_id
  ),
  -- One row a party, its columns as the person row stores them.
  parties AS MATERIALIZED (
    SELECT n.case_id, n.committee_id, n.kind, n.file_number, n.received_on, n.c,
           pa.second, pa.id, r.*
      FROM numbered n
      CROSS JOIN LATERAL (VALUES (false, n.first_party,
                                  CASE WHEN n.kind = 'marriage' THEN n.c -> 'libyan_party'
                                       ELSE n.c -> 'juvenile' END),
                                 (true, n.second_party, n.c -> 'foreign_party')) pa (second, id, p)
      CROSS JOIN LATERAL lajna_person_input(pa.p) r
     WHERE pa.id IS NOT NULL
  ),
  new_people AS (
    INSERT INTO person (id, name, father_name, grandfather_name, family_name, latin_name, sex,
                        birth_date, nationality, national_number, passport_number, passport_expiry)
    OVERRIDING SYSTEM VALUE
    SELECT id, name, father_name, grandfather_name, family_name, latin_name, sex, birth_date,
           nationality, national_number, passport_number, passport_expiry
      FROM parties
  ),
  -- The first party's row, with the second's names and numbers beside it.
  files AS (
    SELECT p.*, lead(p.full_name) OVER w AS f_full_name, lead(p.latin_name) OVER w AS f_latin_name,
           lead(p.national_number) OVER w AS f_national_number,
           lead(p.passport_number) OVER w AS f_passport_number
      FROM (SELECT *, lajna_words(name, father_name, grandfather_name, family_name) AS full_name
              FROM parties) p
    WINDOW w AS (PARTITION BY p.case_id ORDER BY p.second)
  ),
  new_files AS (
    INSERT INTO case_file (id, committee_id, kind, file_number, received_on, notes, title,
                           search_text)
    OVERRIDING SYSTEM VALUE
    SELECT f.case_id, f.committee_id, f.kind, f.file_number, f.received_on,
           coalesce(f.c ->> 'notes', ''),
           lajna_file_title(f.kind, f.full_name, f.f_full_name, f.f_latin_name),
           lajna_file_search_text(f.kind, f.file_number, f.full_name, f.latin_name,
                                  f.national_number, f.passport_number, f.f_full_name,
                                  f.f_latin_name, f.f_national_number, f.f_passport_number,
                                  coalesce(f.c ->> 'guardian_name', ''),
                                  coalesce(f.c ->> 'court_case_number', ''))
      FROM files f
     WHERE NOT f.second
  ),
  new_marriages AS (
    INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction,
                               previous_marriages, residence)
    SELECT n.case_id, n.first_party, n.second_party, r.*
      FROM numbered n CROSS JOIN LATERAL lajna_marriage_input(n.c) r
     WHERE n.kind = 'marriage'
  ),
  new_juveniles AS (
    INSERT INTO juvenile_case (case_id, juvenile_id, guardian_name, guardian_relation,
                               guardian_phone, facility, admission_date, court,
                               court_case_number, charge_category, legal_status, programme,
                               social_worker_id, psychologist_id, review_cycle_days,
                               next_review_on)
    SELECT n.case_id, n.first_party, r.guardian_name, r.guardian_relation, r.guardian_phone,
           r.facility, r.admission_date, r.court, r.court_case_number, r.charge_category,
           r.legal_status, r.programme, r.social_worker_id, r.psychologist_id,
           r.review_cycle_days, coalesce(r.next_review_on, r.admission_date + r.review_cycle_days)
      FROM numbered n CROSS JOIN LATERAL lajna_juvenile_input(n.c) r
     WHERE n.kind = 'juvenile'
  ),
  history AS (
    INSERT INTO case_history (case_id, from_status, to_status)
    SELECT n.case_id, NULL, 'registered' FROM numbered n
  ),
  -- One audit event for the statement, naming every file it registered.
  audit AS (
    SELECT lajna_audit('case.create', 'case_file',
                       CASE WHEN count(*) = 1 THEN min(case_id) END,
                       jsonb_build_object('files', jsonb_agg(case_id ORDER BY o))) AS event
      FROM numbered
  )
  SELECT n.o, n.case_id, n.file_number FROM numbered n CROSS JOIN audit ORDER BY n.o
$$;

-- Saves an edited file: p_case has the shape above (committee and kind
-- cannot change). Refused with SQLSTATE LJ409 when the file's row version is
-- no longer p_row_version, that is when another workstation saved it after
-- this one read it. Returns the new row version.
CREATE FUNCTION lajna_case_update(p_case_id bigint, p_row_version integer, p_case jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_version integer;
  v_kind    text;
BEGIN
  SELECT row_version, kind INTO v_version, v_kind FROM case_file WHERE id = p_case_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'case file % does not exist', p_case_id USING ERRCODE = 'no_data_found';
  END IF;
  IF v_version <> p_row_version THEN
    RAISE EXCEPTION 'case file % is at version %, not %', p_case_id, v_version, p_row_version
      USING ERRCODE = 'LJ409';
  END IF;

  UPDATE person p SET
    (name, father_name, grandfather_name, family_name, latin_name, sex, birth_date,
     nationality, national_number, passport_number, passport_expiry) = ROW (r.*)
    FROM lajna_case_parties(p_case_id) pa
    CROSS JOIN LATERAL lajna_person_input(p_case -> pa.role) r
   WHERE p.id = pa.person_id AND p_case ? pa.role
     AND ROW (p.name, p.father_name, p.grandfather_name, p.family_name, p.latin_name, p.sex,
              p.birth_date, p.nationality, p.national_number, p.passport_number,
              p.passport_expiry) IS DISTINCT FROM ROW (r.*);

  IF v_kind = 'marriage' THEN
    UPDATE marriage_case m SET (direction, previous_marriages, residence) = ROW (r.*)
      FROM lajna_marriage_input(p_case) r
     WHERE m.case_id = p_case_id
       AND ROW (m.direction, m.previous_marriages, m.residence) IS DISTINCT FROM ROW (r.*);
  ELSE
    UPDATE juvenile_case j SET
      (guardian_name, guardian_relation, guardian_phone, facility, admission_date, court,
       court_case_number, charge_category, legal_status, programme, social_worker_id,
       psychologist_id, review_cycle_days, next_review_on) = ROW (r.*)
      FROM lajna_juvenile_input(p_case) r
     WHERE j.case_id = p_case_id
       AND ROW (j.guardian_name, j.guardian_relation, j.guardian_phone, j.facility,
                j.admission_date, j.court, j.court_case_number, j.charge_category,
                j.legal_status, j.programme, j.social_worker_id, j.psychologist_id,
                j.review_cycle_days, j.next_review_on) IS DISTINCT FROM ROW (r.*);
  END IF;

  UPDATE case_file SET
    received_on = coalesce((p_case ->> 'received_on')::date, received_on),
    notes = coalesce(p_case ->> 'notes', ''),
    row_version = row_version + 1, updated_at = now()
   WHERE id = p_case_id
  RETURNING row_version INTO v_version;
  PERFORM lajna_audit('case.update', 'case_file', p_case_id,
                      jsonb_build_object('row_version', v_version));
  RETURN v_version;
END $$;

-- A file's editable values as (key, value) text pairs, keyed as the JSON
-- above with a party's fields under "role.column": what a form loads and
-- what lajna_case_update() takes back.
CREATE FUNCTION lajna_case_values(p_case_id bigint)
RETURNS TABLE (key text, value text)
LANGUAGE sql STABLE AS $$
  SELECT 'received_on', received_on::text FROM case_file WHERE id = p_case_id
  UNION ALL SELECT 'notes', notes FROM case_file WHERE id = p_case_id
  UNION ALL
  SELECT e.key, e.value
    FROM marriage_case m
    CROSS JOIN LATERAL jsonb_each_text(to_jsonb(m) - 'case_id' - 'libyan_party_id'
                                       - 'foreign_party_id') e
   WHERE m.case_id = p_case_id
  UNION ALL
  SELECT e.key, e.value
    FROM juvenile_case j
    CROSS JOIN LATERAL jsonb_each_text(to_jsonb(j) - 'case_id' - 'juvenile_id'
                                       || jsonb_build_object('programme',
                                                             array_to_string(j.programme, ','))) e
   WHERE j.case_id = p_case_id
  UNION ALL
  SELECT pa.role || '.' || e.key, e.value
    FROM lajna_case_parties(p_case_id) pa
    JOIN person p ON p.id = pa.person_id
    CROSS JOIN LATERAL jsonb_each_text(to_jsonb(p) - 'id' - 'full_name' - 'name_norm') e
$$;
