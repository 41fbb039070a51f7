-- Every change of a file's fields is recorded with who, when, the old and
-- the new value, beside the status steps in case_history, so that the file
-- shows one timeline. A person's change is recorded on each of their files.

CREATE TABLE case_change (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL DEFAULT current_user,
  -- Which record: 'file', 'marriage', 'juvenile', or a party's role.
  subject    text NOT NULL,
  field      text NOT NULL,
  old_value  text,
  new_value  text
);
CREATE INDEX case_change_case ON case_change (case_id, at);

-- Columns that are derived, or bookkeeping, or have their own history.
CREATE FUNCTION lajna_is_recorded_field(p_field text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN p_field NOT IN ('id', 'case_id', 'row_version', 'created_at', 'updated_at', 'title',
                       'search_text', 'search_norm', 'full_name', 'name_norm', 'status');

CREATE FUNCTION lajna_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old jsonb := to_jsonb(OLD);
  v_new jsonb := to_jsonb(NEW);
BEGIN
  IF TG_TABLE_NAME = 'person' THEN
    INSERT INTO case_change (case_id, subject, field, old_value, new_value)
    SELECT p.case_id, p.role, n.key, v_old ->> n.key, n.value #>> '{}'
      FROM jsonb_each(v_new) n
      CROSS JOIN LATERAL (
        SELECT case_id, 'libyan_party' AS role FROM marriage_case WHERE libyan_party_id = NEW.id
        UNION ALL SELECT case_id, 'foreign_party' FROM marriage_case WHERE foreign_party_id = NEW.id
        UNION ALL SELECT case_id, 'juvenile' FROM juvenile_case WHERE juvenile_id = NEW.id) p
     WHERE lajna_is_recorded_field(n.key) AND v_old -> n.key IS DISTINCT FROM n.value;
  ELSE
    INSERT INTO case_change (case_id, subject, field, old_value, new_value)
    SELECT (v_new ->> CASE TG_TABLE_NAME WHEN 'case_file' THEN 'id' ELSE 'case_id' END)::bigint,
           CASE TG_TABLE_NAME WHEN 'case_file' THEN 'file'
                              WHEN 'marriage_case' THEN 'marriage' ELSE 'juvenile' END,
           n.key, v_old ->> n.key, n.value #>> '{}'
      FROM jsonb_each(v_new) n
     WHERE lajna_is_recorded_field(n.key) AND v_old -> n.key IS DISTINCT FROM n.value;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER case_file_changes AFTER UPDATE ON case_file
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();
CREATE TRIGGER marriage_case_changes AFTER UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();
CREATE TRIGGER juvenile_case_changes AFTER UPDATE ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();
CREATE TRIGGER person_changes AFTER UPDATE ON person
  FOR EACH ROW EXECUTE FUNCTION lajna_record_changes();
