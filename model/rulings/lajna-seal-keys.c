/* lajna-seal-keys.c: the committees' seal keys, as those who check a
 * ruling's seal read them. The private keys never leave the database,
 * which seals with them (0024-ruling-pdf-seal.sql); a committee's key is
 * replaced by a new one, the old one kept, retired, for the rulings it
 * sealed. */

#include "lajna-seal-keys.h"

#include "lajna-db-private.h"

/**
 * lajna_seal_keys_read:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GBytes) (nullable): the public
 *   seal keys rulings are checked against: every committee's, those in use
 *   and those retired
 */
GPtrArray *
lajna_seal_keys_read (LajnaDb  *db,
                      GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_binary (db,
      "SELECT public_key FROM seal_public_key ORDER BY id", 0, NULL, NULL, NULL, TRUE, error);
  GPtrArray *keys;

  if (result == NULL)
    return NULL;
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (keys, g_bytes_new (PQgetvalue (result, i, 0), PQgetlength (result, i, 0)));
  return keys;
}

/**
 * lajna_seal_keys_rotate:
 * @db: a connection, as the server's administrator
 * @committee_id: a committee
 * @error: return location for a #GError
 *
 * Gives the committee a new seal key; the one it replaces stays, retired,
 * for the rulings it sealed.
 *
 * Returns: whether the key was replaced
 */
gboolean
lajna_seal_keys_rotate (LajnaDb  *db,
                        int       committee_id,
                      GError  **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { committee };

  return lajna_db_run_params (db, "SELECT lajna_seal_key_rotate($1::integer)", 1, params, error);
}
