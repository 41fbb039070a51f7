-- Sealed rulings, and corrected versions.
--   * A ruling's text is frozen when it is issued (or, for a ruling issued
--     before, when it is first printed): a later change to a template, a
--     letterhead or a file does not change a ruling on record.
--   * Its seal is what its QR code holds: the ruling's id, number and
--     version and the SHA-256 of its printed text, signed (Ed25519) with
--     the installation's seal key; anyone with the public key can check a
--     PDF offline.
--   * A correction is a new version of the same number, naming the version
--     it corrects and why; the old one stays as it was.

-- The installation's seal key: one, made by the first workstation that
-- seals. Its private half is for those who issue and print rulings.
CREATE TABLE ruling_seal (
  id          integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  public_key  bytea NOT NULL CHECK (length(public_key) = 32),
  private_key bytea NOT NULL CHECK (length(private_key) = 32),
  created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE ruling ADD COLUMN content jsonb,
                   ADD COLUMN seal text,
                   ADD COLUMN correction_reason text NOT NULL DEFAULT ''
                     CHECK (NOT lajna_has_bidi_control(correction_reason)),
                   ADD CHECK ((supersedes IS NULL) = (correction_reason = '')),
                   ADD CHECK ((content IS NULL) = (seal IS NULL));
CREATE UNIQUE INDEX ruling_superseded_once ON ruling (supersedes);
CREATE UNIQUE INDEX ruling_decision_version ON ruling (decision_id, version);

-- A decision and those it corrects, back to the first.
CREATE FUNCTION lajna_decision_lineage(p_decision bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE line (id, corrects) AS (
    SELECT d.id, d.corrects FROM decision d WHERE d.id = p_decision
    UNION ALL
    SELECT d.id, d.corrects FROM decision d JOIN line ON d.id = line.corrects)
  SELECT id FROM line
$$;

-- The latest version of the ruling of a decision (or of a decision it
-- corrects), if one was issued.
CREATE FUNCTION lajna_decision_ruling(p_decision bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT r.id FROM ruling r
   WHERE r.decision_id IN (SELECT lajna_decision_lineage(p_decision))
   ORDER BY r.version DESC LIMIT 1
$$;

-- A ruling's number is taken once per decision and its corrections: a
-- decision corrected after its ruling was issued gets a corrected version.
CREATE OR REPLACE FUNCTION lajna_ruling_issue(p_decision bigint, p_issued_on date DEFAULT current_date)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_committee integer;
  v_case      bigint;
  v_number    integer;
  v_id        bigint;
BEGIN
  SELECT c.committee_id, c.id INTO v_committee, v_case
    FROM decision_now d JOIN case_file c ON c.id = d.case_id WHERE d.id = p_decision;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'decision % is not in force', p_decision USING ERRCODE = 'no_data_found';
  END IF;
  -- One workstation at a time issues a file's ruling: the second waits,
  -- then finds the ruling the first issued.
  PERFORM pg_advisory_xact_lock(hashtext('lajna_ruling_issue'), (v_case % 2147483647)::integer);
  IF lajna_decision_ruling(p_decision) IS NOT NULL THEN
    PERFORM lajna_refuse(format('decision %s already has its ruling', p_decision), 'ruling_issued');
  END IF;
  INSERT INTO ruling_counter (committee_id, year, last_number)
  VALUES (v_committee, extract(year FROM p_issued_on), 1)
  ON CONFLICT (committee_id, year) DO UPDATE SET last_number = ruling_counter.last_number + 1
  RETURNING last_number INTO v_number;
  INSERT INTO ruling (decision_id, committee_id, year, number, issued_on)
  VALUES (p_decision, v_committee, extract(year FROM p_issued_on), v_number, p_issued_on)
  RETURNING id INTO v_id;
  IF (SELECT status FROM case_file WHERE id = v_case) = 'decided' THEN
    PERFORM lajna_case_set_status(v_case, 'ruling_issued', format('ruling %s', v_number));
  END IF;
  PERFORM lajna_audit('ruling.issue', 'ruling', v_id, jsonb_build_object('number', v_number));
  RETURN v_id;
END $$;

-- A corrected version of a ruling: the same number, the next version, for
-- the decision in force now (the same decision, or its correction), with
-- the reason. The version it corrects stays on record, signed or not.
CREATE FUNCTION lajna_ruling_correct(p_ruling bigint, p_reason text,
                                     p_issued_on date DEFAULT current_date)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_old      ruling%ROWTYPE;
  v_decision bigint;
  v_id       bigint;
BEGIN
  SELECT * INTO v_old FROM ruling WHERE id = p_ruling;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ruling % does not exist', p_ruling USING ERRCODE = 'no_data_found';
  END IF;
  IF EXISTS (SELECT FROM ruling WHERE supersedes = p_ruling) THEN
    PERFORM lajna_refuse(format('ruling %s has a newer version', p_ruling), 'ruling_superseded');
  END IF;
  IF coalesce(btrim(p_reason), '') = '' THEN
    PERFORM lajna_refuse('a corrected ruling needs its reason', 'correction_reason');
  END IF;
  SELECT n.id INTO v_decision
    FROM decision o JOIN decision_now n ON n.case_id = o.case_id
   WHERE o.id = v_old.decision_id AND v_old.decision_id IN (SELECT lajna_decision_lineage(n.id));
  IF NOT FOUND THEN
    PERFORM lajna_refuse(format('the decision of ruling %s is no longer in force', p_ruling),
                         'ruling_superseded');
  END IF;
  INSERT INTO ruling (decision_id, committee_id, year, number, version, issued_on, supersedes,
                      correction_reason)
  VALUES (v_decision, v_old.committee_id, v_old.year, v_old.number, v_old.version + 1,
          p_issued_on, p_ruling, btrim(p_reason))
  RETURNING id INTO v_id;
  PERFORM lajna_audit('ruling.correct', 'ruling', v_id,
                      jsonb_build_object('number', v_old.number, 'version', v_old.version + 1,
                                         'supersedes', p_ruling, 'reason', btrim(p_reason)));
  RETURN v_id;
END $$;

-- A ruling stored is final: its text and seal, and its signed PDF and
-- digest, are each written once, and nothing else changes. A ruling
-- signed before it was sealed keeps its signed PDF as it is: it is not
-- sealed afterwards with words it was not signed with.
CREATE OR REPLACE FUNCTION lajna_ruling_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lajna_refuse(format('ruling %s is on record and cannot be deleted', OLD.id), 'ruling_final');
  END IF;
  IF (to_jsonb(NEW) - 'pdf' - 'sha256' - 'content' - 'seal')
       <> (to_jsonb(OLD) - 'pdf' - 'sha256' - 'content' - 'seal')
     OR (OLD.pdf IS NOT NULL AND NEW.pdf IS DISTINCT FROM OLD.pdf)
     OR (OLD.sha256 IS NOT NULL AND NEW.sha256 IS DISTINCT FROM OLD.sha256)
     OR (OLD.content IS NOT NULL AND NEW.content IS DISTINCT FROM OLD.content)
     OR (OLD.seal IS NOT NULL AND NEW.seal IS DISTINCT FROM OLD.seal)
     OR (OLD.pdf IS NOT NULL AND OLD.seal IS NULL AND NEW.seal IS NOT NULL)
     OR (NEW.pdf IS NOT NULL AND NEW.seal IS NULL AND OLD.pdf IS NULL) THEN
    PERFORM lajna_refuse(format('ruling %s is final; issue a new version to correct it', OLD.id),
                         'ruling_final');
  END IF;
  RETURN NEW;
END $$;

INSERT INTO access_grant (statement) VALUES
  ('GRANT SELECT (id, public_key, created_at) ON ruling_seal TO lajna_clerk, lajna_member,'
   ' lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin'),
  ('GRANT SELECT, INSERT ON ruling_seal TO lajna_clerk, lajna_chair, lajna_signatory');
SELECT lajna_grant_access();
