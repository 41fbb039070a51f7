

-- ---------------------------------------------------------------------
-- The seal keys: one in use per committee. The installation's single key
-- of 0020 is kept retired, its private half wiped (every clerk could read
-- it), so that rulings sealed with it still check.

CREATE TABLE seal_key (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- NULL for the installation's key of before.
  committee_id integer REFERENCES committee,
  public_key   bytea NOT NULL UNIQUE CHECK (length(public_key) = 32),
  private_key  bytea CHECK (length(private_key) = 32),
  created_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz,
  CHECK ((retired_at IS NULL) = (private_key IS NOT NULL))
);
CREATE UNIQUE INDEX seal_key_in_use ON seal_key (committee_id) WHERE retired_at IS NULL;
REVOKE ALL ON seal_key FROM PUBLIC;

INSERT INTO seal_key (committee_id, public_key, private_key, created_at, retired_at)
SELECT NULL, public_key, NULL, created_at, now() FROM ruling_seal;
DROP TABLE ruling_seal;

-- The public halves, for everyone who checks a ruling.
CREATE VIEW seal_public_key AS
  SELECT id, committee_id, public_key, created_at, retired_at FROM seal_key;

