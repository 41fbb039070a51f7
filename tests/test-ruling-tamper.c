/* test-ruling-tamper.c: what a ruling's seal and signature vouch for,
 * checked by changing the PDF. Every stream of an issued ruling (its
 * pages, fonts, images, metadata) with one byte changed, every text
 * operator of its pages redrawn with one glyph changed, and every font
 * redrawn with one byte changed (each in an update appended, as an
 * editor would save it): the seal says altered, never valid. A signed
 * ruling is a PAdES baseline B-B signature that certifies the document
 * (no signing-time among its signed attributes, DocMDP P 2, a trailer
 * /ID): pdfsig and MuPDF find it valid over the whole document, and flag
 * an update appended after it, which the seal reports as signed, then
 * changed. */

#include <check.h>
#include <gio/gio.h>
#include <string.h>

#include "lajna-pdf-sign.h"
#include "lajna-pdf-update.h"
#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"
#include "lajna-ruling.h"
#include "lajna-seal.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

typedef struct
{
  GBytes         *pdf;
  GPtrArray      *keys;
} Issued;

static void
issued_clear (Issued *issued)
{
  g_clear_pointer (&issued->pdf, g_bytes_unref);
  g_clear_pointer (&issued->keys, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Issued, issued_clear)

/* A juvenile's ruling issued, as printed, with the keys that check it. */
static void
issue (LajnaDb    *db,
       const char *day,
       Issued     *issued)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  gint64 file = decided_file (db, "juvenile", "continue");

  expect_ok (lajna_ruling_issue (db, file, day, lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  issued->pdf = lajna_test_read_bytes (path);
  issued->keys = lajna_seal_keys_read (db, &error);
  expect_ok (issued->keys != NULL, error);
  lajna_test_remove_dir (dir);
}

static LajnaSealVerdict
verify (const Issued *issued,
        GBytes       *pdf)
{
  g_auto(LajnaSealFacts) facts = { 0 };

  return lajna_seal_verify (pdf, issued->keys, &facts);
}

/* Where object @number's stream data lies in @data (its first
 * definition), and its dictionary. */
static gboolean
find_stream (const char *data,
             gsize       length,
             gint64      number,
             gsize      *start,
             gsize      *size,
             char      **dictionary)
{
  g_autofree char *head = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj", number);
  const char *object = memmem (data, length, head, strlen (head));
  const char *keyword, *end;

  if (object == NULL)
    return FALSE;
  keyword = memmem (object, data + length - object, ">>\nstream", 9);
  if (keyword == NULL || memmem (object, keyword - object, "endobj", 6) != NULL)
    return FALSE;
  *dictionary = g_strndup (object + strlen (head), keyword + 2 - object - strlen (head));
  keyword += strlen (">>\nstream");
  keyword += keyword[0] == '\r' ? 2 : 1;
  end = memmem (keyword, data + length - keyword, "endstream", 9);
  ck_assert (end != NULL);
  *start = keyword - data;
  *size = end - keyword;
  while (*size > 0 && (data[*start + *size - 1] == '\n' || data[*start + *size - 1] == '\r'))
    (*size)--;
  return TRUE;
}

/* The numbers of the objects whose dictionary names @key ("/Contents",
 * "/FontFile2") with an indirect reference after it. */
static GArray *
referenced_by (const char *data,
               gsize       length,
               const char *key)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = g_strdup_printf ("%s (\\d+) 0 R", key);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match_full (regex, data, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      gint64 n = g_ascii_strtoll (number, NULL, 10);
      gboolean seen = FALSE;

      for (guint i = 0; i < numbers->len; i++)
        seen = seen || g_array_index (numbers, gint64, i) == n;
      if (!seen)
        g_array_append_val (numbers, n);
      g_match_info_next (match, NULL);
    }
  return numbers;
}

static GBytes *
convert (GConverter   *converter,
         const guint8 *data,
         gsize         length)
{
  g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_data (data, length, NULL);
  g_autoptr(GInputStream) converted = g_converter_input_stream_new (raw, converter);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  expect_ok (g_output_stream_splice (out, converted, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                                     &error) >= 0, error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GBytes *
inflate (const guint8 *data,
         gsize         length)
{
  g_autoptr(GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);

  return convert (G_CONVERTER (decompressor), data, length);
}

static GBytes *
deflate (const guint8 *data,
         gsize         length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB,
                                                                 -1);

  return convert (G_CONVERTER (compressor), data, length);
}

/* @pdf with object @number put anew, a stream of @data: what an editor
 * appends when it saves a change. */
static GBytes *
with_update (GBytes       *pdf,
             gint64        number,
             const char   *entries,
             const guint8 *data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaPdfUpdate) update = lajna_pdf_update_new (pdf, &error);
  g_autoptr(GString) tail = NULL;
  GString *out;

  expect_ok (update != NULL, error);
  lajna_pdf_update_put_stream (update, number, entries, data, length);
  tail = lajna_pdf_update_finish (update, NULL);
  out = g_string_new_len (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_string_append_len (out, tail->str, tail->len);
  return g_string_free_to_bytes (out);
}

/* A stream's dictionary without its /Filter and /Length, for the same
 * stream written anew. */
static char *
entries_but_length (const char *dictionary)
{
  g_autoptr(GRegex) regex =
    g_regex_new ("<<|>>|/Filter\\s*/FlateDecode|/Length\\s+\\d+(\\s+0\\s+R)?", 0, 0, NULL);

  return g_regex_replace_literal (regex, dictionary, -1, 0, "", 0, NULL);
}

/* Every stream of the file, one byte in its middle changed in place. */
START_TEST (test_every_stream_changed_in_place)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_auto(Issued) issued = { NULL };
  gsize length;
  const char *data;
  guint streams = 0;

  issue (db, "2039-05-01", &issued);
  data = g_bytes_get_data (issued.pdf, &length);
  ck_assert_int_eq (verify (&issued, issued.pdf), LAJNA_SEAL_VALID);
  for (const char *at = data; (at = memmem (at, data + length - at, ">>\nstream\n", 10)) != NULL;
       at += 10)
    {
      const char *stream = at + 10;
      const char *end = memmem (stream, data + length - stream, "endstream", 9);
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) changed = NULL;

      ck_assert (end != NULL && end > stream + 1);
      copy[stream - data + (end - stream) / 2] ^= 0x04;
      changed = g_bytes_new_take (g_steal_pointer (&copy), length);
      ck_assert_int_eq (verify (&issued, changed), LAJNA_SEAL_ALTERED);
      streams++;
    }
  /* Two pages at least, their fonts, the seal's image, the metadata. */
  ck_assert_uint_ge (streams, 8);
}
END_TEST

/* Every text-showing operator of every page, one glyph redrawn; and
 * every embedded font, one byte of it changed: saved as an update, as an
 * editor saves. */
START_TEST (test_every_text_and_font_redrawn)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_auto(Issued) issued = { NULL };
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GArray) fonts = NULL;
  gsize length;
  const char *data;
  guint operators = 0;

  issue (db, "2039-05-02", &issued);
  data = g_bytes_get_data (issued.pdf, &length);
  pages = referenced_by (data, length, "/Contents");
  ck_assert_uint_ge (pages->len, 1);
  for (guint p = 0; p < pages->len; p++)
    {
      gsize start, size, text_length;
      g_autofree char *dictionary = NULL;
      g_autoptr(GBytes) text = NULL;
      const char *ops;

      ck_assert (find_stream (data, length, g_array_index (pages, gint64, p), &start, &size,
                              &dictionary));
      text = inflate ((const guint8 *) data + start, size);
      ops = g_bytes_get_data (text, &text_length);
      for (gsize i = 1; i + 1 < text_length; i++)
        {
          g_autofree char *copy = NULL;
          g_autoptr(GBytes) changed = NULL;
          gsize digit = i;

          if (ops[i] != 'T' || (ops[i + 1] != 'j' && ops[i + 1] != 'J'))
            continue;
          /* The last glyph before the operator: a hex string's last
           * digit, or a literal string's last character. */
          while (digit > 0 && ops[digit] != '>' && ops[digit] != ')')
            digit--;
          ck_assert (digit > 1 && ops[digit - 1] != '\\');
          copy = g_memdup2 (ops, text_length);
          digit--;
          copy[digit] = ops[digit + 1] == '>' ? (copy[digit] == '1' ? '2' : '1')
                                              : (copy[digit] == 'A' ? 'B' : 'A');
          changed = with_update (issued.pdf, g_array_index (pages, gint64, p), "",
                                 (const guint8 *) copy, text_length);
          ck_assert_int_eq (verify (&issued, changed), LAJNA_SEAL_ALTERED);
          operators++;
        }
    }
  ck_assert_uint_ge (operators, 20);

  fonts = referenced_by (data, length, "/FontFile2");
  ck_assert_uint_ge (fonts->len, 1);
  for (guint f = 0; f < fonts->len; f++)
    {
      gsize start, size, font_length;
      g_autofree char *dictionary = NULL, *entries = NULL;
      g_autofree guint8 *copy = NULL;
      g_autoptr(GBytes) font = NULL, packed = NULL, changed = NULL;

      ck_assert (find_stream (data, length, g_array_index (fonts, gint64, f), &start, &size,
                              &dictionary));
      font = inflate ((const guint8 *) data + start, size);
      copy = g_memdup2 (g_bytes_get_data (font, &font_length), g_bytes_get_size (font));
      copy[font_length / 2] ^= 0x01;
      packed = deflate (copy, font_length);
      entries = g_strconcat ("/Filter /FlateDecode", entries_but_length (dictionary), NULL);
      changed = with_update (issued.pdf, g_array_index (fonts, gint64, f), entries,
                             g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
      ck_assert_int_eq (verify (&issued, changed), LAJNA_SEAL_ALTERED);
    }
}
END_TEST

/* @tool's output for @pdf, written to @name, given after @args and
 * before @after. */
static char *
tool_on (const char         *dir,
         GBytes             *pdf,
         const char         *name,
         const char         *tool,
         const char * const *args,
         const char         *after)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  ck_assert (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                  NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, path);
  if (after != NULL)
    g_ptr_array_add (argv, (gpointer) after);
  g_ptr_array_add (argv, NULL);
  return lajna_test_tool_output (tool, (const char * const *) argv->pdata, NULL);
}

/* PAdES B-B: no signing-time in the CMS, the signing certificate among
 * its signed attributes; the document certified; a trailer /ID. pdfsig,
 * MuPDF and the seal find it whole, and all three flag an update made
 * after it. */
START_TEST (test_signed_baseline)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_auto(Issued) issued = { NULL };
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *cms = NULL, *pdfsig = NULL, *mupdf = NULL, *perms = NULL, *id = NULL;
  g_autofree char *later_pdfsig = NULL, *later_mupdf = NULL;
  g_autoptr(GBytes) signed_pdf = NULL, der = NULL, later = NULL;
  g_autoptr(GArray) pages = NULL;
  gsize start, size, length;
  g_autofree char *dictionary = NULL;
  g_autoptr(GBytes) text = NULL;
  g_auto(LajnaSealFacts) facts = { 0 };

  issue (db, "2039-05-03", &issued);
  signed_pdf = lajna_pdf_sign (issued.pdf, p12, "secret", "رئيس اللجنة", NULL, NULL, &error);
  expect_ok (signed_pdf != NULL, error);
  ck_assert_int_eq (lajna_seal_verify (signed_pdf, issued.keys, &facts), LAJNA_SEAL_VALID);
  ck_assert (facts.is_signed);
  /* Who signed, for the one who checks to judge. */
  ck_assert_str_eq (facts.signer, "Lajna Chair");

  der = lajna_test_signature_der (signed_pdf);
  cms = tool_on (dir, der, "signature.der", "openssl",
                 ARGS ("cms", "-cmsout", "-print", "-inform", "DER", "-in"), NULL);
  ck_assert_msg (strstr (cms, "signingTime") == NULL, "%s", cms);
  ck_assert_msg (strstr (cms, "id-smime-aa-signingCertificateV2") != NULL, "%s", cms);
  ck_assert_msg (strstr (cms, "messageDigest") != NULL, "%s", cms);

  perms = tool_on (dir, signed_pdf, "perms.pdf", "mutool",
                   ARGS ("show"), "trailer/Root/Perms/DocMDP/Reference");
  ck_assert_msg (strstr (perms, "/DocMDP") != NULL && strstr (perms, "/P 2") != NULL, "%s",
                 perms);
  id = tool_on (dir, signed_pdf, "id.pdf", "mutool", ARGS ("show"), "trailer/ID");
  /* Two strings of random bytes: MuPDF writes one in hex, or, when its
   * bytes happen to be mostly printable, as a literal. */
  ck_assert_msg (g_str_has_prefix (id, "[ <") || g_str_has_prefix (id, "[ ("), "%s", id);

  pdfsig = tool_on (dir, signed_pdf, "signed.pdf", "pdfsig", ARGS ("-nocert"), NULL);
  ck_assert_msg (strstr (pdfsig, "Signature is Valid") != NULL, "%s", pdfsig);
  ck_assert_msg (strstr (pdfsig, "Total document signed") != NULL, "%s", pdfsig);
  mupdf = tool_on (dir, signed_pdf, "signed.pdf", "mutool", ARGS ("sign", "-v"), NULL);
  ck_assert_msg (strstr (mupdf, "unchanged since signing") != NULL, "%s", mupdf);
  ck_assert_msg (strstr (mupdf, "Digest error") == NULL, "%s", mupdf);

  /* A page's text changed after signing, saved as an update. */
  pages = referenced_by (g_bytes_get_data (issued.pdf, NULL), g_bytes_get_size (issued.pdf),
                         "/Contents");
  ck_assert (find_stream (g_bytes_get_data (issued.pdf, NULL), g_bytes_get_size (issued.pdf),
                          g_array_index (pages, gint64, 0), &start, &size, &dictionary));
  text = inflate ((const guint8 *) g_bytes_get_data (issued.pdf, NULL) + start, size);
  later = with_update (signed_pdf, g_array_index (pages, gint64, 0), "",
                       g_bytes_get_data (text, &length), g_bytes_get_size (text));
  ck_assert_int_eq (lajna_seal_verify (later, issued.keys, &facts),
                    LAJNA_SEAL_SIGNED_THEN_CHANGED);
  later_pdfsig = tool_on (dir, later, "later.pdf", "pdfsig", ARGS ("-nocert"), NULL);
  ck_assert_msg (strstr (later_pdfsig, "Total document signed") == NULL, "%s", later_pdfsig);
  later_mupdf = tool_on (dir, later, "later.pdf", "mutool", ARGS ("sign", "-v"), NULL);
  ck_assert_msg (strstr (later_mupdf, "unchanged since signing") == NULL, "%s", later_mupdf);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
ruling_tamper_suite (void)
{
  Suite *suite = suite_create ("ruling-tamper");
  TCase *tc = tcase_create ("tamper");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_every_stream_changed_in_place);
  tcase_add_test (tc, test_every_text_and_font_redrawn);
  tcase_add_test (tc, test_signed_baseline);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (ruling_tamper_suite ());
}
