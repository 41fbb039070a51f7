#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaSealVerdict:
 * @LAJNA_SEAL_VALID: the seal is Lajna's and the PDF is the one sealed,
 *   signed over every byte if signed
 * @LAJNA_SEAL_ALTERED: the seal is Lajna's but the PDF has changed since
 * @LAJNA_SEAL_SIGNED_THEN_CHANGED: the PDF was sealed and signed, then
 *   bytes were added after the signature
 * @LAJNA_SEAL_UNKNOWN: no seal, or one no known key made
 */
typedef enum
{
  LAJNA_SEAL_VALID,
  LAJNA_SEAL_ALTERED,
  LAJNA_SEAL_SIGNED_THEN_CHANGED,
  LAJNA_SEAL_UNKNOWN,
} LajnaSealVerdict;

/* What a seal names: the ruling, its number of its committee's year, and
 * its version; and whether the PDF carries a signatory's signature, whose
 * certificate names @signer (its common name: a certificate the seal does
 * not vouch for, the one who checks judges whom it names). */
typedef struct
{
  gint64 ruling_id;
  int    committee_id;
  int    year;
  int    number;
  int    version;
  gboolean is_signed;
  char    *signer;
} LajnaSealFacts;

GString         *lajna_seal_update          (GBytes               *issued,
                                             const char           *pdf_seal,
                                             GError              **error);
GBytes          *lajna_seal_apply           (GBytes               *issued,
                                             const char           *pdf_seal,
                                             GError              **error);
LajnaSealVerdict lajna_seal_verify          (GBytes               *pdf,
                                             GPtrArray            *public_keys,
                                             LajnaSealFacts       *facts);
void             lajna_seal_facts_clear     (LajnaSealFacts       *facts);
GPtrArray       *lajna_seal_read_public_keys (const char          *path,
                                             GError              **error);
char            *lajna_seal_public_key_pem  (GBytes               *public_key,
                                             GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LajnaSealFacts, lajna_seal_facts_clear)

G_END_DECLS
