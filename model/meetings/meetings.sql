-- meetings.sql: the meetings' functions, their triggers and policies:
-- the quorum, the agenda, votes and decisions, their corrections, the
-- locking of a closed meeting and the announcing of every change. The
-- tables are made in model/db/sql/0018-meetings.sql; their rule by
-- committee, with the files', in model/cases/cases.sql.
--
-- The schema's owner applies this file after the migrations at every start
-- and after a restore (model/db/lajna-schema.c). Each statement states how
-- things are to be: applying the file again changes nothing.

-- ---------------------------------------------------------------------
-- Functions: the state of a meeting, and its guards.

-- The quorum of a meeting, from its attendance in force.
CREATE OR REPLACE FUNCTION lajna_meeting_quorum(p_meeting bigint)
RETURNS TABLE (members integer, present integer, needed integer, chair_present boolean,
               met boolean)
LANGUAGE sql STABLE AS $$
  WITH seats AS (
    SELECT a.role, a.status FROM attendance_now a
     WHERE a.meeting_id = p_meeting AND a.role IN ('chair', 'member', 'rapporteur')
  ), counted AS (
    SELECT count(*)::integer AS members,
           count(*) FILTER (WHERE status = 'present')::integer AS present,
           coalesce(bool_or(role = 'chair' AND status = 'present'), false) AS chair_present
      FROM seats
  )
  SELECT c.members, c.present, coalesce(k.quorum, c.members / 2 + 1), c.chair_present,
         c.present >= coalesce(k.quorum, c.members / 2 + 1)
         AND (c.chair_present OR NOT k.quorum_needs_chair)
    FROM counted c, meeting m JOIN committee k ON k.id = m.committee_id
   WHERE m.id = p_meeting
$$;

-- The meeting of agenda item p_item, for its committees.
CREATE OR REPLACE FUNCTION lajna_item_meeting(p_item bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN (SELECT i.meeting_id FROM public.agenda_item i JOIN public.meeting m ON m.id = i.meeting_id
         WHERE i.id = p_item
           AND (public.lajna_acting_superuser()
                OR m.committee_id = ANY (public.lajna_my_committees())));

-- The state of meeting p_meeting, for its committees.
CREATE OR REPLACE FUNCTION lajna_meeting_state(p_meeting bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN (SELECT m.state FROM public.meeting m
         WHERE m.id = p_meeting
           AND (public.lajna_acting_superuser()
                OR m.committee_id = ANY (public.lajna_my_committees())));

-- Refuses with p_message, and with HINT 'lajna:<p_rule>' for the client
-- (model/db/lajna-db-rules.c).
CREATE OR REPLACE FUNCTION lajna_refuse(p_message text, p_rule text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION '%', p_message USING ERRCODE = 'check_violation', HINT = 'lajna:' || p_rule;
END $$;

-- A closed meeting's rows stay as they are; after closing, only a
-- correction (a new row naming the row it corrects) may be added. Before
-- it convenes, nobody votes or decides.
CREATE OR REPLACE FUNCTION lajna_meeting_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_row      jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
  v_meeting  bigint;
  v_state    text;
  v_corrects bigint := (v_row ->> 'corrects')::bigint;
BEGIN
  v_meeting := coalesce((v_row ->> 'meeting_id')::bigint,
                        lajna_item_meeting((v_row ->> 'agenda_item_id')::bigint));
  v_state := lajna_meeting_state(v_meeting);
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> 'corrects') IS DISTINCT FROM (v_row ->> 'corrects') THEN
    PERFORM lajna_refuse('a correction cannot be moved to another row', 'correction');
  END IF;
  IF v_state = 'closed' THEN
    IF TG_OP <> 'INSERT' OR v_corrects IS NULL THEN
      PERFORM lajna_refuse(format('meeting %s is closed: its %s cannot be changed; record a correction',
                                  v_meeting, TG_TABLE_NAME), 'closed');
    END IF;
  ELSIF TG_OP <> 'DELETE' AND v_corrects IS NOT NULL THEN
    PERFORM lajna_refuse('only a closed meeting''s record is corrected; change the row itself',
                         'not_closed');
  END IF;
  IF TG_OP <> 'DELETE' AND TG_TABLE_NAME IN ('vote', 'decision') AND v_state = 'draft' THEN
    PERFORM lajna_refuse(format('meeting %s has not convened', v_meeting), 'not_convened');
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

-- Guards p_table's rows with lajna_meeting_guard().
CREATE OR REPLACE FUNCTION lajna_guard_meeting(p_table regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE OR REPLACE TRIGGER meeting_guard BEFORE INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH ROW EXECUTE FUNCTION lajna_meeting_guard()', p_table);
END $$;

-- A meeting goes from draft to convened to closed, and stays on record
-- once convened; it convenes and closes on the day it is dated; every
-- change of its date is in the audit trail.
CREATE OR REPLACE FUNCTION lajna_meeting_steps() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      PERFORM lajna_refuse(format('meeting %s has convened and stays on record', OLD.id), 'kept');
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'closed' THEN
    PERFORM lajna_refuse(format('meeting %s is closed and cannot be changed', OLD.id), 'closed');
  END IF;
  IF NEW.state <> OLD.state
     AND NOT (OLD.state = 'draft' AND NEW.state = 'convened')
     AND NOT (OLD.state = 'convened' AND NEW.state = 'closed') THEN
    PERFORM lajna_refuse(format('a meeting cannot go from %s to %s', OLD.state, NEW.state), 'step');
  END IF;
  IF NEW.state <> OLD.state AND NEW.held_on <> lajna_today() THEN
    PERFORM lajna_refuse(format('meeting %s is dated %s, not today: move it to today first',
                                OLD.id, NEW.held_on), 'meeting_day');
  END IF;
  IF NEW.held_on <> OLD.held_on THEN
    PERFORM lajna_audit('meeting.date', 'meeting', OLD.id,
                        jsonb_build_object('from', OLD.held_on, 'to', NEW.held_on));
  END IF;
  IF NEW.state = 'closed' THEN
    NEW.closed_at := now();
  END IF;
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END $$;

-- Who is recorded as entering a row is who the session acts as; a vote is
-- the member's own, or entered for them by the meeting's secretary; it is
-- cast by a member present, with a quorum.
CREATE OR REPLACE FUNCTION lajna_vote_check() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_meeting bigint := lajna_item_meeting(NEW.agenda_item_id);
  v_voter   text := (SELECT login FROM app_user WHERE id = NEW.user_id);
BEGIN
  NEW.entered_by := lajna_actor();
  NEW.entered_at := now();
  IF TG_OP = 'UPDATE' THEN
    NEW.cast_at := now();
  END IF;
  IF NEW.choice = 'reject' AND btrim(NEW.reasons) = '' THEN
    PERFORM lajna_refuse('a vote to reject gives its reasons', 'reject_reasons');
  END IF;
  IF NOT EXISTS (SELECT FROM attendance_now a
                  WHERE a.meeting_id = v_meeting AND a.user_id = NEW.user_id
                    AND a.status = 'present' AND a.role IN ('chair', 'member', 'rapporteur')) THEN
    PERFORM lajna_refuse(format('%s is not a member present at meeting %s', v_voter, v_meeting),
                         'voter_absent');
  END IF;
  IF NOT (SELECT met FROM lajna_meeting_quorum(v_meeting)) THEN
    PERFORM lajna_refuse(format('meeting %s has no quorum', v_meeting), 'quorum');
  END IF;
  IF v_voter IS DISTINCT FROM NEW.entered_by AND NOT lajna_acting_superuser()
     AND NOT EXISTS (SELECT FROM attendance_now a JOIN app_user u ON u.id = a.user_id
                      WHERE a.meeting_id = v_meeting AND a.role = 'secretary'
                        AND u.login = NEW.entered_by) THEN
    PERFORM lajna_refuse('only a member, or the meeting''s secretary for them, enters a vote',
                         'not_own_vote');
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION lajna_decision_check() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_meeting bigint := lajna_item_meeting(NEW.agenda_item_id);
  v_outcome decision_outcome;
BEGIN
  NEW.entered_by := lajna_actor();
  NEW.entered_at := now();
  SELECT o.* INTO v_outcome FROM decision_outcome o JOIN case_file c ON c.kind = o.kind
   WHERE o.code = NEW.outcome AND c.id = NEW.case_id;
  IF NOT FOUND THEN
    PERFORM lajna_refuse(format('%s is not an outcome for this file', NEW.outcome), 'outcome');
  END IF;
  IF EXISTS (SELECT FROM unnest(NEW.reason_codes) c (code)
              WHERE NOT EXISTS (SELECT FROM decision_reason r
                                 WHERE r.code = c.code AND r.outcome = NEW.outcome)) THEN
    PERFORM lajna_refuse('a coded reason does not go with this outcome', 'reason_code');
  END IF;
  IF NEW.outcome = 'reject' AND btrim(NEW.reasons) = '' AND cardinality(NEW.reason_codes) = 0 THEN
    PERFORM lajna_refuse('a rejection gives its reasons', 'reject_reasons');
  END IF;
  IF NEW.outcome = 'defer' AND cardinality(NEW.missing_types) = 0 THEN
    PERFORM lajna_refuse('a deferral names the documents still missing', 'defer_missing');
  END IF;
  IF NEW.agenda_item_id IS NOT NULL THEN
    IF (SELECT case_id FROM agenda_item WHERE id = NEW.agenda_item_id) IS DISTINCT FROM NEW.case_id THEN
      PERFORM lajna_refuse('a decision is on the file of its agenda item', 'outcome');
    END IF;
    IF NOT (SELECT met FROM lajna_meeting_quorum(v_meeting)) THEN
      PERFORM lajna_refuse(format('meeting %s has no quorum', v_meeting), 'quorum');
    END IF;
  END IF;
  IF v_outcome.stays_open AND (NEW.next_review_on IS NULL OR NEW.next_review_on <= NEW.decided_on) THEN
    PERFORM lajna_refuse('the file stays open: give the date of its next review, after the decision',
                         'next_review');
  END IF;
  RETURN NEW;
END $$;

-- Announces a change of a meeting's rows on channel lajna_meeting,
-- recorded in meeting_change.
CREATE OR REPLACE FUNCTION lajna_meeting_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_row     jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
  v_meeting bigint;
  v_seq     bigint;
BEGIN
  v_meeting := CASE TG_TABLE_NAME
                 WHEN 'meeting' THEN (v_row ->> 'id')::bigint
                 WHEN 'attendance' THEN (v_row ->> 'meeting_id')::bigint
                 WHEN 'agenda_item' THEN (v_row ->> 'meeting_id')::bigint
                 ELSE (SELECT i.meeting_id FROM public.agenda_item i
                        WHERE i.id = (v_row ->> 'agenda_item_id')::bigint) END;
  IF v_meeting IS NOT NULL THEN
    INSERT INTO public.meeting_change (meeting_id, what)
    VALUES (v_meeting, TG_TABLE_NAME || '.' || lower(TG_OP)) RETURNING seq INTO v_seq;
    PERFORM pg_notify('lajna_meeting', v_meeting || ' ' || v_seq);
  END IF;
  RETURN NULL;
END $$;

-- Announces p_table's changes with lajna_meeting_changed().
CREATE OR REPLACE FUNCTION lajna_announce_meeting(p_table regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE OR REPLACE TRIGGER meeting_changed AFTER INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH ROW EXECUTE FUNCTION lajna_meeting_changed()', p_table);
END $$;

-- ---------------------------------------------------------------------
-- Functions: what a clerk, a member or the chair does, one function each.
-- They run as the caller, so that row-level security and the grants
-- (lajna_grant_meetings(), in model/db/access.sql) decide.

-- Meeting p_meeting, locked for a change.
CREATE OR REPLACE FUNCTION lajna_meeting_lock(p_meeting bigint) RETURNS meeting
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_meeting meeting;
BEGIN
  SELECT * INTO v_meeting FROM meeting WHERE id = p_meeting FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'meeting % does not exist', p_meeting USING ERRCODE = 'no_data_found';
  END IF;
  RETURN v_meeting;
END $$;

-- A new meeting of p_committee on p_held_on, numbered in its year, with
-- the members who take part in the committee on the day listed absent
-- and its secretary present.
CREATE OR REPLACE FUNCTION lajna_meeting_create(p_committee integer, p_held_on date,
                                                p_starts_at time DEFAULT NULL,
                                                p_place text DEFAULT '',
                                                p_secretary integer DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_year   integer := extract(year FROM p_held_on);
  v_number integer;
  v_id     bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('lajna_meeting_number'), p_committee);
  SELECT coalesce(max(number), 0) + 1 INTO v_number
    FROM meeting WHERE committee_id = p_committee AND year = v_year;
  INSERT INTO meeting (committee_id, year, number, held_on, starts_at, place)
  VALUES (p_committee, v_year, v_number, p_held_on, p_starts_at, btrim(p_place))
  RETURNING id INTO v_id;
  INSERT INTO attendance (meeting_id, user_id, role, status)
  SELECT v_id, r.user_id,
         (array_agg(r.role ORDER BY array_position(ARRAY['chair', 'rapporteur', 'member'],
                                                   r.role)))[1],
         'absent'
    FROM committee_role r JOIN app_user u ON u.id = r.user_id AND u.active
   WHERE r.committee_id = p_committee AND r.role IN ('chair', 'member', 'rapporteur')
     AND r.active
     AND r.since <= p_held_on AND (r.until IS NULL OR r.until >= p_held_on)
   GROUP BY r.user_id;
  INSERT INTO attendance (meeting_id, user_id, role, status)
  SELECT v_id, u.id, 'secretary', 'present' FROM app_user u
   WHERE (u.id = p_secretary OR (p_secretary IS NULL AND u.login = lajna_actor()))
     AND NOT EXISTS (SELECT FROM attendance a WHERE a.meeting_id = v_id AND a.user_id = u.id);
  PERFORM lajna_audit('meeting.create', 'meeting', v_id,
                      jsonb_build_object('year', v_year, 'number', v_number));
  RETURN v_id;
END $$;

-- Convenes or closes a meeting, moving it to today first when
-- p_change_date; on closing, the files on its agenda not decided wait
-- again.
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

-- Present, absent or excused; a person not on the list joins it with p_role.
CREATE OR REPLACE FUNCTION lajna_attendance_set(p_meeting bigint, p_user integer, p_status text,
                                     p_role text DEFAULT 'member')
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO attendance (meeting_id, user_id, role, status)
  VALUES (p_meeting, p_user, p_role, p_status)
  ON CONFLICT (meeting_id, user_id) WHERE corrects IS NULL DO UPDATE SET status = EXCLUDED.status
$$;

-- The files a meeting may take up: those complete and waiting, and
-- juvenile files whose periodic review falls due by the meeting's day,
-- the longest waiting first.
CREATE OR REPLACE FUNCTION lajna_agenda_proposals(p_meeting bigint, p_limit integer DEFAULT 200)
RETURNS TABLE (case_id bigint, reason text)
LANGUAGE sql STABLE AS $$
  SELECT c.id, CASE WHEN j.next_review_on <= m.held_on THEN 'review_due' ELSE 'waiting' END
    FROM meeting m
    JOIN case_file c ON c.committee_id = m.committee_id
    LEFT JOIN juvenile_case j ON j.case_id = c.id
   WHERE m.id = p_meeting
     AND (c.status = 'complete'
          OR (c.kind = 'juvenile' AND c.status IN ('decided', 'delivered')
              AND j.next_review_on <= m.held_on))
     AND NOT EXISTS (SELECT FROM agenda_item i WHERE i.meeting_id = m.id AND i.case_id = c.id)
   ORDER BY coalesce(j.next_review_on, c.received_on), c.id
   LIMIT p_limit
$$;

-- Decided or delivered juvenile files whose review falls due by p_today
-- wait again: for a meeting, or for their documents while documents
-- lack. Returns how many.
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

-- Puts file p_case on meeting p_meeting's agenda, scheduling it; a file
-- whose checklist is not met stays where it is, refused as it would be
-- scheduled, before a review due moves it.
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

-- Takes an item off its agenda, the file waiting again.
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

-- Moves an item to p_position (1 is first), the others making room.
CREATE OR REPLACE FUNCTION lajna_agenda_move(p_item bigint, p_position integer) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_item agenda_item;
  v_to   integer;
BEGIN
  SELECT * INTO v_item FROM agenda_item WHERE id = p_item;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'agenda item % does not exist', p_item USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM lajna_meeting_lock(v_item.meeting_id);
  v_to := greatest(1, least(p_position, (SELECT max(position) FROM agenda_item
                                           WHERE meeting_id = v_item.meeting_id)));
  UPDATE agenda_item
     SET position = CASE WHEN id = p_item THEN v_to
                         WHEN v_to < v_item.position THEN position + 1
                         ELSE position - 1 END
   WHERE meeting_id = v_item.meeting_id
     AND position BETWEEN least(v_to, v_item.position) AND greatest(v_to, v_item.position)
     AND v_to <> v_item.position;
END $$;

-- A member's vote, entered by them or by the secretary; cast again, it
-- replaces the first while the meeting sits.
CREATE OR REPLACE FUNCTION lajna_vote_cast(p_item bigint, p_user integer, p_choice text,
                                p_reasons text DEFAULT '')
RETURNS bigint LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO vote (agenda_item_id, user_id, choice, reasons)
  VALUES (p_item, p_user, p_choice, btrim(p_reasons))
  ON CONFLICT (agenda_item_id, user_id) WHERE corrects IS NULL
  DO UPDATE SET choice = EXCLUDED.choice, reasons = EXCLUDED.reasons
  RETURNING id
$$;

-- Moves a file to what its decision makes it, and for a file that stays
-- open, sets its next review.
CREATE OR REPLACE FUNCTION lajna_decision_apply(p_decision decision) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_to     text := (SELECT to_status FROM decision_outcome WHERE code = p_decision.outcome);
  v_status text := (SELECT status FROM case_file WHERE id = p_decision.case_id);
BEGIN
  IF v_status = 'scheduled' THEN
    PERFORM lajna_case_set_status(p_decision.case_id, v_to, p_decision.outcome);
  ELSIF v_status IN ('decided', 'deferred') AND v_status <> v_to THEN
    -- A decision changed while the meeting sits, or corrected after it.
    UPDATE case_file SET status = v_to, row_version = row_version + 1, updated_at = now()
     WHERE id = p_decision.case_id;
    INSERT INTO case_history (case_id, from_status, to_status, note)
    VALUES (p_decision.case_id, v_status, v_to, 'decision changed: ' || p_decision.outcome);
  END IF;
  IF p_decision.next_review_on IS NOT NULL THEN
    UPDATE juvenile_case SET next_review_on = p_decision.next_review_on
     WHERE case_id = p_decision.case_id;
  END IF;
END $$;

-- The decision on an agenda item, taken on the meeting's day; recorded
-- again while the meeting sits, it replaces the first.
CREATE OR REPLACE FUNCTION lajna_decision_record(p_item bigint, p_outcome text,
                                      p_reason_codes text[] DEFAULT '{}', p_reasons text DEFAULT '',
                                      p_missing_types text[] DEFAULT '{}',
                                      p_next_review_on date DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_decision decision;
BEGIN
  INSERT INTO decision (case_id, agenda_item_id, outcome, reason_codes, reasons, missing_types,
                        next_review_on, decided_on)
  SELECT i.case_id, i.id, p_outcome, p_reason_codes, btrim(p_reasons), p_missing_types,
         p_next_review_on, m.held_on
    FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
   WHERE i.id = p_item
  ON CONFLICT (agenda_item_id) WHERE corrects IS NULL
  DO UPDATE SET outcome = EXCLUDED.outcome, reason_codes = EXCLUDED.reason_codes,
                reasons = EXCLUDED.reasons, missing_types = EXCLUDED.missing_types,
                next_review_on = EXCLUDED.next_review_on
  RETURNING * INTO v_decision;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'agenda item % does not exist', p_item USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM lajna_decision_apply(v_decision);
  PERFORM lajna_audit('decision.record', 'decision', v_decision.id,
                      jsonb_build_object('outcome', p_outcome));
  RETURN v_decision.id;
END $$;

-- Corrections of a closed meeting's record: a new row naming the row in
-- force that it corrects, and why.
CREATE OR REPLACE FUNCTION lajna_require_reason(p_reason text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF coalesce(btrim(p_reason), '') = '' THEN
    PERFORM lajna_refuse('a correction gives its reason', 'correction_reason');
  END IF;
  RETURN btrim(p_reason);
END $$;

CREATE OR REPLACE FUNCTION lajna_attendance_correct(p_meeting bigint, p_user integer, p_status text,
                                         p_reason text)
RETURNS bigint LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO attendance (meeting_id, user_id, role, status, corrects, correction_reason)
  SELECT a.meeting_id, a.user_id, a.role, p_status, a.id, lajna_require_reason(p_reason)
    FROM attendance_now a WHERE a.meeting_id = p_meeting AND a.user_id = p_user
  RETURNING id
$$;

CREATE OR REPLACE FUNCTION lajna_vote_correct(p_vote bigint, p_choice text, p_reasons text, p_reason text)
RETURNS bigint LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO vote (agenda_item_id, user_id, choice, reasons, cast_at, corrects, correction_reason)
  SELECT v.agenda_item_id, v.user_id, p_choice, btrim(p_reasons), v.cast_at, v.id,
         lajna_require_reason(p_reason)
    FROM vote_now v WHERE v.id = p_vote
  RETURNING id
$$;

CREATE OR REPLACE FUNCTION lajna_decision_correct(p_decision bigint, p_outcome text, p_reason_codes text[],
                                       p_reasons text, p_missing_types text[],
                                       p_next_review_on date, p_reason text)
RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_decision decision;
BEGIN
  INSERT INTO decision (case_id, agenda_item_id, outcome, reason_codes, reasons, missing_types,
                        next_review_on, decided_on, corrects, correction_reason)
  SELECT d.case_id, d.agenda_item_id, p_outcome, p_reason_codes, btrim(p_reasons),
         p_missing_types, p_next_review_on, d.decided_on, d.id, lajna_require_reason(p_reason)
    FROM decision_now d WHERE d.id = p_decision
  RETURNING * INTO v_decision;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'decision % is not in force', p_decision USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM lajna_decision_apply(v_decision);
  PERFORM lajna_audit('decision.correct', 'decision', v_decision.id,
                      jsonb_build_object('corrects', p_decision, 'reason', p_reason));
  RETURN v_decision.id;
END $$;

-- A deferred file waits for a meeting again once a document of every type
-- its deferral named has arrived since, valid (and the rest of its
-- checklist is met; otherwise it waits for its documents).
CREATE OR REPLACE FUNCTION lajna_deferred_documents_arrived() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_case     bigint;
  v_deferral decision;
BEGIN
  FOR v_case IN SELECT DISTINCT a.case_id FROM added a JOIN case_file c ON c.id = a.case_id
                 WHERE c.status = 'deferred' LOOP
    SELECT d.* INTO v_deferral FROM decision_now d
     WHERE d.case_id = v_case ORDER BY d.decided_on DESC, d.id DESC LIMIT 1;
    IF v_deferral.id IS NOT NULL
       AND NOT EXISTS (SELECT FROM unnest(v_deferral.missing_types) t (code)
                    WHERE NOT EXISTS (SELECT FROM document x
                                       WHERE x.case_id = v_case AND x.type_code = t.code
                                         AND x.added_at >= v_deferral.entered_at)
                       OR t.code IN (SELECT l.type_code FROM lajna_case_lacking(v_case) l)) THEN
      PERFORM lajna_case_set_status(v_case, 'documents_pending', 'the missing documents arrived');
      IF NOT EXISTS (SELECT FROM lajna_case_lacking(v_case)) THEN
        PERFORM lajna_case_set_status(v_case, 'complete', 'all documents are in');
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- A decision moved to its meeting's new day keeps who entered it, and when.
CREATE OR REPLACE FUNCTION lajna_decision_keep_entry() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF (to_jsonb(NEW) - ARRAY['decided_on', 'entered_by', 'entered_at'])
     = (to_jsonb(OLD) - ARRAY['decided_on', 'entered_by', 'entered_at']) THEN
    NEW.entered_by := OLD.entered_by;
    NEW.entered_at := OLD.entered_at;
  END IF;
  RETURN NEW;
END $$;

-- Moves meeting p_meeting to p_day with the decisions taken at it,
-- numbered anew among p_day's year's meetings when that is another year;
-- refused when a ruling issued from it would be dated before it.
CREATE OR REPLACE FUNCTION lajna_meeting_move(p_meeting meeting, p_day date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_year integer := extract(year FROM p_day);
BEGIN
  IF EXISTS (SELECT FROM ruling r JOIN decision d ON d.id = r.decision_id
               JOIN agenda_item i ON i.id = d.agenda_item_id
              WHERE i.meeting_id = p_meeting.id AND r.issued_on < p_day) THEN
    PERFORM lajna_refuse(format('meeting %s has rulings dated before %s', p_meeting.id, p_day),
                         'ruling_before_meeting');
  END IF;
  IF v_year <> p_meeting.year THEN
    PERFORM pg_advisory_xact_lock(hashtext('lajna_meeting_number'), p_meeting.committee_id);
  END IF;
  UPDATE meeting m
     SET held_on = p_day, year = v_year,
         number = CASE WHEN v_year = p_meeting.year THEN m.number
                       ELSE (SELECT coalesce(max(o.number), 0) + 1 FROM meeting o
                              WHERE o.committee_id = m.committee_id AND o.year = v_year) END
   WHERE m.id = p_meeting.id;
  UPDATE decision d SET decided_on = p_day
    FROM agenda_item i
   WHERE i.id = d.agenda_item_id AND i.meeting_id = p_meeting.id AND d.decided_on <> p_day;
END $$;

-- ---------------------------------------------------------------------
-- Triggers.

CREATE OR REPLACE TRIGGER meeting_steps BEFORE UPDATE OR DELETE ON meeting
  FOR EACH ROW EXECUTE FUNCTION lajna_meeting_steps();

CREATE OR REPLACE TRIGGER vote_check BEFORE INSERT OR UPDATE ON vote
  FOR EACH ROW EXECUTE FUNCTION lajna_vote_check();

CREATE OR REPLACE TRIGGER decision_check BEFORE INSERT OR UPDATE ON decision
  FOR EACH ROW EXECUTE FUNCTION lajna_decision_check();

CREATE OR REPLACE TRIGGER deferred_documents_arrived AFTER INSERT ON document
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION lajna_deferred_documents_arrived();

-- After decision_check, which marks the row as entered anew.
CREATE OR REPLACE TRIGGER decision_keep_entry BEFORE UPDATE ON decision
  FOR EACH ROW EXECUTE FUNCTION lajna_decision_keep_entry();

-- ---------------------------------------------------------------------
-- Policies, the guards, the notices' rule and the announcements of the
-- meetings' tables.

-- A meeting is seen by its committee; its agenda items and decisions
-- through their file, its attendance and votes through their parent.
SELECT lajna_protect_by_committee('meeting', 'committee_id');

SELECT lajna_protect_by_case('agenda_item', 'case_id');

SELECT lajna_protect_by_case('decision', 'case_id');

SELECT lajna_protect_by_parent('attendance', 'meeting_id', 'meeting');

SELECT lajna_protect_by_parent('vote', 'agenda_item_id', 'agenda_item');

SELECT lajna_guard_meeting(t::regclass)
  FROM unnest(ARRAY['attendance', 'agenda_item', 'vote', 'decision']) t;

SELECT lajna_protect_rows('meeting_change',
  'EXISTS (SELECT FROM meeting m WHERE m.id = meeting_id)', 'true');

SELECT lajna_announce_meeting(t::regclass)
  FROM unnest(ARRAY['meeting', 'attendance', 'agenda_item', 'vote', 'decision']) t;
