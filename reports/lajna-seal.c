/* lajna-seal.c: a ruling's seal, checked offline.
 *
 * A ruling is sealed by the database with its committee's key
 * (0024-ruling-pdf-seal.sql) twice over: its QR code prints a code ("LJ2:"
 * and base45) naming the ruling, signed over its content; and its PDF as
 * issued, that code on its pages, is sealed by its length and SHA-256:
 * "LAJNA2|ruling|committee|year|number|version|length|sha256|signature",
 * the signature (Ed25519, base64) over all before it. The PDF seal is
 * appended to the PDF in an incremental update of its own, a trailer
 * that holds it as /LajnaSeal; the same PDF and seal always make the same
 * update. A signatory's signature may follow, in an update of its own.
 *
 * A PDF is valid when a known key made its seal, the bytes before the
 * seal are those sealed, the seal's update is the one it makes, and all
 * that follows is a signature over every byte; signed, then changed when
 * bytes follow what the signature covers; altered when anything else
 * differs; and unknown when it has no seal, or one no known key made. */

#include "lajna-seal.h"

#include <glib/gi18n-lib.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <string.h>

#include "lajna-pdf-sign.h"
#include "lajna-pdf-update.h"

#define SEAL_PREFIX "LAJNA2"
#define SEAL_FIELDS 9
#define SEAL_KEY "/LajnaSeal ("
/* The longest seal: its fields are numbers and base64. */
#define SEAL_MAX 256

static void
set_crypto_error (GError    **error,
                  const char *message)
{
  g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY, message);
}

/**
 * lajna_seal_update:
 * @issued: a ruling's PDF as issued
 * @pdf_seal: its PDF seal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the update that appends @pdf_seal
 *   to @issued
 */
GString *
lajna_seal_update (GBytes      *issued,
                   const char  *pdf_seal,
                   GError     **error)
{
  g_autoptr(LajnaPdfUpdate) update = lajna_pdf_update_new (issued, error);
  g_autofree char *entry = NULL;

  if (update == NULL)
    return NULL;
  if (strlen (pdf_seal) > SEAL_MAX || strpbrk (pdf_seal, "()\\\r\n") != NULL)
    {
      g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                           _("The ruling’s seal is not one Lajna makes."));
      return NULL;
    }
  entry = g_strdup_printf (SEAL_KEY "%s)", pdf_seal);
  return lajna_pdf_update_finish (update, entry);
}

/**
 * lajna_seal_apply:
 * @issued: a ruling's PDF as issued
 * @pdf_seal: its PDF seal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sealed PDF, as it is printed
 */
GBytes *
lajna_seal_apply (GBytes      *issued,
                  const char  *pdf_seal,
                  GError     **error)
{
  g_autoptr(GString) update = lajna_seal_update (issued, pdf_seal, error);
  GString *out;

  if (update == NULL)
    return NULL;
  out = g_string_new_len (g_bytes_get_data (issued, NULL), g_bytes_get_size (issued));
  g_string_append_len (out, update->str, update->len);
  return g_string_free_to_bytes (out);
}

static EVP_PKEY *
public_key_of (GBytes *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return EVP_PKEY_new_raw_public_key (EVP_PKEY_ED25519, NULL, data, length);
}

/* Whether one of @public_keys made @signature over @message. */
static gboolean
signed_by_known_key (const char   *message,
                     const guint8 *signature,
                     gsize         length,
                     GPtrArray    *public_keys)
{
  for (guint i = 0; i < public_keys->len; i++)
    {
      EVP_PKEY *key = public_key_of (g_ptr_array_index (public_keys, i));
      EVP_MD_CTX *context = EVP_MD_CTX_new ();
      gboolean good = key != NULL && context != NULL
                      && EVP_DigestVerifyInit (context, NULL, NULL, NULL, key) == 1
                      && EVP_DigestVerify (context, signature, length, (const guint8 *) message,
                                           strlen (message)) == 1;

      EVP_MD_CTX_free (context);
      EVP_PKEY_free (key);
      if (good)
        return TRUE;
    }
  return FALSE;
}

/* The facts of a PDF seal whose signature one of @public_keys made; the
 * length and SHA-256 (base64) of what it covers in @length and @digest. */
static gboolean
read_seal (const char      *seal,
           GPtrArray       *public_keys,
           LajnaSealFacts  *facts,
           guint64         *length,
           char           **digest)
{
  g_auto(GStrv) fields = g_strsplit (seal, "|", -1);
  g_autofree guint8 *signature = NULL;
  g_autofree char *message = NULL;
  gsize signature_length = 0;

  if (g_strv_length (fields) != SEAL_FIELDS || strcmp (fields[0], SEAL_PREFIX) != 0)
    return FALSE;
  signature = g_base64_decode (fields[8], &signature_length);
  message = g_strndup (seal, strlen (seal) - strlen (fields[8]) - 1);
  if (signature_length != 64
      || !signed_by_known_key (message, signature, signature_length, public_keys)
      || !g_ascii_string_to_unsigned (fields[6], 10, 1, G_MAXUINT32, length, NULL))
    return FALSE;
  facts->ruling_id = g_ascii_strtoll (fields[1], NULL, 10);
  facts->committee_id = (int) g_ascii_strtoll (fields[2], NULL, 10);
  facts->year = (int) g_ascii_strtoll (fields[3], NULL, 10);
  facts->number = (int) g_ascii_strtoll (fields[4], NULL, 10);
  facts->version = (int) g_ascii_strtoll (fields[5], NULL, 10);
  *digest = g_strdup (fields[7]);
  return TRUE;
}

/* The PDF seal in @data: the first /LajnaSeal string of the file. */
static char *
find_seal (const char *data,
           gsize       length)
{
  const char *at = memmem (data, length, SEAL_KEY, strlen (SEAL_KEY));
  const char *end;

  if (at == NULL)
    return NULL;
  at += strlen (SEAL_KEY);
  end = memchr (at, ')', MIN ((gsize) (data + length - at), SEAL_MAX + 1));
  return end != NULL ? g_strndup (at, end - at) : NULL;
}

/* Whether the first @length bytes of @data are those sealed, followed by
 * the seal's own update; the end of that update in @end. */
static gboolean
issued_intact (const char *data,
               gsize       size,
               guint64     length,
               const char *digest,
               const char *seal,
               gsize      *end)
{
  g_autoptr(GBytes) issued = NULL;
  g_autoptr(GString) update = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 raw[32];
  gsize raw_length = sizeof raw;

  if (length > size)
    return FALSE;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) data, length);
  g_checksum_get_digest (checksum, raw, &raw_length);
  sha256 = g_base64_encode (raw, raw_length);
  if (strcmp (sha256, digest) != 0)
    return FALSE;
  issued = g_bytes_new_static (data, length);
  update = lajna_seal_update (issued, seal, NULL);
  if (update == NULL || size - length < update->len
      || memcmp (data + length, update->str, update->len) != 0)
    return FALSE;
  *end = length + update->len;
  return TRUE;
}

/**
 * lajna_seal_verify:
 * @pdf: a PDF, as it was given
 * @public_keys: (element-type GBytes): the seal keys trusted
 * @facts: (inout caller-allocates): what the seal names, when it is a
 *   known key's: zeroed, or holding what an earlier call gave, before;
 *   cleared with lajna_seal_facts_clear() after
 *
 * Checks a ruling offline: its seal against the keys, its bytes against
 * the seal, and a signature that follows against the bytes it covers.
 *
 * Returns: the verdict
 */
LajnaSealVerdict
lajna_seal_verify (GBytes         *pdf,
                   GPtrArray      *public_keys,
                   LajnaSealFacts *facts)
{
  gsize size, end = 0, covered = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  g_autofree char *seal = data != NULL ? find_seal (data, size) : NULL;
  g_autofree char *digest = NULL;
  guint64 length = 0;

  lajna_seal_facts_clear (facts);
  memset (facts, 0, sizeof *facts);
  if (seal == NULL || !read_seal (seal, public_keys, facts, &length, &digest))
    return LAJNA_SEAL_UNKNOWN;
  if (!issued_intact (data, size, length, digest, seal, &end))
    return LAJNA_SEAL_ALTERED;
  if (end == size)
    return LAJNA_SEAL_VALID;
  /* What follows the seal is a signature, over all before it. */
  if (!lajna_pdf_signature_check_after (pdf, end, &covered, &facts->signer, NULL))
    return LAJNA_SEAL_ALTERED;
  facts->is_signed = TRUE;
  return covered == size ? LAJNA_SEAL_VALID : LAJNA_SEAL_SIGNED_THEN_CHANGED;
}

/**
 * lajna_seal_read_public_keys:
 * @path: a PEM file holding Ed25519 public keys
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GBytes) (nullable): each key's 32
 *   bytes, in the file's order
 */
GPtrArray *
lajna_seal_read_public_keys (const char  *path,
                             GError     **error)
{
  g_autofree char *text = NULL;
  gsize text_length;
  g_autoptr(GPtrArray) keys = NULL;
  BIO *bio;
  EVP_PKEY *key;
  gboolean done = TRUE;

  if (!g_file_get_contents (path, &text, &text_length, error))
    return NULL;
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  bio = BIO_new_mem_buf (text, (int) text_length);
  while (done && (key = PEM_read_bio_PUBKEY (bio, NULL, NULL, NULL)) != NULL)
    {
      guint8 raw[32];
      size_t length = sizeof raw;

      done = EVP_PKEY_get_id (key) == EVP_PKEY_ED25519
             && EVP_PKEY_get_raw_public_key (key, raw, &length) == 1;
      if (done)
        g_ptr_array_add (keys, g_bytes_new (raw, length));
      EVP_PKEY_free (key);
    }
  BIO_free (bio);
  ERR_clear_error ();
  if (!done || keys->len == 0)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY,
                   _("“%s” does not hold ruling seals’ public keys."), path);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/**
 * lajna_seal_public_key_pem:
 * @public_key: a seal's public key, 32 bytes
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the key as a PEM text, to give to
 *   those who check rulings without the database
 */
char *
lajna_seal_public_key_pem (GBytes  *public_key,
                           GError **error)
{
  EVP_PKEY *key = public_key_of (public_key);
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long length = 0;
  char *pem = NULL;

  if (key != NULL && PEM_write_bio_PUBKEY (bio, key) == 1)
    {
      length = BIO_get_mem_data (bio, &data);
      pem = g_strndup (data, length);
    }
  else
    set_crypto_error (error, _("Cannot write the seal’s public key."));
  BIO_free (bio);
  EVP_PKEY_free (key);
  return pem;
}

/* Frees what @facts holds. */
void
lajna_seal_facts_clear (LajnaSealFacts *facts)
{
  g_clear_pointer (&facts->signer, g_free);
}
