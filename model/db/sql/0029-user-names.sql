-- People by their names. Rows and audit events name the person acting by
-- login (who entered a vote, opened a document, registered a file), as
-- the database knows them; a person reads the full name instead. Each
-- person keeps their own name, and the administrator of a committee those
-- of its people, through one function that checks who asks.
--
-- The embedded database's own account acts too (it is the person using
-- Lajna on that computer), but it is the server's administrator, not a
-- person of a committee: it holds no role, signs nothing and is no
-- meeting's secretary, so it is not in app_user. Its name is kept apart,
-- readable only through the functions below.

CREATE TABLE account_name (
  login     text PRIMARY KEY,
  full_name text NOT NULL CHECK (full_name <> '')
);
REVOKE ALL ON account_name FROM PUBLIC;
