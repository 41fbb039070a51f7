-- Files registered many in one statement (lajna_case_create(): the form,
-- and the spreadsheet import by the thousand) had their title and search
-- text refreshed by a row trigger: one UPDATE per file, planned anew each
-- time, about 0.6 ms a file, nine tenths of what registering a file cost.
-- A statement trigger now refreshes every file a statement added with one
-- UPDATE. Edits of a file or a person still refresh row by row.

-- The title and search text of the files p_case_ids, as 0001 describes them;
-- a file whose parties' names did not change is not written again.
CREATE FUNCTION lajna_cases_refresh_search(p_case_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE case_file c SET
    title = s.title,
    search_text = s.search_text
  FROM (
    SELECT m.case_id,
           l.full_name || ' - ' || coalesce(nullif(f.latin_name, ''), f.full_name) AS title,
           lajna_words(cf.file_number,
                       l.full_name, l.latin_name, l.national_number, l.passport_number,
                       f.full_name, f.latin_name, f.national_number, f.passport_number) AS search_text
      FROM marriage_case m
      JOIN case_file cf ON cf.id = m.case_id
      JOIN person l ON l.id = m.libyan_party_id
      JOIN person f ON f.id = m.foreign_party_id
     WHERE m.case_id = ANY (p_case_ids)
    UNION ALL
    SELECT j.case_id, p.full_name,
           lajna_words(cf.file_number,
                       p.full_name, p.latin_name, p.national_number, p.passport_number,
                       j.guardian_name, j.court_case_number)
      FROM juvenile_case j
      JOIN case_file cf ON cf.id = j.case_id
      JOIN person p ON p.id = j.juvenile_id
     WHERE j.case_id = ANY (p_case_ids)
  ) s
  WHERE c.id = s.case_id AND (c.title, c.search_text) IS DISTINCT FROM (s.title, s.search_text)
$$;

-- One file: the rule above, so that there is one.
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
