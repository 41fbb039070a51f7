-- cases.sql: who may read and call what behind the files, their follow-up,
-- and the casework of juvenile files. Applied after the migrations at
-- every start and after a restore (lajna-schema.c), once the roles are
-- made; applying it again changes nothing.

-- Written only by the follow-up triggers; seen as the file is.
GRANT SELECT ON case_follow_up
  TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;

-- Called only by Lajna's own functions, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_follow_up_refresh(bigint),
  lajna_follow_up_fill(),
  lajna_report_mine(bigint),
  lajna_report_draft(bigint, integer),
  lajna_plan_check(bigint)
  FROM PUBLIC;
