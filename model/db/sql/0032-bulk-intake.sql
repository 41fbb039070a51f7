-- Registering many files at once: a spreadsheet import streams its rows
-- with COPY into a temporary table of the session and registers them there
-- with one set of statements, instead of sending them as JSON.
--
--   lajna_case_staging_open()    makes pg_temp.lajna_case_staging for the
--                                transaction (the caller may not make
--                                temporary tables of their own: 0021);
--   COPY pg_temp.lajna_case_staging FROM STDIN;
--   lajna_case_create_staged()   registers the rows staged so far and
--                                empties the table.
--
-- The staged rows are the caller's input and nothing more: they are
-- registered with the caller's rights, by the statements that register a
-- form's file (lajna_cases_register()), so row-level security, the
-- constraints and the triggers judge each one as they judge a file sent
-- as JSON.
--
-- The statements run without JIT compilation, whoever calls them: with
-- sequential scans off (see lajna_case_create() in 0008), each small query
-- of the triggers they fire is costed above the JIT thresholds, and would
-- be compiled at about a tenth of a second each. (The app's own sessions
-- run without JIT anyway.)

-- A file to register, its parties side by side: the first is the Libyan
-- party or the juvenile, the second the foreign party. A missing value
-- takes the schema's default as a JSON file's missing key does (0008's
-- lajna_*_input()): a text is empty, an empty identity number is none, a
-- count of previous marriages is 0, a review cycle 90 days; a missing next
-- review follows from the admission date.
CREATE TYPE lajna_new_case AS (
  ordinal                 integer,
  committee_id            integer,
  kind                    text,
  received_on             date,
  notes                   text,
  direction               text,
  previous_marriages      integer,
  residence               text,
  guardian_name           text,
  guardian_relation       text,
  guardian_phone          text,
  facility                text,
  admission_date          date,
  court                   text,
  court_case_number       text,
  charge_category         text,
  legal_status            text,
  programme               text[],
  social_worker_id        integer,
  psychologist_id         integer,
  review_cycle_days       integer,
  next_review_on          date,
  first_name              text,
  first_father_name       text,
  first_grandfather_name  text,
  first_family_name       text,
  first_latin_name        text,
  first_sex               char(1),
  first_birth_date        date,
  first_nationality       char(2),
  first_national_number   text,
  first_passport_number   text,
  first_passport_expiry   date,
  second_name             text,
  second_father_name      text,
  second_grandfather_name text,
  second_family_name      text,
  second_latin_name       text,
  second_sex              char(1),
  second_birth_date       date,
  second_nationality      char(2),
  second_national_number  text,
  second_passport_number  text,
  second_passport_expiry  date
);

-- Registers p_cases in one statement and returns each one's ordinal, id
-- and file number, by ordinal. Ids are drawn from the identity sequences
-- first, so that the parties, the file (with its title and search text)
-- and its details are written together, each row once; numbers are taken
-- per committee and year in the order of the ordinals. Each audit event
-- names at most 2,000 of the files, so that its detail stays within the
-- 64 KiB lajna_audit() takes. Sequential scans stay off, as in 0008, for
-- the foreign-key check of each party's nationality.
CREATE FUNCTION lajna_cases_register(p_cases lajna_new_case[])
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

-- A file in the JSON shape of 0008, at position p_ordinal, as
-- lajna_cases_register() takes it: the parties' keys prefixed with
-- first_ and second_.
CREATE FUNCTION lajna_new_case_of(p_case jsonb, p_ordinal integer) RETURNS lajna_new_case
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

-- 0008's entry point, for a form's file: the JSON array registered as
-- lajna_cases_register() registers staged rows.
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
CREATE FUNCTION lajna_case_staging_check() RETURNS void
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
-- owner's rights (0021: nobody else makes temporary tables) for those
-- who register files: they may fill it, read it and empty it, and only
-- through this session (a temporary table is its session's alone).
CREATE FUNCTION lajna_case_staging_open() RETURNS void
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
CREATE FUNCTION lajna_case_create_staged()
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

-- Files loaded in bulk by earlier versions of `lajnactl demo` came without
-- the counters that number files, so that the first file of each of their
-- committees and years read all of the committee's files for the highest
-- number (lajna_take_file_numbers()). Those counters are made here, once,
-- as that first file would have made them.
SET LOCAL row_security = off;
INSERT INTO file_number_counter (committee_id, year, last_number)
SELECT f.committee_id, split_part(f.file_number, '/', 2)::integer,
       max(split_part(f.file_number, '/', 3)::integer)
  FROM case_file f JOIN committee c ON c.id = f.committee_id
 WHERE f.file_number ~ '^[^/]+/[0-9]{4}/[0-9]{1,9}$'
   AND split_part(f.file_number, '/', 1) = c.file_prefix
 GROUP BY 1, 2
ON CONFLICT (committee_id, year) DO NOTHING;
RESET row_security;
