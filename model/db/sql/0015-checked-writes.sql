-- What makes a new table safe by declaring its rule alone:
--   * lajna_audit() refuses an event about a row of another committee:
--     nobody writes into the trail that they opened, changed or printed
--     what they cannot see. Each protected table with an id records how to
--     find a row's committee (audit_object), when it declares its rule.
--   * rows under a parent that is not a file (a vote under its agenda
--     item, a signature under its ruling…) are checked when their
--     statement ends, as the writer: the parent must be one they see;
--   * every statement that writes rows of committee data appends an event
--     ('write.insert', 'write.update', 'write.delete': the table, how many
--     rows, their keys), whoever writes and however, psql included. The
--     app's own events ('case.update'…) say what was meant; these say
--     what was written.

CREATE TABLE audit_object (
  object       text PRIMARY KEY,
  -- SQL giving the committee of the row whose id is $1.
  committee_of text NOT NULL
);
REVOKE ALL ON audit_object FROM PUBLIC;

CREATE FUNCTION lajna_register_audit_object(p_table regclass, p_committee_of text)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO audit_object (object, committee_of)
  SELECT p_table::text, p_committee_of
   WHERE EXISTS (SELECT FROM pg_attribute
                  WHERE attrelid = p_table AND attname = 'id' AND NOT attisdropped)
  ON CONFLICT (object) DO UPDATE SET committee_of = EXCLUDED.committee_of
$$;

-- The committee of row p_id of p_object; NULL for an object without a
-- committee, or a row not (yet) there.
CREATE FUNCTION lajna_audit_committee(p_object text, p_id bigint) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_sql       text;
  v_committee integer;
BEGIN
  SELECT committee_of INTO v_sql FROM audit_object WHERE object = p_object;
  IF v_sql IS NOT NULL THEN
    EXECUTE v_sql INTO v_committee USING p_id;
  END IF;
  RETURN v_committee;
END $$;

-- Whether the person acting may write an event about row p_id of
-- p_object: yes for objects without a committee and for a row not (yet)
-- there (a file registered by the statement that records it); otherwise
-- only on their committees.
CREATE FUNCTION lajna_audit_allowed(p_object text, p_id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_committee integer;
BEGIN
  IF p_id IS NULL OR lajna_acting_superuser() THEN
    RETURN true;
  END IF;
  v_committee := lajna_audit_committee(p_object, p_id);
  RETURN v_committee IS NULL OR v_committee = ANY (lajna_my_committees());
END $$;

ALTER FUNCTION lajna_audit(text, text, bigint, jsonb) RENAME TO lajna_audit_event;

CREATE FUNCTION lajna_audit(p_action text, p_object text, p_object_id bigint,
                            p_detail jsonb DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT lajna_audit_allowed(p_object, p_object_id) THEN
    RAISE EXCEPTION 'no access to % %', p_object, p_object_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN lajna_audit_event(p_action, p_object, p_object_id, p_detail);
END $$;

-- As writer, at the end of the statement: every parent named by the
-- statement's new rows must be visible (row-level security decides).
CREATE FUNCTION lajna_check_parent_visible() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION lajna_check_parent(p_table regclass, p_column text, p_parent regclass)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER parent_visible_check AFTER INSERT ON %s'
                 ' REFERENCING NEW TABLE AS added FOR EACH STATEMENT'
                 ' EXECUTE FUNCTION lajna_check_parent_visible(%L, %L)',
                 p_table, p_column, p_parent::text);
  PERFORM lajna_register_audit_object(p_table,
    format('SELECT lajna_audit_committee(%L, t.%I) FROM %s t WHERE t.id = $1',
           p_parent::text, p_column, p_table));
END $$;

-- The write events: one per statement and table, naming up to 1,000 keys
-- (the first column of the primary key) of the rows written.
CREATE FUNCTION lajna_audit_writes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_rows bigint;
  v_keys jsonb;
BEGIN
  EXECUTE format('SELECT count(*), (SELECT jsonb_agg(k) FROM (SELECT %I AS k FROM changed'
                 '                   LIMIT 1000) s) FROM changed', TG_ARGV[0])
    INTO v_rows, v_keys;
  IF v_rows > 0 THEN
    PERFORM lajna_audit_event('write.' || lower(TG_OP), TG_TABLE_NAME,
                              CASE WHEN v_rows = 1 AND jsonb_typeof(v_keys -> 0) = 'number'
                                   THEN (v_keys ->> 0)::bigint END,
                              jsonb_build_object('rows', v_rows, 'keys', v_keys));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION lajna_record_writes(p_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_key text;
  v_op  text;
BEGIN
  SELECT a.attname INTO v_key
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
   WHERE i.indrelid = p_table AND i.indisprimary;
  FOREACH v_op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s REFERENCING %s TABLE AS changed'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION lajna_audit_writes(%L)',
                   'audit_' || lower(v_op), v_op, p_table,
                   CASE v_op WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END, v_key);
  END LOOP;
END $$;

ALTER FUNCTION lajna_protect(regclass, text, text) RENAME TO lajna_protect_rows;

CREATE FUNCTION lajna_protect(p_table regclass, p_using text, p_insert text DEFAULT NULL)
RETURNS void LANGUAGE sql AS $$
  SELECT lajna_protect_rows(p_table, p_using, p_insert);
  SELECT lajna_record_writes(p_table)
$$;

SELECT lajna_record_writes(polrelid) FROM pg_policy WHERE polname = 'committee_read';

-- The rules of 0012, now also recording how to find a row's committee and,
-- for parents that are not files, checking the parent.
CREATE OR REPLACE FUNCTION lajna_protect_by_committee(p_table regclass, p_column text)
RETURNS void LANGUAGE sql AS $$
  SELECT lajna_protect(p_table,
                       format('%I = ANY ((SELECT lajna_my_committees())::integer[])', p_column));
  SELECT lajna_register_audit_object(p_table,
                                     format('SELECT %I FROM %s WHERE id = $1', p_column, p_table))
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
  PERFORM lajna_register_audit_object(p_table,
    format('SELECT c.committee_id FROM %s t JOIN case_file c ON c.id = t.%I WHERE t.id = $1',
           p_table, p_column));
END $$;

CREATE OR REPLACE FUNCTION lajna_protect_by_parent(p_table regclass, p_column text,
                                                   p_parent regclass)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_protect(p_table,
                        format('EXISTS (SELECT FROM %s p WHERE p.id = %I)', p_parent, p_column),
                        'true');
  PERFORM lajna_check_parent(p_table, p_column, p_parent);
END $$;

-- The tables of 0012, registered and checked as the functions above now do.
SELECT lajna_register_audit_object(t::regclass, format('SELECT committee_id FROM %s WHERE id = $1', t))
  FROM unnest(ARRAY['case_file', 'meeting', 'ruling']) t;
SELECT lajna_register_audit_object(t::regclass,
         format('SELECT c.committee_id FROM %s t JOIN case_file c ON c.id = t.case_id'
                ' WHERE t.id = $1', t))
  FROM unnest(ARRAY['case_history', 'case_change', 'document', 'decision', 'agenda_item']) t;
SELECT lajna_check_parent(t::regclass, c, p::regclass)
  FROM (VALUES ('document_blob', 'document_id', 'document'),
               ('document_preview', 'document_id', 'document'),
               ('attendance', 'meeting_id', 'meeting'),
               ('vote', 'agenda_item_id', 'agenda_item'),
               ('signature', 'ruling_id', 'ruling')) v (t, c, p);
