

DROP TRIGGER IF EXISTS case_file_complete ON case_file;
DROP FUNCTION IF EXISTS lajna_check_complete();

-- A file whose documents lapsed waits for them: off an agenda, not
-- decided at its meeting, or when its periodic review falls due.
INSERT INTO case_transition (kind, from_status, to_status) VALUES
  (NULL, 'scheduled', 'documents_pending'),
  ('juvenile', 'decided', 'documents_pending'), ('juvenile', 'delivered', 'documents_pending');

-- ---------------------------------------------------------------------
-- Turning people off, committee by committee.
--
-- A person may sit on several committees, each with its own
-- administrators, and no administrator answers for another's committee.
-- So an administrator turns a person off or on in the committees they
-- administer: the person's roles there count for nothing meanwhile
-- (committee_role.active), and are kept for when they are turned on
-- again, by an administrator of that committee. A role given on a
-- committee where the person is off waits with the others.
--
-- The person's account as a whole (app_user.active) is turned off, the
-- person then taking part in no committee, and back on, only by someone
-- who administers every committee where the person holds a role, or by
-- the server's own account: nobody turns a person back on in a committee
-- they do not administer. Giving a person a role no longer turns their
-- account on.

ALTER TABLE committee_role ADD COLUMN active boolean NOT NULL DEFAULT true;
