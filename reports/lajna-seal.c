/* lajna-seal.c: a ruling's seal, what its QR code holds, checked offline.
 *
 * The seal reads "LAJNA1|ruling|committee|year|number|version|digest|
 * signature": the digest is the SHA-256 (base64) of the ruling's printed
 * text as Poppler extracts it from the PDF, every page in turn, without
 * white space or format characters (the bidi isolates) and in NFKC, so
 * that the way a line breaks does not count but every letter and digit
 * does; the signature (Ed25519, base64) covers everything before it, made
 * by the database with the committee's seal key, which no one reads
 * (lajna_ruling_seal() in 0022-ruling-custody.sql). The PDF also carries
 * the seal in its keywords, where Poppler reads it back.
 *
 * A PDF is valid when its seal was made by a known key and its text is
 * the text sealed; altered when the seal is good but the text is not; and
 * unknown when it has no seal, or one no known key made. */

#include "lajna-seal.h"

#include <glib/gi18n-lib.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <poppler.h>
#include <string.h>

#include "lajna-pdf-sign.h"

#define SEAL_PREFIX "LAJNA1"
#define SEAL_FIELDS 8

static void
set_crypto_error (GError    **error,
                  const char *message)
{
  g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY, message);
}

/* The document's text, every page in turn, without white space or format
 * characters, in NFKC; its SHA-256 in base64. */
static char *
document_digest (PopplerDocument *document)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  int pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = page != NULL ? poppler_page_get_text (page) : NULL;
      g_autofree char *normal = NULL;
      GString *kept;

      g_clear_object (&page);
      if (text == NULL)
        continue;
      kept = g_string_sized_new (strlen (text));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
            g_string_append_unichar (kept, c);
        }
      normal = g_utf8_normalize (kept->str, kept->len, G_NORMALIZE_NFKC);
      g_string_free (kept, TRUE);
      if (normal != NULL)
        g_checksum_update (checksum, (const guchar *) normal, strlen (normal));
    }
  g_checksum_get_digest (checksum, digest, &length);
  return g_base64_encode (digest, length);
}

/**
 * lajna_seal_digest:
 * @pdf: a PDF
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the digest of its printed text, as
 *   a seal holds it
 */
char *
lajna_seal_digest (GBytes  *pdf,
                   GError **error)
{
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, error);
  char *digest = document != NULL ? document_digest (document) : NULL;

  g_clear_object (&document);
  return digest;
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

/* The facts of a seal whose signature one of @public_keys made; its
 * digest in @digest. */
static gboolean
read_seal (const char      *seal,
           GPtrArray       *public_keys,
           LajnaSealFacts  *facts,
           char           **digest)
{
  g_auto(GStrv) fields = g_strsplit (seal, "|", -1);
  g_autofree guint8 *signature = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;

  if (g_strv_length (fields) != SEAL_FIELDS || strcmp (fields[0], SEAL_PREFIX) != 0)
    return FALSE;
  signature = g_base64_decode (fields[7], &length);
  message = g_strndup (seal, strlen (seal) - strlen (fields[7]) - 1);
  if (length != 64 || !signed_by_known_key (message, signature, length, public_keys))
    return FALSE;
  facts->ruling_id = g_ascii_strtoll (fields[1], NULL, 10);
  facts->committee_id = (int) g_ascii_strtoll (fields[2], NULL, 10);
  facts->year = (int) g_ascii_strtoll (fields[3], NULL, 10);
  facts->number = (int) g_ascii_strtoll (fields[4], NULL, 10);
  facts->version = (int) g_ascii_strtoll (fields[5], NULL, 10);
  *digest = g_strdup (fields[6]);
  return TRUE;
}

/**
 * lajna_seal_verify:
 * @pdf: a PDF, as it was given
 * @public_keys: (element-type GBytes): the seal keys trusted
 * @facts: (out caller-allocates): what the seal names, when it is valid or
 *   altered
 *
 * Checks a ruling offline: its seal against the keys, and its text against
 * the seal.
 *
 * Returns: the verdict
 */
LajnaSealVerdict
lajna_seal_verify (GBytes         *pdf,
                   GPtrArray      *public_keys,
                   LajnaSealFacts *facts)
{
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, NULL);
  g_autofree char *seal = NULL;
  g_autofree char *sealed_digest = NULL;
  g_autofree char *digest = NULL;

  memset (facts, 0, sizeof *facts);
  if (document != NULL && (seal = poppler_document_get_keywords (document)) != NULL
      && read_seal (seal, public_keys, facts, &sealed_digest))
    digest = document_digest (document);
  g_clear_object (&document);
  if (digest == NULL)
    return LAJNA_SEAL_UNKNOWN;
  return strcmp (digest, sealed_digest) == 0 ? LAJNA_SEAL_VALID : LAJNA_SEAL_ALTERED;
}

/**
 * lajna_seal_covers:
 * @seal: (nullable): a ruling's seal
 * @pdf: the ruling as it prints now
 * @error: return location for a #GError
 *
 * Returns: whether @pdf's text is the text @seal was made for, so that
 *   what is signed is what was sealed
 */
gboolean
lajna_seal_covers (const char  *seal,
                   GBytes      *pdf,
                   GError     **error)
{
  g_auto(GStrv) fields = seal != NULL ? g_strsplit (seal, "|", -1) : NULL;
  g_autofree char *digest = NULL;

  if (fields == NULL || g_strv_length (fields) != SEAL_FIELDS)
    {
      g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                           _("The ruling is not sealed."));
      return FALSE;
    }
  if ((digest = lajna_seal_digest (pdf, error)) == NULL)
    return FALSE;
  if (strcmp (digest, fields[6]) != 0)
    {
      g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                           _("The ruling no longer prints as it was sealed; it is not signed."));
      return FALSE;
    }
  return TRUE;
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
