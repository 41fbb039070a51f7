-- What the rules were made from when they were last applied
-- (lajna-schema.c): the digest of the subjects' SQL that was shipped, and
-- a digest of the functions, triggers, policies and rights it made. A
-- start compares both with the program's SQL and the database's rules,
-- and applies the subjects again only when one differs.
CREATE TABLE schema_rules (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  shipped  text NOT NULL,
  made     text NOT NULL
);
REVOKE ALL ON schema_rules FROM PUBLIC;
