-- A file is complete («مكتمل») or scheduled only with its checklist met,
-- whatever way it gets there: a step taken by hand, a status written
-- directly, a file inserted so, a file taken off an agenda or not decided
-- at its meeting, a juvenile's periodic review falling due. A file that
-- waits again once its documents have lapsed (a passport expired while it
-- sat on an agenda) waits for its documents instead of for a meeting.
--
-- Nobody is exempt, the server's own account included: it is the account
-- the app uses on the embedded database. A superuser's session loading
-- files in any status (a test's fixtures) says so in lajna.load_history;
-- the demo loads its history with the triggers off.

-- Whether the session loads history as it was, not steps taken now: only
-- a session opened by a superuser, who could bypass any rule, may say so.
CREATE FUNCTION lajna_loading_history() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user),
                false)
       AND coalesce(current_setting('lajna.load_history', true), '') = 'on';

-- The documents a file lacks, as a refusal gives them to the client: a
-- first line "lajna:documents", then one line a document with its state,
-- Arabic name and English name separated by tabs; NULL when none lacks.
CREATE FUNCTION lajna_case_lacking_detail(p_case_id bigint) RETURNS text
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT 'lajna:documents'
         || string_agg(E'\n' || l.state || E'\t' || t.name_ar || E'\t' || t.name_en, ''
                       ORDER BY l.state, t.code)
    FROM lajna_case_lacking(p_case_id) l
    JOIN document_type t ON t.code = l.type_code;
END;

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

-- Refuses file p_case_id going to p_to while its checklist is not met,
-- naming what it lacks.
CREATE FUNCTION lajna_case_require_documents(p_case_id bigint, p_to text) RETURNS void
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
CREATE FUNCTION lajna_case_check_documents() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF (TG_OP = 'UPDATE' AND OLD.status = NEW.status) OR lajna_loading_history() THEN
    RETURN NULL;
  END IF;
  PERFORM lajna_case_require_documents(NEW.id, NEW.status);
  RETURN NULL;
END $$;

DROP TRIGGER case_file_complete ON case_file;
DROP FUNCTION lajna_check_complete();
CREATE TRIGGER case_file_documents AFTER INSERT OR UPDATE OF status ON case_file
  FOR EACH ROW WHEN (NEW.status IN ('complete', 'scheduled'))
  EXECUTE FUNCTION lajna_case_check_documents();

-- A file whose documents lapsed waits for them: off an agenda, not
-- decided at its meeting, or when its periodic review falls due.
INSERT INTO case_transition (kind, from_status, to_status) VALUES
  (NULL, 'scheduled', 'documents_pending'),
  ('juvenile', 'decided', 'documents_pending'), ('juvenile', 'delivered', 'documents_pending');

-- The transition function of 0026; the checklist is the trigger's.
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
CREATE FUNCTION lajna_case_wait_again(p_case_id bigint, p_note text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_case_set_status(p_case_id,
                                CASE WHEN lajna_case_blocked_reason(p_case_id, 'complete') IS NULL
                                     THEN 'complete' ELSE 'documents_pending' END,
                                p_note);
END $$;

-- 0025's, the files not decided waiting again.
CREATE OR REPLACE FUNCTION lajna_meeting_set_state(p_meeting bigint, p_to text,
                                                   p_change_date boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_meeting meeting := lajna_meeting_lock(p_meeting);
  v_case    bigint;
BEGIN
  IF p_change_date AND v_meeting.held_on <> lajna_today() THEN
    PERFORM lajna_meeting_move(v_meeting, lajna_today());
  END IF;
  UPDATE meeting SET state = p_to WHERE id = p_meeting;
  IF p_to = 'closed' THEN
    FOR v_case IN SELECT i.case_id FROM agenda_item i JOIN case_file c ON c.id = i.case_id
                   WHERE i.meeting_id = p_meeting AND c.status = 'scheduled'
                     AND NOT EXISTS (SELECT FROM decision d WHERE d.agenda_item_id = i.id) LOOP
      PERFORM lajna_case_wait_again(v_case, format('not decided at meeting %s', p_meeting));
    END LOOP;
  END IF;
  PERFORM lajna_audit('meeting.' || p_to, 'meeting', p_meeting);
END $$;

-- 0018's, the file waiting again.
CREATE OR REPLACE FUNCTION lajna_agenda_remove(p_item bigint) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_item agenda_item;
BEGIN
  SELECT * INTO v_item FROM agenda_item WHERE id = p_item;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'agenda item % does not exist', p_item USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM lajna_meeting_lock(v_item.meeting_id);
  IF EXISTS (SELECT FROM vote WHERE agenda_item_id = p_item)
     OR EXISTS (SELECT FROM decision WHERE agenda_item_id = p_item) THEN
    PERFORM lajna_refuse('the item has votes or a decision and stays on the agenda', 'item_voted');
  END IF;
  DELETE FROM agenda_item WHERE id = p_item;
  UPDATE agenda_item SET position = position - 1
   WHERE meeting_id = v_item.meeting_id AND position > v_item.position;
  IF (SELECT status FROM case_file WHERE id = v_item.case_id) = 'scheduled' THEN
    PERFORM lajna_case_wait_again(v_item.case_id,
                                  format('taken off meeting %s', v_item.meeting_id));
  END IF;
END $$;

-- 0018's: a review falling due while documents lack waits for them.
CREATE OR REPLACE FUNCTION lajna_reviews_fall_due(p_today date DEFAULT current_date)
RETURNS integer LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_case bigint;
  v_count integer := 0;
BEGIN
  FOR v_case IN SELECT c.id FROM case_file c JOIN juvenile_case j ON j.case_id = c.id
                 WHERE c.status IN ('decided', 'delivered') AND j.next_review_on <= p_today
                 ORDER BY c.id LOOP
    PERFORM lajna_case_wait_again(v_case, 'periodic review due');
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END $$;

-- 0018's: a file whose checklist is not met stays where it is, refused
-- as it would be scheduled, before a review due moves it.
CREATE OR REPLACE FUNCTION lajna_agenda_add(p_meeting bigint, p_case bigint) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_meeting meeting := lajna_meeting_lock(p_meeting);
  v_file    case_file;
  v_id      bigint;
BEGIN
  SELECT * INTO v_file FROM case_file WHERE id = p_case;
  IF NOT FOUND OR v_file.committee_id <> v_meeting.committee_id THEN
    PERFORM lajna_refuse(format('file %s is not one of this committee''s files', p_case),
                         'other_committee');
  END IF;
  PERFORM lajna_case_require_documents(p_case, 'scheduled');
  IF v_file.kind = 'juvenile' AND v_file.status IN ('decided', 'delivered')
     AND (SELECT next_review_on FROM juvenile_case WHERE case_id = p_case)
         <= v_meeting.held_on THEN
    PERFORM lajna_case_set_status(p_case, 'complete', 'periodic review due');
  END IF;
  PERFORM lajna_case_set_status(p_case, 'scheduled', format('meeting %s', p_meeting));
  INSERT INTO agenda_item (meeting_id, position, case_id)
  VALUES (p_meeting,
          (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = p_meeting),
          p_case)
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;
