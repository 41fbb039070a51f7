-- Who sees names and identity numbers: the list's title without names;
-- the grants and policies are in model/db/access.sql.

-- The title as the list shows it to a role that does not read names.
ALTER TABLE case_file ADD COLUMN listed_title text GENERATED ALWAYS AS
  (CASE WHEN kind = 'juvenile' THEN coalesce(lajna_initials(title), '') ELSE title END) STORED;

DROP FUNCTION IF EXISTS lajna_grant_access();

-- Grants that later migrations add, made again with the others after a
-- restore and when a person is added: a migration inserts its statements.
CREATE TABLE access_grant (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  statement text NOT NULL
);
REVOKE ALL ON access_grant FROM PUBLIC;

-- Made anew, with its owner's rights, by model/cases/cases.sql.
DROP FUNCTION IF EXISTS lajna_case_earlier_decisions(bigint);
