-- Who sees names and identity numbers. Row-level security (0012) decides
-- which files a person sees; this decides what of them:
--   * national and passport numbers only to the roles that work with them
--     (clerk, chair, signatory, administrator): members and rapporteurs
--     read files without them, by column privileges;
--   * the administrator needs counts, not children: juvenile files are
--     listed to that role with the juvenile's initials, and the juvenile's
--     record, person and field history stay hidden (a restrictive policy);
--     the role reads files and writes none.
-- Column privileges belong to a person, not to a committee: someone who is
-- a clerk on one committee and a member on another reads numbers on both
-- (rows stay limited to their committees all the same).

-- "م. ع. ا." for "محمد علي الورفلي".
CREATE FUNCTION lajna_initials(p_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN nullif(rtrim(regexp_replace(btrim(p_name), '(\S)\S*\s*', '\1. ', 'g')), '');

-- The title as the list shows it to a role that does not read names.
ALTER TABLE case_file ADD COLUMN listed_title text GENERATED ALWAYS AS
  (CASE WHEN kind = 'juvenile' THEN coalesce(lajna_initials(title), '') ELSE title END) STORED;

CREATE OR REPLACE FUNCTION lajna_is_recorded_field(p_field text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN p_field NOT IN ('id', 'case_id', 'row_version', 'created_at', 'updated_at', 'title',
                       'listed_title', 'search_text', 'search_norm', 'full_name', 'name_norm',
                       'status');

-- The search text holds names and numbers that are not identity numbers
-- (the file's, the court case's): whoever reads a file's row may read
-- it. Identity numbers are found by exact match instead, by those who
-- may read them (lajna_cases_with_number). The number parameters stay for
-- the callers of 0008.
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

SELECT lajna_cases_refresh_search(array_agg(id)) FROM case_file;

-- The files a national or passport number belongs to; a caller without
-- the column privilege is refused by PostgreSQL.
CREATE FUNCTION lajna_cases_with_number(p_number text) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
  SELECT pc.case_id
    FROM person p CROSS JOIN LATERAL lajna_person_cases(p.id) pc
   WHERE p.national_number = upper(p_number) OR p.passport_number = upper(p_number)
$$;

-- The committees on which the person acting reads names.
CREATE FUNCTION lajna_name_committees() RETURNS integer[]
LANGUAGE sql STABLE
RETURN lajna_my_committees(ARRAY['clerk', 'member', 'rapporteur', 'chair', 'signatory']);

-- Rows of p_table that belong to a juvenile file (through p_column) are
-- seen only on the committees where the person reads names.
CREATE FUNCTION lajna_protect_names(p_table regclass, p_column text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE POLICY names_read ON %s AS RESTRICTIVE FOR SELECT USING ('
                 ' EXISTS (SELECT FROM case_file c WHERE c.id = %I AND (c.kind = ''marriage'''
                 ' OR c.committee_id = ANY ((SELECT lajna_name_committees())::integer[]))))',
                 p_table, p_column);
END $$;

-- Through juvenile_case, lajna_person_cases() hides the juvenile's person
-- row as well.
SELECT lajna_protect_names('juvenile_case', 'case_id');
SELECT lajna_protect_names('case_change', 'case_id');

-- The history of an identity number is read by those who read the number.
CREATE POLICY numbers_read ON case_change AS RESTRICTIVE FOR SELECT USING (
  field NOT IN ('national_number', 'passport_number')
  OR has_column_privilege('person', 'national_number', 'SELECT'));

-- p_table readable by p_role in every column but p_hidden, including
-- columns added after this runs (the grants are made again after a
-- restore and when a person is added).
CREATE FUNCTION lajna_grant_columns_but(p_table regclass, p_role text, p_hidden text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('REVOKE SELECT ON %s FROM %I', p_table, p_role);
  EXECUTE format('GRANT SELECT (%s) ON %s TO %I',
                 (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
                    FROM pg_attribute
                   WHERE attrelid = p_table AND attnum > 0 AND NOT attisdropped
                     AND attname <> ALL (p_hidden)),
                 p_table, p_role);
END $$;

ALTER FUNCTION lajna_grant_access() RENAME TO lajna_grant_committee_access;

-- Grants that later migrations add, made again with the others after a
-- restore and when a person is added: a migration inserts its statements.
CREATE TABLE access_grant (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  statement text NOT NULL
);
REVOKE ALL ON access_grant FROM PUBLIC;

CREATE FUNCTION lajna_grant_access() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_role      text;
  v_statement text;
BEGIN
  PERFORM lajna_grant_committee_access();
  FOREACH v_role IN ARRAY ARRAY['lajna_member', 'lajna_rapporteur', 'lajna_admin'] LOOP
    PERFORM lajna_grant_columns_but('person', v_role,
                                    ARRAY['national_number', 'passport_number']);
  END LOOP;
  PERFORM lajna_grant_columns_but('case_file', 'lajna_admin',
                                  ARRAY['title', 'search_text', 'search_norm']);
  REVOKE INSERT, UPDATE ON case_file, marriage_case, juvenile_case, person, case_history,
                           case_change, file_number_counter, duplicate_verdict
    FROM lajna_admin;
  FOR v_statement IN SELECT statement FROM access_grant ORDER BY id LOOP
    EXECUTE v_statement;
  END LOOP;
END $$;

SELECT lajna_grant_access();

-- Earlier decisions on a file's people are shown to all who read the file,
-- members too: the people are matched by identity numbers that members do
-- not read, so the match runs with the owner's rights, for a file the
-- caller sees, and names only files the caller sees.
ALTER FUNCTION lajna_case_earlier_decisions(bigint) RENAME TO lajna_case_earlier_decisions_all;

CREATE FUNCTION lajna_case_earlier_decisions(p_case_id bigint)
RETURNS TABLE (other_case_id bigint, outcome text, decided_on date, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT e.other_case_id, e.outcome, e.decided_on, e.reason
    FROM lajna_case_earlier_decisions_all(p_case_id) e
    JOIN case_file o ON o.id = e.other_case_id
    JOIN case_file c ON c.id = p_case_id
   WHERE lajna_acting_superuser()
      OR (c.committee_id = ANY (lajna_my_committees())
          AND o.committee_id = ANY (lajna_my_committees()))
   ORDER BY e.decided_on DESC
$$;
