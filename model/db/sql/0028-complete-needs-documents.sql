-- A file becomes complete («مكتمل») only with its checklist met: while a
-- mandatory document is missing or expired, a file that is registered or
-- waiting for documents stays where it is. Scheduling already asked this
-- (0010); a file complete by hand but lacking documents was the gap. A
-- file that returns to complete (taken off an agenda, not decided at its
-- meeting, a juvenile's review falling due) passed the check when it was
-- scheduled, and meets it again before it is scheduled again.
--
-- The rule holds for every write of a file's status, not only for the
-- transition function, whose update it checks too: clerks may update
-- files, and a file may be inserted complete. Documents attached earlier
-- in the same transaction count. The server's own account, which row-level
-- security does not bind either, is not held to it: it loads the demo's
-- history and the tests' files in any status.

CREATE FUNCTION lajna_check_complete() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_lacking text;
BEGIN
  IF (TG_OP = 'UPDATE' AND OLD.status NOT IN ('registered', 'documents_pending'))
     OR lajna_acting_superuser() THEN
    RETURN NULL;
  END IF;
  SELECT string_agg(l.type_code || ' (' || l.state || ')', ', ' ORDER BY l.type_code)
    INTO v_lacking
    FROM lajna_case_lacking(NEW.id) l;
  IF v_lacking IS NOT NULL THEN
    RAISE EXCEPTION 'file % cannot be complete while documents are lacking: %', NEW.id, v_lacking
      USING ERRCODE = 'check_violation', HINT = 'lajna:complete_checklist';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER case_file_complete AFTER INSERT OR UPDATE OF status ON case_file
  FOR EACH ROW WHEN (NEW.status = 'complete') EXECUTE FUNCTION lajna_check_complete();
