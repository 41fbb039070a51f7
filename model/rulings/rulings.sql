-- rulings.sql: who may call the functions behind rulings and their seals.
-- Applied after the migrations at every start and after a restore
-- (lajna-schema.c); applying it again changes nothing.

-- The seal keys' private halves, and signing with them: for the sealing
-- functions alone, which run with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_seal_key_in_use(integer),
  lajna_ed25519_sign(bytea, bytea, bytea),
  lajna_ruling_held(bigint, text[])
  FROM PUBLIC;
