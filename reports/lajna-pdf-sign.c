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

#include <glib/gi18n-lib.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (lajna-sign-error-quark, lajna_sign_error)

/* Room for the signature: 8 KiB of DER, written in hex. */
#define CONTENTS_BYTES 8192
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

/* The last occurrence of @needle in the first @length bytes of @data. */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The number after @key in the trailer, or -1. */
static gint64
trailer_number (const char *trailer,
                const char *key)
{
  const char *at = strstr (trailer, key);

  return at != NULL ? g_ascii_strtoll (at + strlen (key), NULL, 10) : -1;
}

/* The dictionary of object @number, the last definition in the file, as
 * text without its final ">>" (so that keys can be added), or %NULL. */
static char *
object_dictionary (const char *data,
                   gsize       length,
                   gint64      number)
{
  g_autofree char *head = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj", number);
  const char *start = find_last (data, length, head);
  const char *end;
  const char *close;

  if (start == NULL || (end = g_strstr_len (start, data + length - start, "endobj")) == NULL)
    return NULL;
  start = g_strstr_len (start, end - start, "<<");
  close = start != NULL ? find_last (start, end - start, ">>") : NULL;
  if (close == NULL)
    return NULL;
  return g_strndup (start, close - start);
}

/* The first page of the page tree whose root is @pages. */
static gint64
first_page (const char *data,
            gsize       length,
            gint64      pages)
{
  g_autofree char *tree = object_dictionary (data, length, pages);
  const char *kids = tree != NULL ? strstr (tree, "/Kids") : NULL;
  const char *open = kids != NULL ? strchr (kids, '[') : NULL;
  gint64 kid = open != NULL ? g_ascii_strtoll (open + 1, NULL, 10) : 0;
  g_autofree char *page = kid > 0 ? object_dictionary (data, length, kid) : NULL;

  if (page == NULL)
    return 0;
  /* A page tree node has kids of its own. */
  return strstr (page, "/Kids") != NULL ? first_page (data, length, kid) : kid;
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

/* A PDF text string of @text: UTF-16BE in hex, with its byte order mark. */
static char *
pdf_text_string (const char *text)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GString *out = g_string_new ("<FEFF");

  for (gunichar2 *c = utf16; c != NULL && *c != 0; c++)
    g_string_append_printf (out, "%04X", *c);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

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

/* The CMS detached signature of @data, as DER. */
static GBytes *
sign_bytes (const Signer  *signer,
            const guint8  *data,
            gsize          length,
            GError       **error)
{
  BIO *in = BIO_new_mem_buf (data, (int) length);
  CMS_ContentInfo *cms = CMS_sign (signer->cert, signer->key, signer->chain, in,
                                   CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES);
  unsigned char *der = NULL;
  int size = cms != NULL ? i2d_CMS_ContentInfo (cms, &der) : -1;
  GBytes *signature = NULL;

  if (size > 0)
    signature = g_bytes_new (der, size);
  else
    fail (error, _("The PDF cannot be signed."));
  OPENSSL_free (der);
  CMS_ContentInfo_free (cms);
  BIO_free (in);
  return signature;
}

static void
add_object (GString    *out,
            GArray     *offsets,
            gint64      number,
            const char *body)
{
  gint64 entry[2] = { number, (gint64) out->len };

  g_array_append_vals (offsets, entry, 2);
  g_string_append_printf (out, "%" G_GINT64_FORMAT " 0 obj\n%s\nendobj\n", number, body);
}

/**
 * lajna_pdf_sign:
 * @pdf: a PDF of Lajna's
 * @p12_path: the signatory's PKCS#12 file
 * @password: (nullable): its password
 * @signer_name: who signs, for the signature's /Name
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
                char       **subject,
                GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *trailer = find_last (data, length, "trailer");
  const char *startxref = find_last (data, length, "startxref");
  g_autofree char *trailer_text = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *page = NULL;
  g_autofree char *name = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y%m%d%H%M%SZ");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) out = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_auto(Signer) signer = { NULL };
  gint64 size, root, pages, first, previous, sig, widget, xref;
  gsize contents_at, contents_end;
  char *range;

  if (trailer == NULL || startxref == NULL)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                   _("The PDF has no cross-reference table Lajna can extend."));
      return NULL;
    }
  trailer_text = g_strndup (trailer, startxref - trailer);
  size = trailer_number (trailer_text, "/Size");
  root = trailer_number (trailer_text, "/Root");
  previous = g_ascii_strtoll (startxref + strlen ("startxref"), NULL, 10);
  /* The document's information (its title, and a ruling's seal) stays. */
  info = trailer_number (trailer_text, "/Info") > 0
           ? g_strdup_printf (" /Info %" G_GINT64_FORMAT " 0 R", trailer_number (trailer_text, "/Info"))
           : g_strdup ("");
  catalog = root > 0 ? object_dictionary (data, length, root) : NULL;
  pages = catalog != NULL ? trailer_number (catalog, "/Pages") : -1;
  first = pages > 0 ? first_page (data, length, pages) : 0;
  page = first > 0 ? object_dictionary (data, length, first) : NULL;
  if (size <= 0 || page == NULL || strstr (catalog, "/AcroForm") != NULL
      || strstr (page, "/Annots") != NULL)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                   _("The PDF is not one Lajna can sign: it is not Lajna’s, or it is signed "
                     "already."));
      return NULL;
    }
  if (!load_signer (&signer, p12_path, password, error))
    return NULL;
  if (subject != NULL)
    {
      char *line = X509_NAME_oneline (X509_get_subject_name (signer.cert), NULL, 0);

      *subject = g_strdup (line);
      OPENSSL_free (line);
    }

  sig = size;
  widget = size + 1;
  name = pdf_text_string (signer_name);
  out = g_string_new_len (data, length);
  if (data[length - 1] != '\n')
    g_string_append_c (out, '\n');
  {
    g_autofree char *body = g_strdup_printf ("%s /AcroForm << /Fields [%" G_GINT64_FORMAT
                                             " 0 R] /SigFlags 3 >> >>", catalog, widget);

    add_object (out, offsets, root, body);
  }
  {
    g_autofree char *body = g_strdup_printf ("%s /Annots [%" G_GINT64_FORMAT " 0 R] >>", page,
                                             widget);

    add_object (out, offsets, first, body);
  }
  {
    g_autofree char *zeros = g_strnfill (CONTENTS_BYTES * 2, '0');
    g_autofree char *body = g_strdup_printf (
        "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
        " /ByteRange [0 %*s %*s %*s] /Contents <%s> /M (D:%s) /Name %s >>",
        RANGE_WIDTH, "", RANGE_WIDTH, "", RANGE_WIDTH, "", zeros, when, name);

    add_object (out, offsets, sig, body);
  }
  {
    g_autofree char *body = g_strdup_printf (
        "<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T (Lajna)"
        " /V %" G_GINT64_FORMAT " 0 R /P %" G_GINT64_FORMAT " 0 R >>", sig, first);

    add_object (out, offsets, widget, body);
  }
  xref = out->len;
  g_string_append (out, "xref\n0 1\n0000000000 65535 f \n");
  for (guint i = 0; i < offsets->len; i += 2)
    g_string_append_printf (out, "%" G_GINT64_FORMAT " 1\n%010" G_GINT64_FORMAT " 00000 n \n",
                            g_array_index (offsets, gint64, i),
                            g_array_index (offsets, gint64, i + 1));
  g_string_append_printf (out, "trailer\n<< /Size %" G_GINT64_FORMAT " /Root %" G_GINT64_FORMAT
                          " 0 R%s /Prev %" G_GINT64_FORMAT " >>\nstartxref\n%" G_GINT64_FORMAT
                          "\n%%%%EOF\n", size + 2, root, info, previous, xref);

  /* The signed ranges: all but the hex string of /Contents. */
  contents_at = (const char *) find_last (out->str, out->len, "/Contents <") - out->str
                + strlen ("/Contents ");
  contents_end = contents_at + 2 + CONTENTS_BYTES * 2;
  range = (char *) find_last (out->str, out->len, "/ByteRange [0 ") + strlen ("/ByteRange [0 ");
  {
    g_autofree char *numbers = g_strdup_printf ("%*" G_GSIZE_FORMAT " %*" G_GSIZE_FORMAT " %*"
                                                G_GSIZE_FORMAT, RANGE_WIDTH, contents_at,
                                                RANGE_WIDTH, contents_end, RANGE_WIDTH,
                                                out->len - contents_end);

    memcpy (range, numbers, strlen (numbers));
  }
  {
    g_autoptr(GByteArray) signed_part = g_byte_array_sized_new (out->len);

    g_byte_array_append (signed_part, (const guint8 *) out->str, contents_at);
    g_byte_array_append (signed_part, (const guint8 *) out->str + contents_end,
                         out->len - contents_end);
    signature = sign_bytes (&signer, signed_part->data, signed_part->len, error);
  }
  if (signature == NULL)
    return NULL;
  if (g_bytes_get_size (signature) > CONTENTS_BYTES)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_FAILED,
                   _("The signature is larger than the room kept for it."));
      return NULL;
    }
  {
    gsize n;
    const guint8 *der = g_bytes_get_data (signature, &n);

    for (gsize i = 0; i < n; i++)
      {
        static const char digits[] = "0123456789ABCDEF";

        out->str[contents_at + 1 + 2 * i] = digits[der[i] >> 4];
        out->str[contents_at + 2 + 2 * i] = digits[der[i] & 15];
      }
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
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *range = find_last (data, length, "/ByteRange [");
  gint64 r[4];
  g_autoptr(GByteArray) der = g_byte_array_new ();
  CMS_ContentInfo *cms = NULL;
  BIO *content = NULL;
  gboolean good = FALSE;

  if (range != NULL && read_range (range, data + length, r) && r[0] == 0 && r[1] > 0
      && r[2] > r[1] + 2 && r[3] >= 0 && (guint64) (r[2] + r[3]) == length
      && data[r[1]] == '<' && data[r[2] - 1] == '>')
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
    }
  CMS_ContentInfo_free (cms);
  BIO_free (content);
  ERR_clear_error ();
  if (!good)
    g_set_error_literal (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                         _("The signature does not cover the PDF as it is."));
  return good;
}
