-- Status steps as data: which status a file may go to from which. The
-- function that changes a status checks this table, and the function that
-- offers the next steps reads it, so what a clerk is offered and what the
-- database accepts cannot disagree. The pairs are those of 0004.

CREATE TABLE case_transition (
  -- NULL: files of both kinds.
  kind        text CHECK (kind IN ('marriage', 'juvenile')),
  from_status text NOT NULL,
  to_status   text NOT NULL,
  UNIQUE NULLS NOT DISTINCT (kind, from_status, to_status)
);

INSERT INTO case_transition (kind, from_status, to_status) VALUES
  (NULL, 'registered', 'documents_pending'), (NULL, 'registered', 'complete'),
  (NULL, 'documents_pending', 'complete'), (NULL, 'complete', 'documents_pending'),
  (NULL, 'complete', 'scheduled'), (NULL, 'scheduled', 'complete'),
  (NULL, 'scheduled', 'decided'), (NULL, 'scheduled', 'deferred'),
  (NULL, 'deferred', 'documents_pending'), (NULL, 'decided', 'ruling_issued'),
  (NULL, 'ruling_issued', 'signed'), (NULL, 'signed', 'delivered'),
  -- A juvenile file returns to complete when its periodic review falls due.
  ('juvenile', 'decided', 'complete'), ('juvenile', 'delivered', 'complete');

-- The mandatory documents a file lacks (missing or expired): what keeps it
-- off a meeting's agenda.
CREATE FUNCTION lajna_case_lacking(p_case_id bigint)
RETURNS TABLE (type_code text, state text)
LANGUAGE sql STABLE AS $$
  SELECT c.type_code, c.state
    FROM lajna_case_checklist(p_case_id) c
   WHERE c.mandatory AND c.state <> 'satisfied'
$$;

-- Why a file cannot go to p_to although the step exists, NULL when it can:
-- only scheduling has a condition, the lacking documents, named with their
-- state ("police_clearance (expired), passport (missing)").
CREATE FUNCTION lajna_case_blocked_reason(p_case_id bigint, p_to text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT string_agg(l.type_code || ' (' || l.state || ')', ', ' ORDER BY l.type_code)
    FROM lajna_case_lacking(p_case_id) l
   WHERE p_to = 'scheduled'
$$;

CREATE OR REPLACE FUNCTION lajna_case_set_status(p_case_id bigint, p_to text, p_note text DEFAULT '')
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
  IF NOT EXISTS (SELECT FROM case_transition t
                  WHERE t.from_status = v_from AND t.to_status = p_to
                    AND (t.kind IS NULL OR t.kind = v_kind)) THEN
    RAISE EXCEPTION 'a file cannot go from % to %', v_from, p_to USING ERRCODE = 'check_violation';
  END IF;
  v_lacking := lajna_case_blocked_reason(p_case_id, p_to);
  IF v_lacking IS NOT NULL THEN
    RAISE EXCEPTION 'the file cannot be scheduled before its documents are complete: %', v_lacking
      USING ERRCODE = 'check_violation', HINT = 'lajna:checklist';
  END IF;
  UPDATE case_file SET status = p_to, row_version = row_version + 1, updated_at = now()
   WHERE id = p_case_id;
  INSERT INTO case_history (case_id, from_status, to_status, note)
  VALUES (p_case_id, v_from, p_to, p_note);
  PERFORM lajna_audit('case.status', 'case_file', p_case_id,
                      jsonb_build_object('from', v_from, 'to', p_to));
END $$;

-- The steps a file may take from its current status, forward steps first
-- in workflow order, each with why it is blocked (NULL when it is not).
CREATE FUNCTION lajna_case_next_steps(p_case_id bigint)
RETURNS TABLE (to_status text, blocked_reason text)
LANGUAGE sql STABLE AS $$
  WITH workflow (statuses) AS (
    VALUES (ARRAY['registered', 'documents_pending', 'complete', 'scheduled', 'decided',
                  'deferred', 'ruling_issued', 'signed', 'delivered'])
  )
  SELECT t.to_status, lajna_case_blocked_reason(p_case_id, t.to_status)
    FROM case_file f
    JOIN case_transition t
      ON t.from_status = f.status AND (t.kind IS NULL OR t.kind = f.kind)
   CROSS JOIN workflow w
   WHERE f.id = p_case_id
   ORDER BY array_position(w.statuses, t.to_status) < array_position(w.statuses, t.from_status),
            array_position(w.statuses, t.to_status)
$$;
