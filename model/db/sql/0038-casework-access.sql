-- Social workers and psychologists of a juvenile committee. Each works on
-- the juvenile files they are assigned to (juvenile_case.social_worker_id,
-- psychologist_id), as long as they hold the matching role on the file's
-- committee, and on those files only: their committee's other files, its
-- meetings, decisions, rulings and figures, and every marriage file stay
-- out of their sight. A role may be narrowed to one facility (a reform
-- home) of the committee.
--
-- The committees of a person (lajna_committees_of(), lajna_my_committees())
-- are those where they hold a committee's own role: every rule written
-- before keeps its meaning and never hands a casework role a whole
-- committee. Their files come through lajna_my_cases() instead.

ALTER TABLE committee_role DROP CONSTRAINT committee_role_role_check;
ALTER TABLE committee_role ADD CONSTRAINT committee_role_role_check
  CHECK (role IN ('clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin',
                  'social_worker', 'psychologist'));
-- The facility a casework role is limited to; '' for every one.
ALTER TABLE committee_role ADD COLUMN facility text NOT NULL DEFAULT ''
  CHECK (facility = btrim(facility) AND NOT lajna_has_bidi_control(facility));

CREATE INDEX juvenile_case_social_worker ON juvenile_case (social_worker_id)
  WHERE social_worker_id IS NOT NULL;
CREATE INDEX juvenile_case_psychologist ON juvenile_case (psychologist_id)
  WHERE psychologist_id IS NOT NULL;

DROP POLICY IF EXISTS names_read ON juvenile_case;
DROP POLICY IF EXISTS names_read ON case_change;
DROP POLICY IF EXISTS names_read ON document;
