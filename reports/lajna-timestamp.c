/* lajna-timestamp.c: an RFC 3161 time-stamp from a time-stamping
 * authority (TSA), for a signature's value: PAdES baseline B-T. The
 * request (SHA-256 of the value, a random nonce, the TSA's certificate
 * asked for) is POSTed over HTTP or HTTPS; the reply, read within a
 * bounded time and size, must grant a token for that very imprint and
 * nonce. Whether the TSA is to be trusted is for those who check the
 * signature to judge, as for the signatory's certificate. */

#include "lajna-timestamp.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <string.h>

#include "lajna-pdf-sign.h"

/* How long the TSA may take, and the most its reply may hold. */
#define TIMEOUT_SECONDS 30
#define MAX_REPLY (256 * 1024)

static TS_REQ *
make_request (const guint8 *digest,
              gsize         length)
{
  TS_REQ *request = TS_REQ_new ();
  TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new ();
  X509_ALGOR *algorithm = X509_ALGOR_new ();
  ASN1_INTEGER *nonce = ASN1_INTEGER_new ();
  guint64 random_nonce = 0;

  RAND_bytes ((unsigned char *) &random_nonce, sizeof random_nonce);
  X509_ALGOR_set0 (algorithm, OBJ_nid2obj (NID_sha256), V_ASN1_NULL, NULL);
  TS_MSG_IMPRINT_set_algo (imprint, algorithm);
  TS_MSG_IMPRINT_set_msg (imprint, (unsigned char *) digest, (int) length);
  ASN1_INTEGER_set_uint64 (nonce, random_nonce >> 1);
  TS_REQ_set_version (request, 1);
  TS_REQ_set_msg_imprint (request, imprint);
  TS_REQ_set_nonce (request, nonce);
  TS_REQ_set_cert_req (request, 1);
  TS_MSG_IMPRINT_free (imprint);
  X509_ALGOR_free (algorithm);
  ASN1_INTEGER_free (nonce);
  return request;
}

/* The body of @url's answer to a POST of @query, or NULL. */
static GBytes *
post (const char  *url,
      GBytes      *query,
      GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  gboolean tls = g_strcmp0 (scheme, "https") == 0;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) reply = g_byte_array_new ();
  g_autoptr(GString) head = NULL;
  g_autoptr(GError) failure = NULL;
  guint8 buffer[8192];
  gssize got;
  const guint8 *body;

  if (uri == NULL || g_uri_get_host (uri) == NULL || (!tls && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP,
                   _("“%s” is not the web address of a time-stamping authority."), url);
      return NULL;
    }
  g_socket_client_set_timeout (client, TIMEOUT_SECONDS);
  g_socket_client_set_tls (client, tls);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                g_uri_get_port (uri) > 0 ? g_uri_get_port (uri)
                                                                         : tls ? 443 : 80,
                                                NULL, &failure);
  head = g_string_new (NULL);
  g_string_printf (head, "POST %s%s%s HTTP/1.0\r\nHost: %s\r\n"
                   "Content-Type: application/timestamp-query\r\n"
                   "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                   *g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/",
                   g_uri_get_query (uri) != NULL ? "?" : "",
                   g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "",
                   g_uri_get_host (uri), g_bytes_get_size (query));
  if (connection != NULL)
    {
      GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
      GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));

      if (g_output_stream_write_all (out, head->str, head->len, NULL, NULL, &failure)
          && g_output_stream_write_all (out, g_bytes_get_data (query, NULL),
                                        g_bytes_get_size (query), NULL, NULL, &failure))
        while ((got = g_input_stream_read (in, buffer, sizeof buffer, NULL, &failure)) > 0
               && reply->len <= MAX_REPLY)
          g_byte_array_append (reply, buffer, got);
    }
  if (failure != NULL)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamping authority at “%s” cannot be reached: %s"), url,
                   failure->message);
      return NULL;
    }
  body = reply->len > 12 ? memmem (reply->data, reply->len, "\r\n\r\n", 4) : NULL;
  if (body == NULL || reply->len > MAX_REPLY
      || !g_regex_match_simple ("^HTTP/1\\.[01] 200 ", (const char *) reply->data,
                                G_REGEX_RAW | G_REGEX_ANCHORED, 0))
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamping authority at “%s” did not answer as one does."), url);
      return NULL;
    }
  body += 4;
  return g_bytes_new (body, reply->data + reply->len - body);
}

/**
 * lajna_timestamp_request:
 * @url: the time-stamping authority, http:// or https://
 * @data: what is time-stamped: a signature's value
 * @length: its length
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the DER of the time-stamp token
 *   the authority granted for @data's SHA-256
 */
GBytes *
lajna_timestamp_request (const char    *url,
                         const guint8  *data,
                         gsize          length,
                         GError       **error)
{
  guint8 digest[32];
  unsigned int digest_length = sizeof digest;
  TS_REQ *request = NULL;
  TS_RESP *response = NULL;
  TS_VERIFY_CTX *check = NULL;
  unsigned char *der = NULL;
  int size;
  g_autoptr(GBytes) query = NULL, reply = NULL;
  GBytes *token = NULL;

  EVP_Digest (data, length, digest, &digest_length, EVP_sha256 (), NULL);
  request = make_request (digest, digest_length);
  size = i2d_TS_REQ (request, &der);
  query = size > 0 ? g_bytes_new (der, size) : NULL;
  OPENSSL_free (g_steal_pointer (&der));
  if (query != NULL && (reply = post (url, query, error)) != NULL)
    {
      const unsigned char *p = g_bytes_get_data (reply, NULL);

      response = d2i_TS_RESP (NULL, &p, (long) g_bytes_get_size (reply));
      check = TS_REQ_to_TS_VERIFY_CTX (request, NULL);
      if (response != NULL && check != NULL && TS_RESP_verify_response (check, response) == 1
          && (size = i2d_PKCS7 (TS_RESP_get_token (response), &der)) > 0)
        token = g_bytes_new (der, size);
      else
        g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP,
                     _("The time-stamping authority at “%s” did not grant a time-stamp for "
                       "this signature."), url);
    }
  OPENSSL_free (der);
  TS_VERIFY_CTX_free (check);
  TS_RESP_free (response);
  TS_REQ_free (request);
  ERR_clear_error ();
  return token;
}
