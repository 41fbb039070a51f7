-- committees.sql: who may call the functions behind the committees, their
-- people and their accounts. Applied after the migrations at every start
-- and after a restore (lajna-schema.c); applying it again changes nothing.

-- Called only by Lajna's own functions, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_refuse_unless_admin(integer),
  lajna_check_admin_text(text, integer, boolean),
  lajna_may_manage_user(integer),
  lajna_user_named(text),
  lajna_user_register_owner(text)
  FROM PUBLIC;
