/* test-ruling-seal.c: a ruling's seal and versions. An issued ruling
 * carries a QR code that zbarimg reads as the code in the PDF's keywords,
 * printed and scanned again too, whatever the signature it holds;
 * `lajnactl ruling verify` and lajna_seal_verify() answer valid for it,
 * altered once its PDF changes (another text under its seal, one glyph
 * changed in the file, the file rewritten by qpdf), and unknown for a
 * draft, a seal of another key, or a file that is not a PDF; with no
 * database and no key, verify says so and makes no database. A ruling on record
 * keeps its text when its template changes; a correction is a new version
 * of the same number, with its reason, the old one untouched. */

#include <check.h>
#include <openssl/evp.h>
#include <qrencode.h>
#include <string.h>

#include "lajna-database.h"
#include "lajna-db-private.h"
#include "lajna-meeting-actions.h"
#include "lajna-pdf-sign.h"
#include "lajna-ruling-content.h"
#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"
#include "lajna-ruling.h"
#include "lajna-seal.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"
#include "lajna-text.h"

static LajnaSealVerdict
verify_file (LajnaDb        *db,
             const char     *path,
             LajnaSealFacts *facts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = lajna_seal_keys_read (db, &error);
  g_autoptr(GBytes) pdf = lajna_test_read_bytes (path);

  expect_ok (keys != NULL, error);
  ck_assert_uint_ge (keys->len, 1);
  return lajna_seal_verify (pdf, keys, facts);
}

/* The PDF's keywords, as pdfinfo shows them. */
static char *
keywords (const char *path)
{
  int status;
  g_autofree char *info = lajna_test_tool_output ("pdfinfo", ARGS (path), &status);
  const char *line = strstr (info, "Keywords:");

  ck_assert_msg (line != NULL, "no keywords: %s", info);
  line += strlen ("Keywords:");
  while (*line == ' ')
    line++;
  return g_strndup (line, strcspn (line, "\n"));
}

/* What zbarimg reads off page 1 of @pdf rendered at @dpi; printed and
 * scanned again first when @seed (nullable) is given: blurred, speckled
 * with the noise @seed draws, and askew. */
static char *
scan_page (const char *dir,
           const char *pdf,
           const char *dpi,
           const char *seed)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page-1.png", NULL);
  g_autofree char *scan = g_build_filename (dir, "scan.png", NULL);
  const char * const degrade[] = { "-seed", seed, "-blur", "0x1.5", "-attenuate", "0.5",
                                   "+noise", "Gaussian", "-background", "white", "-rotate", "2",
                                   "-flatten", NULL };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *scanned;
  int status;

  g_free (lajna_test_tool_output ("pdftoppm", ARGS ("-png", "-r", dpi, "-f", "1", "-l", "1", pdf,
                                                    prefix), &status));
  ck_assert_int_eq (status, 0);
  g_ptr_array_add (argv, png);
  for (guint i = 0; seed != NULL && degrade[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) degrade[i]);
  g_ptr_array_add (argv, scan);
  g_ptr_array_add (argv, NULL);
  /* Debian's ImageMagick by its own name, whatever stands in for convert. */
  g_free (lajna_test_tool_output ("convert-im6.q16", (const char * const *) argv->pdata, &status));
  ck_assert_int_eq (status, 0);
  scanned = lajna_test_tool_output ("zbarimg", ARGS ("--raw", "-q", scan), &status);
  ck_assert_msg (status == 0, "zbarimg read nothing at %s dpi", dpi);
  return g_strchomp (scanned);
}

START_TEST (test_valid_and_read_from_the_qr_code)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *seal = NULL, *scanned = NULL, *stored = NULL;
  gint64 file = decided_file (db, "marriage", "approve");
  gint64 ruling;
  g_auto(LajnaSealFacts) facts = { 0 };
  int status;

  ruling = lajna_ruling_issue (db, file, "2040-03-01", lajna_ruling_pdf, &error);
  expect_ok (ruling != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  ck_assert_int_eq (verify_file (db, path, &facts), LAJNA_SEAL_VALID);
  ck_assert_int_eq (facts.ruling_id, ruling);
  ck_assert_int_eq (facts.year, 2040);
  ck_assert_int_eq (facts.number, 1);
  ck_assert_int_eq (facts.version, 1);
  ck_assert_int_eq (facts.committee_id, committee (db, "mtm"));

  /* The QR code on the page holds the seal the keywords hold, and the
   * ruling's record. */
  seal = keywords (path);
  ck_assert (g_str_has_prefix (seal, "LJ2:"));
  stored = query_text (db, "SELECT seal FROM ruling WHERE id = $1", ruling);
  ck_assert_str_eq (seal, stored);
  scanned = scan_page (dir, path, "100", NULL);
  ck_assert_str_eq (scanned, seal);
  g_free (scanned);
  /* Printed and scanned again. */
  scanned = scan_page (dir, path, "150", "7");
  ck_assert_str_eq (scanned, seal);
  /* Its modules are 0.7 mm or more on paper. */
  {
    QRcode *code = QRcode_encodeString (seal, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    g_autofree char *list = lajna_test_tool_output ("pdfimages", ARGS ("-list", "-f", "1", "-l",
                                                                       "1", path), &status);
    g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
    double side_mm = 0;

    ck_assert (code != NULL);
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) columns = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint j = 0; columns[j] != NULL; j++)
          if (*columns[j] != '\0')
            g_ptr_array_add (words, columns[j]);
        /* page num type width height color comp bpc enc interp object ID x-ppi */
        if (words->len >= 13 && strcmp (g_ptr_array_index (words, 2), "image") == 0
            && strcmp (g_ptr_array_index (words, 3), g_ptr_array_index (words, 4)) == 0)
          side_mm = 25.4 * g_ascii_strtod (g_ptr_array_index (words, 3), NULL)
                    / g_ascii_strtod (g_ptr_array_index (words, 12), NULL);
      }
    ck_assert_msg (side_mm / (code->width + 8) >= 0.7, "%s", list);
    QRcode_free (code);
  }
  lajna_test_remove_dir (dir);
}
END_TEST

/* Codes of a ruling's shape ("LJ2:" and the base45 of its 13 bytes and a
 * signature) that plain square modules lost when printed and scanned
 * again with the noise beside them, as about one scan in fifty was: laid
 * out on a ruling, they read. */
START_TEST (test_qr_code_read_whatever_the_signature)
{
  static const struct
  {
    const char *seal;
    const char *seed;
  } codes[] = {
    { "LJ2:300580D00S01000JI09J0J7NI87Z.IUBC-UQ8OU%-H*UE*1H-FN24I/ZV3SO2X6AZKEGVC45 YR+DE/:P-2Q63B"
      "U$JFZ5HVE.2QUBG3086N4:.RCOG%1", "11" },
    { "LJ2:100P*3C00A01000%J3I60QJ2T+P3+3S51E-U9SDPRO/E8NBIJ24*Z9HNNPK8-IK9UV:Q0L002 EKY4GK7PNQF/G"
      "J7ERXD-KM4SJ5Z1D9RS-H5EFM S41", "7" },
    { "LJ2:2005K0A00::00003U2GE0 .IX/HNB8W%O2WRRFQ93S*FBKU7LVMIUOJ3NX%2RLCC8A77K9RI:.30O38Z72Y6%4"
      "5:SR-AWXE9M.36I7786LK07QFZ7EN1", "7" },
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autoptr(LajnaRulingContent) content = NULL;
  gint64 file = decided_file (db, "marriage", "approve");

  expect_ok (lajna_ruling_issue (db, file, "2049-03-01", lajna_ruling_pdf, &error) != 0, error);
  content = lajna_ruling_content_load (db, file, &error);
  expect_ok (content != NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(LajnaPdfWriter) writer = NULL;
      g_autofree char *scanned = NULL;

      g_free (content->seal);
      content->seal = g_strdup (codes[i].seal);
      writer = lajna_ruling_lay_out (content);
      expect_ok (lajna_pdf_writer_write (writer, path, &error), error);
      scanned = scan_page (dir, path, "150", codes[i].seed);
      ck_assert_str_eq (scanned, codes[i].seal);
    }
  lajna_test_remove_dir (dir);
}
END_TEST

/* @content laid out, and sealed with @pdf_seal: another PDF under the
 * ruling's seal. */
static void
write_under_seal (const LajnaRulingContent *content,
                  const char               *pdf_seal,
                  const char               *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaPdfWriter) writer = lajna_ruling_lay_out (content);
  g_autoptr(GBytes) pdf = lajna_pdf_writer_write_bytes (writer, &error);
  g_autoptr(GBytes) sealed = NULL;

  expect_ok (pdf != NULL, error);
  sealed = lajna_seal_apply (pdf, pdf_seal, &error);
  expect_ok (sealed != NULL, error);
  ck_assert (g_file_set_contents (path, g_bytes_get_data (sealed, NULL),
                                  g_bytes_get_size (sealed), NULL));
}

/* Another text under the same seal, the file with one glyph of its text
 * changed, and the file rewritten by qpdf: all altered. The same content
 * laid out again gives the very bytes sealed. */
START_TEST (test_altered)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
  g_autofree char *forged = g_build_filename (dir, "forged.pdf", NULL);
  g_autofree char *open = g_build_filename (dir, "open.pdf", NULL);
  g_autofree char *contents = NULL, *issued = NULL, *relaid = NULL;
  g_autoptr(LajnaRulingContent) content = NULL;
  gint64 file = decided_file (db, "juvenile", "continue");
  g_auto(LajnaSealFacts) facts = { 0 };
  gsize length, issued_length, relaid_length;
  char *glyphs;
  int status;

  expect_ok (lajna_ruling_issue (db, file, "2041-03-02", lajna_ruling_pdf, &error) != 0, error);
  content = lajna_ruling_content_load (db, file, &error);
  expect_ok (content != NULL, error);
  ck_assert (content->seal != NULL && content->pdf_seal != NULL);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  ck_assert_int_eq (verify_file (db, path, &facts), LAJNA_SEAL_VALID);

  /* Rendering is deterministic: the frozen content laid out again. */
  write_under_seal (content, content->pdf_seal, again);
  ck_assert (g_file_get_contents (path, &issued, &issued_length, NULL));
  ck_assert (g_file_get_contents (again, &relaid, &relaid_length, NULL));
  ck_assert_uint_eq (issued_length, relaid_length);
  ck_assert (memcmp (issued, relaid, issued_length) == 0);

  g_free (content->articles[0]);
  content->articles[0] = g_strdup ("تسليم الحدث إلى شخص آخر.");
  write_under_seal (content, content->pdf_seal, forged);
  ck_assert_int_eq (verify_file (db, forged, &facts), LAJNA_SEAL_ALTERED);
  ck_assert_int_eq (facts.ruling_id, content->ruling_id);

  /* Uncompressed by qpdf, its bytes are no longer those sealed; one glyph
   * changed there, still altered. */
  g_free (lajna_test_tool_output ("qpdf", ARGS ("--qdf", "--object-streams=disable", path, open),
                                  &status));
  ck_assert_int_eq (status, 0);
  ck_assert_int_ne (verify_file (db, open, &facts), LAJNA_SEAL_VALID);
  ck_assert (g_file_get_contents (open, &contents, &length, NULL));
  glyphs = memmem (contents, length, "[<", 2);
  ck_assert (glyphs != NULL);
  glyphs[3] = glyphs[3] == '1' ? '2' : '1';
  ck_assert (g_file_set_contents (open, contents, length, NULL));
  ck_assert_int_ne (verify_file (db, open, &facts), LAJNA_SEAL_VALID);
  lajna_test_remove_dir (dir);
}
END_TEST

START_TEST (test_unknown)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *draft = g_build_filename (dir, "draft.pdf", NULL);
  g_autofree char *other = g_build_filename (dir, "other.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "text.pdf", NULL);
  g_autofree char *sign = NULL, *fields = NULL;
  g_autoptr(PGresult) signed_seal = NULL;
  g_autoptr(LajnaRulingContent) content = NULL;
  gint64 file = decided_file (db, "marriage", "reject");
  g_auto(LajnaSealFacts) facts = { 0 };

  /* A draft has no seal. */
  expect_ok (lajna_ruling_render (db, file, draft, &error), error);
  ck_assert_int_eq (verify_file (db, draft, &facts), LAJNA_SEAL_UNKNOWN);

  /* A seal made with another key, over the very bytes. */
  expect_ok (lajna_ruling_issue (db, file, "2042-03-03", lajna_ruling_pdf, &error) != 0, error);
  content = lajna_ruling_content_load (db, file, &error);
  expect_ok (content != NULL, error);
  fields = g_strndup (content->pdf_seal, strrchr (content->pdf_seal, '|') - content->pdf_seal);
  sign = g_strdup_printf (
      "SELECT m || '|' || lajna_base64(lajna_ed25519_sign(k, lajna_ed25519_public(k),"
      "                                                   convert_to(m, 'UTF8')))"
      "  FROM (SELECT sha256('another key'::bytea) AS k, '%s'::text AS m) s", fields);
  signed_seal = lajna_db_exec (db, sign, &error);
  expect_ok (signed_seal != NULL, error);
  g_clear_pointer (&content->pdf_seal, g_free);
  write_under_seal (content, PQgetvalue (signed_seal, 0, 0), other);
  ck_assert_int_eq (verify_file (db, other, &facts), LAJNA_SEAL_UNKNOWN);

  /* Not a PDF at all. */
  ck_assert (g_file_set_contents (text, "%PDF-1.5\nnot really\n", -1, NULL));
  ck_assert_int_eq (verify_file (db, text, &facts), LAJNA_SEAL_UNKNOWN);
  lajna_test_remove_dir (dir);
}
END_TEST

/* lajnactl: valid, altered and unknown as exit codes 0, 3 and 4, with the
 * database's key or with the key exported to a PEM file. */
START_TEST (test_cli_verify)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *pem = g_build_filename (dir, "seal.pem", NULL);
  g_autofree char *forged = g_build_filename (dir, "forged.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(LajnaRulingContent) content = NULL;
  gint64 file = decided_file (db, "juvenile", "aftercare");

  expect_ok (lajna_ruling_issue (db, file, "2043-03-04", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "verify", path), &out,
                                            &err), 0);
  ck_assert_msg (g_str_has_prefix (out, "valid: ruling 1 of 2043"), "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "seal-key", "-o", pem),
                                            &out, &err), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "verify", "--key", pem,
                                                                 path), &out, &err), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The committee's key rotated: the ruling still checks, through the
   * database and through the keys written out again (old and new). */
  {
    g_autofree char *mtj = g_strdup_printf ("%d", committee (db, "mtj"));

    ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                              ARGS ("ruling", "seal-key", "--rotate",
                                                    "--committee", mtj), &out, &err), 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "seal-key", "-o",
                                                                   pem), &out, &err), 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "verify", "--key",
                                                                   pem, path), &out, &err), 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (query_int (db, "SELECT count(*) FROM seal_key WHERE committee_id = $1"
                                     " AND retired_at IS NOT NULL AND private_key IS NULL",
                                 mtj), 1);
    ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH,
                                              ARGS ("ruling", "seal-key", "--rotate"), &out,
                                              &err), 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  content = lajna_ruling_content_load (db, file, &error);
  expect_ok (content != NULL, error);
  g_free (content->title);
  content->title = g_strdup ("قرار بإطلاق سراح الحدث");
  write_under_seal (content, content->pdf_seal, forged);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "verify", "--key", pem,
                                                                 forged), &out, &err), 3);
  ck_assert_msg (g_str_has_prefix (out, "altered"), "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "verify", "--key", pem,
                                                                 pem), &out, &err), 4);
  ck_assert_msg (g_str_has_prefix (out, "unknown"), "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (lajna_test_run_program (LAJNACTL_PATH, ARGS ("ruling", "verify"), &out, &err),
                    2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Where there is no database, verify says so, and makes none. */
  {
    g_autofree char *empty = lajna_test_make_data_dir ();
    g_autofree char *setting = g_strconcat ("LAJNA_DATA_DIR=", empty, NULL);
    g_autoptr(GDir) left = NULL;

    ck_assert_int_eq (lajna_test_run_program ("/usr/bin/env",
                                              ARGS (setting, LAJNACTL_PATH, "ruling", "verify",
                                                    path), &out, &err), 1);
    ck_assert_msg (strstr (err, "--key") != NULL, "%s", err);
    left = g_dir_open (empty, 0, NULL);
    ck_assert (left == NULL || g_dir_read_name (left) == NULL);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (lajna_test_run_program ("/usr/bin/env",
                                              ARGS (setting, LAJNACTL_PATH, "ruling", "verify",
                                                    "--key", pem, path), &out, &err), 0);
    lajna_test_remove_dir (empty);
  }
  lajna_test_remove_dir (dir);
}
END_TEST

/* A ruling on record keeps its words when the template changes after. */
START_TEST (test_text_frozen)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL;
  g_autofree char *title = lajna_test_flat_text ("قرار بتأجيل البت في طلب الزواج");
  gint64 file = decided_file (db, "marriage", "defer");
  g_auto(LajnaSealFacts) facts = { 0 };
  int status;

  expect_ok (lajna_ruling_issue (db, file, "2044-03-05", lajna_ruling_pdf, &error) != 0, error);
  ck_assert (lajna_db_run (db, "UPDATE ruling_template SET title = 'عنوان جديد'"
                               " WHERE committee_id IS NULL AND outcome = 'defer'", &error));
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  ck_assert (lajna_db_run (db, "UPDATE ruling_template SET title = 'قرار بتأجيل البت في طلب الزواج'"
                               " WHERE committee_id IS NULL AND outcome = 'defer'", &error));
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), &status);
  flat = lajna_test_flat_text (text);
  ck_assert_msg (strstr (flat, title) != NULL, "%s", text);
  ck_assert_int_eq (verify_file (db, path, &facts), LAJNA_SEAL_VALID);
  lajna_test_remove_dir (dir);
}
END_TEST

/* The decision corrected after its ruling: no second number, a new
 * version of the same one, with its reason; the first stays as it was. */
START_TEST (test_corrected_version)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *first_path = g_build_filename (dir, "first.pdf", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.pdf", NULL);
  g_autofree char *first_seal = NULL, *text = NULL, *flat = NULL;
  g_autofree char *note = lajna_test_flat_text ("تحل محل ما قبلها");
  g_autoptr(LajnaRulingContent) content = NULL;
  gint64 file = decided_file (db, "marriage", "approve");
  gint64 decision, meeting, first, second;
  g_auto(LajnaSealFacts) facts = { 0 };
  int status;

  first = lajna_ruling_issue (db, file, "2045-04-01", lajna_ruling_pdf, &error);
  expect_ok (first != 0, error);
  expect_ok (lajna_ruling_render (db, file, first_path, &error), error);
  first_seal = query_text (db, "SELECT seal FROM ruling WHERE id = $1", first);

  decision = query_for (db, "SELECT id FROM decision_now WHERE case_id = $1", file);
  meeting = query_for (db, "SELECT i.meeting_id FROM decision d JOIN agenda_item i"
                           " ON i.id = d.agenda_item_id WHERE d.id = $1", decision);
  expect_ok (lajna_meeting_set_state (db, meeting, "closed", FALSE, &error), error);
  expect_ok (lajna_decision_correct (db, decision, "approve", NULL, "بعد استكمال شهادة الخلو",
                                     NULL, NULL, "خطأ في الأسباب المدونة", &error) != 0, error);
  content = lajna_ruling_content_load (db, file, &error);
  expect_ok (content != NULL, error);
  ck_assert (content->outdated);
  ck_assert_int_eq (content->ruling_id, first);

  /* Not a second number for the corrected decision. */
  ck_assert (lajna_ruling_issue (db, file, "2045-04-02", lajna_ruling_pdf, &error) == 0);
  ck_assert_msg (strstr (error->message, "already has its ruling") != NULL, "%s", error->message);
  g_clear_error (&error);
  /* A correction gives its reason. */
  ck_assert (lajna_ruling_correct (db, file, "  ", "2045-04-02", lajna_ruling_pdf, &error) == 0);
  ck_assert_msg (strstr (error->message, "reason") != NULL, "%s", error->message);
  g_clear_error (&error);

  second = lajna_ruling_correct (db, file, "تصحيح الأسباب بعد تصحيح القرار", "2045-04-02",
                                 lajna_ruling_pdf, &error);
  expect_ok (second != 0, error);
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM ruling WHERE id = $1 AND version = 2"
                                   " AND supersedes IS NOT NULL AND number = 1 AND year = 2045",
                               second), 1);
  ck_assert_int_eq (query_for (db, "SELECT supersedes FROM ruling WHERE id = $1", second), first);
  /* The first is untouched, and cannot be corrected twice. */
  {
    g_autofree char *still = query_text (db, "SELECT seal FROM ruling WHERE id = $1", first);

    ck_assert_str_eq (still, first_seal);
  }
  ck_assert (!lajna_db_run (db, "UPDATE ruling SET issued_on = '2045-05-01' WHERE version = 1"
                                " AND number = 1 AND year = 2045", &error));
  g_clear_error (&error);
  ck_assert (!lajna_db_run (db, "UPDATE ruling SET seal = seal || 'x' WHERE version = 1"
                                " AND number = 1 AND year = 2045", &error));
  g_clear_error (&error);
  {
    g_autofree char *again = g_strdup_printf ("SELECT lajna_ruling_correct(" ID ", 'مرة أخرى')",
                                              first);

    ck_assert (!lajna_db_run (db, again, &error));
    ck_assert_msg (strstr (error->message, "newer version") != NULL, "%s", error->message);
    g_clear_error (&error);
  }

  expect_ok (lajna_ruling_render (db, file, second_path, &error), error);
  text = lajna_test_tool_output ("pdftotext", ARGS (second_path, "-"), &status);
  flat = lajna_test_flat_text (text);
  ck_assert_msg (strstr (flat, note) != NULL, "%s", text);
  ck_assert_msg (strstr (text, "2045-04-02") != NULL, "%s", text);
  ck_assert_int_eq (verify_file (db, second_path, &facts), LAJNA_SEAL_VALID);
  ck_assert_int_eq (facts.version, 2);
  ck_assert_int_eq (facts.ruling_id, second);
  /* The first PDF still reads as the first version, sealed. */
  ck_assert_int_eq (verify_file (db, first_path, &facts), LAJNA_SEAL_VALID);
  ck_assert_int_eq (facts.version, 1);
  lajna_test_remove_dir (dir);
}
END_TEST

/* No role reads a seal key's private half, not even those who issue
 * rulings (the database seals with it); everyone reads the public halves,
 * one key for each committee that has sealed. */
START_TEST (test_seal_key_unread)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 file = decided_file (db, "marriage", "approve");
  g_autoptr(GPtrArray) keys = NULL;

  expect_ok (lajna_ruling_issue (db, file, "2046-01-01", lajna_ruling_pdf, &error) != 0, error);
  ck_assert (lajna_db_run (db, "SET ROLE \"mtm.m1\"", &error));
  ck_assert (!lajna_db_run (db, "SELECT private_key FROM seal_key", &error));
  ck_assert_msg (strstr (error->message, "permission") != NULL, "%s", error->message);
  g_clear_error (&error);
  keys = lajna_seal_keys_read (db, &error);
  expect_ok (keys != NULL, error);
  ck_assert_uint_ge (keys->len, 1);
  ck_assert (lajna_db_run (db, "RESET ROLE; SET ROLE \"mtm.clerk\"", &error));
  ck_assert (!lajna_db_run (db, "SELECT private_key FROM seal_key", &error));
  g_clear_error (&error);
  ck_assert (lajna_db_run (db, "RESET ROLE", &error));
}
END_TEST

/* The database signs as OpenSSL does: the same public key and the same
 * signature (Ed25519 is deterministic) for keys and messages of every
 * length, and OpenSSL accepts it. */
START_TEST (test_database_signs_as_openssl)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint i = 0; i < 12; i++)
    {
      guint8 seed[32], public[32], expected[64];
      size_t public_length = sizeof public, signature_length = sizeof expected;
      g_autofree char *message = g_strnfill (i * 37, (char) ('a' + i));
      g_autofree char *seed_hex = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PGresult) made = NULL;
      g_autofree char *sql = NULL;
      EVP_PKEY *key;
      EVP_MD_CTX *context = EVP_MD_CTX_new ();

      for (guint j = 0; j < sizeof seed; j++)
        seed[j] = (guint8) g_random_int ();
      key = EVP_PKEY_new_raw_private_key (EVP_PKEY_ED25519, NULL, seed, sizeof seed);
      ck_assert (EVP_PKEY_get_raw_public_key (key, public, &public_length) == 1);
      ck_assert (EVP_DigestSignInit (context, NULL, NULL, NULL, key) == 1);
      ck_assert (EVP_DigestSign (context, expected, &signature_length, (guint8 *) message,
                                 strlen (message)) == 1);
      EVP_MD_CTX_free (context);
      EVP_PKEY_free (key);
      seed_hex = g_malloc0 (2 * sizeof seed + 1);
      for (guint j = 0; j < sizeof seed; j++)
        g_snprintf (seed_hex + 2 * j, 3, "%02x", seed[j]);
      sql = g_strdup_printf ("SELECT lajna_ed25519_public(k),"
                             "       lajna_ed25519_sign(k, lajna_ed25519_public(k),"
                             "                          convert_to('%s', 'UTF8'))"
                             "  FROM (SELECT '\\x%s'::bytea AS k) s", message, seed_hex);
      made = lajna_db_exec_binary (db, sql, 0, NULL, NULL, NULL, TRUE, &error);
      expect_ok (made != NULL, error);
      ck_assert_int_eq (PQgetlength (made, 0, 0), 32);
      ck_assert (memcmp (PQgetvalue (made, 0, 0), public, 32) == 0);
      ck_assert_int_eq (PQgetlength (made, 0, 1), 64);
      ck_assert_msg (memcmp (PQgetvalue (made, 0, 1), expected, 64) == 0,
                     "the signature of a %u-byte message differs from OpenSSL's", i * 37);
    }
}
END_TEST

/* A ruling issued without its seal (as before seals existed) is sealed by
 * the first who prints it; a member, who does not read the parties'
 * numbers, reads its number and day but cannot print it at all. */
START_TEST (test_sealed_when_first_printed)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *issue = NULL;
  gint64 file = decided_file (db, "marriage", "approve");
  g_auto(LajnaSealFacts) facts = { 0 };

  /* Issued as before seals existed: the check that refuses an unsealed
   * ruling at commit is left out for it. */
  issue = g_strdup_printf ("ALTER TABLE ruling DISABLE TRIGGER ruling_sealed;"
                           "SELECT lajna_ruling_issue(id, '2047-01-02') FROM decision_now"
                           " WHERE case_id = " ID ";"
                           "ALTER TABLE ruling ENABLE TRIGGER ruling_sealed", file);
  ck_assert (lajna_db_run (db, issue, &error));
  /* The member's own connection: what a person reads is asked once. */
  {
    g_autoptr(LajnaDb) member = lajna_test_shared_connect ();

    ck_assert (lajna_db_run (member, "SET ROLE \"mtm.m1\"", &error));
    ck_assert (!lajna_ruling_render (member, file, path, &error));
    ck_assert (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DENIED));
    g_clear_error (&error);
  }
  /* The member reads the ruling's number and day, not its text. */
  {
    g_autoptr(LajnaDb) member = lajna_test_shared_connect ();
    g_autoptr(LajnaRulingContent) seen = NULL;

    ck_assert (lajna_db_run (member, "SET ROLE \"mtm.m1\"", &error));
    seen = lajna_ruling_content_load (member, file, &error);

    expect_ok (seen != NULL, error);
    ck_assert (seen->text_hidden);
    ck_assert_int_eq (seen->year, 2047);
    ck_assert_int_gt (seen->number, 0);
    ck_assert (seen->seal == NULL && seen->preamble == NULL && seen->articles[0] == NULL);
    ck_assert_str_eq (seen->title, lajna_prefer_arabic () ? "الموافقة" : "Approve");
  }
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert (lajna_db_run (db, "RESET ROLE; SET ROLE \"mtm.clerk\"", &error));
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  ck_assert (lajna_db_run (db, "RESET ROLE", &error));
  ck_assert_int_eq (verify_file (db, path, &facts), LAJNA_SEAL_VALID);
  ck_assert_int_eq (facts.year, 2047);
  lajna_test_remove_dir (dir);
}
END_TEST

typedef struct
{
  gint64  file;
  gint64  ruling;
  GError *error;
} Issuer;

static gpointer
issue_thread (gpointer data)
{
  Issuer *issuer = data;
  g_autoptr(LajnaDb) db = lajna_database_connect (lajna_test_shared_database (), &issuer->error);

  if (db != NULL)
    issuer->ruling = lajna_ruling_issue (db, issuer->file, "2048-01-02", lajna_ruling_pdf,
                                         &issuer->error);
  return NULL;
}

/* Four workstations issue the same file's ruling at once: one ruling, one
 * number, the others told it is issued. */
START_TEST (test_same_file_at_once)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  gint64 file = decided_file (db, "juvenile", "transfer");
  Issuer issuers[4] = { { 0 } };
  GThread *threads[4];
  int issued = 0;

  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    {
      issuers[i].file = file;
      threads[i] = g_thread_new ("issuer", issue_thread, &issuers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    {
      g_thread_join (threads[i]);
      if (issuers[i].ruling != 0)
        issued++;
      else
        ck_assert_msg (strstr (issuers[i].error->message, "already has its ruling") != NULL,
                       "%s", issuers[i].error->message);
      g_clear_error (&issuers[i].error);
    }
  ck_assert_int_eq (issued, 1);
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM ruling r JOIN decision d"
                                   " ON d.id = r.decision_id WHERE d.case_id = $1"
                                   "   AND r.seal IS NOT NULL", file), 1);
  ck_assert_int_eq (query_for (db, "SELECT last_number FROM ruling_counter"
                                   " WHERE year = 2048 AND $1::bigint > 0", file), 1);
}
END_TEST

static Suite *
ruling_seal_suite (void)
{
  Suite *suite = suite_create ("ruling-seal");
  TCase *tc = tcase_create ("seal");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_valid_and_read_from_the_qr_code);
  tcase_add_test (tc, test_qr_code_read_whatever_the_signature);
  tcase_add_test (tc, test_altered);
  tcase_add_test (tc, test_unknown);
  tcase_add_test (tc, test_cli_verify);
  tcase_add_test (tc, test_text_frozen);
  tcase_add_test (tc, test_corrected_version);
  tcase_add_test (tc, test_seal_key_unread);
  tcase_add_test (tc, test_database_signs_as_openssl);
  tcase_add_test (tc, test_sealed_when_first_printed);
  tcase_add_test (tc, test_same_file_at_once);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (ruling_seal_suite ());
}
