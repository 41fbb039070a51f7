-- Who sees what: a person sees the files, people, documents, meetings and
-- rulings of the committees they hold a role on, and nothing else,
-- whatever client they use. Each person logs in as a PostgreSQL role of
-- their own, a member of the group role of what they do (lajna_clerk,
-- lajna_member, …); row-level security, forced even on the tables' owner,
-- keeps the rows of other committees out of every query. (A superuser,
-- such as the embedded database's own account, passes row-level security
-- by PostgreSQL's design: it is the administrator of that server.)
--
-- A table declares its rule with one call in its subject's SQL (the
-- functions are in model/db/access.sql):
--   SELECT lajna_protect_by_committee('meeting', 'committee_id');
--   SELECT lajna_protect_by_case('document', 'case_id');
--   SELECT lajna_protect_by_parent('vote', 'agenda_item_id', 'agenda_item');

ALTER TABLE committee_role DROP CONSTRAINT committee_role_role_check;
ALTER TABLE committee_role ADD CONSTRAINT committee_role_role_check
  CHECK (role IN ('clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin'));
