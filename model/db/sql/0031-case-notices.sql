-- What another workstation changed in a file, for the lists that show it.
-- A status moving on (a decision, a ruling issued or signed) and a
-- document attached or removed are numbered in case_notice and announced
-- on the channel 'lajna_case' as the file and the number; a client wakes
-- on the notification, or after it reconnects, and reads what is newer
-- than what it has, as it does for meetings (0018). A document also
-- changes the meetings whose agenda holds its file: it is numbered in
-- meeting_change too, so that a meeting shown elsewhere reads its
-- documents again.

CREATE TABLE case_notice (
  seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL,
  what    text NOT NULL,
  at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notice_case ON case_notice (case_id, seq);
-- Like meeting_change, a wake-up and not a record: seen through its file,
-- written only by the trigger below.
SELECT lajna_protect_rows('case_notice',
  'EXISTS (SELECT FROM case_file c WHERE c.id = case_id)', 'true');

CREATE FUNCTION lajna_case_noticed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_row     jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
  v_case    bigint;
  v_seq     bigint;
  v_meeting bigint;
BEGIN
  v_case := CASE TG_TABLE_NAME WHEN 'case_file' THEN (v_row ->> 'id')::bigint
                               ELSE (v_row ->> 'case_id')::bigint END;
  INSERT INTO public.case_notice (case_id, what)
  VALUES (v_case, TG_TABLE_NAME || '.' || lower(TG_OP)) RETURNING seq INTO v_seq;
  PERFORM pg_notify('lajna_case', v_case || ' ' || v_seq);
  IF TG_TABLE_NAME = 'document' THEN
    FOR v_meeting IN SELECT DISTINCT i.meeting_id FROM public.agenda_item i
                      WHERE i.case_id = v_case LOOP
      INSERT INTO public.meeting_change (meeting_id, what)
      VALUES (v_meeting, 'document.' || lower(TG_OP)) RETURNING seq INTO v_seq;
      PERFORM pg_notify('lajna_meeting', v_meeting || ' ' || v_seq);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER case_noticed AFTER INSERT OR UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION lajna_case_noticed();
CREATE TRIGGER case_noticed AFTER UPDATE OF status ON case_file
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION lajna_case_noticed();

CREATE OR REPLACE FUNCTION lajna_grant_meetings() RETURNS void
LANGUAGE plpgsql AS $$
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

ALTER FUNCTION lajna_grant_meetings() SET search_path = pg_catalog, public, pg_temp;

SELECT lajna_grant_access();
