-- access.sql: who sees what, and the audit trail: the committees and files
-- of the person acting, how a table takes its row-level security, the audit
-- trail's chain and checks, and the roles with their grants. The schema's
-- owner applies it after the migrations at every start and after a restore
-- (model/db/lajna-schema.c), then calls lajna_grant_access(). Each statement
-- states how things are to be: applying the file again changes nothing.
--
-- Who sees what: a person sees the files, people, documents, meetings and
-- rulings of the committees they hold a role on, and nothing else,
-- whatever client they use. Each person logs in as a PostgreSQL role of
-- their own, a member of the group role of what they do (lajna_clerk,
-- lajna_member, …); row-level security, forced even on the tables' owner,
-- keeps the rows of other committees out of every query. (A superuser,
-- such as the embedded database's own account, passes row-level security
-- by PostgreSQL's design: it is the administrator of that server.)
--
-- Social workers and psychologists of a juvenile committee work on the
-- juvenile files they are assigned to (juvenile_case.social_worker_id,
-- psychologist_id), as long as they hold the matching role on the file's
-- committee, and on those files only. A role may be narrowed to one
-- facility (a reform home) of the committee. The committees of a person
-- (lajna_committees_of(), lajna_my_committees()) are those where they hold
-- a committee's own role, so that no rule hands a casework role a whole
-- committee; their files come through lajna_my_cases() instead.

-- ---------------------------------------------------------------------
-- Functions: the committees and files of the person acting.

-- The committees where p_login holds one of p_roles today; with no roles
-- named, the committee's own roles (not the casework roles).
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

CREATE OR REPLACE FUNCTION lajna_my_committees(p_roles text[] DEFAULT NULL) RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_committees_of(public.lajna_actor(), p_roles)
$$;

-- Whether the person acting is the server's superuser, whom row-level
-- security does not bind.
CREATE OR REPLACE FUNCTION lajna_acting_superuser() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = lajna_actor()), false);

-- The committees on which the person acting reads names.
CREATE OR REPLACE FUNCTION lajna_name_committees() RETURNS integer[]
LANGUAGE sql STABLE
RETURN lajna_my_committees(ARRAY['clerk', 'member', 'rapporteur', 'chair', 'signatory']);

-- The casework of p_login, by file and role: the juvenile files they are
-- assigned to, while they hold the matching role on the file's committee
-- (on every facility, or the juvenile's own). The person's roles are read
-- first, on their own: every write of a file's row asks this of whoever
-- writes, and a login with no casework role must not walk the files.
CREATE OR REPLACE FUNCTION lajna_casework(p_login text) RETURNS TABLE (case_id bigint, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH roles AS MATERIALIZED (
    SELECT r.role, r.committee_id, r.facility, u.id AS user_id
      FROM public.app_user u
      JOIN public.committee_role r
        ON r.user_id = u.id AND r.active AND r.role IN ('social_worker', 'psychologist')
       AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
     WHERE u.login = p_login AND u.active)
  SELECT DISTINCT j.case_id, r.role
    FROM roles r
    JOIN public.juvenile_case j
      ON (r.role = 'social_worker' AND j.social_worker_id = r.user_id
          OR r.role = 'psychologist' AND j.psychologist_id = r.user_id)
     AND (r.facility = '' OR r.facility = j.facility)
    JOIN public.case_file c ON c.id = j.case_id AND c.committee_id = r.committee_id
$$;

CREATE OR REPLACE FUNCTION lajna_casework_cases(p_login text) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT w.case_id), '{}') FROM public.lajna_casework(p_login) w
$$;

-- The juvenile files the person acting works on.
CREATE OR REPLACE FUNCTION lajna_my_cases() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_casework_cases(public.lajna_actor())
$$;

-- Whether p_case is a file of the committees of the person acting.
-- Someone who holds a committee's role on one committee and works on a file
-- of another reads that file as casework, and no more: the rows under a
-- file are written, and its meeting's part (agenda, decisions, and through
-- them votes) read, only on the person's own committees.
CREATE OR REPLACE FUNCTION lajna_case_of_my_committees(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE
RETURN EXISTS (SELECT FROM case_file c
                WHERE c.id = p_case
                  AND c.committee_id = ANY ((SELECT lajna_my_committees())::integer[]));

-- ---------------------------------------------------------------------
-- Functions: the audit trail, append-only and hash-chained.
--
-- Each event's hash is sha256(previous hash || its canonical text), the
-- text made of its own columns by lajna_audit_text(), so that changing any
-- column of any event, or removing an event, breaks the chain at that
-- point; `lajnactl audit verify` walks it. The hash of the newest event is
-- also kept in audit_head: a transaction appends by locking that one row,
-- so events chain in commit order even between concurrent sessions, and
-- cutting events off the end shows as well. No UPDATE or DELETE reaches
-- the table (a trigger refuses them, for every role); an administrator
-- who disables the trigger to rewrite history is caught by the chain.

-- The event's columns in one text, independent of the session's DateStyle
-- and time zone.
CREATE OR REPLACE FUNCTION lajna_audit_text(e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN concat_ws('|', e.id,
                 to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                 e.actor, e.action, e.object, coalesce(e.object_id::text, ''),
                 e.detail::text);

-- Refuses a change of the audit trail.
CREATE OR REPLACE FUNCTION lajna_audit_refuse() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- Appends one event, chained to the one before, and returns its id; for
-- Lajna's own functions, which check the event first.
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

-- The chain as `lajnactl audit verify` reads it: for each event in order,
-- whether its hash is that of its content and the previous hash it names.
-- The client checks that each previous hash is the hash of the event
-- before, and that the last is audit_head's.
CREATE OR REPLACE FUNCTION lajna_audit_chain(p_after bigint DEFAULT 0)
RETURNS TABLE (id bigint, prev_hash bytea, hash bytea, content_ok boolean)
LANGUAGE sql STABLE AS $$
  SELECT e.id, e.prev_hash, e.hash,
         e.hash = sha256(coalesce(e.prev_hash, '') || convert_to(lajna_audit_text(e), 'UTF8'))
    FROM audit_event e
   WHERE e.id > p_after
   ORDER BY e.id
$$;

-- Records how the audit trail finds the committee of a row of p_table:
-- through its column p_via, or with p_parent through the parent row p_via
-- names. Kept as names in audit_object, not as SQL text.
CREATE OR REPLACE FUNCTION lajna_register_audit_object(p_table regclass, p_via text,
                                            p_parent regclass DEFAULT NULL)
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
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

-- The file a row of p_object hangs from, as the audit trail finds it.
CREATE OR REPLACE FUNCTION lajna_audit_case(p_object text, p_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_object text := p_object;
  v_value  bigint := p_id;
  v_step   public.audit_object;
BEGIN
  FOR i IN 1 .. 4 LOOP
    SELECT * INTO v_step FROM public.audit_object WHERE object = v_object;
    IF NOT FOUND OR v_value IS NULL THEN
      RETURN NULL;
    ELSIF v_step.relation = 'public.case_file'::regclass THEN
      RETURN v_value;
    ELSIF v_step.parent IS NULL THEN
      RETURN NULL;
    END IF;
    EXECUTE format('SELECT %I::bigint FROM %s WHERE id = $1', v_step.via, v_step.relation)
      INTO v_value USING v_value;
    v_object := v_step.parent;
  END LOOP;
  RETURN NULL;
END $$;

-- Why p_actor may not record an event about row p_object_id of p_object
-- with p_detail, NULL when they may: the rows and the files it names must be
-- of the actor's committees, or a row of a file the actor works on. At
-- commit (p_final) a row or file that is not there is refused too.
CREATE OR REPLACE FUNCTION lajna_audit_refusal(p_actor text, p_object text, p_object_id bigint,
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
  IF (CASE WHEN v_committee IS NULL THEN p_final ELSE NOT v_committee = ANY (v_mine) END)
     AND NOT coalesce(public.lajna_audit_case(p_object, p_object_id)
                        = ANY (public.lajna_casework_cases(p_actor)), false) THEN
    RETURN format('no access to %s %s', p_object, p_object_id);
  END IF;
  RETURN NULL;
END $$;

-- At commit, every event the transaction wrote through lajna_audit()
-- names rows that are there, of its actor's committees.
CREATE OR REPLACE FUNCTION lajna_audit_check_rows() RETURNS trigger
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

-- Records a statement's writes on a protected table as one event: the
-- operation, the number of rows and (up to 1,000) their keys.
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

-- Makes p_table's writes recorded by lajna_audit_writes(), by the column of
-- its primary key.
CREATE OR REPLACE FUNCTION lajna_record_writes(p_table regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_key text;
  v_op  text;
BEGIN
  SELECT a.attname INTO v_key
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
   WHERE i.indrelid = p_table AND i.indisprimary;
  FOREACH v_op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER %s ON %s REFERENCING %s TABLE AS changed'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION lajna_audit_writes(%L)',
                   'audit_' || lower(v_op), v_op, p_table,
                   CASE v_op WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END, v_key);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------
-- Functions: how a table takes its rule. A table declares it with one
-- call, in the SQL of its subject:
--   SELECT lajna_protect_by_committee('meeting', 'committee_id');
--   SELECT lajna_protect_by_case('document', 'case_id');
--   SELECT lajna_protect_by_parent('vote', 'agenda_item_id', 'agenda_item');
-- Each drops or replaces the policies and triggers it makes, so calling it
-- again changes nothing.

-- Row-level security on p_table: its rows are seen, changed and removed
-- only through the rule p_using, for every role but a superuser; a new row
-- must pass p_insert. A row that names its parent file is written in the
-- same statement as the file (lajna_case_create()), when the file is not
-- yet visible to the statement: such rows are checked on insert by their
-- foreign key and the trigger of lajna_protect_by_case(), and are seen
-- only through their file.
CREATE OR REPLACE FUNCTION lajna_protect_rows(p_table regclass, p_using text, p_insert text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('DROP POLICY IF EXISTS committee_read ON %s', p_table);
  EXECUTE format('CREATE POLICY committee_read ON %s FOR SELECT USING (%s)', p_table, p_using);
  EXECUTE format('DROP POLICY IF EXISTS committee_change ON %s', p_table);
  EXECUTE format('CREATE POLICY committee_change ON %s FOR UPDATE USING (%s)', p_table, p_using);
  EXECUTE format('DROP POLICY IF EXISTS committee_remove ON %s', p_table);
  EXECUTE format('CREATE POLICY committee_remove ON %s FOR DELETE USING (%s)', p_table, p_using);
  EXECUTE format('DROP POLICY IF EXISTS committee_add ON %s', p_table);
  EXECUTE format('CREATE POLICY committee_add ON %s FOR INSERT WITH CHECK (%s)', p_table,
                 coalesce(p_insert, p_using));
END $$;

-- The rule, and the writes recorded in the audit trail.
CREATE OR REPLACE FUNCTION lajna_protect(p_table regclass, p_using text, p_insert text DEFAULT NULL)
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT lajna_protect_rows(p_table, p_using, p_insert);
  SELECT lajna_record_writes(p_table)
$$;

-- A table whose rows name their committee in p_column; the audit trail
-- finds the committee through that column.
CREATE OR REPLACE FUNCTION lajna_protect_by_committee(p_table regclass, p_column text)
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT lajna_protect(p_table,
                       format('%I = ANY ((SELECT lajna_my_committees())::integer[])', p_column));
  SELECT lajna_register_audit_object(p_table, p_column)
$$;

-- As writer, at the end of the statement: every parent named by the
-- statement's new rows must be visible (row-level security decides).
CREATE OR REPLACE FUNCTION lajna_check_parent_visible() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_hidden boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT FROM added a WHERE NOT EXISTS'
                 ' (SELECT FROM %s p WHERE p.id = a.%I))', TG_ARGV[1], TG_ARGV[0])
    INTO v_hidden;
  IF v_hidden THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

-- Checks that the parent p_parent that p_column of a new row of p_table
-- names is visible, and registers the parent with the audit trail.
CREATE OR REPLACE FUNCTION lajna_check_parent(p_table regclass, p_column text, p_parent regclass)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE OR REPLACE TRIGGER parent_visible_check AFTER INSERT ON %s'
                 ' REFERENCING NEW TABLE AS added FOR EACH STATEMENT'
                 ' EXECUTE FUNCTION lajna_check_parent_visible(%L, %L)',
                 p_table, p_column, p_parent::text);
  PERFORM lajna_register_audit_object(p_table, p_column, p_parent);
END $$;

-- A table whose rows are seen through their parent row in p_parent.
CREATE OR REPLACE FUNCTION lajna_protect_by_parent(p_table regclass, p_column text,
                                                   p_parent regclass)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_protect(p_table,
                        format('EXISTS (SELECT FROM %s p WHERE p.id = %I)', p_parent, p_column),
                        'true');
  PERFORM lajna_check_parent(p_table, p_column, p_parent);
END $$;

-- At the end of the statement, refuses new rows of a file the writer may
-- not write (lajna_case_committee_refused(), in model/cases/cases.sql).
CREATE OR REPLACE FUNCTION lajna_check_case_committee() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_cases bigint[];
BEGIN
  EXECUTE format('SELECT array_agg(DISTINCT a.%I) FROM added a', TG_ARGV[0]) INTO v_cases;
  IF public.lajna_case_committee_refused(v_cases, public.lajna_by_owner(TG_RELID)) THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

-- A table whose rows are seen through their file, named in p_column.
CREATE OR REPLACE FUNCTION lajna_protect_by_case(p_table regclass, p_column text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_protect(p_table,
                        format('EXISTS (SELECT FROM case_file p WHERE p.id = %I)', p_column),
                        'true');
  EXECUTE format('CREATE OR REPLACE TRIGGER case_committee_check AFTER INSERT ON %s'
                 ' REFERENCING NEW TABLE AS added FOR EACH STATEMENT'
                 ' EXECUTE FUNCTION lajna_check_case_committee(%L)', p_table, p_column);
  PERFORM lajna_register_audit_object(p_table, p_column, 'case_file');
END $$;

-- Holds writes to p_table, and with p_read its reading too, to the rows
-- that pass p_rule, beside the rule the table takes: the restrictive
-- policies committee_write, committee_delete and committee_meeting.
CREATE OR REPLACE FUNCTION lajna_hold_to_committees(p_table regclass, p_rule text, p_read boolean)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('DROP POLICY IF EXISTS committee_write ON %s', p_table);
  EXECUTE format('CREATE POLICY committee_write ON %s AS RESTRICTIVE FOR UPDATE USING (%s)',
                 p_table, p_rule);
  EXECUTE format('DROP POLICY IF EXISTS committee_delete ON %s', p_table);
  EXECUTE format('CREATE POLICY committee_delete ON %s AS RESTRICTIVE FOR DELETE USING (%s)',
                 p_table, p_rule);
  IF p_read THEN
    EXECUTE format('DROP POLICY IF EXISTS committee_meeting ON %s', p_table);
    EXECUTE format('CREATE POLICY committee_meeting ON %s AS RESTRICTIVE FOR SELECT USING (%s)',
                   p_table, p_rule);
  END IF;
END $$;

-- Who sees names and identity numbers. Row-level security decides which
-- files a person sees; this decides what of them:
--   * national and passport numbers only to the roles that work with them
--     (clerk, chair, signatory, administrator): members and rapporteurs
--     read files without them, by column privileges;
--   * the administrator needs counts, not children: juvenile files are
--     listed to that role with the juvenile's initials, and the juvenile's
--     record, person and field history stay hidden (a restrictive policy);
--     the role reads files and writes none.
-- Column privileges belong to a person, not to a committee: someone who is
-- a clerk on one committee and a member on another reads numbers on both
-- (rows stay limited to their committees all the same).
--
-- The names of a juvenile file, in p_table's rows of the file p_column
-- names, are read on the committees where the person reads names, and by
-- whoever works on the file.
CREATE OR REPLACE FUNCTION lajna_protect_names(p_table regclass, p_column text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('DROP POLICY IF EXISTS names_read ON %s', p_table);
  EXECUTE format('CREATE POLICY names_read ON %s AS RESTRICTIVE FOR SELECT USING ('
                 ' EXISTS (SELECT FROM case_file c WHERE c.id = %I AND (c.kind = ''marriage'''
                 ' OR c.committee_id = ANY ((SELECT lajna_name_committees())::integer[])'
                 ' OR c.id = ANY ((SELECT lajna_my_cases())::bigint[]))))',
                 p_table, p_column);
END $$;

-- ---------------------------------------------------------------------
-- Functions: the casework roles and the file's access history.

-- Casework roles exist only on juvenile committees, and only they are
-- limited to a facility.
CREATE OR REPLACE FUNCTION lajna_check_casework_role() RETURNS trigger
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

-- The audit trail's events about file p_case_id (when, who, what), read
-- past row-level security by the chair and the administrator of its
-- committee.
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

-- ---------------------------------------------------------------------
-- Functions: the roles and their grants, written out, one function a
-- subject, made again after a restore (roles belong to the server, not to
-- the database, so a backup does not carry them) and when a person is
-- added.

-- p_table readable by p_role in every column but p_hidden, including
-- columns added since the grants were last made.
CREATE OR REPLACE FUNCTION lajna_grant_columns_but(p_table regclass, p_role text, p_hidden text[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  EXECUTE format('REVOKE SELECT ON %s FROM %I', p_table, p_role);
  EXECUTE format('GRANT SELECT (%s) ON %s TO %I',
                 (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
                    FROM pg_attribute
                   WHERE attrelid = p_table AND attnum > 0 AND NOT attisdropped
                     AND attname <> ALL (p_hidden)),
                 p_table, p_role);
END $$;

-- The committee roles' groups, each person's login role with the groups
-- of their roles, and what each group may do, row-level security narrowing
-- it to the committees. The audit trail is written only through
-- lajna_audit().
CREATE OR REPLACE FUNCTION lajna_grant_committee_access() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $fn$
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
                  vote, decision, ruling, signature, case_follow_up
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

-- Identity numbers hidden from members, rapporteurs and administrators;
-- the administrator reads files without their names and writes none.
CREATE OR REPLACE FUNCTION lajna_grant_names_and_numbers() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
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

-- The groups of the casework roles, and what they read: the files they
-- work on and what hangs from them, a person's identity numbers apart. No
-- meeting, decision, ruling or figure; no write but through the
-- application's own functions.
CREATE OR REPLACE FUNCTION lajna_grant_casework() RETURNS void
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

-- What a clerk adds to a file's documents.
CREATE OR REPLACE FUNCTION lajna_grant_documents() RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  GRANT INSERT ON document, document_blob, document_preview TO lajna_clerk;
$$;

-- What each role reads and writes of meetings, votes and decisions.
CREATE OR REPLACE FUNCTION lajna_grant_meetings() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  GRANT SELECT ON meeting_change, case_notice, attendance_now, vote_now, decision_now,
                  decision_outcome, decision_reason
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT INSERT, UPDATE, DELETE ON meeting, attendance, agenda_item TO lajna_clerk, lajna_chair;
  GRANT INSERT, UPDATE ON vote TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair;
  GRANT INSERT, UPDATE ON decision TO lajna_clerk, lajna_chair;
  GRANT UPDATE (next_review_on) ON juvenile_case TO lajna_chair;
  GRANT USAGE ON SEQUENCE vote_id_seq TO lajna_member, lajna_rapporteur;
END $$;

-- Rulings are written through their functions alone; their text is read
-- by the clerk, the chair and the signatory.
CREATE OR REPLACE FUNCTION lajna_grant_rulings() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_role text;
BEGIN
  REVOKE ALL ON ruling, ruling_counter, signature
    FROM lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT SELECT ON ruling_placeholder, ruling_template, signature, seal_public_key
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT INSERT, UPDATE ON ruling_template TO lajna_admin;
  GRANT SELECT ON ruling TO lajna_clerk, lajna_chair, lajna_signatory;
  FOREACH v_role IN ARRAY ARRAY['lajna_member', 'lajna_rapporteur', 'lajna_admin'] LOOP
    PERFORM lajna_grant_columns_but('ruling', v_role, ARRAY['content', 'pdf', 'issued_pdf']);
  END LOOP;
END $$;

-- Nothing of anyone's own in the database: no schema objects, no
-- temporary tables (a restore makes the database anew, so this is said
-- again then), no large objects.
CREATE OR REPLACE FUNCTION lajna_close_schema() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  REVOKE EXECUTE ON FUNCTION lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea),
                             lo_import(text), lo_import(text, oid)
    FROM PUBLIC;
END $$;

-- Every subject's grants; called after the subjects are applied, after a
-- restore and when a person is added.
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
  PERFORM lajna_grant_reports();
  PERFORM lajna_close_schema();
END $$;

-- A person, or a role more for a person, who keeps whether they are on
-- (on the committee, and as a whole); as `lajnactl user add` adds them.
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

-- ---------------------------------------------------------------------
-- Triggers.

-- The audit trail is append-only.
CREATE OR REPLACE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION lajna_audit_refuse();

CREATE OR REPLACE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_audit_refuse();

CREATE OR REPLACE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION lajna_audit_refuse();

-- At commit, each event written through lajna_audit() is checked again
-- (lajna_audit_check_rows()).
DROP TRIGGER IF EXISTS audit_event_rows ON audit_event;
CREATE CONSTRAINT TRIGGER audit_event_rows AFTER INSERT ON audit_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.action NOT LIKE 'write.%')
  EXECUTE FUNCTION lajna_audit_check_rows();

CREATE OR REPLACE TRIGGER committee_role_casework BEFORE INSERT OR UPDATE OF role, committee_id, facility
  ON committee_role FOR EACH ROW EXECUTE FUNCTION lajna_check_casework_role();

-- ---------------------------------------------------------------------
-- The rows under a file are written, and a meeting's part read, only on
-- the person's own committees (lajna_case_of_my_committees()).
SELECT lajna_hold_to_committees(t::regclass, 'lajna_case_of_my_committees(case_id)', false)
  FROM unnest(ARRAY['marriage_case', 'juvenile_case', 'case_history', 'case_change',
                    'case_notice', 'document']) t;

SELECT lajna_hold_to_committees(t::regclass, 'lajna_case_of_my_committees(case_id)', true)
  FROM unnest(ARRAY['agenda_item', 'decision']) t;

-- ---------------------------------------------------------------------
-- Rights: called only by Lajna's own functions, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_audit_event(text, text, bigint, jsonb),
  lajna_audit_refusal(text, text, bigint, jsonb, boolean),
  lajna_audit_committee(text, bigint),
  lajna_audit_case(text, bigint),
  lajna_committees_of(text, text[]),
  lajna_casework(text),
  lajna_casework_cases(text)
  FROM PUBLIC;
