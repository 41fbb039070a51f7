-- Committee meetings: members and attendance, the quorum rule, the agenda,
-- votes and decisions, held to their rules by the database whatever
-- client writes: nobody votes or decides without a quorum, a closed
-- meeting's record cannot be changed (a correction is a new row linked to
-- the row it corrects, with its reason, and both stay), a decision moves
-- its file on. Every change to a meeting is numbered in meeting_change and
-- announced on the channel 'lajna_meeting', so that workstations showing
-- the meeting catch up.
--
-- Errors a person can meet carry HINT 'lajna:<rule>'; the client shows its
-- own translated sentence for each rule.

-- The quorum rule: with no number, a majority of the meeting's members;
-- with one, that many present members; and, unless told otherwise, the
-- chair among them.
ALTER TABLE committee ALTER COLUMN quorum DROP NOT NULL, ALTER COLUMN quorum DROP DEFAULT;
UPDATE committee SET quorum = NULL;
ALTER TABLE committee ADD COLUMN quorum_needs_chair boolean NOT NULL DEFAULT true;

ALTER TABLE meeting ADD COLUMN starts_at time;
ALTER TABLE meeting ADD COLUMN closed_at timestamptz;

-- Attendance: present, absent or excused; the rapporteur is a member too.
-- Rows are numbered so that a correction can name the row it corrects.
ALTER TABLE attendance ADD COLUMN status text NOT NULL DEFAULT 'absent'
  CHECK (status IN ('present', 'absent', 'excused'));
UPDATE attendance SET status = CASE WHEN present THEN 'present' ELSE 'absent' END;
ALTER TABLE attendance DROP COLUMN present;
ALTER TABLE attendance DROP CONSTRAINT attendance_role_check;
ALTER TABLE attendance ADD CONSTRAINT attendance_role_check
  CHECK (role IN ('chair', 'member', 'rapporteur', 'secretary', 'guest'));

-- What vote, decision and attendance rows share: who entered the row and
-- when, and for a correction, the row it corrects and why.
CREATE FUNCTION lajna_make_correctable(p_table regclass, p_once text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = p_table AND attname = 'id') THEN
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', p_table, p_table::text || '_pkey');
    EXECUTE format('ALTER TABLE %s ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
                   p_table);
  END IF;
  EXECUTE format('ALTER TABLE %s ADD COLUMN entered_by text NOT NULL DEFAULT lajna_actor(),'
                 ' ADD COLUMN entered_at timestamptz NOT NULL DEFAULT now(),'
                 ' ADD COLUMN corrects bigint UNIQUE REFERENCES %s (id),'
                 ' ADD COLUMN correction_reason text NOT NULL DEFAULT '''','
                 ' ADD CHECK ((corrects IS NULL) = (correction_reason = ''''))', p_table, p_table);
  -- One first row per member (or item); corrections follow it in a chain.
  EXECUTE format('CREATE UNIQUE INDEX %I ON %s (%s) WHERE corrects IS NULL',
                 p_table::text || '_once', p_table, p_once);
END $$;

SELECT lajna_make_correctable('attendance', 'meeting_id, user_id');

UPDATE vote v SET reasons = coalesce(nullif(d.reasons, ''), 'مخالف لرأي الأغلبية')
  FROM decision d
 WHERE v.choice = 'reject' AND v.reasons = '' AND d.agenda_item_id = v.agenda_item_id;
UPDATE vote SET reasons = 'مخالف لرأي الأغلبية' WHERE choice = 'reject' AND reasons = '';
ALTER TABLE vote ADD CONSTRAINT vote_reject_reasons CHECK (choice <> 'reject' OR reasons <> '');
SELECT lajna_make_correctable('vote', 'agenda_item_id, user_id');

ALTER TABLE decision DROP CONSTRAINT decision_agenda_item_id_key;
SELECT lajna_make_correctable('decision', 'agenda_item_id');

-- Positions are swapped within one statement when items are reordered.
ALTER TABLE agenda_item DROP CONSTRAINT agenda_item_meeting_id_position_key;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_meeting_id_position_key
  UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED;

-- Words typed at a meeting print in its minutes: no bidi control may
-- reorder them (the client strips them; these checks refuse the rest).
ALTER TABLE meeting ADD CONSTRAINT meeting_no_bidi_control CHECK (NOT lajna_has_bidi_control(place));
ALTER TABLE attendance ADD CONSTRAINT attendance_no_bidi_control
  CHECK (NOT lajna_has_bidi_control(correction_reason));
ALTER TABLE vote ADD CONSTRAINT vote_no_bidi_control
  CHECK (NOT lajna_has_bidi_control(reasons || correction_reason));
ALTER TABLE decision ADD CONSTRAINT decision_no_bidi_control
  CHECK (NOT lajna_has_bidi_control(reasons || correction_reason));

-- The rows in force: those no correction has replaced. Read as the
-- reader, so row-level security holds through them.
CREATE VIEW attendance_now WITH (security_invoker = true) AS
  SELECT a.* FROM attendance a WHERE NOT EXISTS (SELECT FROM attendance c WHERE c.corrects = a.id);
CREATE VIEW vote_now WITH (security_invoker = true) AS
  SELECT v.* FROM vote v WHERE NOT EXISTS (SELECT FROM vote c WHERE c.corrects = v.id);
CREATE VIEW decision_now WITH (security_invoker = true) AS
  SELECT d.* FROM decision d WHERE NOT EXISTS (SELECT FROM decision c WHERE c.corrects = d.id);

-- The quorum of a meeting, from its attendance in force.
CREATE FUNCTION lajna_meeting_quorum(p_meeting bigint)
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

-- The meeting an agenda item belongs to, and a meeting's state, read past
-- row-level security so that a check sees them whatever the row being
-- written (the policies check the caller's own rows), but only for the
-- caller's committees: NULL otherwise.
CREATE FUNCTION lajna_item_meeting(p_item bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
RETURN (SELECT i.meeting_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
         WHERE i.id = p_item
           AND (lajna_acting_superuser() OR m.committee_id = ANY (lajna_my_committees())));

CREATE FUNCTION lajna_meeting_state(p_meeting bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
RETURN (SELECT state FROM meeting
         WHERE id = p_meeting
           AND (lajna_acting_superuser() OR committee_id = ANY (lajna_my_committees())));

CREATE FUNCTION lajna_refuse(p_message text, p_rule text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', p_message USING ERRCODE = 'check_violation', HINT = 'lajna:' || p_rule;
END $$;

-- A closed meeting's rows stay as they are; after closing, only a
-- correction (a new row naming the row it corrects) may be added. Before
-- it convenes, nobody votes or decides.
CREATE FUNCTION lajna_meeting_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION lajna_guard_meeting(p_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER meeting_guard BEFORE INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH ROW EXECUTE FUNCTION lajna_meeting_guard()', p_table);
END $$;

SELECT lajna_guard_meeting(t::regclass)
  FROM unnest(ARRAY['attendance', 'agenda_item', 'vote', 'decision']) t;

-- A meeting goes draft → convened → closed, and a closed meeting is
-- final; a meeting that has convened is not deleted.
CREATE FUNCTION lajna_meeting_steps() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF NEW.state = 'closed' THEN
    NEW.closed_at := now();
  END IF;
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END $$;

CREATE TRIGGER meeting_steps BEFORE UPDATE OR DELETE ON meeting
  FOR EACH ROW EXECUTE FUNCTION lajna_meeting_steps();

-- Who is recorded as entering a row is who the session acts as; a vote is
-- the member's own, or entered for them by the meeting's secretary; it is
-- cast by a member present, with a quorum.
CREATE FUNCTION lajna_vote_check() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER vote_check BEFORE INSERT OR UPDATE ON vote
  FOR EACH ROW EXECUTE FUNCTION lajna_vote_check();

-- Which outcomes a file of each kind may get, and after which the file
-- stays open for a periodic review.
CREATE TABLE decision_outcome (
  code        text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('marriage', 'juvenile')),
  stays_open  boolean NOT NULL,
  -- The status the file takes.
  to_status   text NOT NULL,
  position    integer NOT NULL,
  name_ar     text NOT NULL,
  name_en     text NOT NULL
);
INSERT INTO decision_outcome VALUES
  ('approve', 'marriage', false, 'decided', 1, 'الموافقة', 'Approve'),
  ('reject', 'marriage', false, 'decided', 2, 'الرفض', 'Reject'),
  ('defer', 'marriage', false, 'deferred', 3, 'تأجيل البت لحين استكمال المستندات', 'Defer'),
  ('continue', 'juvenile', true, 'decided', 1, 'استمرار البرنامج', 'Continue the programme'),
  ('modify_programme', 'juvenile', true, 'decided', 2, 'تعديل البرنامج', 'Modify the programme'),
  ('release_to_guardian', 'juvenile', false, 'decided', 3, 'التسليم إلى ولي الأمر',
   'Release to the guardian'),
  ('transfer', 'juvenile', true, 'decided', 4, 'النقل إلى دار أخرى', 'Transfer'),
  ('aftercare', 'juvenile', true, 'decided', 5, 'الرعاية اللاحقة', 'Aftercare'),
  ('refer_to_court', 'juvenile', false, 'decided', 6, 'الإحالة إلى المحكمة', 'Refer to the court');

-- The coded reasons a decision may give, each for one outcome.
CREATE TABLE decision_reason (
  code     text PRIMARY KEY,
  outcome  text NOT NULL REFERENCES decision_outcome,
  name_ar  text NOT NULL,
  name_en  text NOT NULL
);
INSERT INTO decision_reason VALUES
  ('conditions_met', 'approve', 'استيفاء الشروط والمستندات المطلوبة',
   'The conditions and documents are met'),
  ('security_objection', 'reject', 'ورود اعتراض أمني على الطرف الأجنبي',
   'A security objection to the foreign party'),
  ('age_difference', 'reject', 'الفارق الكبير في السن بين الطرفين',
   'A large age difference between the parties'),
  ('residence_unproven', 'reject', 'عدم إثبات الإقامة القانونية للطرف الأجنبي',
   'The foreign party''s legal residence is not proven'),
  ('documents_invalid', 'reject', 'عدم صحة بعض المستندات المقدمة', 'Some documents are not valid'),
  ('previous_marriage_undisclosed', 'reject', 'عدم الإفصاح عن زواج سابق',
   'A previous marriage was not disclosed'),
  ('missing_documents', 'defer', 'نقص في المستندات المطلوبة', 'Documents are missing'),
  ('progress_satisfactory', 'continue', 'تحسن سلوك الحدث وتقدمه في البرنامج',
   'The minor''s conduct and progress are satisfactory'),
  ('programme_review', 'modify_programme', 'توصية الأخصائي بتعديل البرنامج',
   'The specialist recommends changing the programme'),
  ('guardian_fit', 'release_to_guardian', 'أهلية ولي الأمر لرعاية الحدث',
   'The guardian is fit to care for the minor'),
  ('facility_change', 'transfer', 'النقل إلى دار أقرب إلى أسرة الحدث',
   'A home nearer the minor''s family'),
  ('aftercare_plan', 'aftercare', 'انتهاء البرنامج ووضع خطة للرعاية اللاحقة',
   'The programme is over; an aftercare plan is set'),
  ('court_review', 'refer_to_court', 'الحاجة إلى نظر المحكمة في التدبير',
   'The measure needs the court''s review');

CREATE FUNCTION lajna_decision_check() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER decision_check BEFORE INSERT OR UPDATE ON decision
  FOR EACH ROW EXECUTE FUNCTION lajna_decision_check();

-- The change sequence: every change to a meeting or what hangs from it
-- gets the next number, and the channel 'lajna_meeting' is told the
-- meeting and the number. A client wakes on the notification, or after it
-- reconnects, and reads what is newer than what it has.
CREATE TABLE meeting_change (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id bigint NOT NULL,
  what       text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_change_meeting ON meeting_change (meeting_id, seq);
SELECT lajna_protect_rows('meeting_change',
  'EXISTS (SELECT FROM meeting m WHERE m.id = meeting_id)', 'true');

CREATE FUNCTION lajna_meeting_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_row     jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
  v_meeting bigint;
  v_seq     bigint;
BEGIN
  v_meeting := CASE TG_TABLE_NAME
                 WHEN 'meeting' THEN (v_row ->> 'id')::bigint
                 WHEN 'attendance' THEN (v_row ->> 'meeting_id')::bigint
                 WHEN 'agenda_item' THEN (v_row ->> 'meeting_id')::bigint
                 ELSE (SELECT meeting_id FROM agenda_item
                        WHERE id = (v_row ->> 'agenda_item_id')::bigint) END;
  IF v_meeting IS NOT NULL THEN
    INSERT INTO meeting_change (meeting_id, what)
    VALUES (v_meeting, TG_TABLE_NAME || '.' || lower(TG_OP)) RETURNING seq INTO v_seq;
    PERFORM pg_notify('lajna_meeting', v_meeting || ' ' || v_seq);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION lajna_announce_meeting(p_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER meeting_changed AFTER INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH ROW EXECUTE FUNCTION lajna_meeting_changed()', p_table);
END $$;

SELECT lajna_announce_meeting(t::regclass)
  FROM unnest(ARRAY['meeting', 'attendance', 'agenda_item', 'vote', 'decision']) t;

-- ---------------------------------------------------------------------
-- What a clerk, a member or the chair does, one function each. They run
-- as the caller, so that row-level security and the grants below decide.

CREATE FUNCTION lajna_meeting_lock(p_meeting bigint) RETURNS meeting
LANGUAGE plpgsql AS $$
DECLARE
  v_meeting meeting;
BEGIN
  SELECT * INTO v_meeting FROM meeting WHERE id = p_meeting FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'meeting % does not exist', p_meeting USING ERRCODE = 'no_data_found';
  END IF;
  RETURN v_meeting;
END $$;

-- A new meeting numbered after the committee's others of its year, with
-- the committee's members on the day (absent until marked present) and
-- its secretary: the clerk p_secretary, or else the clerk preparing it.
CREATE FUNCTION lajna_meeting_create(p_committee integer, p_held_on date,
                                     p_starts_at time DEFAULT NULL, p_place text DEFAULT '',
                                     p_secretary integer DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
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
         (array_agg(r.role ORDER BY array_position(ARRAY['chair', 'rapporteur', 'member'], r.role)))[1],
         'absent'
    FROM committee_role r JOIN app_user u ON u.id = r.user_id AND u.active
   WHERE r.committee_id = p_committee AND r.role IN ('chair', 'member', 'rapporteur')
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

-- Convenes or closes a meeting. Files on its agenda that were not decided
-- go back to wait for the next meeting when it closes.
CREATE FUNCTION lajna_meeting_set_state(p_meeting bigint, p_to text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_case bigint;
BEGIN
  PERFORM lajna_meeting_lock(p_meeting);
  UPDATE meeting SET state = p_to WHERE id = p_meeting;
  IF p_to = 'closed' THEN
    FOR v_case IN SELECT i.case_id FROM agenda_item i JOIN case_file c ON c.id = i.case_id
                   WHERE i.meeting_id = p_meeting AND c.status = 'scheduled'
                     AND NOT EXISTS (SELECT FROM decision d WHERE d.agenda_item_id = i.id) LOOP
      PERFORM lajna_case_set_status(v_case, 'complete', format('not decided at meeting %s', p_meeting));
    END LOOP;
  END IF;
  PERFORM lajna_audit('meeting.' || p_to, 'meeting', p_meeting);
END $$;

-- Present, absent or excused; a person not on the list joins it with p_role.
CREATE FUNCTION lajna_attendance_set(p_meeting bigint, p_user integer, p_status text,
                                     p_role text DEFAULT 'member')
RETURNS void LANGUAGE sql AS $$
  INSERT INTO attendance (meeting_id, user_id, role, status)
  VALUES (p_meeting, p_user, p_role, p_status)
  ON CONFLICT (meeting_id, user_id) WHERE corrects IS NULL DO UPDATE SET status = EXCLUDED.status
$$;

-- The files a meeting may take up: those complete and waiting, and
-- juvenile files whose periodic review falls due by the meeting's day,
-- the longest waiting first.
CREATE FUNCTION lajna_agenda_proposals(p_meeting bigint, p_limit integer DEFAULT 200)
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

-- Juvenile files whose periodic review falls due by p_today wait for a
-- meeting again; returns how many. The app runs it as it shows meetings;
-- a test passes its own day.
CREATE FUNCTION lajna_reviews_fall_due(p_today date DEFAULT current_date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_case bigint;
  v_count integer := 0;
BEGIN
  FOR v_case IN SELECT c.id FROM case_file c JOIN juvenile_case j ON j.case_id = c.id
                 WHERE c.status IN ('decided', 'delivered') AND j.next_review_on <= p_today
                 ORDER BY c.id LOOP
    PERFORM lajna_case_set_status(v_case, 'complete', 'periodic review due');
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END $$;

-- Puts a file on the agenda, last; the file is then scheduled.
CREATE FUNCTION lajna_agenda_add(p_meeting bigint, p_case bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_meeting meeting := lajna_meeting_lock(p_meeting);
  v_file    case_file;
  v_id      bigint;
BEGIN
  SELECT * INTO v_file FROM case_file WHERE id = p_case;
  IF NOT FOUND OR v_file.committee_id <> v_meeting.committee_id THEN
    PERFORM lajna_refuse(format('file %s is not one of this committee''s files', p_case), 'other_committee');
  END IF;
  IF v_file.kind = 'juvenile' AND v_file.status IN ('decided', 'delivered')
     AND (SELECT next_review_on FROM juvenile_case WHERE case_id = p_case) <= v_meeting.held_on THEN
    PERFORM lajna_case_set_status(p_case, 'complete', 'periodic review due');
  END IF;
  PERFORM lajna_case_set_status(p_case, 'scheduled', format('meeting %s', p_meeting));
  INSERT INTO agenda_item (meeting_id, position, case_id)
  VALUES (p_meeting, (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = p_meeting),
          p_case)
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;

-- Takes an item off the agenda before anyone voted on it; its file waits again.
CREATE FUNCTION lajna_agenda_remove(p_item bigint) RETURNS void
LANGUAGE plpgsql AS $$
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
    PERFORM lajna_case_set_status(v_item.case_id, 'complete',
                                  format('taken off meeting %s', v_item.meeting_id));
  END IF;
END $$;

-- Moves an item to p_position (1 is first), the others making room.
CREATE FUNCTION lajna_agenda_move(p_item bigint, p_position integer) RETURNS void
LANGUAGE plpgsql AS $$
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
CREATE FUNCTION lajna_vote_cast(p_item bigint, p_user integer, p_choice text,
                                p_reasons text DEFAULT '')
RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO vote (agenda_item_id, user_id, choice, reasons)
  VALUES (p_item, p_user, p_choice, btrim(p_reasons))
  ON CONFLICT (agenda_item_id, user_id) WHERE corrects IS NULL
  DO UPDATE SET choice = EXCLUDED.choice, reasons = EXCLUDED.reasons
  RETURNING id
$$;

-- Moves a file to what its decision makes it, and for a file that stays
-- open, sets its next review.
CREATE FUNCTION lajna_decision_apply(p_decision decision) RETURNS void
LANGUAGE plpgsql AS $$
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
CREATE FUNCTION lajna_decision_record(p_item bigint, p_outcome text,
                                      p_reason_codes text[] DEFAULT '{}', p_reasons text DEFAULT '',
                                      p_missing_types text[] DEFAULT '{}',
                                      p_next_review_on date DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
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
CREATE FUNCTION lajna_require_reason(p_reason text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(btrim(p_reason), '') = '' THEN
    PERFORM lajna_refuse('a correction gives its reason', 'correction_reason');
  END IF;
  RETURN btrim(p_reason);
END $$;

CREATE FUNCTION lajna_attendance_correct(p_meeting bigint, p_user integer, p_status text,
                                         p_reason text)
RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO attendance (meeting_id, user_id, role, status, corrects, correction_reason)
  SELECT a.meeting_id, a.user_id, a.role, p_status, a.id, lajna_require_reason(p_reason)
    FROM attendance_now a WHERE a.meeting_id = p_meeting AND a.user_id = p_user
  RETURNING id
$$;

CREATE FUNCTION lajna_vote_correct(p_vote bigint, p_choice text, p_reasons text, p_reason text)
RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO vote (agenda_item_id, user_id, choice, reasons, cast_at, corrects, correction_reason)
  SELECT v.agenda_item_id, v.user_id, p_choice, btrim(p_reasons), v.cast_at, v.id,
         lajna_require_reason(p_reason)
    FROM vote_now v WHERE v.id = p_vote
  RETURNING id
$$;

CREATE FUNCTION lajna_decision_correct(p_decision bigint, p_outcome text, p_reason_codes text[],
                                       p_reasons text, p_missing_types text[],
                                       p_next_review_on date, p_reason text)
RETURNS bigint LANGUAGE plpgsql AS $$
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
CREATE FUNCTION lajna_deferred_documents_arrived() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER deferred_documents_arrived AFTER INSERT ON document
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION lajna_deferred_documents_arrived();

INSERT INTO access_grant (statement) VALUES
  ('GRANT SELECT ON meeting_change, attendance_now, vote_now, decision_now, decision_outcome,'
   ' decision_reason'
   ' TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin'),
  ('GRANT INSERT, UPDATE, DELETE ON meeting, attendance, agenda_item TO lajna_clerk, lajna_chair'),
  ('GRANT INSERT, UPDATE ON vote TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair'),
  ('GRANT INSERT, UPDATE ON decision TO lajna_clerk, lajna_chair'),
  ('GRANT UPDATE (next_review_on) ON juvenile_case TO lajna_chair'),
  ('GRANT USAGE ON SEQUENCE vote_id_seq TO lajna_member, lajna_rapporteur');
SELECT lajna_grant_access();

-- Earlier decisions shown at intake: those in force (a corrected decision
-- shows as corrected), and for a minor, a referral to the court too.
CREATE OR REPLACE FUNCTION lajna_case_earlier_decisions_all(p_case_id bigint)
RETURNS TABLE (other_case_id bigint, outcome text, decided_on date, reason text)
LANGUAGE sql STABLE AS $$
  SELECT d.case_id, d.outcome, d.decided_on, c.reason
    FROM lajna_case_duplicates(p_case_id) c
    JOIN decision_now d ON d.case_id = c.other_case_id
   WHERE d.outcome IN ('reject', 'defer', 'refer_to_court')
   ORDER BY d.decided_on DESC, d.id
$$;

-- The same outcomes, in force, when a clerk registers a person like one on record.
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
