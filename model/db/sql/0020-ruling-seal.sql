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

INSERT INTO access_grant (statement) VALUES
  ('GRANT SELECT (id, public_key, created_at) ON ruling_seal TO lajna_clerk, lajna_member,'
   ' lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin'),
  ('GRANT SELECT, INSERT ON ruling_seal TO lajna_clerk, lajna_chair, lajna_signatory');
