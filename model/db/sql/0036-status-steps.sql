-- A file's status moves only by the steps of case_transition, whoever
-- writes it. The transition function checked the steps, but clerks may
-- update files and the chair and signatories may write a status: a clerk
-- could mark a file "ruling issued" without a ruling, or send a decided
-- file back to registered, by writing the column. The same rule now holds
-- for every write: a step of the file's kind, and a ruling's own step
-- (issued, signed) only as its ruling stands. A decision corrected while
-- its meeting sits, or after it, moves a decided or deferred file to what
-- the decision in force makes it. The server's own account, which
-- row-level security does not bind either, is not held to it: it loads
-- the demo's history and the tests' files in any status.

CREATE FUNCTION lajna_check_status_step() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_manual boolean;
BEGIN
  IF public.lajna_acting_superuser() THEN
    RETURN NEW;
  END IF;
  SELECT bool_and(t.manual) INTO v_manual FROM public.case_transition t
   WHERE t.from_status = OLD.status AND t.to_status = NEW.status
     AND (t.kind IS NULL OR t.kind = NEW.kind);
  IF v_manual
     OR (NOT v_manual AND public.lajna_case_ruling_status(NEW.id) = NEW.status) THEN
    RETURN NEW;
  END IF;
  IF OLD.status IN ('decided', 'deferred')
     AND NEW.status = (SELECT o.to_status
                         FROM public.decision d
                         JOIN public.decision_outcome o ON o.code = d.outcome
                        WHERE d.id = public.lajna_case_decision(NEW.id)) THEN
    RETURN NEW;
  END IF;
  PERFORM public.lajna_refuse(format('file %s cannot go from %s to %s', NEW.id, OLD.status,
                                     NEW.status), 'status_step');
  RETURN NULL;
END $$;

CREATE TRIGGER case_file_status_step BEFORE UPDATE OF status ON case_file
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION lajna_check_status_step();
