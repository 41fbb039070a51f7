-- The audit trail: append-only and hash-chained.
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
CREATE FUNCTION lajna_audit_text(e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN concat_ws('|', e.id,
                 to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                 e.actor, e.action, e.object, coalesce(e.object_id::text, ''),
                 e.detail::text);

CREATE TABLE audit_head (
  only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_id    bigint,
  last_hash  bytea
);
INSERT INTO audit_head (last_id, last_hash)
SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1;
INSERT INTO audit_head (last_id, last_hash)
SELECT NULL, NULL WHERE NOT EXISTS (SELECT FROM audit_head);

-- Events written before this migration are chained again under the rule
-- above (the table holds at most the demo's few events at this point).
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_length CHECK (length(hash) = 32);
DO $$
DECLARE
  v_prev bytea;
  v_event audit_event;
BEGIN
  FOR v_event IN SELECT * FROM audit_event ORDER BY id LOOP
    v_event.prev_hash := v_prev;
    v_prev := sha256(coalesce(v_prev, '') || convert_to(lajna_audit_text(v_event), 'UTF8'));
    UPDATE audit_event SET prev_hash = v_event.prev_hash, hash = v_prev WHERE id = v_event.id;
  END LOOP;
  UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_event), last_hash = v_prev;
END $$;

-- Whoever the session acts as: after SET ROLE, the role taken on.
CREATE FUNCTION lajna_actor() RETURNS text
LANGUAGE sql STABLE
RETURN CASE WHEN current_setting('role') IN ('', 'none') THEN session_user::text
            ELSE current_setting('role') END;

-- Appends one event in the caller's transaction and returns its id.
CREATE OR REPLACE FUNCTION lajna_audit(p_action text, p_object text, p_object_id bigint,
                                       p_detail jsonb DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_head  audit_head;
  v_event audit_event;
BEGIN
  SELECT * INTO v_head FROM audit_head FOR UPDATE;
  v_event.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
  v_event.at := clock_timestamp();
  v_event.actor := lajna_actor();
  v_event.action := p_action;
  v_event.object := p_object;
  v_event.object_id := p_object_id;
  v_event.detail := coalesce(p_detail, '{}');
  v_event.prev_hash := v_head.last_hash;
  v_event.hash := sha256(coalesce(v_head.last_hash, '')
                         || convert_to(lajna_audit_text(v_event), 'UTF8'));
  INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT v_event.*;
  UPDATE audit_head SET last_id = v_event.id, last_hash = v_event.hash;
  RETURN v_event.id;
END $$;

CREATE FUNCTION lajna_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION lajna_audit_refuse();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_audit_refuse();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION lajna_audit_refuse();

-- The chain as `lajnactl audit verify` reads it: for each event in order,
-- whether its hash is that of its content and the previous hash it names.
-- The client checks that each previous hash is the hash of the event
-- before, and that the last is audit_head's.
CREATE FUNCTION lajna_audit_chain(p_after bigint DEFAULT 0)
RETURNS TABLE (id bigint, prev_hash bytea, hash bytea, content_ok boolean)
LANGUAGE sql STABLE AS $$
  SELECT e.id, e.prev_hash, e.hash,
         e.hash = sha256(coalesce(e.prev_hash, '') || convert_to(lajna_audit_text(e), 'UTF8'))
    FROM audit_event e
   WHERE e.id > p_after
   ORDER BY e.id
$$;

-- A clerk's duplicate verdict is a write like any other.
CREATE OR REPLACE FUNCTION lajna_mark_duplicate(p_person bigint, p_other bigint, p_same boolean)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO duplicate_verdict (person_low, person_high, same_person)
  VALUES (least(p_person, p_other), greatest(p_person, p_other), p_same)
  ON CONFLICT (person_low, person_high) DO UPDATE
    SET same_person = EXCLUDED.same_person, decided_by = current_user, decided_at = now();
  SELECT lajna_audit('person.duplicate_verdict', 'person', least(p_person, p_other),
                     jsonb_build_object('other', greatest(p_person, p_other), 'same', p_same));
$$;
