-- No caller's object stands in for the application's.
--
-- PostgreSQL looks a table or a type up in the caller's temporary schema
-- before any other, unless the search path names that schema, and last.
-- A function running with its owner's rights (SECURITY DEFINER) that
-- named a table unqualified could thus be made to read a table of the
-- caller's, and to run what the caller wrote there with the owner's
-- rights. So:
--   * every such function searches pg_catalog, then pg_temp, and names the
--     application's tables, types and functions with their schema;
--   * every other function of the application that a check, a policy, a
--     trigger or such a function runs either searches pg_temp last, or was
--     bound to its tables when it was made (a body in standard SQL);
--   * no function runs SQL text kept in a table: the committee of a row is
--     found through its column and parent, kept as names, and the grants
--     are written out in lajna_grant_access();
--   * nobody but the server's own account makes temporary tables, large
--     objects or anything in the schema.
-- The person acting is the session's login, whatever group it acts as
-- (only a superuser may act as another person, as a test or the demo
-- does), and an event in the audit trail names rows of the actor's own
-- committees, or none, with a bounded detail.

-- ---------------------------------------------------------------------
-- The person acting.

CREATE OR REPLACE FUNCTION lajna_actor() RETURNS text
LANGUAGE sql STABLE
RETURN CASE WHEN current_setting('role') IN ('', 'none') THEN session_user::text
            WHEN (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user)
                 AND EXISTS (SELECT FROM public.app_user u WHERE u.login = current_setting('role'))
            THEN current_setting('role')
            ELSE session_user::text END;

-- The committees p_login holds a role on today; with p_roles, only those
-- where the role is one of them.
CREATE FUNCTION lajna_committees_of(p_login text, p_roles text[] DEFAULT NULL)
RETURNS integer[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT r.committee_id), '{}')
    FROM public.committee_role r JOIN public.app_user u ON u.id = r.user_id
   WHERE u.login = p_login AND u.active
     AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
     AND (p_roles IS NULL OR r.role = ANY (p_roles))
$$;

CREATE OR REPLACE FUNCTION lajna_my_committees(p_roles text[] DEFAULT NULL) RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_committees_of(public.lajna_actor(), p_roles)
$$;

-- ---------------------------------------------------------------------
-- The committee of a row: its committee column, or its parent row's
-- committee, as each protected table declares when it takes its rule.

DROP TABLE audit_object;
CREATE TABLE audit_object (
  -- The table, as the audit trail names it.
  object   text PRIMARY KEY,
  relation regclass NOT NULL UNIQUE,
  -- The column holding the committee, or (with parent) the parent row.
  via      name NOT NULL,
  parent   text REFERENCES audit_object
);
REVOKE ALL ON audit_object FROM PUBLIC;

DROP FUNCTION lajna_register_audit_object(regclass, text);
CREATE FUNCTION lajna_register_audit_object(p_table regclass, p_via text,
                                            p_parent regclass DEFAULT NULL)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO audit_object (object, relation, via, parent)
  SELECT c.relname, c.oid, p_via, (SELECT p.relname FROM pg_class p WHERE p.oid = p_parent)
    FROM pg_class c
   WHERE c.oid = p_table
     AND EXISTS (SELECT FROM pg_attribute
                  WHERE attrelid = p_table AND attname = 'id' AND NOT attisdropped)
  ON CONFLICT (object) DO UPDATE SET relation = EXCLUDED.relation, via = EXCLUDED.via,
                                     parent = EXCLUDED.parent
$$;

-- The committee of row p_id of p_object; NULL for an object without a
-- committee, or a row not (yet) there.
CREATE OR REPLACE FUNCTION lajna_audit_committee(p_object text, p_id bigint) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_object text := p_object;
  v_value  bigint := p_id;
  v_step   public.audit_object;
BEGIN
  -- A parent's parent at most: a vote's agenda item's file.
  FOR i IN 1 .. 4 LOOP
    SELECT * INTO v_step FROM public.audit_object WHERE object = v_object;
    IF NOT FOUND OR v_value IS NULL THEN
      RETURN NULL;
    END IF;
    EXECUTE format('SELECT %I::bigint FROM %s WHERE id = $1', v_step.via, v_step.relation)
      INTO v_value USING v_value;
    IF v_step.parent IS NULL THEN
      RETURN v_value;
    END IF;
    v_object := v_step.parent;
  END LOOP;
  RETURN NULL;
END $$;

-- Why p_actor may not write an event about p_object_id of p_object, with
-- the files p_detail names; NULL when they may. An object with a committee
-- names its row, or (registering files in bulk) the files; each must be
-- of the actor's committees. Until the transaction commits, a row not
-- there yet passes (a file registered by the statement that records it);
-- at commit (p_final), it must be there.
CREATE FUNCTION lajna_audit_refusal(p_actor text, p_object text, p_object_id bigint,
                                    p_detail jsonb, p_final boolean)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_mine      integer[];
  v_committee integer;
  v_files     bigint[];
  v_seen      integer;
BEGIN
  IF coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = p_actor), false) THEN
    RETURN NULL;
  END IF;
  v_mine := public.lajna_committees_of(p_actor);
  IF jsonb_typeof(p_detail -> 'files') = 'array' THEN
    SELECT array_agg(DISTINCT f::bigint) INTO v_files
      FROM jsonb_array_elements_text(p_detail -> 'files') f;
    SELECT count(*) INTO v_seen FROM public.case_file c
     WHERE c.id = ANY (v_files) AND c.committee_id = ANY (v_mine);
    IF v_seen < cardinality(v_files) AND (p_final OR EXISTS (
          SELECT FROM public.case_file c
           WHERE c.id = ANY (v_files) AND NOT c.committee_id = ANY (v_mine))) THEN
      RETURN format('no access to every file of %s', p_detail -> 'files');
    END IF;
  ELSIF p_detail ? 'files' THEN
    RETURN 'the files of an event are a list';
  END IF;
  IF NOT EXISTS (SELECT FROM public.audit_object o WHERE o.object = p_object) THEN
    RETURN NULL;
  END IF;
  IF p_object_id IS NULL THEN
    RETURN CASE WHEN v_files IS NULL THEN format('an event about %s names its row', p_object) END;
  END IF;
  v_committee := public.lajna_audit_committee(p_object, p_object_id);
  IF (CASE WHEN v_committee IS NULL THEN p_final ELSE NOT v_committee = ANY (v_mine) END) THEN
    RETURN format('no access to %s %s', p_object, p_object_id);
  END IF;
  RETURN NULL;
END $$;

DROP FUNCTION lajna_audit_allowed(text, bigint);

-- ---------------------------------------------------------------------
-- The audit trail.

CREATE OR REPLACE FUNCTION lajna_audit_event(p_action text, p_object text, p_object_id bigint,
                                             p_detail jsonb DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_head  public.audit_head;
  v_event public.audit_event;
BEGIN
  SELECT * INTO v_head FROM public.audit_head FOR UPDATE;
  v_event.id := nextval(pg_get_serial_sequence('public.audit_event', 'id'));
  v_event.at := clock_timestamp();
  v_event.actor := public.lajna_actor();
  v_event.action := p_action;
  v_event.object := p_object;
  v_event.object_id := p_object_id;
  v_event.detail := coalesce(p_detail, '{}');
  v_event.prev_hash := v_head.last_hash;
  v_event.hash := sha256(coalesce(v_head.last_hash, '')
                         || convert_to(public.lajna_audit_text(v_event), 'UTF8'));
  INSERT INTO public.audit_event OVERRIDING SYSTEM VALUE SELECT v_event.*;
  UPDATE public.audit_head SET last_id = v_event.id, last_hash = v_event.hash;
  RETURN v_event.id;
END $$;

-- Appends one event in the caller's transaction and returns its id: an
-- action and an object named in lower-case Latin words, a detail of at
-- most 64 KiB, about rows of the caller's committees.
CREATE OR REPLACE FUNCTION lajna_audit(p_action text, p_object text, p_object_id bigint,
                                       p_detail jsonb DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_refusal text;
BEGIN
  IF p_action !~ '^[a-z][a-z0-9_.]{0,62}$' OR p_object !~ '^[a-z][a-z0-9_.]{0,62}$'
     OR octet_length(coalesce(p_detail, '{}')::text) > 65536 THEN
    RAISE EXCEPTION 'an audit event is named in lower-case Latin words, with at most 64 KiB of detail'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_refusal := public.lajna_audit_refusal(public.lajna_actor(), p_object, p_object_id,
                                          p_detail, false);
  IF v_refusal IS NOT NULL THEN
    RAISE EXCEPTION '%', v_refusal USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN public.lajna_audit_event(p_action, p_object, p_object_id, p_detail);
END $$;

-- At commit, every event the transaction wrote through lajna_audit()
-- names rows that are there, of its actor's committees.
CREATE FUNCTION lajna_audit_check_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_refusal text := public.lajna_audit_refusal(NEW.actor, NEW.object, NEW.object_id,
                                               NEW.detail, true);
BEGIN
  IF v_refusal IS NOT NULL THEN
    RAISE EXCEPTION '%', v_refusal USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_event_rows AFTER INSERT ON audit_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.action NOT LIKE 'write.%')
  EXECUTE FUNCTION lajna_audit_check_rows();

CREATE OR REPLACE FUNCTION lajna_audit_writes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_rows bigint;
  v_keys jsonb;
BEGIN
  EXECUTE format('SELECT count(*), (SELECT jsonb_agg(k) FROM (SELECT %I AS k FROM changed'
                 '                   LIMIT 1000) s) FROM changed', TG_ARGV[0])
    INTO v_rows, v_keys;
  IF v_rows > 0 THEN
    PERFORM public.lajna_audit_event('write.' || lower(TG_OP), TG_TABLE_NAME,
                                     CASE WHEN v_rows = 1 AND jsonb_typeof(v_keys -> 0) = 'number'
                                          THEN (v_keys ->> 0)::bigint END,
                                     jsonb_build_object('rows', v_rows, 'keys', v_keys));
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Row-level security's helpers that read past it.

CREATE OR REPLACE FUNCTION lajna_check_case_committee() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_outside boolean;
BEGIN
  IF public.lajna_acting_superuser() THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT FROM added a JOIN public.case_file c ON c.id = a.%I'
                 '               WHERE NOT c.committee_id = ANY ($1))', TG_ARGV[0])
    INTO v_outside USING public.lajna_my_committees();
  IF v_outside THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lajna_item_meeting(p_item bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN (SELECT i.meeting_id FROM public.agenda_item i JOIN public.meeting m ON m.id = i.meeting_id
         WHERE i.id = p_item
           AND (public.lajna_acting_superuser()
                OR m.committee_id = ANY (public.lajna_my_committees())));

CREATE OR REPLACE FUNCTION lajna_meeting_state(p_meeting bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN (SELECT m.state FROM public.meeting m
         WHERE m.id = p_meeting
           AND (public.lajna_acting_superuser()
                OR m.committee_id = ANY (public.lajna_my_committees())));

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

-- ---------------------------------------------------------------------
-- What the file view reads past row-level security, for the caller's
-- committees only.

CREATE OR REPLACE FUNCTION lajna_case_access_history(p_case_id bigint)
RETURNS TABLE (at timestamptz, actor text, action text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH allowed AS (
    SELECT true AS ok
      FROM public.case_file c
     WHERE c.id = p_case_id
       AND (public.lajna_acting_superuser()
            OR c.committee_id = ANY (public.lajna_my_committees(ARRAY['chair', 'admin'])))
  )
  SELECT e.at, e.actor, e.action
    FROM allowed,
         LATERAL (SELECT a.at, a.actor, a.action, a.id FROM public.audit_event a
                   WHERE a.object = 'case_file' AND a.object_id = p_case_id
                  UNION ALL
                  SELECT a.at, a.actor, a.action, a.id FROM public.audit_event a
                   WHERE a.action = 'case.create' AND a.object = 'case_file'
                     AND a.object_id IS NULL
                     AND a.detail -> 'files' @> to_jsonb(p_case_id)) e
   ORDER BY e.id
$$;

CREATE OR REPLACE FUNCTION lajna_case_earlier_decisions(p_case_id bigint)
RETURNS TABLE (other_case_id bigint, outcome text, decided_on date, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT e.other_case_id, e.outcome, e.decided_on, e.reason
    FROM public.lajna_case_earlier_decisions_all(p_case_id) e
    JOIN public.case_file o ON o.id = e.other_case_id
    JOIN public.case_file c ON c.id = p_case_id
   WHERE public.lajna_acting_superuser()
      OR (c.committee_id = ANY (public.lajna_my_committees())
          AND o.committee_id = ANY (public.lajna_my_committees()))
   ORDER BY e.decided_on DESC
$$;

CREATE OR REPLACE FUNCTION lajna_document_readers(p_case_id bigint)
RETURNS TABLE (document_id bigint, reader text, first_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT d.id, e.actor, min(e.at)
    FROM public.case_file c
    JOIN public.document d ON d.case_id = c.id
    JOIN public.audit_event e ON e.action = 'document.open' AND e.object_id = d.id
   WHERE c.id = p_case_id
     AND (public.lajna_acting_superuser() OR c.committee_id = ANY (public.lajna_my_committees()))
   GROUP BY d.id, e.actor
   ORDER BY d.id, min(e.at)
$$;

-- ---------------------------------------------------------------------
-- How a table takes its rule, now recording its committee as names.

CREATE OR REPLACE FUNCTION lajna_protect_by_committee(p_table regclass, p_column text)
RETURNS void LANGUAGE sql AS $$
  SELECT lajna_protect(p_table,
                       format('%I = ANY ((SELECT lajna_my_committees())::integer[])', p_column));
  SELECT lajna_register_audit_object(p_table, p_column)
$$;

CREATE OR REPLACE FUNCTION lajna_protect_by_case(p_table regclass, p_column text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_protect(p_table,
                        format('EXISTS (SELECT FROM case_file p WHERE p.id = %I)', p_column),
                        'true');
  EXECUTE format('CREATE TRIGGER case_committee_check AFTER INSERT ON %s'
                 ' REFERENCING NEW TABLE AS added FOR EACH STATEMENT'
                 ' EXECUTE FUNCTION lajna_check_case_committee(%L)', p_table, p_column);
  PERFORM lajna_register_audit_object(p_table, p_column, 'case_file');
END $$;

CREATE OR REPLACE FUNCTION lajna_check_parent(p_table regclass, p_column text, p_parent regclass)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER parent_visible_check AFTER INSERT ON %s'
                 ' REFERENCING NEW TABLE AS added FOR EACH STATEMENT'
                 ' EXECUTE FUNCTION lajna_check_parent_visible(%L, %L)',
                 p_table, p_column, p_parent::text);
  PERFORM lajna_register_audit_object(p_table, p_column, p_parent);
END $$;

SELECT lajna_register_audit_object(t::regclass, 'committee_id')
  FROM unnest(ARRAY['case_file', 'meeting', 'ruling']) t;
SELECT lajna_register_audit_object(t::regclass, 'case_id', 'case_file')
  FROM unnest(ARRAY['case_history', 'case_change', 'document', 'decision', 'agenda_item']) t;
SELECT lajna_register_audit_object(t::regclass, c, p::regclass)
  FROM (VALUES ('document_blob', 'document_id', 'document'),
               ('document_preview', 'document_id', 'document'),
               ('attendance', 'meeting_id', 'meeting'),
               ('vote', 'agenda_item_id', 'agenda_item'),
               ('signature', 'ruling_id', 'ruling')) v (t, c, p);

-- ---------------------------------------------------------------------
-- The grants, written out, one function a subject, so that a migration
-- that changes what a subject grants redefines that function alone: made
-- here, again after a restore and when a person is added.

DROP TABLE access_grant;

CREATE FUNCTION lajna_grant_names_and_numbers() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_role text;
BEGIN
  FOREACH v_role IN ARRAY ARRAY['lajna_member', 'lajna_rapporteur', 'lajna_admin'] LOOP
    PERFORM lajna_grant_columns_but('person', v_role,
                                    ARRAY['national_number', 'passport_number']);
  END LOOP;
  PERFORM lajna_grant_columns_but('case_file', 'lajna_admin',
                                  ARRAY['title', 'search_text', 'search_norm']);
  REVOKE INSERT, UPDATE ON case_file, marriage_case, juvenile_case, person, case_history,
                           case_change, file_number_counter, duplicate_verdict
    FROM lajna_admin;
END $$;

CREATE FUNCTION lajna_grant_documents() RETURNS void
LANGUAGE sql AS $$
  GRANT INSERT ON document, document_blob, document_preview TO lajna_clerk;
$$;

CREATE FUNCTION lajna_grant_meetings() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  GRANT SELECT ON meeting_change, attendance_now, vote_now, decision_now, decision_outcome,
                  decision_reason
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT INSERT, UPDATE, DELETE ON meeting, attendance, agenda_item TO lajna_clerk, lajna_chair;
  GRANT INSERT, UPDATE ON vote TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair;
  GRANT INSERT, UPDATE ON decision TO lajna_clerk, lajna_chair;
  GRANT UPDATE (next_review_on) ON juvenile_case TO lajna_chair;
  GRANT USAGE ON SEQUENCE vote_id_seq TO lajna_member, lajna_rapporteur;
END $$;

CREATE FUNCTION lajna_grant_rulings() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  GRANT SELECT ON ruling_placeholder, ruling_template
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT INSERT, UPDATE ON ruling_template TO lajna_admin;
  GRANT SELECT, INSERT, UPDATE ON ruling, ruling_counter
    TO lajna_chair, lajna_signatory, lajna_clerk;
  GRANT INSERT ON signature TO lajna_chair, lajna_signatory;
  GRANT UPDATE (status, row_version, updated_at) ON case_file TO lajna_signatory;
  GRANT INSERT ON case_history TO lajna_signatory;
  GRANT SELECT (id, public_key, created_at) ON ruling_seal
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT SELECT, INSERT ON ruling_seal TO lajna_clerk, lajna_chair, lajna_signatory;
END $$;

-- Nothing of anyone's own in the database: no schema objects, no
-- temporary tables (a restore makes the database anew, so this is said
-- again then), no large objects.
CREATE FUNCTION lajna_close_schema() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  REVOKE EXECUTE ON FUNCTION lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea),
                             lo_import(text), lo_import(text, oid)
    FROM PUBLIC;
END $$;

CREATE OR REPLACE FUNCTION lajna_grant_access() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_grant_committee_access();
  PERFORM lajna_grant_names_and_numbers();
  PERFORM lajna_grant_documents();
  PERFORM lajna_grant_meetings();
  PERFORM lajna_grant_rulings();
  PERFORM lajna_close_schema();
END $$;

-- ---------------------------------------------------------------------
-- Every other function of the application that runs a statement of its
-- own (a trigger, a step, a write) searches the caller's temporary schema
-- last. The queries in SQL that a caller's query takes in (STABLE, so
-- that the planner inlines them) run with the caller's own rights and
-- search path, inside whichever function calls them, and no caller has a
-- schema of their own to steer them with; those that a policy, or a
-- function with its owner's rights, calls are bound to their tables.

CREATE OR REPLACE FUNCTION lajna_person_cases(p_person_id bigint)
RETURNS TABLE (case_id bigint, role text)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT m.case_id, 'libyan_party' FROM marriage_case m WHERE m.libyan_party_id = p_person_id
  UNION ALL SELECT m.case_id, 'foreign_party' FROM marriage_case m
             WHERE m.foreign_party_id = p_person_id
  UNION ALL SELECT j.case_id, 'juvenile' FROM juvenile_case j WHERE j.juvenile_id = p_person_id;
END;

ALTER FUNCTION lajna_case_earlier_decisions_all(bigint)
  SET search_path = pg_catalog, public, pg_temp;

DO $$
DECLARE
  v_function regprocedure;
BEGIN
  FOR v_function IN
    SELECT p.oid FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
     WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'lajna\_%'
       AND (l.lanname = 'plpgsql' OR (l.lanname = 'sql' AND p.provolatile = 'v'))
       AND p.prosqlbody IS NULL AND NOT p.prosecdef
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', v_function);
  END LOOP;
END $$;

SELECT lajna_grant_access();
