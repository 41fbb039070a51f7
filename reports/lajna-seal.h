#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaSealVerdict:
 * @LAJNA_SEAL_VALID: the seal is Lajna's and the text is the text sealed
 * @LAJNA_SEAL_ALTERED: the seal is Lajna's but the text has changed since
 * @LAJNA_SEAL_UNKNOWN: no seal, or one no known key made
 */
typedef enum
{
  LAJNA_SEAL_VALID,
  LAJNA_SEAL_ALTERED,
  LAJNA_SEAL_UNKNOWN,
} LajnaSealVerdict;

/* What a seal names: the ruling, its number of its committee's year, and
 * its version. */
typedef struct
{
  gint64 ruling_id;
  int    committee_id;
  int    year;
  int    number;
  int    version;
} LajnaSealFacts;

char            *lajna_seal_digest          (GBytes               *pdf,
                                             GError              **error);
gboolean         lajna_seal_covers          (const char           *seal,
                                             GBytes               *pdf,
                                             GError              **error);
LajnaSealVerdict lajna_seal_verify          (GBytes               *pdf,
                                             GPtrArray            *public_keys,
                                             LajnaSealFacts       *facts);
GPtrArray       *lajna_seal_read_public_keys (const char          *path,
                                             GError              **error);
char            *lajna_seal_public_key_pem  (GBytes               *public_key,
                                             GError              **error);

G_END_DECLS
