-- Who sees what: a person sees the files, people, documents, meetings and
-- rulings of the committees they hold a role on, and nothing else,
-- whatever client they use. Each person logs in as a PostgreSQL role of
-- their own, a member of the group role of what they do (lajna_clerk,
-- lajna_member, …); row-level security, forced even on the tables' owner,
-- keeps the rows of other committees out of every query. (A superuser,
-- such as the embedded database's own account, passes row-level security
-- by PostgreSQL's design: it is the administrator of that server.)
--
-- A table that a later migration adds declares its rule with one call:
--   SELECT lajna_protect_by_committee('meeting', 'committee_id');
--   SELECT lajna_protect_by_case('document', 'case_id');
--   SELECT lajna_protect_by_parent('vote', 'agenda_item_id', 'agenda_item');

ALTER TABLE committee_role DROP CONSTRAINT committee_role_role_check;
ALTER TABLE committee_role ADD CONSTRAINT committee_role_role_check
  CHECK (role IN ('clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin'));

-- The committees the person acting holds a role on today; with p_roles,
-- only those where the role is one of them.
CREATE FUNCTION lajna_my_committees(p_roles text[] DEFAULT NULL) RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT coalesce(array_agg(DISTINCT r.committee_id), '{}')
    FROM committee_role r JOIN app_user u ON u.id = r.user_id
   WHERE u.login = lajna_actor() AND u.active
     AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
     AND (p_roles IS NULL OR r.role = ANY (p_roles))
$$;

-- Whether the person acting is the server's superuser, whom row-level
-- security does not bind.
CREATE FUNCTION lajna_acting_superuser() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = lajna_actor()), false);

-- Row-level security on p_table: its rows are seen, changed and removed
-- only through the rule p_using, for every role but a superuser; a new row
-- must pass p_insert. A row that names its parent file is written in the
-- same statement as the file (lajna_case_create()), when the file is not
-- yet visible to the statement: such rows are checked on insert by their
-- foreign key and the trigger of lajna_protect_by_case(), and are seen
-- only through their file.
CREATE FUNCTION lajna_protect(p_table regclass, p_using text, p_insert text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('CREATE POLICY committee_read ON %s FOR SELECT USING (%s)', p_table, p_using);
  EXECUTE format('CREATE POLICY committee_change ON %s FOR UPDATE USING (%s)', p_table, p_using);
  EXECUTE format('CREATE POLICY committee_remove ON %s FOR DELETE USING (%s)', p_table, p_using);
  EXECUTE format('CREATE POLICY committee_add ON %s FOR INSERT WITH CHECK (%s)', p_table,
                 coalesce(p_insert, p_using));
END $$;

CREATE FUNCTION lajna_protect_by_committee(p_table regclass, p_column text) RETURNS void
LANGUAGE sql AS $$
  SELECT lajna_protect(p_table,
                       format('%I = ANY ((SELECT lajna_my_committees())::integer[])', p_column))
$$;

CREATE FUNCTION lajna_protect_by_parent(p_table regclass, p_column text, p_parent regclass)
RETURNS void LANGUAGE sql AS $$
  SELECT lajna_protect(p_table,
                       format('EXISTS (SELECT FROM %s p WHERE p.id = %I)', p_parent, p_column),
                       'true')
$$;

-- The insert check of rows that name their file: once the statement is
-- done (when a file it registered is visible), every file they name must
-- be of one of the writer's committees. It reads case_file as the
-- function's owner, past row-level security, so that another committee's
-- file is told from a missing one.
CREATE FUNCTION lajna_check_case_committee() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_outside boolean;
BEGIN
  IF lajna_acting_superuser() THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT FROM added a JOIN case_file c ON c.id = a.%I'
                 '               WHERE NOT c.committee_id = ANY ($1))', TG_ARGV[0])
    INTO v_outside USING lajna_my_committees();
  IF v_outside THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION lajna_protect_by_case(p_table regclass, p_column text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_protect_by_parent(p_table, p_column, 'case_file');
  EXECUTE format('CREATE TRIGGER case_committee_check AFTER INSERT ON %s'
                 ' REFERENCING NEW TABLE AS added FOR EACH STATEMENT'
                 ' EXECUTE FUNCTION lajna_check_case_committee(%L)', p_table, p_column);
END $$;

SELECT lajna_protect_by_committee('case_file', 'committee_id');
SELECT lajna_protect_by_committee('file_number_counter', 'committee_id');
SELECT lajna_protect_by_committee('meeting', 'committee_id');
SELECT lajna_protect_by_committee('ruling', 'committee_id');
SELECT lajna_protect_by_committee('ruling_counter', 'committee_id');
SELECT lajna_protect_by_case('marriage_case', 'case_id');
SELECT lajna_protect_by_case('juvenile_case', 'case_id');
SELECT lajna_protect_by_case('case_history', 'case_id');
SELECT lajna_protect_by_case('case_change', 'case_id');
SELECT lajna_protect_by_case('document', 'case_id');
SELECT lajna_protect_by_case('decision', 'case_id');
SELECT lajna_protect_by_case('agenda_item', 'case_id');
SELECT lajna_protect_by_parent('document_blob', 'document_id', 'document');
SELECT lajna_protect_by_parent('document_preview', 'document_id', 'document');
SELECT lajna_protect_by_parent('attendance', 'meeting_id', 'meeting');
SELECT lajna_protect_by_parent('vote', 'agenda_item_id', 'agenda_item');
SELECT lajna_protect_by_parent('signature', 'ruling_id', 'ruling');

-- A person is seen through the files they are a party of; a person is
-- written before the file that names them (lajna_case_create()).
SELECT lajna_protect('person',
  'EXISTS (SELECT FROM lajna_person_cases(id) pc JOIN case_file c ON c.id = pc.case_id)', 'true');
SELECT lajna_protect('duplicate_verdict',
  'EXISTS (SELECT FROM person p WHERE p.id = person_low)'
  ' AND EXISTS (SELECT FROM person p WHERE p.id = person_high)');

-- The roles and what each group may do, row-level security narrowing it
-- to the committees: made here, and again after a restore (roles belong to
-- the server, not to the database, so a backup does not carry them): the
-- group roles, then each person's login role with the groups of their
-- roles. The audit trail is written only through lajna_audit().
CREATE FUNCTION lajna_grant_access() RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  v_role text;
  v_user record;
BEGIN
  FOREACH v_role IN ARRAY ARRAY['clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lajna_' || v_role) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', 'lajna_' || v_role);
    END IF;
  END LOOP;
  FOR v_user IN SELECT DISTINCT u.login, r.role FROM app_user u
                  JOIN committee_role r ON r.user_id = u.id LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = v_user.login) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', v_user.login);
    END IF;
    IF NOT pg_has_role(v_user.login, 'lajna_' || v_user.role, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', 'lajna_' || v_user.role, v_user.login);
    END IF;
  END LOOP;

  REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
  GRANT SELECT ON country, committee, app_user, committee_role, document_type, checklist_rule,
                  case_transition,
                  schema_version
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT SELECT ON case_file, marriage_case, juvenile_case, person, case_history, case_change,
                  duplicate_verdict, document, document_preview, meeting, attendance, agenda_item,
                  vote, decision, ruling, signature
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT SELECT ON document_blob TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair,
                                   lajna_signatory, lajna_admin;
  GRANT INSERT, UPDATE ON case_file, marriage_case, juvenile_case, person, case_history,
                          case_change, file_number_counter, duplicate_verdict
    TO lajna_clerk, lajna_admin;
  GRANT SELECT ON file_number_counter TO lajna_clerk, lajna_admin;
  GRANT UPDATE (status, row_version, updated_at) ON case_file TO lajna_chair;
  GRANT INSERT ON case_history, case_change TO lajna_chair;
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA public
    TO lajna_clerk, lajna_chair, lajna_admin;
END $fn$;

SELECT lajna_grant_access();

-- A person of a committee: their own login role, a member of the group of
-- what they do there, and the role on the committee. The caller needs
-- CREATEROLE (the embedded database's account has it).
CREATE FUNCTION lajna_user_add(p_login text, p_full_name text, p_role text, p_committee integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_user integer;
BEGIN
  IF p_login !~ '^[a-z][a-z0-9_.]{1,62}$' THEN
    RAISE EXCEPTION 'a login is lower-case Latin letters, digits, _ and ., starting with a letter'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO app_user (login, full_name) VALUES (p_login, p_full_name)
  ON CONFLICT (login) DO UPDATE SET full_name = coalesce(nullif(EXCLUDED.full_name, ''),
                                                          app_user.full_name), active = true
  RETURNING id INTO v_user;
  INSERT INTO committee_role (committee_id, user_id, role)
  VALUES (p_committee, v_user, p_role) ON CONFLICT DO NOTHING;
  PERFORM lajna_grant_access();
  PERFORM lajna_audit('user.add', 'app_user', v_user,
                      jsonb_build_object('role', p_role, 'committee', p_committee));
  RETURN v_user;
END $$;
