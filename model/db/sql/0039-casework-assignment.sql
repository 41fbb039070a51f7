-- A juvenile file is assigned to a social worker or psychologist who holds
-- that role on the file's committee today, on every facility or on the
-- juvenile's own: anyone else could never open the file, and the file
-- would wait for a report nobody can write. An assignment already on
-- record stays when the role later ends; only a new one is checked.

CREATE FUNCTION lajna_serves_case(p_user integer, p_role text, p_case bigint, p_facility text)
RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT EXISTS (
    SELECT FROM committee_role r JOIN case_file c ON c.committee_id = r.committee_id
     WHERE c.id = p_case AND r.user_id = p_user AND r.role = p_role AND r.active
       AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
       AND (r.facility = '' OR r.facility = p_facility));
END;

CREATE FUNCTION lajna_check_casework_assignment() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF public.lajna_loading_history() THEN
    RETURN NULL;
  END IF;
  IF NEW.social_worker_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.social_worker_id IS DISTINCT FROM OLD.social_worker_id)
     AND NOT public.lajna_serves_case(NEW.social_worker_id, 'social_worker', NEW.case_id,
                                      NEW.facility) THEN
    PERFORM public.lajna_refuse(format('user %s is no social worker of file %s',
                                       NEW.social_worker_id, NEW.case_id),
                                'casework_assignment');
  END IF;
  IF NEW.psychologist_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.psychologist_id IS DISTINCT FROM OLD.psychologist_id)
     AND NOT public.lajna_serves_case(NEW.psychologist_id, 'psychologist', NEW.case_id,
                                      NEW.facility) THEN
    PERFORM public.lajna_refuse(format('user %s is no psychologist of file %s',
                                       NEW.psychologist_id, NEW.case_id),
                                'casework_assignment');
  END IF;
  RETURN NULL;
END $$;

-- After the row, so that a file registered by one statement (its
-- case_file row written alongside) is seen.
CREATE TRIGGER juvenile_case_assignment
  AFTER INSERT OR UPDATE OF social_worker_id, psychologist_id ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_check_casework_assignment();
