

-- ---------------------------------------------------------------------
-- The committee of a row: its committee column, or its parent row's
-- committee, as each protected table declares when it takes its rule.

DROP TABLE audit_object;
CREATE TABLE audit_object (
  -- The table, as the audit trail names it.
  object   text PRIMARY KEY,
  relation regclass NOT NULL UNIQUE,
  -- The column holding the committee, or (with parent) the parent row.
  via      name NOT NULL,
  parent   text REFERENCES audit_object
);
REVOKE ALL ON audit_object FROM PUBLIC;

DROP FUNCTION IF EXISTS lajna_register_audit_object(regclass, text);

DROP FUNCTION IF EXISTS lajna_audit_allowed(text, bigint);

-- ---------------------------------------------------------------------
-- The grants, written out, one function a subject, so that a migration
-- that changes what a subject grants redefines that function alone: made
-- here, again after a restore and when a person is added.

DROP TABLE access_grant;
