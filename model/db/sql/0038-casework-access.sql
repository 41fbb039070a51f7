-- Social workers and psychologists of a juvenile committee. Each works on
-- the juvenile files they are assigned to (juvenile_case.social_worker_id,
-- psychologist_id), as long as they hold the matching role on the file's
-- committee, and on those files only: their committee's other files, its
-- meetings, decisions, rulings and figures, and every marriage file stay
-- out of their sight. A role may be narrowed to one facility (a reform
-- home) of the committee.
--
-- The committees of a person (lajna_committees_of(), lajna_my_committees())
-- are those where they hold a committee's own role: every rule written
-- before keeps its meaning and never hands a casework role a whole
-- committee. Their files come through lajna_my_cases() instead.

ALTER TABLE committee_role DROP CONSTRAINT committee_role_role_check;
ALTER TABLE committee_role ADD CONSTRAINT committee_role_role_check
  CHECK (role IN ('clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin',
                  'social_worker', 'psychologist'));
-- The facility a casework role is limited to; '' for every one.
ALTER TABLE committee_role ADD COLUMN facility text NOT NULL DEFAULT ''
  CHECK (facility = btrim(facility) AND NOT lajna_has_bidi_control(facility));

-- Casework roles exist only on juvenile committees, and only they are
-- limited to a facility.
CREATE FUNCTION lajna_check_casework_role() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.role IN ('social_worker', 'psychologist')
     AND (SELECT k.kind FROM public.committee k WHERE k.id = NEW.committee_id) <> 'juvenile' THEN
    PERFORM public.lajna_refuse(format('committee %s hears no juvenile files', NEW.committee_id),
                                'casework_committee');
  END IF;
  IF NEW.facility <> '' AND NEW.role NOT IN ('social_worker', 'psychologist') THEN
    PERFORM public.lajna_refuse(format('a %s serves the whole committee', NEW.role),
                                'casework_committee');
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER committee_role_casework BEFORE INSERT OR UPDATE OF role, committee_id, facility
  ON committee_role FOR EACH ROW EXECUTE FUNCTION lajna_check_casework_role();

-- 0033's: with no roles named, the committee's own roles.
CREATE OR REPLACE FUNCTION lajna_committees_of(p_login text, p_roles text[] DEFAULT NULL)
RETURNS integer[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT r.committee_id), '{}')
    FROM public.committee_role r JOIN public.app_user u ON u.id = r.user_id
   WHERE u.login = p_login AND u.active AND r.active
     AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
     AND r.role = ANY (coalesce(p_roles, ARRAY['clerk', 'member', 'rapporteur', 'chair',
                                               'signatory', 'admin']))
$$;

-- The juvenile files p_login works on: assigned to them, on a committee
-- (and facility) where they hold the matching role today.
CREATE FUNCTION lajna_casework_cases(p_login text) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT j.case_id), '{}')
    FROM public.app_user u
    JOIN public.committee_role r
      ON r.user_id = u.id AND r.active AND r.role IN ('social_worker', 'psychologist')
     AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
    JOIN public.juvenile_case j
      ON CASE r.role WHEN 'social_worker' THEN j.social_worker_id
                     ELSE j.psychologist_id END = u.id
     AND (r.facility = '' OR r.facility = j.facility)
    JOIN public.case_file c ON c.id = j.case_id AND c.committee_id = r.committee_id
   WHERE u.login = p_login AND u.active
$$;

-- The juvenile files the person acting works on.
CREATE FUNCTION lajna_my_cases() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_casework_cases(public.lajna_actor())
$$;

CREATE INDEX juvenile_case_social_worker ON juvenile_case (social_worker_id)
  WHERE social_worker_id IS NOT NULL;
CREATE INDEX juvenile_case_psychologist ON juvenile_case (psychologist_id)
  WHERE psychologist_id IS NOT NULL;

-- Someone who holds a committee's role on one committee and works on a file
-- of another reads that file as casework, and no more: the rows under a
-- file are written, and its meeting's part (agenda, decisions, and through
-- them votes) read, only on the person's own committees.
CREATE FUNCTION lajna_case_of_my_committees(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE
RETURN EXISTS (SELECT FROM case_file c
                WHERE c.id = p_case
                  AND c.committee_id = ANY ((SELECT lajna_my_committees())::integer[]));

CREATE FUNCTION lajna_person_of_my_committees(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE
RETURN EXISTS (SELECT FROM lajna_person_cases(p_person) pc
                WHERE lajna_case_of_my_committees(pc.case_id));

CREATE FUNCTION lajna_hold_to_committees(p_table regclass, p_rule text, p_read boolean)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE POLICY committee_write ON %s AS RESTRICTIVE FOR UPDATE USING (%s)',
                 p_table, p_rule);
  EXECUTE format('CREATE POLICY committee_delete ON %s AS RESTRICTIVE FOR DELETE USING (%s)',
                 p_table, p_rule);
  IF p_read THEN
    EXECUTE format('CREATE POLICY committee_meeting ON %s AS RESTRICTIVE FOR SELECT USING (%s)',
                   p_table, p_rule);
  END IF;
END $$;

SELECT lajna_hold_to_committees(t::regclass, 'lajna_case_of_my_committees(case_id)', false)
  FROM unnest(ARRAY['marriage_case', 'juvenile_case', 'case_history', 'case_change',
                    'case_notice', 'document']) t;
SELECT lajna_hold_to_committees(t::regclass, 'lajna_case_of_my_committees(case_id)', true)
  FROM unnest(ARRAY['agenda_item', 'decision']) t;
SELECT lajna_hold_to_committees('person', 'lajna_person_of_my_committees(id)', false);
SELECT lajna_hold_to_committees('duplicate_verdict',
                                'lajna_person_of_my_committees(person_low)'
                                ' AND lajna_person_of_my_committees(person_high)', false);

-- 0014's: the names of a juvenile file are read on the committees where
-- the person reads names, and by whoever works on the file.
CREATE OR REPLACE FUNCTION lajna_protect_names(p_table regclass, p_column text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE POLICY names_read ON %s AS RESTRICTIVE FOR SELECT USING ('
                 ' EXISTS (SELECT FROM case_file c WHERE c.id = %I AND (c.kind = ''marriage'''
                 ' OR c.committee_id = ANY ((SELECT lajna_name_committees())::integer[])'
                 ' OR c.id = ANY ((SELECT lajna_my_cases())::bigint[]))))',
                 p_table, p_column);
END $$;

DROP POLICY names_read ON juvenile_case;
DROP POLICY names_read ON case_change;
DROP POLICY names_read ON document;
SELECT lajna_protect_names('juvenile_case', 'case_id');
SELECT lajna_protect_names('case_change', 'case_id');
SELECT lajna_protect_names('document', 'case_id');

-- 0030's: an administrator gives the casework roles as the others.
CREATE OR REPLACE FUNCTION lajna_person_add(p_login text, p_full_name text, p_role text,
                                 p_committee integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  PERFORM public.lajna_refuse_unless_admin(p_committee);
  IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.]{1,62}$' THEN
    RAISE EXCEPTION 'a login is lower-case Latin letters, digits, _ and ., starting with a letter'
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:login';
  END IF;
  IF p_role IS NULL
     OR p_role NOT IN ('clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin',
                       'social_worker', 'psychologist') THEN
    RAISE EXCEPTION 'no role %', p_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_user := public.lajna_user_named(p_login);
  IF p_login ~ '^(lajna_|pg_)'
     OR EXISTS (SELECT FROM pg_catalog.pg_roles r
                 WHERE r.rolname = p_login AND (v_user.id IS NULL OR r.rolsuper)) THEN
    RAISE EXCEPTION 'the server already has a role %', p_login
      USING ERRCODE = 'unique_violation', HINT = 'lajna:login_taken';
  END IF;
  IF v_user.id IS NULL THEN
    PERFORM public.lajna_check_admin_text(p_full_name, 200, false);
  END IF;
  -- A role that ended is taken up again from today.
  UPDATE public.committee_role r SET since = current_date, until = NULL
   WHERE r.user_id = v_user.id AND r.committee_id = p_committee AND r.role = p_role
     AND r.until < current_date;
  -- A person's name changes only through lajna_user_set_full_name() (0029).
  RETURN public.lajna_user_add(p_login, CASE WHEN v_user.id IS NULL THEN p_full_name ELSE '' END,
                               p_role, p_committee);
END $$;

-- The groups of the casework roles, and what they read: the files they
-- work on and what hangs from them, a person's identity numbers apart. No
-- meeting, decision, ruling or figure; no write but through the
-- application's own functions.
CREATE FUNCTION lajna_grant_casework() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_group text;
BEGIN
  FOREACH v_group IN ARRAY ARRAY['lajna_social_worker', 'lajna_psychologist'] LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = v_group) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', v_group);
    END IF;
    EXECUTE format('GRANT SELECT ON public.country, public.committee, public.app_user,'
                   ' public.committee_role, public.document_type, public.checklist_rule,'
                   ' public.case_transition, public.schema_version, public.case_file,'
                   ' public.marriage_case, public.juvenile_case, public.case_history,'
                   ' public.case_change, public.document, public.document_blob,'
                   ' public.document_preview, public.case_notice, public.case_follow_up TO %I',
                   v_group);
    PERFORM public.lajna_grant_columns_but('public.person', v_group,
                                           ARRAY['national_number', 'passport_number']);
  END LOOP;
END $$;

-- 0034's, the casework groups first: a person's login is given the group
-- of each of their roles.
CREATE OR REPLACE FUNCTION lajna_grant_access() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_grant_casework();
  PERFORM lajna_grant_committee_access();
  PERFORM lajna_grant_names_and_numbers();
  PERFORM lajna_grant_documents();
  PERFORM lajna_grant_meetings();
  PERFORM lajna_grant_rulings();
  PERFORM lajna_grant_statistics();
  PERFORM lajna_close_schema();
END $$;

SELECT lajna_grant_access();

-- Read only, beside the committee's own rule: every table reached through
-- the file (the juvenile, the history, the documents, the notices)
-- follows, its own rule reading case_file under this one. Only for the
-- casework groups: the others' queries keep their plans, which the rule
-- ORed in would turn into scans of every file.
CREATE POLICY casework_read ON case_file FOR SELECT
  TO lajna_social_worker, lajna_psychologist
  USING (id = ANY ((SELECT lajna_my_cases())::bigint[]));
CREATE POLICY casework_read ON case_follow_up FOR SELECT
  TO lajna_social_worker, lajna_psychologist
  USING (case_id = ANY ((SELECT lajna_my_cases())::bigint[]));
