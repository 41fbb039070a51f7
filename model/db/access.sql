-- access.sql: who may call the functions behind the access rules and the
-- audit trail. Applied after the migrations at every start and after a
-- restore (lajna-schema.c), once the roles and their grants are made:
-- each statement states how things are to be, so applying it again
-- changes nothing.

-- Called only by Lajna's own functions, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_audit_event(text, text, bigint, jsonb),
  lajna_audit_refusal(text, text, bigint, jsonb, boolean),
  lajna_audit_committee(text, bigint),
  lajna_audit_case(text, bigint),
  lajna_committees_of(text, text[]),
  lajna_casework(text),
  lajna_casework_cases(text)
  FROM PUBLIC;
