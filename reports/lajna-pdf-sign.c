/* lajna-pdf-sign.c: a PDF signed by its signatory, PAdES-style: an
 * incremental update appended to the PDF as it is (nothing before it
 * changes) adds a signature field on the first page, the catalog's form
 * that holds it, and a signature dictionary whose /Contents is an OpenSSL
 * CMS detached signature (ETSI.CAdES.detached: PAdES, with the signing
 * certificate among the signed attributes) over every byte of the file
 * but the /Contents value itself (/ByteRange). The key and certificate come
 * from the signatory's PKCS#12 file. pdfsig from poppler-utils checks it.
 *
 * The PDFs signed are Lajna's own (cairo's classic cross-reference
 * tables); the update adds a classic table of its own. */

#include "lajna-pdf-sign.h"

#include "lajna-pdf-update.h"
#include "lajna-timestamp.h"

#include <glib/gi18n-lib.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (lajna-sign-error-quark, lajna_sign_error)

/* Room for the signature: 8 KiB of DER, written in hex; 24 KiB with a
 * time-stamp, which carries the authority's certificates. */
#define CONTENTS_BYTES 8192
#define CONTENTS_BYTES_STAMPED 24576
/* Each /ByteRange number is written in this many characters. */
#define RANGE_WIDTH 10

static gboolean
fail (GError    **error,
      const char *what)
{
  unsigned long code = ERR_get_error ();
  char detail[256] = "";

  if (code != 0)
    ERR_error_string_n (code, detail, sizeof detail);
  g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_FAILED, "%s%s%s", what,
               *detail != '\0' ? " " : "", detail);
  return FALSE;
}

/* DER's order of a SET OF's elements: as octet strings. */
static int
compare_der (GBytes **a,
             GBytes **b)
{
  return g_bytes_compare (*a, *b);
}

typedef struct
{
  X509            *cert;
  EVP_PKEY        *key;
  STACK_OF (X509) *chain;
} Signer;

static void
signer_clear (Signer *signer)
{
  X509_free (signer->cert);
  EVP_PKEY_free (signer->key);
  sk_X509_pop_free (signer->chain, X509_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Signer, signer_clear)

static gboolean
load_signer (Signer      *signer,
             const char  *p12_path,
             const char  *password,
             GError     **error)
{
  FILE *file = fopen (p12_path, "rb");
  PKCS12 *p12;
  gboolean parsed;

  if (file == NULL)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY,
                   _("The signatory’s key file “%s” cannot be read."), p12_path);
      return FALSE;
    }
  p12 = d2i_PKCS12_fp (file, NULL);
  fclose (file);
  parsed = p12 != NULL && PKCS12_parse (p12, password != NULL ? password : "", &signer->key,
                                        &signer->cert, &signer->chain);
  PKCS12_free (p12);
  if (!parsed || signer->key == NULL || signer->cert == NULL)
    {
      ERR_clear_error ();
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY,
                   _("The signatory’s key file cannot be opened: it is not a PKCS#12 file, or "
                     "the password is wrong."));
      return FALSE;
    }
  return TRUE;
}

/* The DER of @si's signed attributes as a SET OF, sorted as DER sorts
 * it: what its signature covers. */
static GByteArray *
signed_attributes (CMS_SignerInfo *si)
{
  g_autoptr(GPtrArray) encoded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GByteArray *set = g_byte_array_new ();
  gsize total = 0;
  guint8 head[6] = { 0x31 };
  guint head_length = 1;

  for (int i = 0; i < CMS_signed_get_attr_count (si); i++)
    {
      unsigned char *der = NULL;
      int size = i2d_X509_ATTRIBUTE (CMS_signed_get_attr (si, i), &der);

      if (size > 0)
        {
          g_ptr_array_add (encoded, g_bytes_new (der, size));
          total += size;
        }
      OPENSSL_free (der);
    }
  g_ptr_array_sort (encoded, (GCompareFunc) compare_der);
  if (total < 0x80)
    head[head_length++] = (guint8) total;
  else
    {
      guint bytes = total > 0xffff ? 3 : total > 0xff ? 2 : 1;

      head[head_length++] = (guint8) (0x80 | bytes);
      for (guint b = bytes; b-- > 0;)
        head[head_length++] = (guint8) (total >> (8 * b));
    }
  g_byte_array_append (set, head, head_length);
  for (guint i = 0; i < encoded->len; i++)
    {
      gsize size;
      const guint8 *der = g_bytes_get_data (g_ptr_array_index (encoded, i), &size);

      g_byte_array_append (set, der, size);
    }
  return set;
}

/* Signs @si's signed attributes again, once its signing-time is gone:
 * PAdES keeps the time in the signature dictionary's /M, not in the CMS
 * (EN 319 142-1), and OpenSSL adds one whenever it signs. */
static gboolean
sign_without_time (const Signer   *signer,
                   CMS_SignerInfo *si)
{
  int at = CMS_signed_get_attr_by_NID (si, NID_pkcs9_signingTime, -1);
  g_autoptr(GByteArray) attributes = NULL;
  EVP_MD_CTX *context = EVP_MD_CTX_new ();
  unsigned char *signature = NULL;
  size_t length = 0;
  gboolean done;

  if (at >= 0)
    X509_ATTRIBUTE_free (CMS_signed_delete_attr (si, at));
  attributes = signed_attributes (si);
  done = context != NULL
         && EVP_DigestSignInit (context, NULL, EVP_sha256 (), NULL, signer->key) == 1
         && EVP_DigestSign (context, NULL, &length, attributes->data, attributes->len) == 1
         && (signature = OPENSSL_malloc (length)) != NULL
         && EVP_DigestSign (context, signature, &length, attributes->data, attributes->len) == 1;
  if (done)
    ASN1_STRING_set0 (CMS_SignerInfo_get0_signature (si), signature, (int) length);
  else
    OPENSSL_free (signature);
  EVP_MD_CTX_free (context);
  return done;
}

/* Adds to @si the time-stamp of @tsa_url over its signature's value. */
static gboolean
add_timestamp (CMS_SignerInfo  *si,
               const char      *tsa_url,
               GError         **error)
{
  ASN1_OCTET_STRING *value = CMS_SignerInfo_get0_signature (si);
  g_autoptr(GBytes) token = lajna_timestamp_request (tsa_url, ASN1_STRING_get0_data (value),
                                                     ASN1_STRING_length (value), error);

  return token != NULL
         && CMS_unsigned_add1_attr_by_NID (si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                           g_bytes_get_data (token, NULL),
                                           (int) g_bytes_get_size (token)) == 1;
}

/* The CMS detached signature of @data, as DER: PAdES baseline B-B, the
 * signing certificate among the signed attributes, no signing time; B-T
 * with the time-stamp of @tsa_url, when given. */
static GBytes *
sign_bytes (const Signer  *signer,
            const guint8  *data,
            gsize          length,
            const char    *tsa_url,
            GError       **error)
{
  BIO *in = BIO_new_mem_buf (data, (int) length);
  CMS_ContentInfo *cms = CMS_sign (signer->cert, signer->key, signer->chain, in,
                                   CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES);
  STACK_OF (CMS_SignerInfo) *signers = cms != NULL ? CMS_get0_SignerInfos (cms) : NULL;
  CMS_SignerInfo *si = signers != NULL && sk_CMS_SignerInfo_num (signers) == 1
                         ? sk_CMS_SignerInfo_value (signers, 0) : NULL;
  g_autoptr(GError) stamp_error = NULL;
  unsigned char *der = NULL;
  int size = -1;
  GBytes *signature = NULL;

  if (si != NULL && sign_without_time (signer, si)
      && (tsa_url == NULL || add_timestamp (si, tsa_url, &stamp_error)))
    size = i2d_CMS_ContentInfo (cms, &der);
  if (size > 0)
    signature = g_bytes_new (der, size);
  else if (stamp_error != NULL)
    g_propagate_error (error, g_steal_pointer (&stamp_error));
  else
    fail (error, _("The PDF cannot be signed."));
  OPENSSL_free (der);
  CMS_ContentInfo_free (cms);
  BIO_free (in);
  return signature;
}

/* The signature's offsets: all but the hex string of /Contents, written
 * into the /ByteRange kept for them. */
static void
fill_byte_range (GString *out,
                 gsize    room,
                 gsize   *contents_at,
                 gsize   *contents_end)
{
  char *range = (char *) lajna_pdf_find_last (out->str, out->len, "/ByteRange [0 ")
                + strlen ("/ByteRange [0 ");
  g_autofree char *numbers = NULL;

  *contents_at = (const char *) lajna_pdf_find_last (out->str, out->len, "/Contents <") - out->str
                 + strlen ("/Contents ");
  *contents_end = *contents_at + 2 + room * 2;
  numbers = g_strdup_printf ("%*" G_GSIZE_FORMAT " %*" G_GSIZE_FORMAT " %*" G_GSIZE_FORMAT,
                             RANGE_WIDTH, *contents_at, RANGE_WIDTH, *contents_end, RANGE_WIDTH,
                             out->len - *contents_end);
  memcpy (range, numbers, strlen (numbers));
}

/* The update that signs: the catalog's form holding a signature field on
 * the first page, the signature certifying the document (DocMDP, P 2:
 * filling in forms and signing are all that may follow), its /Contents
 * kept for the CMS signature. */
static GString *
append_signature_field (LajnaPdfUpdate  *update,
                        const char      *signer_name,
                        gsize            room,
                        GError         **error)
{
  gint64 root = lajna_pdf_update_get_root (update);
  gint64 first = lajna_pdf_update_get_first_page (update);
  g_autofree char *catalog = lajna_pdf_update_dup_dictionary (update, root);
  g_autofree char *page = first > 0 ? lajna_pdf_update_dup_dictionary (update, first) : NULL;
  g_autofree char *name = lajna_pdf_text_string (signer_name);
  g_autofree char *zeros = g_strnfill (room * 2, '0');
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y%m%d%H%M%S+00'00'");
  g_autofree char *body = NULL;
  gint64 sig, widget;

  if (catalog == NULL || page == NULL || strstr (catalog, "/AcroForm") != NULL
      || strstr (page, "/Annots") != NULL)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                   _("The PDF is not one Lajna can sign: it is not Lajna’s, or it is signed "
                     "already."));
      return NULL;
    }
  sig = lajna_pdf_update_add_number (update);
  widget = lajna_pdf_update_add_number (update);
  body = g_strdup_printf ("%s /AcroForm << /Fields [%" G_GINT64_FORMAT " 0 R] /SigFlags 3 >>"
                          " /Perms << /DocMDP %" G_GINT64_FORMAT " 0 R >> >>", catalog, widget,
                          sig);
  lajna_pdf_update_put (update, root, body);
  g_free (body);
  body = g_strdup_printf ("%s /Annots [%" G_GINT64_FORMAT " 0 R] >>", page, widget);
  lajna_pdf_update_put (update, first, body);
  g_free (body);
  body = g_strdup_printf (
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
      " /ByteRange [0 %*s %*s %*s] /Contents <%s> /M (D:%s) /Name %s"
      " /Reference [<< /Type /SigRef /TransformMethod /DocMDP"
      " /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> >>] >>",
      RANGE_WIDTH, "", RANGE_WIDTH, "", RANGE_WIDTH, "", zeros, when, name);
  lajna_pdf_update_put (update, sig, body);
  g_free (body);
  body = g_strdup_printf (
      "<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T (Lajna)"
      " /V %" G_GINT64_FORMAT " 0 R /P %" G_GINT64_FORMAT " 0 R >>", sig, first);
  lajna_pdf_update_put (update, widget, body);
  return lajna_pdf_update_finish (update, NULL);
}

/**
 * lajna_pdf_sign_check_key:
 * @p12_path: the signatory's PKCS#12 file
 * @password: (nullable): its password
 * @error: return location for a #GError (%LAJNA_SIGN_ERROR_KEY)
 *
 * Opens the key as signing would, so that a wrong password is said before
 * anything else is asked.
 *
 * Returns: whether @password opens the key and its certificate
 */
gboolean
lajna_pdf_sign_check_key (const char  *p12_path,
                          const char  *password,
                          GError     **error)
{
  g_auto(Signer) signer = { NULL };

  return load_signer (&signer, p12_path, password, error);
}

/**
 * lajna_pdf_sign:
 * @pdf: a PDF of Lajna's
 * @p12_path: the signatory's PKCS#12 file
 * @password: (nullable): its password
 * @signer_name: who signs, for the signature's /Name
 * @tsa_url: (nullable): the time-stamping authority that dates the
 *   signature (PAdES B-T), or %NULL for none (B-B)
 * @subject: (out) (optional): the signing certificate's subject
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): @pdf with the signature appended
 */
GBytes *
lajna_pdf_sign (GBytes      *pdf,
                const char  *p12_path,
                const char  *password,
                const char  *signer_name,
                const char  *tsa_url,
                char       **subject,
                GError     **error)
{
  g_autoptr(LajnaPdfUpdate) update = lajna_pdf_update_new (pdf, error);
  g_autoptr(GString) out = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GByteArray) signed_part = NULL;
  g_auto(Signer) signer = { NULL };
  gsize room = tsa_url != NULL ? CONTENTS_BYTES_STAMPED : CONTENTS_BYTES;
  gsize contents_at, contents_end, n;
  const guint8 *der;
  g_autoptr(GString) tail = NULL;

  if (update == NULL || !load_signer (&signer, p12_path, password, error)
      || (tail = append_signature_field (update, signer_name, room, error)) == NULL)
    return NULL;
  out = g_string_new_len (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_string_append_len (out, tail->str, tail->len);
  if (subject != NULL)
    {
      char *line = X509_NAME_oneline (X509_get_subject_name (signer.cert), NULL, 0);

      *subject = g_strdup (line);
      OPENSSL_free (line);
    }
  fill_byte_range (out, room, &contents_at, &contents_end);
  signed_part = g_byte_array_sized_new (out->len);
  g_byte_array_append (signed_part, (const guint8 *) out->str, contents_at);
  g_byte_array_append (signed_part, (const guint8 *) out->str + contents_end,
                       out->len - contents_end);
  if ((signature = sign_bytes (&signer, signed_part->data, signed_part->len, tsa_url,
                               error)) == NULL)
    return NULL;
  if (g_bytes_get_size (signature) > room)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_FAILED,
                   _("The signature is larger than the room kept for it."));
      return NULL;
    }
  der = g_bytes_get_data (signature, &n);
  for (gsize i = 0; i < n; i++)
    {
      static const char digits[] = "0123456789ABCDEF";

      out->str[contents_at + 1 + 2 * i] = digits[der[i] >> 4];
      out->str[contents_at + 2 + 2 * i] = digits[der[i] & 15];
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* The four numbers of the /ByteRange at @range, or FALSE. */
static gboolean
read_range (const char *range,
            const char *end,
            gint64      numbers[4])
{
  const char *p = range + strlen ("/ByteRange [");

  for (guint i = 0; i < 4; i++)
    {
      char *after;

      while (p < end && *p == ' ')
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      numbers[i] = g_ascii_strtoll (p, &after, 10);
      p = after;
    }
  return TRUE;
}

/* Whom @cert names: its subject's common name, or else its whole
 * subject. */
static char *
certificate_holder (X509 *cert)
{
  X509_NAME *name = X509_get_subject_name (cert);
  char common[256];
  char *line;
  char *named;

  if (X509_NAME_get_text_by_NID (name, NID_commonName, common, sizeof common) > 0)
    return g_strdup (common);
  line = X509_NAME_oneline (name, NULL, 0);
  named = g_strdup (line);
  OPENSSL_free (line);
  return named;
}

/* Whether the signature whose /ByteRange is at @range is its signer's
 * over the bytes the range covers, which end at @covered; its signing
 * certificate's holder in @subject, when asked for. */
static gboolean
check_range (const char  *data,
             gsize        length,
             const char  *range,
             gsize       *covered,
             char       **subject)
{
  gint64 r[4];
  g_autoptr(GByteArray) der = g_byte_array_new ();
  CMS_ContentInfo *cms = NULL;
  BIO *content = NULL;
  gboolean good = FALSE;

  if (read_range (range, data + length, r) && r[0] == 0 && r[1] > 0 && r[2] > r[1] + 2
      && r[3] >= 0 && (guint64) (r[2] + r[3]) <= length && data[r[1]] == '<'
      && data[r[2] - 1] == '>')
    {
      const unsigned char *p;

      for (gint64 i = r[1] + 1; i + 1 < r[2] - 1; i += 2)
        {
          int high = g_ascii_xdigit_value (data[i]), low = g_ascii_xdigit_value (data[i + 1]);
          guint8 byte = (guint8) (high << 4 | low);

          if (high < 0 || low < 0)
            break;
          g_byte_array_append (der, &byte, 1);
        }
      p = der->data;
      cms = d2i_CMS_ContentInfo (NULL, &p, der->len);
      content = BIO_new (BIO_s_mem ());
      good = cms != NULL && BIO_write (content, data, (int) r[1]) == r[1]
             && BIO_write (content, data + r[2], (int) r[3]) == r[3]
             && CMS_verify (cms, NULL, NULL, content, NULL,
                            CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
      *covered = (gsize) (r[2] + r[3]);
    }
  if (good && subject != NULL)
    {
      STACK_OF (X509) *signers = CMS_get0_signers (cms);

      *subject = sk_X509_num (signers) > 0 ? certificate_holder (sk_X509_value (signers, 0))
                                           : NULL;
      sk_X509_free (signers);
    }
  CMS_ContentInfo_free (cms);
  BIO_free (content);
  ERR_clear_error ();
  return good;
}

/* A key and its password, wiped once tried. */
typedef struct
{
  char *p12_path;
  char *password;
} KeyCheck;

static void
key_check_free (KeyCheck *check)
{
  if (check->password != NULL)
    memset (check->password, 0, strlen (check->password));
  g_free (check->password);
  g_free (check->p12_path);
  g_free (check);
}

static void
check_key_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  KeyCheck *check = data;
  GError *error = NULL;

  if (lajna_pdf_sign_check_key (check->p12_path, check->password, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lajna_pdf_sign_check_key_async:
 * @p12_path: the signatory's PKCS#12 file
 * @password: (nullable): its password, copied and wiped once tried
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once tried
 * @user_data: for @callback
 *
 * lajna_pdf_sign_check_key() on a thread: opening the key derives it
 * from the password, which takes a while.
 */
void
lajna_pdf_sign_check_key_async (const char           *p12_path,
                                const char           *password,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  KeyCheck *check = g_new0 (KeyCheck, 1);

  check->p12_path = g_strdup (p12_path);
  check->password = g_strdup (password);
  g_task_set_source_tag (task, lajna_pdf_sign_check_key_async);
  g_task_set_task_data (task, check, (GDestroyNotify) key_check_free);
  g_task_run_in_thread (task, check_key_thread);
}

/**
 * lajna_pdf_sign_check_key_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the password opens the key
 */
gboolean
lajna_pdf_sign_check_key_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lajna_pdf_signature_check:
 * @pdf: a signed PDF
 * @error: return location for a #GError
 *
 * Checks the PDF's last signature as a reader would: its /ByteRange covers
 * every byte of the file but its /Contents, and the CMS signature there is
 * its signer's over those bytes. Whether the signer's certificate is to be
 * trusted is not judged here.
 *
 * Returns: whether the signature covers the file as it is
 */
gboolean
lajna_pdf_signature_check (GBytes  *pdf,
                           GError **error)
{
  gsize length, covered = 0;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *range = data != NULL ? lajna_pdf_find_last (data, length, "/ByteRange [") : NULL;

  if (range != NULL && check_range (data, length, range, &covered, NULL) && covered == length)
    return TRUE;
  g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                       _("The signature does not cover the PDF as it is."));
  return FALSE;
}

/**
 * lajna_pdf_signature_check_after:
 * @pdf: a PDF
 * @offset: where an update of the file begins
 * @covered: (out): where the bytes the signature covers end
 * @subject: (out) (optional): whom the signing certificate names (its
 *   common name)
 * @error: return location for a #GError
 *
 * Checks the first signature after @offset: that the update there is a
 * signature, its signer's over the bytes its /ByteRange covers, which
 * begin with the file's first byte and reach beyond @offset.
 *
 * Returns: whether there is such a signature
 */
gboolean
lajna_pdf_signature_check_after (GBytes  *pdf,
                                 gsize    offset,
                                 gsize   *covered,
                                 char   **subject,
                                 GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *range = offset < length ? memmem (data + offset, length - offset, "/ByteRange [",
                                                strlen ("/ByteRange [")) : NULL;

  *covered = 0;
  if (range != NULL && check_range (data, length, range, covered, subject) && *covered > offset)
    return TRUE;
  g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                       _("What follows the sealed PDF is not a signature over it."));
  return FALSE;
}
