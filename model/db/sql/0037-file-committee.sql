-- A file stays with the committee that registered it: its number is of
-- that committee's series, its meetings, decisions and rulings are that
-- committee's, and the statistics count it, its decisions and its
-- reviews there. Nothing in Lajna moves a file, but a clerk of two
-- committees may update its row, and row-level security lets the row go
-- to any committee the clerk serves. No account, the server's own
-- included, moves it now.

CREATE FUNCTION lajna_check_file_committee() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM public.lajna_refuse(format('file %s belongs to committee %s', OLD.id,
                                     OLD.committee_id), 'file_committee');
  RETURN NULL;
END $$;

CREATE TRIGGER case_file_committee_fixed BEFORE UPDATE OF committee_id ON case_file
  FOR EACH ROW WHEN (OLD.committee_id IS DISTINCT FROM NEW.committee_id)
  EXECUTE FUNCTION lajna_check_file_committee();
