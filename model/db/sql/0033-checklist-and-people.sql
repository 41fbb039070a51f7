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

-- ---------------------------------------------------------------------
-- Turning people off, committee by committee.
--
-- A person may sit on several committees, each with its own
-- administrators, and no administrator answers for another's committee.
-- So an administrator turns a person off or on in the committees they
-- administer: the person's roles there count for nothing meanwhile
-- (committee_role.active), and are kept for when they are turned on
-- again, by an administrator of that committee. A role given on a
-- committee where the person is off waits with the others.
--
-- The person's account as a whole (app_user.active) is turned off, the
-- person then taking part in no committee, and back on, only by someone
-- who administers every committee where the person holds a role, or by
-- the server's own account: nobody turns a person back on in a committee
-- they do not administer. Giving a person a role no longer turns their
-- account on.

ALTER TABLE committee_role ADD COLUMN active boolean NOT NULL DEFAULT true;

-- 0021's: the committees where p_login takes part today.
CREATE OR REPLACE FUNCTION lajna_committees_of(p_login text, p_roles text[] DEFAULT NULL)
RETURNS integer[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT r.committee_id), '{}')
    FROM public.committee_role r JOIN public.app_user u ON u.id = r.user_id
   WHERE u.login = p_login AND u.active AND r.active
     AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
     AND (p_roles IS NULL OR r.role = ANY (p_roles))
$$;

-- 0012's: a person, or a role more for a person, who keeps whether they
-- are on (on the committee, and as a whole).
CREATE OR REPLACE FUNCTION lajna_user_add(p_login text, p_full_name text, p_role text,
                                          p_committee integer)
RETURNS integer LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_user integer;
BEGIN
  IF p_login !~ '^[a-z][a-z0-9_.]{1,62}$' THEN
    RAISE EXCEPTION 'a login is lower-case Latin letters, digits, _ and ., starting with a letter'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO app_user (login, full_name) VALUES (p_login, p_full_name)
  ON CONFLICT (login) DO UPDATE SET full_name = coalesce(nullif(EXCLUDED.full_name, ''),
                                                          app_user.full_name)
  RETURNING id INTO v_user;
  INSERT INTO committee_role (committee_id, user_id, role, active)
  VALUES (p_committee, v_user, p_role,
          coalesce((SELECT bool_and(r.active) FROM committee_role r
                     WHERE r.committee_id = p_committee AND r.user_id = v_user), true))
  ON CONFLICT DO NOTHING;
  PERFORM lajna_grant_access();
  PERFORM lajna_audit('user.add', 'app_user', v_user,
                      jsonb_build_object('role', p_role, 'committee', p_committee));
  RETURN v_user;
END $$;

-- 0018's: the members who take part in the committee on the day.
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

-- Turns p_login on or off in committee p_committee, which the person
-- acting administers and where p_login holds or held a role. Nobody turns
-- themselves off, nor a superuser of the server.
CREATE FUNCTION lajna_person_set_standing(p_login text, p_committee integer, p_active boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  PERFORM public.lajna_refuse_unless_admin(p_committee);
  v_user := public.lajna_user_named(p_login);
  IF v_user.id IS NULL OR p_active IS NULL
     OR NOT EXISTS (SELECT FROM public.committee_role r
                     WHERE r.user_id = v_user.id AND r.committee_id = p_committee) THEN
    RAISE EXCEPTION '% has no role on committee %', p_login, p_committee
      USING ERRCODE = 'no_data_found';
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_roles s WHERE s.rolname = v_user.login AND s.rolsuper) THEN
    RAISE EXCEPTION 'the server''s superuser % is not turned on or off', p_login
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_user.login = public.lajna_actor() AND NOT p_active THEN
    RAISE EXCEPTION 'nobody turns themselves off' USING ERRCODE = 'check_violation',
      HINT = 'lajna:own_active';
  END IF;
  UPDATE public.committee_role r SET active = p_active
   WHERE r.user_id = v_user.id AND r.committee_id = p_committee AND r.active <> p_active;
  IF FOUND THEN
    PERFORM public.lajna_audit('user.active', 'app_user', v_user.id,
                               jsonb_build_object('committee', p_committee, 'active', p_active));
  END IF;
END $$;

-- 0030's: whether p_login's account is on, changed only by the server's
-- own account or an administrator of every committee where p_login holds
-- a role today (lajna_may_manage_user()); nobody turns themselves off.
CREATE OR REPLACE FUNCTION lajna_person_set_active(p_login text, p_active boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  v_user := public.lajna_user_named(p_login);
  IF v_user.id IS NULL OR p_active IS NULL OR NOT public.lajna_may_manage_user(v_user.id) THEN
    RAISE EXCEPTION 'only an administrator of every committee of % may turn them on or off',
                    p_login
      USING ERRCODE = 'insufficient_privilege', HINT = 'lajna:active_everywhere';
  END IF;
  IF v_user.login = public.lajna_actor() AND NOT p_active THEN
    RAISE EXCEPTION 'nobody turns themselves off' USING ERRCODE = 'check_violation',
      HINT = 'lajna:own_active';
  END IF;
  IF v_user.active <> p_active THEN
    UPDATE public.app_user SET active = p_active WHERE id = v_user.id;
    PERFORM public.lajna_audit('user.active', 'app_user', v_user.id,
                               jsonb_build_object('active', p_active));
  END IF;
END $$;

-- ---------------------------------------------------------------------
-- Passwords on a shared server.
--
-- p_login's password, given as the SCRAM-SHA-256 verifier the workstation
-- made of it (model/db/lajna-users.c), as a parameter: the password itself
-- never reaches the server, its log, its statistics or the audit trail,
-- which records only that it was set. Anything else is refused, since the
-- server would take it for a password in clear. Setting a person's
-- password is taking over their sign-in, and with it every committee of
-- theirs: it is allowed to the server's own account and to an
-- administrator of every committee where p_login holds a role today, as
-- turning their account on or off is (lajna_may_manage_user()), and to
-- nobody for a superuser of the server.
CREATE FUNCTION lajna_person_set_password(p_login text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  SELECT u.* INTO v_user FROM public.app_user u WHERE u.login = p_login;
  IF v_user.id IS NULL OR NOT public.lajna_may_manage_user(v_user.id) THEN
    RAISE EXCEPTION 'only an administrator of every committee of % may set their password',
                    p_login
      USING ERRCODE = 'insufficient_privilege', HINT = 'lajna:password_everywhere';
  END IF;
  IF p_verifier IS NULL
     OR p_verifier !~ ('^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+'
                       '\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$') THEN
    RAISE EXCEPTION 'a password is given as its SCRAM-SHA-256 verifier'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', v_user.login, p_verifier);
  PERFORM public.lajna_audit('user.password', 'app_user', v_user.id);
END $$;
