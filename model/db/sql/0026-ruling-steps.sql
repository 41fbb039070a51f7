-- A file becomes ruling_issued when its ruling is issued, and signed when
-- its signed ruling is stored (lajna_ruling_issue(),
-- lajna_ruling_store_signed()), never by a step taken by hand: a file
-- marked so with no ruling on record has nothing to print, sign or
-- deliver. The two steps stay in case_transition, as the ruling's own:
-- they are not offered, and the transition function takes one only when
-- the ruling on record says so, whoever calls it.

ALTER TABLE case_transition ADD COLUMN manual boolean NOT NULL DEFAULT true;
UPDATE case_transition SET manual = false WHERE to_status IN ('ruling_issued', 'signed');

-- The decision in force on a file: its latest decision not corrected.
CREATE FUNCTION lajna_case_decision(p_case_id bigint) RETURNS bigint
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT d.id FROM public.decision_now d
   WHERE d.case_id = p_case_id
   ORDER BY d.decided_on DESC, d.id DESC
   LIMIT 1;
END;

-- The status the ruling on record gives a file: signed once the latest
-- version of the ruling of its decision in force has its signed PDF,
-- ruling_issued once that ruling is issued, NULL while there is none. It
-- reads no column of a ruling's text, which not everyone may read.
CREATE FUNCTION lajna_case_ruling_status(p_case_id bigint) RETURNS text
LANGUAGE sql STABLE
RETURN (SELECT CASE WHEN r.sha256 IS NOT NULL THEN 'signed' ELSE 'ruling_issued' END
          FROM public.ruling r
         WHERE r.id = public.lajna_decision_ruling(public.lajna_case_decision(p_case_id)));

CREATE OR REPLACE FUNCTION lajna_case_set_status(p_case_id bigint, p_to text, p_note text DEFAULT '')
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_from    text;
  v_kind    text;
  v_manual  boolean;
  v_lacking text;
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
