-- What the file list's filters and follow-up lists ask of a file, kept as
-- the file changes, so that on a million files a filter reads an index
-- instead of working out every file's checklist and history:
--
--   documents_met_until  until when the file's mandatory documents are all
--                        valid: NULL while one is missing, 'infinity' when
--                        none expires, and for a file no longer waiting on
--                        documents. The file lacks documents when it is
--                        NULL or past, exactly when it waits and
--                        lajna_case_lacking() gives a row.
--   pending_since        when the file last entered documents_pending (its
--                        history), while it is there.
--   next_review_on       a juvenile file's next periodic review, readable
--                        by whoever sees the file, names or not.
--
-- A file has a row while it waits on its documents (registered,
-- documents_pending, complete, deferred) or has a review date.

CREATE TABLE case_follow_up (
  case_id             bigint PRIMARY KEY REFERENCES case_file ON DELETE CASCADE,
  -- The file's, so that the row's rule reads no other table.
  committee_id        integer NOT NULL REFERENCES committee,
  documents_met_until date,
  pending_since       timestamptz,
  next_review_on      date
);
CREATE INDEX case_follow_up_pending ON case_follow_up (pending_since)
  WHERE pending_since IS NOT NULL;
CREATE INDEX case_follow_up_review ON case_follow_up (next_review_on)
  WHERE next_review_on IS NOT NULL;
-- Seen by the file's committees as the file is (a rule by the row's own
-- committee costs nothing a row, where one through its file costs a
-- lookup), and like case_notice written only by the triggers below:
-- nobody else is granted more than SELECT.
SELECT lajna_protect_rows('case_follow_up',
  'committee_id = ANY ((SELECT lajna_my_committees())::integer[])', 'true');

-- Until when file p_case's mandatory documents are all valid: NULL while
-- one is missing, 'infinity' when none expires. The checklist's functions
-- search the schema: the functions below, which search pg_catalog and
-- pg_temp alone, read it through this one.
CREATE FUNCTION lajna_case_documents_met_until(p_case bigint) RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE WHEN bool_or(l.state = 'missing') THEN NULL
              ELSE coalesce(min(coalesce(l.valid_until, 'infinity')), 'infinity') END
    FROM public.lajna_case_checklist(p_case) l
   WHERE l.mandatory
$$;

-- Works out file p_case's row again from its status, checklist, history
-- and review date, with the owner's rights: whoever changed the file
-- cannot write the row themselves.
CREATE FUNCTION lajna_follow_up_refresh(p_case bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_committee integer;
  v_status    text;
  v_waiting   boolean;
  v_review    date;
BEGIN
  SELECT c.committee_id, c.status, j.next_review_on INTO v_committee, v_status, v_review
    FROM public.case_file c LEFT JOIN public.juvenile_case j ON j.case_id = c.id
   WHERE c.id = p_case;
  v_waiting := v_status IN ('registered', 'documents_pending', 'complete', 'deferred');
  IF NOT coalesce(v_waiting, false) AND v_review IS NULL THEN
    DELETE FROM public.case_follow_up WHERE case_id = p_case;
    RETURN;
  END IF;
  INSERT INTO public.case_follow_up (case_id, committee_id, documents_met_until, pending_since,
                                     next_review_on)
  SELECT p_case, v_committee,
         CASE WHEN v_waiting THEN public.lajna_case_documents_met_until(p_case)
         ELSE 'infinity' END,
         CASE WHEN v_status = 'documents_pending' THEN
           (SELECT max(h.at) FROM public.case_history h
             WHERE h.case_id = p_case AND h.to_status = 'documents_pending')
         END,
         v_review
  ON CONFLICT (case_id) DO UPDATE
     SET committee_id = EXCLUDED.committee_id, documents_met_until = EXCLUDED.documents_met_until,
         pending_since = EXCLUDED.pending_since, next_review_on = EXCLUDED.next_review_on;
END $$;

-- The files a changed row bears on: its own file, or a person's files as
-- the foreign party (their nationality and passport are checklist facts).
CREATE FUNCTION lajna_follow_up_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_row  jsonb;
  v_case bigint;
BEGIN
  FOREACH v_row IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                               CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END] LOOP
    CONTINUE WHEN v_row IS NULL;
    IF TG_TABLE_NAME = 'person' THEN
      FOR v_case IN SELECT m.case_id FROM public.marriage_case m
                     WHERE m.foreign_party_id = (v_row ->> 'id')::bigint LOOP
        PERFORM public.lajna_follow_up_refresh(v_case);
      END LOOP;
    ELSE
      PERFORM public.lajna_follow_up_refresh(
        (v_row ->> CASE TG_TABLE_NAME WHEN 'case_file' THEN 'id' ELSE 'case_id' END)::bigint);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- A rule or a document type changed: every file that waits is judged again.
CREATE FUNCTION lajna_follow_up_rules_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM public.lajna_follow_up_refresh(c.id) FROM public.case_file c
    WHERE c.status IN ('registered', 'documents_pending', 'complete', 'deferred');
  RETURN NULL;
END $$;

CREATE TRIGGER follow_up AFTER INSERT OR UPDATE OF status, kind, committee_id ON case_file
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();
CREATE TRIGGER follow_up AFTER INSERT ON case_history
  FOR EACH ROW WHEN (NEW.to_status = 'documents_pending')
  EXECUTE FUNCTION lajna_follow_up_changed();
CREATE TRIGGER follow_up AFTER INSERT OR UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();
CREATE TRIGGER follow_up AFTER INSERT OR UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();
CREATE TRIGGER follow_up AFTER INSERT OR UPDATE OF next_review_on ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();
CREATE TRIGGER follow_up AFTER UPDATE OF nationality, passport_expiry ON person
  FOR EACH ROW EXECUTE FUNCTION lajna_follow_up_changed();
CREATE TRIGGER follow_up AFTER INSERT OR UPDATE OR DELETE ON checklist_rule
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_follow_up_rules_changed();
CREATE TRIGGER follow_up AFTER INSERT OR UPDATE OR DELETE ON document_type
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_follow_up_rules_changed();

-- Files loaded with the triggers off (the demo) get their rows here.
CREATE FUNCTION lajna_follow_up_fill() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_follow_up_refresh(c.id) FROM public.case_file c
    LEFT JOIN public.juvenile_case j ON j.case_id = c.id
   WHERE c.status IN ('registered', 'documents_pending', 'complete', 'deferred')
      OR j.next_review_on IS NOT NULL
$$;

-- A status within the committees one sees, counted from the index alone
-- and paged in the order of receipt, rather than every file of that
-- status read to learn its committee.
CREATE INDEX case_file_committee_status ON case_file (committee_id, status, received_on, id);

SET LOCAL jit = off;
SELECT lajna_follow_up_fill();
ANALYZE case_follow_up;
