-- cases.sql: the files: their title and search text, their field history,
-- registering and saving them, their people and likely duplicates, their
-- checklist and the steps of their status, their follow-up, and the rule
-- that row-level security gives every table hanging from a file, a meeting
-- or a ruling. The juvenile casework (reports, plans, reports due) is in
-- model/cases/casework.sql.
--
-- The schema's owner applies this file after the migrations at every start
-- and after a restore (model/db/lajna-schema.c). Each statement states how
-- things are to be: applying the file again changes nothing.
--
-- Every function of the application that runs a statement of its own (a
-- trigger, a step, a write) searches the caller's temporary schema last.
-- The queries in SQL that a caller's query takes in (STABLE, so that the
-- planner inlines them) run with the caller's own rights and search path,
-- inside whichever function calls them, and no caller has a schema of their
-- own to steer them with; those that a policy, or a function with its
-- owner's rights, calls are bound to their tables.

-- ---------------------------------------------------------------------
-- Functions: a file's title and search text.

-- A file's title, from its parties: the one formula, for files registered
-- and for parties edited later.
CREATE OR REPLACE FUNCTION lajna_file_title(p_kind text, p_full_name text, p_other_full_name text,
                                 p_other_latin_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN p_kind = 'marriage'
            THEN p_full_name || ' - ' || coalesce(nullif(p_other_latin_name, ''), p_other_full_name)
            ELSE p_full_name END;

-- A file's search text, from its parties. It holds names and numbers that
-- are not identity numbers (the file's, the court case's): whoever reads a
-- file's row may read it. Identity numbers are found by exact match
-- instead, by those who may read them (lajna_cases_with_number()); the
-- number parameters are taken and not used.
CREATE OR REPLACE FUNCTION lajna_file_search_text(p_kind text, p_file_number text,
    p_full_name text, p_latin_name text, p_national_number text, p_passport_number text,
    p_other_full_name text, p_other_latin_name text, p_other_national_number text,
    p_other_passport_number text, p_guardian_name text, p_court_case_number text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN p_kind = 'marriage'
            THEN lajna_words(p_file_number, p_full_name, p_latin_name, p_other_full_name,
                             p_other_latin_name)
            ELSE lajna_words(p_file_number, p_full_name, p_latin_name, p_guardian_name,
                             p_court_case_number) END;

-- Refreshes the title and search text of the files p_case_ids; a file
-- whose parties' names did not change is not written again. Files added
-- many in one statement are refreshed by one UPDATE (a statement trigger),
-- edits of a file or a person row by row (the triggers below).
CREATE OR REPLACE FUNCTION lajna_cases_refresh_search(p_case_ids bigint[]) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
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
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT lajna_cases_refresh_search(ARRAY[p_case_id])
$$;

-- Parties added to files: their files' title and search text.
CREATE OR REPLACE FUNCTION lajna_parties_added() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_cases_refresh_search(array_agg(case_id)) FROM new_files;
  RETURN NULL;
END $$;

-- A marriage or juvenile record changed: its file's.
CREATE OR REPLACE FUNCTION lajna_party_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_case_refresh_search(NEW.case_id);
  RETURN NULL;
END $$;

-- A person changed: the files they are a party of.
CREATE OR REPLACE FUNCTION lajna_person_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_case_refresh_search(x.case_id)
     FROM (SELECT case_id FROM marriage_case
            WHERE NEW.id IN (libyan_party_id, foreign_party_id)
           UNION
           SELECT case_id FROM juvenile_case WHERE juvenile_id = NEW.id) x;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Functions: a file's field history, one row in case_change a field
-- that changed, but for the columns computed from others.

CREATE OR REPLACE FUNCTION lajna_is_recorded_field(p_field text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN p_field NOT IN ('id', 'case_id', 'row_version', 'created_at', 'updated_at', 'title',
                       'listed_title', 'search_text', 'search_norm', 'full_name', 'name_norm',
                       'status');

CREATE OR REPLACE FUNCTION lajna_record_changes() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_old jsonb := to_jsonb(OLD);
  v_new jsonb := to_jsonb(NEW);
BEGIN
  IF TG_TABLE_NAME = 'person' THEN
    INSERT INTO case_change (case_id, subject, field, old_value, new_value)
    SELECT p.case_id, p.role, n.key, v_old ->> n.key, n.value #>> '{}'
      FROM jsonb_each(v_new) n
      CROSS JOIN LATERAL (
        SELECT case_id, 'libyan_party' AS role FROM marriage_case WHERE libyan_party_id = NEW.id
        UNION ALL SELECT case_id, 'foreign_party' FROM marriage_case WHERE foreign_party_id = NEW.id
        UNION ALL SELECT case_id, 'juvenile' FROM juvenile_case WHERE juvenile_id = NEW.id) p
     WHERE lajna_is_recorded_field(n.key) AND v_old -> n.key IS DISTINCT FROM n.value;
  ELSE
    INSERT INTO case_change (case_id, subject, field, old_value, new_value)
    SELECT (v_new ->> CASE TG_TABLE_NAME WHEN 'case_file' THEN 'id' ELSE 'case_id' END)::bigint,
           CASE TG_TABLE_NAME WHEN 'case_file' THEN 'file'
                              WHEN 'marriage_case' THEN 'marriage' ELSE 'juvenile' END,
           n.key, v_old ->> n.key, n.value #>> '{}'
      FROM jsonb_each(v_new) n
     WHERE lajna_is_recorded_field(n.key) AND v_old -> n.key IS DISTINCT FROM n.value;
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Functions: registering and saving a file.

-- Takes p_count numbers and returns the first. A committee's first use in a
-- year starts after the highest number already on its files (files loaded
-- before the counter existed).
CREATE OR REPLACE FUNCTION lajna_take_file_numbers(p_committee integer, p_year integer, p_count integer)
RETURNS integer LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
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
CREATE OR REPLACE FUNCTION lajna_person_input(p jsonb)
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

CREATE OR REPLACE FUNCTION lajna_marriage_input(p jsonb)
RETURNS TABLE (direction text, previous_marriages integer, residence text)
LANGUAGE sql STABLE AS $$
  SELECT r.direction, coalesce(r.previous_marriages, 0), coalesce(r.residence, '')
    FROM jsonb_populate_record(NULL::marriage_case, p) r
$$;

CREATE OR REPLACE FUNCTION lajna_juvenile_input(p jsonb)
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

-- Registers p_cases in one statement and returns each one's ordinal, id
-- and file number, by ordinal. Ids are drawn from the identity sequences
-- first, so that the parties, the file (with its title and search text)
-- and its details are written together, each row once; numbers are taken
-- per committee and year in the order of the ordinals. Each audit event
-- names at most 2,000 of the files, so that its detail stays within the
-- 64 KiB lajna_audit() takes. Sequential scans stay off for the
-- foreign-key check of each party's nationality.
CREATE OR REPLACE FUNCTION lajna_cases_register(p_cases lajna_new_case[])
RETURNS TABLE (ordinal integer, case_id bigint, file_number text)
LANGUAGE sql SET enable_seqscan = off SET jit = off SET search_path = pg_catalog, public, pg_temp
AS $$
  WITH input AS MATERIALIZED (
    SELECT c.ordinal, c.committee_id, c.kind,
           coalesce(c.received_on, current_date) AS received_on,
           extract(year FROM coalesce(c.received_on, current_date))::integer AS year,
           coalesce(c.notes, '') AS notes, c.direction,
           coalesce(c.previous_marriages, 0) AS previous_marriages,
           coalesce(c.residence, '') AS residence,
           coalesce(c.guardian_name, '') AS guardian_name,
           coalesce(c.guardian_relation, '') AS guardian_relation,
           coalesce(c.guardian_phone, '') AS guardian_phone,
           coalesce(c.facility, '') AS facility, c.admission_date,
           coalesce(c.court, '') AS court,
           coalesce(c.court_case_number, '') AS court_case_number,
           coalesce(c.charge_category, '') AS charge_category,
           coalesce(c.legal_status, '') AS legal_status,
           coalesce(c.programme, '{}') AS programme, c.social_worker_id, c.psychologist_id,
           coalesce(c.review_cycle_days, 90) AS review_cycle_days, c.next_review_on,
           c.first_name, coalesce(c.first_father_name, '') AS first_father_name,
           coalesce(c.first_grandfather_name, '') AS first_grandfather_name,
           coalesce(c.first_family_name, '') AS first_family_name,
           coalesce(c.first_latin_name, '') AS first_latin_name, c.first_sex,
           c.first_birth_date, c.first_nationality,
           nullif(c.first_national_number, '') AS first_national_number,
           nullif(c.first_passport_number, '') AS first_passport_number,
           c.first_passport_expiry,
           c.second_name, coalesce(c.second_father_name, '') AS second_father_name,
           coalesce(c.second_grandfather_name, '') AS second_grandfather_name,
           coalesce(c.second_family_name, '') AS second_family_name,
           coalesce(c.second_latin_name, '') AS second_latin_name, c.second_sex,
           c.second_birth_date, c.second_nationality,
           nullif(c.second_national_number, '') AS second_national_number,
           nullif(c.second_passport_number, '') AS second_passport_number,
           c.second_passport_expiry,
           nextval('public.case_file_id_seq'::regclass) AS case_id,
           nextval('public.person_id_seq'::regclass) AS first_id,
           CASE WHEN c.kind = 'marriage' THEN nextval('public.person_id_seq'::regclass) END
             AS second_id
      FROM unnest(p_cases) c
  ),
  first_numbers AS MATERIALIZED (
    SELECT i.committee_id, i.year,
           public.lajna_take_file_numbers(i.committee_id, i.year, count(*)::integer) AS first
      FROM input i GROUP BY i.committee_id, i.year
  ),
  numbered AS MATERIALIZED (
    SELECT x.*, cm.file_prefix || '/' || x.year || '/'
                || lpad(x.number::text, greatest(5, length(x.number::text)), '0') AS file_number,
           public.lajna_words(x.first_name, x.first_father_name, x.first_grandfather_name,
                              x.first_family_name) AS first_full_name,
           public.lajna_words(x.second_name, x.second_father_name, x.second_grandfather_name,
                              x.second_family_name) AS second_full_name
      FROM (SELECT i.*, n.first + row_number() OVER w - 1 AS number
              FROM input i JOIN first_numbers n USING (committee_id, year)
            WINDOW w AS (PARTITION BY i.committee_id, i.year ORDER BY i.ordinal)) x
      JOIN public.committee cm ON cm.id = x.committee_id
  ),
  new_people AS (
    INSERT INTO public.person (id, name, father_name, grandfather_name, family_name, latin_name,
                               sex, birth_date, nationality, national_number, passport_number,
                               passport_expiry)
    OVERRIDING SYSTEM VALUE
    SELECT n.first_id, n.first_name, n.first_father_name, n.first_grandfather_name,
           n.first_family_name, n.first_latin_name, n.first_sex, n.first_birth_date,
           n.first_nationality, n.first_national_number, n.first_passport_number,
           n.first_passport_expiry
      FROM numbered n
    UNION ALL
    SELECT n.second_id, n.second_name, n.second_father_name, n.second_grandfather_name,
           n.second_family_name, n.second_latin_name, n.second_sex, n.second_birth_date,
           n.second_nationality, n.second_national_number, n.second_passport_number,
           n.second_passport_expiry
      FROM numbered n WHERE n.second_id IS NOT NULL
  ),
  new_files AS (
    INSERT INTO public.case_file (id, committee_id, kind, file_number, received_on, notes, title,
                                  search_text)
    OVERRIDING SYSTEM VALUE
    SELECT n.case_id, n.committee_id, n.kind, n.file_number, n.received_on, n.notes,
           public.lajna_file_title(n.kind, n.first_full_name, n.second_full_name,
                                   n.second_latin_name),
           public.lajna_file_search_text(n.kind, n.file_number, n.first_full_name,
                                         n.first_latin_name, n.first_national_number,
                                         n.first_passport_number, n.second_full_name,
                                         n.second_latin_name, n.second_national_number,
                                         n.second_passport_number, n.guardian_name,
                                         n.court_case_number)
      FROM numbered n
  ),
  new_marriages AS (
    INSERT INTO public.marriage_case (case_id, libyan_party_id, foreign_party_id, direction,
                                      previous_marriages, residence)
    SELECT n.case_id, n.first_id, n.second_id, n.direction, n.previous_marriages, n.residence
      FROM numbered n WHERE n.kind = 'marriage'
  ),
  new_juveniles AS (
    INSERT INTO public.juvenile_case (case_id, juvenile_id, guardian_name, guardian_relation,
                                      guardian_phone, facility, admission_date, court,
                                      court_case_number, charge_category, legal_status,
                                      programme, social_worker_id, psychologist_id,
                                      review_cycle_days, next_review_on)
    SELECT n.case_id, n.first_id, n.guardian_name, n.guardian_relation, n.guardian_phone,
           n.facility, n.admission_date, n.court, n.court_case_number, n.charge_category,
           n.legal_status, n.programme, n.social_worker_id, n.psychologist_id,
           n.review_cycle_days,
           coalesce(n.next_review_on, n.admission_date + n.review_cycle_days)
      FROM numbered n WHERE n.kind = 'juvenile'
  ),
  history AS (
    INSERT INTO public.case_history (case_id, from_status, to_status)
    SELECT n.case_id, NULL, 'registered' FROM numbered n
  ),
  audit AS (
    SELECT public.lajna_audit('case.create', 'case_file',
                              CASE WHEN count(*) = 1 THEN min(p.case_id) END,
                              jsonb_build_object('files', jsonb_agg(p.case_id ORDER BY p.ordinal)))
      FROM (SELECT n.case_id, n.ordinal, (row_number() OVER (ORDER BY n.ordinal) - 1) / 2000 AS part
              FROM numbered n) p
     GROUP BY p.part
  )
  SELECT n.ordinal, n.case_id, n.file_number
    FROM numbered n CROSS JOIN (SELECT count(*) FROM audit) a
   ORDER BY n.ordinal
$$;

-- A file as JSON, at position p_ordinal, as lajna_cases_register() takes
-- it: the file's keys, with the parties' (libyan_party or juvenile, and
-- foreign_party) prefixed with first_ and second_.
CREATE OR REPLACE FUNCTION lajna_new_case_of(p_case jsonb, p_ordinal integer) RETURNS lajna_new_case
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT jsonb_populate_record(NULL::public.lajna_new_case,
           p_case || jsonb_build_object('ordinal', p_ordinal)
           || coalesce((SELECT jsonb_object_agg('first_' || e.key, e.value)
                          FROM jsonb_each(CASE WHEN p_case ->> 'kind' = 'marriage'
                                               THEN p_case -> 'libyan_party'
                                               ELSE p_case -> 'juvenile' END) e), '{}')
           || coalesce((SELECT jsonb_object_agg('second_' || e.key, e.value)
                          FROM jsonb_each(p_case -> 'foreign_party') e), '{}'))
$$;

-- Registers a form's files, a JSON array of them, as lajna_cases_register()
-- registers staged rows.
CREATE OR REPLACE FUNCTION lajna_case_create(p_cases jsonb)
RETURNS TABLE (ordinal bigint, case_id bigint, file_number text)
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT r.ordinal::bigint, r.case_id, r.file_number
    FROM public.lajna_cases_register(ARRAY(
           SELECT public.lajna_new_case_of(t.c, t.o::integer)
             FROM jsonb_array_elements(p_cases) WITH ORDINALITY AS t (c, o))) r
$$;

-- Refuses unless pg_temp.lajna_case_staging is the table that
-- lajna_case_staging_open() made: a table or a view of that name made by
-- anyone else is never used.
CREATE OR REPLACE FUNCTION lajna_case_staging_check() RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_class c
                  WHERE c.oid = to_regclass('pg_temp.lajna_case_staging')
                    AND c.relkind = 'r' AND c.relpersistence = 't'
                    AND c.reloftype = 'public.lajna_new_case'::regtype
                    AND c.relowner = (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user))
  THEN
    RAISE EXCEPTION 'pg_temp.lajna_case_staging was not made by lajna_case_staging_open()'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;

-- The session's staging table for this transaction, made with the
-- owner's rights (nobody else makes temporary tables: model/db/access.sql)
-- for those who register files: they may fill it, read it and empty it,
-- and only through this session (a temporary table is its session's
-- alone).
CREATE OR REPLACE FUNCTION lajna_case_staging_open() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT public.lajna_acting_superuser()
     AND NOT has_table_privilege(public.lajna_actor(), 'public.case_file', 'INSERT') THEN
    RAISE EXCEPTION 'only those who register files may stage them'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF to_regclass('pg_temp.lajna_case_staging') IS NULL THEN
    CREATE TEMPORARY TABLE lajna_case_staging OF public.lajna_new_case ON COMMIT DROP;
    GRANT SELECT, INSERT, TRUNCATE ON pg_temp.lajna_case_staging TO PUBLIC;
  ELSE
    PERFORM public.lajna_case_staging_check();
    TRUNCATE pg_temp.lajna_case_staging;
  END IF;
END $$;

-- Registers the rows staged so far, with the caller's rights, and empties
-- the staging table for the next ones.
CREATE OR REPLACE FUNCTION lajna_case_create_staged()
RETURNS TABLE (ordinal integer, case_id bigint, file_number text)
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM public.lajna_case_staging_check();
  RETURN QUERY
    SELECT r.ordinal, r.case_id, r.file_number
      FROM public.lajna_cases_register(ARRAY(
             SELECT s::public.lajna_new_case FROM pg_temp.lajna_case_staging s)) r;
  TRUNCATE pg_temp.lajna_case_staging;
END $$;

-- Saves an edited file: p_case has the JSON shape lajna_case_create()
-- takes (committee and kind cannot change). Refused with SQLSTATE LJ409
-- when the file's row version is not p_row_version, that is when another
-- workstation saved it after this one read it. Returns the new row
-- version.
CREATE OR REPLACE FUNCTION lajna_case_update(p_case_id bigint, p_row_version integer, p_case jsonb)
RETURNS integer LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
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
-- lajna_case_update() takes, with a party's fields under "role.column":
-- what a form loads and what lajna_case_update() takes back.
CREATE OR REPLACE FUNCTION lajna_case_values(p_case_id bigint)
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

-- ---------------------------------------------------------------------
-- Functions: a file's people, their likely duplicates and earlier decisions.

-- The parties of a file, with their role.
CREATE OR REPLACE FUNCTION lajna_case_parties(p_case_id bigint)
RETURNS TABLE (role text, person_id bigint)
LANGUAGE sql STABLE AS $$
  SELECT 'libyan_party', libyan_party_id FROM marriage_case WHERE case_id = p_case_id
  UNION ALL SELECT 'foreign_party', foreign_party_id FROM marriage_case WHERE case_id = p_case_id
  UNION ALL SELECT 'juvenile', juvenile_id FROM juvenile_case WHERE case_id = p_case_id
$$;

-- The files of a person, with their role on each.
CREATE OR REPLACE FUNCTION lajna_person_cases(p_person_id bigint)
RETURNS TABLE (case_id bigint, role text)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT m.case_id, 'libyan_party' FROM marriage_case m WHERE m.libyan_party_id = p_person_id
  UNION ALL SELECT m.case_id, 'foreign_party' FROM marriage_case m
             WHERE m.foreign_party_id = p_person_id
  UNION ALL SELECT j.case_id, 'juvenile' FROM juvenile_case j WHERE j.juvenile_id = p_person_id;
END;

-- Duplicate candidates while a file is being registered, before its
-- parties exist, by the values typed into the form: the same national
-- number, the same passport of the same nationality, or the same birth date
-- with a name alike.
CREATE OR REPLACE FUNCTION lajna_people_like(p_name_norm text, p_birth_date date, p_national_number text,
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

-- The likely duplicates of a person on record, by lajna_people_like().
CREATE OR REPLACE FUNCTION lajna_person_duplicates(p_person_id bigint, p_threshold real DEFAULT 0.5)
RETURNS TABLE (person_id bigint, reason text, score real)
LANGUAGE sql STABLE AS $$
  SELECT l.person_id, l.reason, l.score
    FROM person p
    CROSS JOIN LATERAL lajna_people_like(p.name_norm, p.birth_date, p.national_number,
                                         p.passport_number, p.nationality, p_threshold) l
   WHERE p.id = p_person_id AND l.person_id <> p.id
$$;

-- A clerk's duplicate verdict is a write like any other.
CREATE OR REPLACE FUNCTION lajna_mark_duplicate(p_person bigint, p_other bigint, p_same boolean)
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO duplicate_verdict (person_low, person_high, same_person)
  VALUES (least(p_person, p_other), greatest(p_person, p_other), p_same)
  ON CONFLICT (person_low, person_high) DO UPDATE
    SET same_person = EXCLUDED.same_person, decided_by = current_user, decided_at = now();
  SELECT lajna_audit('person.duplicate_verdict', 'person', least(p_person, p_other),
                     jsonb_build_object('other', greatest(p_person, p_other), 'same', p_same));
$$;

-- Other files whose parties may be a party of this file: the same person
-- on another file, or a candidate of lajna_person_duplicates(), less those
-- a clerk said are not duplicates; a pair a clerk confirmed says so.
CREATE OR REPLACE FUNCTION lajna_case_duplicates(p_case_id bigint, p_threshold real DEFAULT 0.5)
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

-- The files of people like p_person, with the latest decision in force
-- that refused, deferred or referred them, when a clerk registers a
-- person like one on record.
CREATE OR REPLACE FUNCTION lajna_intake_duplicates(p_person jsonb, p_threshold real DEFAULT 0.5)
RETURNS TABLE (case_id bigint, file_number text, title text, role text, reason text,
               score real, earlier_outcome text)
LANGUAGE sql STABLE AS $$
  SELECT cp.case_id, cf.file_number, cf.title, cp.role, l.reason, l.score,
         (SELECT d.outcome FROM decision_now d
           WHERE d.case_id = cp.case_id AND d.outcome IN ('reject', 'defer', 'refer_to_court')
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

-- Earlier decisions shown at intake: the rejections, deferrals and
-- referrals to court in force on the files lajna_case_duplicates() links
-- to this one (the same person, or a likely duplicate).
CREATE OR REPLACE FUNCTION lajna_case_earlier_decisions_all(p_case_id bigint)
RETURNS TABLE (other_case_id bigint, outcome text, decided_on date, reason text)
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT d.case_id, d.outcome, d.decided_on, c.reason
    FROM lajna_case_duplicates(p_case_id) c
    JOIN decision_now d ON d.case_id = c.other_case_id
   WHERE d.outcome IN ('reject', 'defer', 'refer_to_court')
   ORDER BY d.decided_on DESC, d.id
$$;

-- The same, for all who read the file, members too: the people are
-- matched by identity numbers that members do not read, so the match runs
-- with the owner's rights, for a file the caller sees, and names only files
-- the caller sees.
CREATE OR REPLACE FUNCTION lajna_case_earlier_decisions(p_case_id bigint)
RETURNS TABLE (other_case_id bigint, outcome text, decided_on date, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT e.other_case_id, e.outcome, e.decided_on, e.reason
    FROM public.lajna_case_earlier_decisions_all(p_case_id) e
    JOIN public.case_file o ON o.id = e.other_case_id
    JOIN public.case_file c ON c.id = p_case_id
   WHERE public.lajna_acting_superuser()
      OR (c.committee_id = ANY (public.lajna_my_committees())
          AND o.committee_id = ANY (public.lajna_my_committees()))
   ORDER BY e.decided_on DESC
$$;

-- The files a national or passport number belongs to; a caller without
-- the column privilege is refused by PostgreSQL.
CREATE OR REPLACE FUNCTION lajna_cases_with_number(p_number text) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
  SELECT pc.case_id
    FROM person p CROSS JOIN LATERAL lajna_person_cases(p.id) pc
   WHERE p.national_number = upper(p_number) OR p.passport_number = upper(p_number)
$$;

-- Whether p_person is a party of a file of the committees of the person
-- acting.
CREATE OR REPLACE FUNCTION lajna_person_of_my_committees(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE
RETURN EXISTS (SELECT FROM lajna_person_cases(p_person) pc
                WHERE lajna_case_of_my_committees(pc.case_id));

-- ---------------------------------------------------------------------
-- Functions: a file's checklist and the steps of its status.
--
-- A file is complete («مكتمل») or scheduled only with its checklist met,
-- whatever way it gets there: a step taken by hand, a status written
-- directly, a file inserted so, a file taken off an agenda or not decided
-- at its meeting, a juvenile's periodic review falling due. A file that
-- waits again once its documents have lapsed (a passport expired while it
-- sat on an agenda) waits for its documents instead of for a meeting.
-- Nobody is exempt, the server's own account included: it is the account
-- the app uses on the embedded database. A superuser's session loading
-- files in any status (a test's fixtures) says so in lajna.load_history;
-- the demo loads its history with the triggers off.

-- The facts of a file that rules can depend on; '' holds for every file.
CREATE OR REPLACE FUNCTION lajna_case_facts(p_case_id bigint) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT ARRAY[''] || coalesce((
    SELECT array_remove(ARRAY[
             CASE WHEN NOT c.arab_league THEN 'foreign_non_arab' END,
             m.direction,
             CASE WHEN m.previous_marriages > 0 THEN 'previously_married' END], NULL)
      FROM marriage_case m
      JOIN person f ON f.id = m.foreign_party_id
      JOIN country c ON c.code = f.nationality
     WHERE m.case_id = p_case_id), '{}')
$$;

-- One row per document type the file needs. A document counts while it is
-- valid: its type's validity from its issue date, and for a passport the
-- passport's own expiry on the foreign party.
CREATE OR REPLACE FUNCTION lajna_case_checklist(p_case_id bigint)
RETURNS TABLE (type_code text, mandatory boolean, state text, valid_until date)
LANGUAGE sql STABLE AS $$
  WITH needed AS (
    SELECT r.type_code, bool_or(r.mandatory) AS mandatory
      FROM checklist_rule r
      JOIN case_file cf ON cf.id = p_case_id AND cf.kind = r.kind
     WHERE r.applies_when = ANY (lajna_case_facts(p_case_id))
     GROUP BY r.type_code
  ), held AS (
    SELECT d.type_code,
           max(CASE
                 WHEN d.type_code = 'passport' THEN
                   (SELECT p.passport_expiry FROM marriage_case m JOIN person p ON p.id = m.foreign_party_id
                     WHERE m.case_id = p_case_id)
                 WHEN t.valid_days IS NULL THEN 'infinity'::date
                 ELSE coalesce(d.issued_on, d.added_at::date) + t.valid_days
               END) AS valid_until
      FROM document d
      JOIN document_type t ON t.code = d.type_code
     WHERE d.case_id = p_case_id
     GROUP BY d.type_code
  )
  SELECT n.type_code, n.mandatory,
         CASE WHEN h.type_code IS NULL THEN 'missing'
              WHEN coalesce(h.valid_until, 'infinity') < current_date THEN 'expired'
              ELSE 'satisfied' END,
         CASE WHEN h.valid_until = 'infinity' THEN NULL ELSE h.valid_until END
    FROM needed n
    LEFT JOIN held h ON h.type_code = n.type_code
   ORDER BY n.type_code
$$;

-- The mandatory documents a file lacks (missing or expired): what keeps it
-- off a meeting's agenda.
CREATE OR REPLACE FUNCTION lajna_case_lacking(p_case_id bigint)
RETURNS TABLE (type_code text, state text)
LANGUAGE sql STABLE AS $$
  SELECT c.type_code, c.state
    FROM lajna_case_checklist(p_case_id) c
   WHERE c.mandatory AND c.state <> 'satisfied'
$$;

-- Why a file cannot go to p_to although the step exists, NULL when it
-- can: becoming complete or scheduled needs the checklist met, and the
-- lacking documents are named with their state ("police_clearance
-- (expired), passport (missing)").
CREATE OR REPLACE FUNCTION lajna_case_blocked_reason(p_case_id bigint, p_to text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT string_agg(l.type_code || ' (' || l.state || ')', ', ' ORDER BY l.type_code)
    FROM lajna_case_lacking(p_case_id) l
   WHERE p_to IN ('complete', 'scheduled')
$$;

-- The steps a file may take by hand from its current status, forward
-- steps first in workflow order, each with why it is blocked (NULL when
-- it is not).
CREATE OR REPLACE FUNCTION lajna_case_next_steps(p_case_id bigint)
RETURNS TABLE (to_status text, blocked_reason text)
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  WITH workflow (statuses) AS (
    VALUES (ARRAY['registered', 'documents_pending', 'complete', 'scheduled', 'decided',
                  'deferred', 'ruling_issued', 'signed', 'delivered'])
  )
  SELECT t.to_status, lajna_case_blocked_reason(p_case_id, t.to_status)
    FROM case_file f
    JOIN case_transition t
      ON t.from_status = f.status AND (t.kind IS NULL OR t.kind = f.kind) AND t.manual
   CROSS JOIN workflow w
   WHERE f.id = p_case_id
   ORDER BY array_position(w.statuses, t.to_status) < array_position(w.statuses, t.from_status),
            array_position(w.statuses, t.to_status)
$$;

-- Whether the session loads history as it was, not steps taken in it:
-- only a session opened by a superuser, who could bypass any rule, may say
-- so.
CREATE OR REPLACE FUNCTION lajna_loading_history() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user),
                false)
       AND coalesce(current_setting('lajna.load_history', true), '') = 'on';

-- The documents a file lacks, as a refusal gives them to the client: a
-- first line "lajna:documents", then one line a document with its state,
-- Arabic name and English name separated by tabs; NULL when none lacks.
CREATE OR REPLACE FUNCTION lajna_case_lacking_detail(p_case_id bigint) RETURNS text
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT 'lajna:documents'
         || string_agg(E'\n' || l.state || E'\t' || t.name_ar || E'\t' || t.name_en, ''
                       ORDER BY l.state, t.code)
    FROM lajna_case_lacking(p_case_id) l
    JOIN document_type t ON t.code = l.type_code;
END;

-- Refuses file p_case_id going to p_to while its checklist is not met,
-- naming what it lacks.
CREATE OR REPLACE FUNCTION lajna_case_require_documents(p_case_id bigint, p_to text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_lacking text := lajna_case_blocked_reason(p_case_id, p_to);
BEGIN
  IF v_lacking IS NOT NULL THEN
    RAISE EXCEPTION 'file % cannot be % while documents are lacking: %', p_case_id, p_to,
                    v_lacking
      USING ERRCODE = 'check_violation', DETAIL = lajna_case_lacking_detail(p_case_id),
            HINT = CASE p_to WHEN 'scheduled' THEN 'lajna:checklist'
                             ELSE 'lajna:complete_checklist' END;
  END IF;
END $$;

-- Every write of a file's status into complete or scheduled, by any
-- function or client.
CREATE OR REPLACE FUNCTION lajna_case_check_documents() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF (TG_OP = 'UPDATE' AND OLD.status = NEW.status) OR lajna_loading_history() THEN
    RETURN NULL;
  END IF;
  PERFORM lajna_case_require_documents(NEW.id, NEW.status);
  RETURN NULL;
END $$;

-- Moves file p_case_id to p_to by a step of case_transition, with its
-- history and audit event; a step a ruling takes only as the ruling
-- stands. The checklist is checked by the trigger case_file_documents.
CREATE OR REPLACE FUNCTION lajna_case_set_status(p_case_id bigint, p_to text,
                                                 p_note text DEFAULT '')
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_from    text;
  v_kind    text;
  v_manual  boolean;
BEGIN
  SELECT status, kind INTO v_from, v_kind FROM case_file WHERE id = p_case_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'case file % does not exist', p_case_id USING ERRCODE = 'no_data_found';
  END IF;
  SELECT bool_and(t.manual) INTO v_manual FROM case_transition t
   WHERE t.from_status = v_from AND t.to_status = p_to AND (t.kind IS NULL OR t.kind = v_kind);
  IF v_manual IS NULL THEN
    RAISE EXCEPTION 'a file cannot go from % to %', v_from, p_to USING ERRCODE = 'check_violation';
  END IF;
  IF NOT v_manual AND lajna_case_ruling_status(p_case_id) IS DISTINCT FROM p_to THEN
    PERFORM lajna_refuse(format('file %s becomes %s through its ruling, not by hand',
                                p_case_id, p_to), 'ruling_step');
  END IF;
  UPDATE case_file SET status = p_to, row_version = row_version + 1, updated_at = now()
   WHERE id = p_case_id;
  INSERT INTO case_history (case_id, from_status, to_status, note)
  VALUES (p_case_id, v_from, p_to, p_note);
  PERFORM lajna_audit('case.status', 'case_file', p_case_id,
                      jsonb_build_object('from', v_from, 'to', p_to));
END $$;

-- A file waits again, for a meeting when its checklist is met, for its
-- documents otherwise.
CREATE OR REPLACE FUNCTION lajna_case_wait_again(p_case_id bigint, p_note text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_case_set_status(p_case_id,
                                CASE WHEN lajna_case_blocked_reason(p_case_id, 'complete') IS NULL
                                     THEN 'complete' ELSE 'documents_pending' END,
                                p_note);
END $$;

-- A file's status moves only by the steps of case_transition, whoever
-- writes it: clerks may update files and the chair and signatories may
-- write a status, and without this a clerk could mark a file "ruling
-- issued" without a ruling, or send a decided file back to registered, by
-- writing the column. Every write takes a step of the file's kind, and a
-- ruling's own step (issued, signed) only as its ruling stands. A decision
-- corrected while its meeting sits, or after it, moves a decided or
-- deferred file to what the decision in force makes it. The server's own
-- account, which row-level security does not bind either, is not held to
-- it: it loads the demo's history and the tests' files in any status.
CREATE OR REPLACE FUNCTION lajna_check_status_step() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_manual boolean;
BEGIN
  IF public.lajna_acting_superuser() THEN
    RETURN NEW;
  END IF;
  SELECT bool_and(t.manual) INTO v_manual FROM public.case_transition t
   WHERE t.from_status = OLD.status AND t.to_status = NEW.status
     AND (t.kind IS NULL OR t.kind = NEW.kind);
  IF v_manual
     OR (NOT v_manual AND public.lajna_case_ruling_status(NEW.id) = NEW.status) THEN
    RETURN NEW;
  END IF;
  IF OLD.status IN ('decided', 'deferred')
     AND NEW.status = (SELECT o.to_status
                         FROM public.decision d
                         JOIN public.decision_outcome o ON o.code = d.outcome
                        WHERE d.id = public.lajna_case_decision(NEW.id)) THEN
    RETURN NEW;
  END IF;
  PERFORM public.lajna_refuse(format('file %s cannot go from %s to %s', NEW.id, OLD.status,
                                     NEW.status), 'status_step');
  RETURN NULL;
END $$;

-- A file stays with the committee that registered it: its number is of
-- that committee's series, its meetings, decisions and rulings are that
-- committee's, and the statistics count it, its decisions and its reviews
-- there. Nothing in Lajna moves a file, but a clerk of two committees may
-- update its row, and row-level security lets the row go to any committee
-- the clerk serves. No account, the server's own included, moves it.
CREATE OR REPLACE FUNCTION lajna_check_file_committee() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM public.lajna_refuse(format('file %s belongs to committee %s', OLD.id,
                                     OLD.committee_id), 'file_committee');
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Functions: dates, and the notices of a file's changes.

-- ---------------------------------------------------------------------
-- Dates.

-- The day the database works on: the server's today. A session opened
-- by a superuser (who could bypass any rule), whatever role it acts as,
-- may name another in lajna.today, as the tests do to hold a meeting on
-- the day they give.
CREATE OR REPLACE FUNCTION lajna_today() RETURNS date
LANGUAGE sql STABLE
RETURN CASE WHEN (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user)
            THEN coalesce(nullif(current_setting('lajna.today', true), '')::date, current_date)
            ELSE current_date END;

-- Announces a change of a file (its status, its documents) on channel
-- lajna_case, recorded in case_notice; a change of the documents of a file
-- on an agenda is announced to the meeting too (lajna_meeting).
CREATE OR REPLACE FUNCTION lajna_case_noticed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_row     jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
  v_case    bigint;
  v_seq     bigint;
  v_meeting bigint;
BEGIN
  v_case := CASE TG_TABLE_NAME WHEN 'case_file' THEN (v_row ->> 'id')::bigint
                               ELSE (v_row ->> 'case_id')::bigint END;
  INSERT INTO public.case_notice (case_id, what)
  VALUES (v_case, TG_TABLE_NAME || '.' || lower(TG_OP)) RETURNING seq INTO v_seq;
  PERFORM pg_notify('lajna_case', v_case || ' ' || v_seq);
  IF TG_TABLE_NAME = 'document' THEN
    FOR v_meeting IN SELECT DISTINCT i.meeting_id FROM public.agenda_item i
                      WHERE i.case_id = v_case LOOP
      INSERT INTO public.meeting_change (meeting_id, what)
      VALUES (v_meeting, 'document.' || lower(TG_OP)) RETURNING seq INTO v_seq;
      PERFORM pg_notify('lajna_meeting', v_meeting || ' ' || v_seq);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Functions: a file's follow-up (case_follow_up): what the list's filters
-- ask of a file that waits or has a review date, kept by triggers.

-- Until when file p_case's mandatory documents are all valid: NULL while
-- one is missing, 'infinity' when none expires. The checklist's functions
-- search the schema: the functions below, which search pg_catalog and
-- pg_temp alone, read it through this one.
CREATE OR REPLACE FUNCTION lajna_case_documents_met_until(p_case bigint) RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE WHEN bool_or(l.state = 'missing') THEN NULL
              ELSE coalesce(min(coalesce(l.valid_until, 'infinity')), 'infinity') END
    FROM public.lajna_case_checklist(p_case) l
   WHERE l.mandatory
$$;

-- Works out file p_case's row again from its status, checklist, history
-- and review date, with the owner's rights: whoever changed the file
-- cannot write the row themselves.
CREATE OR REPLACE FUNCTION lajna_follow_up_refresh(p_case bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_committee integer;
  v_status    text;
  v_waiting   boolean;
  v_review    date;
BEGIN
  SELECT c.committee_id, c.status, j.next_review_on INTO v_committee, v_status, v_review
    FROM public.case_file c LEFT JOIN public.juvenile_case j ON j.case_id = c.id
   WHERE c.id = p_case;
  v_waiting := v_status IN ('registered', 'documents_pending', 'complete', 'deferred');
  IF NOT coalesce(v_waiting, false) AND v_review IS NULL THEN
    DELETE FROM public.case_follow_up WHERE case_id = p_case;
    RETURN;
  END IF;
  INSERT INTO public.case_follow_up (case_id, committee_id, documents_met_until, pending_since,
                                     next_review_on)
  SELECT p_case, v_committee,
         CASE WHEN v_waiting THEN public.lajna_case_documents_met_until(p_case)
         ELSE 'infinity' END,
         CASE WHEN v_status = 'documents_pending' THEN
           (SELECT max(h.at) FROM public.case_history h
             WHERE h.case_id = p_case AND h.to_status = 'documents_pending')
         END,
         v_review
  ON CONFLICT (case_id) DO UPDATE
     SET committee_id = EXCLUDED.committee_id, documents_met_until = EXCLUDED.documents_met_until,
         pending_since = EXCLUDED.pending_since, next_review_on = EXCLUDED.next_review_on;
END $$;

-- The files a changed row bears on: its own file, or a person's files as
-- the foreign party (their nationality and passport are checklist facts).
CREATE OR REPLACE FUNCTION lajna_follow_up_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_row  jsonb;
  v_case bigint;
BEGIN
  FOREACH v_row IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                               CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END] LOOP
    CONTINUE WHEN v_row IS NULL;
    IF TG_TABLE_NAME = 'person' THEN
      FOR v_case IN SELECT m.case_id FROM public.marriage_case m
                     WHERE m.foreign_party_id = (v_row ->> 'id')::bigint LOOP
        PERFORM public.lajna_follow_up_refresh(v_case);
      END LOOP;
    ELSE
      PERFORM public.lajna_follow_up_refresh(
        (v_row ->> CASE TG_TABLE_NAME WHEN 'case_file' THEN 'id' ELSE 'case_id' END)::bigint);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- A rule or a document type changed: every file that waits is judged again.
CREATE OR REPLACE FUNCTION lajna_follow_up_rules_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM public.lajna_follow_up_refresh(c.id) FROM public.case_file c
    WHERE c.status IN ('registered', 'documents_pending', 'complete', 'deferred');
  RETURN NULL;
END $$;

-- Files loaded with the triggers off (the demo) get their rows here.
CREATE OR REPLACE FUNCTION lajna_follow_up_fill() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_follow_up_refresh(c.id) FROM public.case_file c
    LEFT JOIN public.juvenile_case j ON j.case_id = c.id
   WHERE c.status IN ('registered', 'documents_pending', 'complete', 'deferred')
      OR j.next_review_on IS NOT NULL
$$;

-- ---------------------------------------------------------------------
-- Functions: who writes a file's rows.

-- Whether the statement running is the application's own (a function
-- running with the owner's rights), not a person's.
CREATE OR REPLACE FUNCTION lajna_by_owner(p_table oid) RETURNS boolean
LANGUAGE sql STABLE
RETURN pg_catalog.pg_has_role(current_user,
                              (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = p_table),
                              'MEMBER');

-- Whether the rows of p_cases are refused to the writer, checked as the
-- writer: a person writes rows of their committees' files; the
-- application's own functions (p_by_owner), also of the files they work
-- on.
CREATE OR REPLACE FUNCTION lajna_case_committee_refused(p_cases bigint[], p_by_owner boolean)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT public.lajna_acting_superuser() AND EXISTS (
    SELECT FROM public.case_file c
     WHERE c.id = ANY (p_cases) AND NOT c.committee_id = ANY (public.lajna_my_committees())
       AND NOT (p_by_owner AND c.id = ANY (public.lajna_my_cases())))
$$;

-- ---------------------------------------------------------------------
-- Triggers: a file's title and search text, and its field history.

CREATE OR REPLACE TRIGGER person_search AFTER UPDATE ON person
  FOR EACH ROW EXECUTE FUNCTION lajna_person_changed();

CREATE OR REPLACE TRIGGER case_file_changes AFTER UPDATE ON case_file
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();

CREATE OR REPLACE TRIGGER marriage_case_changes AFTER UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();

CREATE OR REPLACE TRIGGER juvenile_case_changes AFTER UPDATE ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();

CREATE OR REPLACE TRIGGER person_changes AFTER UPDATE ON person
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();

CREATE OR REPLACE TRIGGER marriage_case_search AFTER UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_party_changed();

CREATE OR REPLACE TRIGGER juvenile_case_search AFTER UPDATE ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_party_changed();

CREATE OR REPLACE TRIGGER marriage_case_search_added AFTER INSERT ON marriage_case
  REFERENCING NEW TABLE AS new_files
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_parties_added();

CREATE OR REPLACE TRIGGER juvenile_case_search_added AFTER INSERT ON juvenile_case
  REFERENCING NEW TABLE AS new_files
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_parties_added();

-- ---------------------------------------------------------------------
-- Triggers: notices, the checklist, the follow-up and the status.

CREATE OR REPLACE TRIGGER case_noticed AFTER INSERT OR UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION lajna_case_noticed();

CREATE OR REPLACE TRIGGER case_noticed AFTER UPDATE OF status ON case_file
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION lajna_case_noticed();

CREATE OR REPLACE TRIGGER case_file_documents AFTER INSERT OR UPDATE OF status ON case_file
  FOR EACH ROW WHEN (NEW.status IN ('complete', 'scheduled'))
  EXECUTE FUNCTION lajna_case_check_documents();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT OR UPDATE OF status, kind, committee_id ON case_file
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT ON case_history
  FOR EACH ROW WHEN (NEW.to_status = 'documents_pending')
  EXECUTE FUNCTION lajna_follow_up_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT OR UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT OR UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT OR UPDATE OF next_review_on ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER UPDATE OF nationality, passport_expiry ON person
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT OR UPDATE OR DELETE ON checklist_rule
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_follow_up_rules_changed();

CREATE OR REPLACE TRIGGER follow_up AFTER INSERT OR UPDATE OR DELETE ON document_type
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_follow_up_rules_changed();

CREATE OR REPLACE TRIGGER case_file_status_step BEFORE UPDATE OF status ON case_file
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION lajna_check_status_step();

CREATE OR REPLACE TRIGGER case_file_committee_fixed BEFORE UPDATE OF committee_id ON case_file
  FOR EACH ROW WHEN (OLD.committee_id IS DISTINCT FROM NEW.committee_id)
  EXECUTE FUNCTION lajna_check_file_committee();

-- ---------------------------------------------------------------------
-- Policies: the rule of every table hanging from a file, a meeting or a
-- ruling (model/db/access.sql makes them).
--
-- The history of an identity number is read by those who read the number.
DROP POLICY IF EXISTS numbers_read ON case_change;
CREATE POLICY numbers_read ON case_change AS RESTRICTIVE FOR SELECT USING (
  field NOT IN ('national_number', 'passport_number')
  OR has_column_privilege('person', 'national_number', 'SELECT'));

-- By committee, through the row's own column.
SELECT lajna_protect_by_committee('case_file', 'committee_id');

SELECT lajna_protect_by_committee('file_number_counter', 'committee_id');

-- Through the row's file.
SELECT lajna_protect_by_case('marriage_case', 'case_id');

SELECT lajna_protect_by_case('juvenile_case', 'case_id');

SELECT lajna_protect_by_case('case_history', 'case_id');

SELECT lajna_protect_by_case('case_change', 'case_id');

-- A person is seen through the files they are a party of; a person is
-- written before the file that names them (lajna_case_create()).
SELECT lajna_protect('person',
  'EXISTS (SELECT FROM lajna_person_cases(id) pc JOIN case_file c ON c.id = pc.case_id)', 'true');

SELECT lajna_protect('duplicate_verdict',
  'EXISTS (SELECT FROM person p WHERE p.id = person_low)'
  ' AND EXISTS (SELECT FROM person p WHERE p.id = person_high)');

-- Through juvenile_case, lajna_person_cases() hides the juvenile's person
-- row as well.
SELECT lajna_protect_names('juvenile_case', 'case_id');

SELECT lajna_protect_names('case_change', 'case_id');

-- Like meeting_change, a wake-up and not a record: seen through its file,
-- written only by the trigger case_noticed.
SELECT lajna_protect_rows('case_notice',
  'EXISTS (SELECT FROM case_file c WHERE c.id = case_id)', 'true');

-- Seen by the file's committees as the file is (a rule by the row's own
-- committee costs nothing a row, where one through its file costs a
-- lookup), and like case_notice written only by the triggers follow_up:
-- nobody else is granted more than SELECT.
SELECT lajna_protect_rows('case_follow_up',
  'committee_id = ANY ((SELECT lajna_my_committees())::integer[])', 'true');

-- A person, and a verdict on two people, are written only on the
-- committees of the files they are parties of.
SELECT lajna_hold_to_committees('person', 'lajna_person_of_my_committees(id)', false);

SELECT lajna_hold_to_committees('duplicate_verdict',
                                'lajna_person_of_my_committees(person_low)'
                                ' AND lajna_person_of_my_committees(person_high)', false);

