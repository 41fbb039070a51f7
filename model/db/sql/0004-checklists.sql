-- Document checklists: which documents a file needs follows from its kind
-- and facts (checklist_rule, editable by an administrator); each is
-- satisfied, missing or expired; a file cannot be scheduled for a meeting
-- while a mandatory one is not satisfied.

ALTER TABLE checklist_rule ADD COLUMN mandatory boolean NOT NULL DEFAULT true;

-- The facts of a file that rules can depend on; '' holds for every file.
CREATE FUNCTION lajna_case_facts(p_case_id bigint) RETURNS text[]
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
CREATE FUNCTION lajna_case_checklist(p_case_id bigint)
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

-- The one place where a file's status may change: checks the transition
-- (and, for scheduling, the checklist), bumps the row version and records
-- the history.
CREATE FUNCTION lajna_case_set_status(p_case_id bigint, p_to text, p_note text DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_from    text;
  v_kind    text;
  v_lacking text;
BEGIN
  SELECT status, kind INTO v_from, v_kind FROM case_file WHERE id = p_case_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'case file % does not exist', p_case_id USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT ((v_from, p_to) IN (
      ('registered', 'documents_pending'), ('registered', 'complete'),
      ('documents_pending', 'complete'), ('complete', 'documents_pending'),
      ('complete', 'scheduled'), ('scheduled', 'complete'), ('scheduled', 'decided'),
      ('scheduled', 'deferred'), ('deferred', 'documents_pending'),
      ('decided', 'ruling_issued'), ('ruling_issued', 'signed'), ('signed', 'delivered'))
    OR (v_kind = 'juvenile' AND v_from IN ('decided', 'delivered') AND p_to = 'complete')) THEN
    RAISE EXCEPTION 'a file cannot go from % to %', v_from, p_to USING ERRCODE = 'check_violation';
  END IF;
  IF p_to = 'scheduled' THEN
    SELECT string_agg(c.type_code || ' (' || c.state || ')', ', ') INTO v_lacking
      FROM lajna_case_checklist(p_case_id) c
     WHERE c.mandatory AND c.state <> 'satisfied';
    IF v_lacking IS NOT NULL THEN
      RAISE EXCEPTION 'the file cannot be scheduled before its documents are complete: %', v_lacking
        USING ERRCODE = 'check_violation', HINT = 'lajna:checklist';
    END IF;
  END IF;
  UPDATE case_file SET status = p_to, row_version = row_version + 1, updated_at = now()
   WHERE id = p_case_id;
  INSERT INTO case_history (case_id, from_status, to_status, note)
  VALUES (p_case_id, v_from, p_to, p_note);
END $$;
