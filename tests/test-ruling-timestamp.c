/* test-ruling-timestamp.c: a ruling signed with a time-stamp (PAdES
 * baseline B-T) from a time-stamping authority made here with `openssl
 * ts`, served over HTTP on the loopback: the token sits among the
 * signature's unsigned attributes, `openssl ts -verify` finds it made by
 * the authority over the signature's value, and pdfsig, MuPDF and the
 * seal still find the ruling whole. An authority that cannot be reached,
 * or that answers nonsense, leaves the ruling unsigned with a message. */

#include <check.h>
#include <gio/gio.h>
#include <openssl/cms.h>
#include <string.h>

#include "lajna-pdf-sign.h"
#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"
#include "lajna-ruling.h"
#include "lajna-seal.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

typedef struct
{
  char           *dir;
  GSocketListener *listener;
  GCancellable   *cancellable;
  GThread        *thread;
  guint16         port;
  /* Whether to answer nonsense rather than a time-stamp. */
  gboolean        nonsense;
} Authority;

static void
run_openssl (const char * const *args)
{
  int status;
  g_autofree char *out = lajna_test_tool_output ("openssl", args, &status);

  ck_assert_msg (status == 0, "openssl %s: %s", args[0], out);
}

/* A CA, and a time-stamping key and certificate it issued, with the
 * configuration `openssl ts -reply` reads. */
static void
make_authority (Authority *authority)
{
  const char *dir = authority->dir;
  g_autofree char *ca_key = g_build_filename (dir, "ca.key", NULL);
  g_autofree char *ca = g_build_filename (dir, "ca.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "tsa.key", NULL);
  g_autofree char *request = g_build_filename (dir, "tsa.csr", NULL);
  g_autofree char *cert = g_build_filename (dir, "tsa.pem", NULL);
  g_autofree char *extensions = g_build_filename (dir, "ext.cnf", NULL);
  g_autofree char *config = g_build_filename (dir, "tsa.cnf", NULL);
  g_autofree char *serial = g_build_filename (dir, "serial", NULL);
  g_autofree char *config_text = g_strdup_printf (
      "[ tsa ]\ndefault_tsa = here\n[ here ]\nserial = %s\nsigner_cert = %s\ncerts = %s\n"
      "signer_key = %s\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\n"
      "accuracy = secs:1\ness_cert_id_alg = sha256\n", serial, cert, ca, key);

  run_openssl (ARGS ("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out",
                     ca, "-days", "30", "-subj", "/CN=Lajna Test TSA CA"));
  run_openssl (ARGS ("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request,
                     "-subj", "/CN=Lajna Test TSA"));
  ck_assert (g_file_set_contents (extensions, "extendedKeyUsage = critical,timeStamping\n", -1,
                                  NULL));
  run_openssl (ARGS ("x509", "-req", "-in", request, "-CA", ca, "-CAkey", ca_key,
                     "-CAcreateserial", "-out", cert, "-days", "30", "-extfile", extensions));
  ck_assert (g_file_set_contents (config, config_text, -1, NULL));
  ck_assert (g_file_set_contents (serial, "01\n", -1, NULL));
}

/* One request: its body to a file, `openssl ts -reply`, the reply. */
static void
answer (Authority         *authority,
        GSocketConnection *connection)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GByteArray) request = g_byte_array_new ();
  g_autofree char *query = g_build_filename (authority->dir, "query.tsq", NULL);
  g_autofree char *reply = g_build_filename (authority->dir, "reply.tsr", NULL);
  g_autofree char *config = g_build_filename (authority->dir, "tsa.cnf", NULL);
  g_autofree char *body = NULL, *head = NULL, *said = NULL;
  gsize length = 0, expected = 0, start = 0;
  guint8 buffer[4096];
  gssize got;

  /* The headers, then as much body as they say. */
  while ((got = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      const guint8 *end;

      g_byte_array_append (request, buffer, got);
      if (start == 0 && (end = memmem (request->data, request->len, "\r\n\r\n", 4)) != NULL)
        {
          g_autofree char *headers = g_strndup ((const char *) request->data,
                                                end - request->data);
          const char *size = strstr (headers, "Content-Length: ");

          expected = size != NULL ? g_ascii_strtoull (size + 16, NULL, 10) : 0;
          start = end + 4 - request->data;
        }
      if (start > 0 && request->len - start >= expected)
        break;
    }
  if (start == 0)
    return;
  if (authority->nonsense)
    body = g_strdup ("this is no time-stamp"), length = strlen (body);
  else
    {
      ck_assert (g_file_set_contents (query, (const char *) request->data + start, expected,
                                      NULL));
      said = lajna_test_tool_output ("openssl", ARGS ("ts", "-reply", "-config", config,
                                                      "-queryfile", query, "-out", reply), NULL);
      ck_assert (g_file_get_contents (reply, &body, &length, NULL));
    }
  head = g_strdup_printf ("HTTP/1.0 200 OK\r\nContent-Type: application/timestamp-reply\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", length);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, body, length, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

static gpointer
serve (gpointer data)
{
  Authority *authority = data;
  GSocketConnection *connection;

  while ((connection = g_socket_listener_accept (authority->listener, NULL,
                                                 authority->cancellable, NULL)) != NULL)
    {
      answer (authority, connection);
      g_object_unref (connection);
    }
  return NULL;
}

static void
authority_start (Authority *authority)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  authority->dir = lajna_test_make_data_dir ();
  make_authority (authority);
  authority->listener = g_socket_listener_new ();
  authority->cancellable = g_cancellable_new ();
  expect_ok (g_socket_listener_add_address (authority->listener, address, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error), error);
  authority->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  authority->thread = g_thread_new ("authority", serve, authority);
}

static void
authority_stop (Authority *authority)
{
  g_cancellable_cancel (authority->cancellable);
  g_thread_join (authority->thread);
  g_socket_listener_close (authority->listener);
  g_object_unref (authority->listener);
  g_object_unref (authority->cancellable);
  lajna_test_remove_dir (authority->dir);
  g_free (authority->dir);
}

/* The signature's value and its time-stamp token, out of @pdf, written
 * to @value and @token. */
static void
write_value_and_token (GBytes     *pdf,
                       const char *value,
                       const char *token)
{
  g_autoptr(GBytes) der = lajna_test_signature_der (pdf);
  const unsigned char *p = g_bytes_get_data (der, NULL);
  CMS_ContentInfo *cms;
  CMS_SignerInfo *si;
  ASN1_OCTET_STRING *signature;
  const ASN1_TYPE *stamp;
  int at;

  cms = d2i_CMS_ContentInfo (NULL, &p, (long) g_bytes_get_size (der));
  ck_assert (cms != NULL);
  si = sk_CMS_SignerInfo_value (CMS_get0_SignerInfos (cms), 0);
  signature = CMS_SignerInfo_get0_signature (si);
  ck_assert (g_file_set_contents (value, (const char *) ASN1_STRING_get0_data (signature),
                                  ASN1_STRING_length (signature), NULL));
  at = CMS_unsigned_get_attr_by_NID (si, NID_id_smime_aa_timeStampToken, -1);
  ck_assert_int_ge (at, 0);
  stamp = X509_ATTRIBUTE_get0_type (CMS_unsigned_get_attr (si, at), 0);
  ck_assert (stamp != NULL && ASN1_TYPE_get (stamp) == V_ASN1_SEQUENCE);
  ck_assert (g_file_set_contents (token, (const char *) stamp->value.sequence->data,
                                  stamp->value.sequence->length, NULL));
  CMS_ContentInfo_free (cms);
}

START_TEST (test_timestamped)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *path = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *value = g_build_filename (dir, "value.bin", NULL);
  g_autofree char *token = g_build_filename (dir, "token.der", NULL);
  g_autofree char *url = NULL, *checked = NULL, *report = NULL, *mupdf = NULL;
  g_autofree char *ca = NULL, *cert = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  Authority authority = { NULL };
  g_auto(LajnaSealFacts) facts = { 0 };
  gint64 file = decided_file (db, "marriage", "approve");
  int status;

  authority_start (&authority);
  url = g_strdup_printf ("http://127.0.0.1:%u/tsa", authority.port);
  ca = g_build_filename (authority.dir, "ca.pem", NULL);
  cert = g_build_filename (authority.dir, "tsa.pem", NULL);
  expect_ok (lajna_ruling_issue (db, file, "2036-07-01", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_sign (db, file, p12, "secret", url, path, &error), error);
  pdf = lajna_test_read_bytes (path);
  write_value_and_token (pdf, value, token);
  checked = lajna_test_tool_output ("openssl", ARGS ("ts", "-verify", "-in", token, "-token_in",
                                                     "-data", value, "-CAfile", ca,
                                                     "-untrusted", cert), &status);
  ck_assert_msg (status == 0 && strstr (checked, "Verification: OK") != NULL, "%s", checked);

  report = lajna_test_tool_output ("pdfsig", ARGS ("-nocert", path), &status);
  ck_assert_msg (strstr (report, "Signature is Valid") != NULL, "%s", report);
  ck_assert_msg (strstr (report, "Total document signed") != NULL, "%s", report);
  mupdf = lajna_test_tool_output ("mutool", ARGS ("sign", "-v", path), &status);
  ck_assert_msg (strstr (mupdf, "unchanged since signing") != NULL, "%s", mupdf);
  keys = lajna_seal_keys_read (db, &error);
  expect_ok (keys != NULL, error);
  ck_assert_int_eq (lajna_seal_verify (pdf, keys, &facts), LAJNA_SEAL_VALID);
  ck_assert (facts.is_signed);
  authority_stop (&authority);
  lajna_test_remove_dir (dir);
}
END_TEST

/* No authority there, or one answering nonsense: not signed, and said. */
START_TEST (test_authority_fails)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *path = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *url = NULL;
  Authority authority = { NULL };
  gint64 file = decided_file (db, "juvenile", "continue");

  expect_ok (lajna_ruling_issue (db, file, "2036-07-02", lajna_ruling_pdf, &error) != 0, error);
  ck_assert (!lajna_ruling_sign (db, file, p12, "secret", "http://127.0.0.1:1/tsa", path,
                                 &error));
  ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP));
  g_clear_error (&error);
  ck_assert (!lajna_ruling_sign (db, file, p12, "secret", "ftp://127.0.0.1/tsa", path, &error));
  ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP));
  g_clear_error (&error);

  authority_start (&authority);
  authority.nonsense = TRUE;
  url = g_strdup_printf ("http://127.0.0.1:%u/", authority.port);
  ck_assert (!lajna_ruling_sign (db, file, p12, "secret", url, path, &error));
  ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_TIMESTAMP));
  authority_stop (&authority);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM ruling r JOIN decision d"
                                   "  ON d.id = r.decision_id WHERE d.case_id = $1"
                                   "   AND r.pdf IS NOT NULL", file), 0);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
ruling_timestamp_suite (void)
{
  Suite *suite = suite_create ("ruling-timestamp");
  TCase *tc = tcase_create ("timestamp");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_timestamped);
  tcase_add_test (tc, test_authority_fails);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (ruling_timestamp_suite ());
}
