/* test-rulings.c: rulings: every shipped template renders a PDF with its
 * sentences, fonts embedded and sound structure (pdftotext, pdffonts,
 * qpdf --check); a draft is marked as such; numbers issued from 8
 * connections at once leave no gap and no duplicate; a template naming an
 * unknown placeholder is refused when saved; a ruling on record is final. */

#include <check.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-meeting-actions.h"
#include "lajna-pdf-sign.h"
#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"
#include "lajna-ruling.h"
#include "lajna-seal.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

#define ISSUERS 8
#define EACH 3

static void
check_pdf (const char *path,
           const char *title)
{
  static const char * const expected[] = { "المادة الأولى", "رئيس اللجنة", "قرار رقم", "2033-01-05" };
  g_autofree char *text = NULL, *flat = NULL, *qpdf = NULL, *words = NULL;
  int status;

  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), &status);
  ck_assert_int_eq (status, 0);
  flat = lajna_test_flat_text (text);
  words = lajna_test_flat_text (title);
  ck_assert_msg (strstr (flat, words) != NULL, "no “%s” in %s", title, text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *expected_flat = lajna_test_flat_text (expected[i]);

      ck_assert_msg (strstr (flat, expected_flat) != NULL, "no “%s” in %s", expected[i], text);
    }
  lajna_test_assert_fonts_embedded (path);
  qpdf = lajna_test_tool_output ("qpdf", ARGS ("--check", path), &status);
  ck_assert_msg (status == 0, "qpdf --check: %s", qpdf);
}

START_TEST (test_every_template)
{
  static const struct
  {
    const char *kind;
    const char *outcome;
  } outcomes[] = {
    { "marriage", "approve" }, { "marriage", "reject" }, { "marriage", "defer" },
    { "juvenile", "continue" }, { "juvenile", "modify_programme" },
    { "juvenile", "release_to_guardian" }, { "juvenile", "transfer" },
    { "juvenile", "aftercare" }, { "juvenile", "refer_to_court" },
  };
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autofree char *dir = lajna_test_make_data_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 file = decided_file (db, outcomes[i].kind, outcomes[i].outcome);
      g_autofree char *path = g_strdup_printf ("%s/%s.pdf", dir, outcomes[i].outcome);
      g_autofree char *title = NULL;
      g_autofree char *outcome_sql = g_strdup_printf (
          "SELECT title FROM ruling_template WHERE committee_id IS NULL AND outcome = '%s'"
          "   AND $1::bigint > 0", outcomes[i].outcome);

      title = query_text (db, outcome_sql, file);
      expect_ok (lajna_ruling_issue (db, file, "2033-01-05", lajna_ruling_pdf, &error) != 0, error);
      expect_ok (lajna_ruling_render (db, file, path, &error), error);
      check_pdf (path, title);
      /* A date inside an article's sentence, in its own order. */
      if (strcmp (outcomes[i].outcome, "continue") == 0)
        {
          int status;
          g_autofree char *text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), &status);

          ck_assert_msg (strstr (text, "2033-04-03") != NULL, "no next review in %s", text);
        }
    }
  lajna_test_remove_dir (dir);
}
END_TEST

/* Until it is issued, a ruling prints as a draft, without a number. */
START_TEST (test_draft)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL;
  g_autofree char *draft = lajna_test_flat_text ("مشروع قرار");
  g_autofree char *numbered = lajna_test_flat_text ("قرار رقم");
  gint64 file = decided_file (db, "marriage", "approve");
  int status;

  expect_ok (lajna_ruling_render (db, file, path, &error), error);

  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), &status);
  flat = lajna_test_flat_text (text);
  ck_assert_msg (strstr (flat, draft) != NULL, "%s", text);
  ck_assert_msg (strstr (flat, "مسودة") != NULL, "no draft mark in %s", text);
  ck_assert (strstr (flat, numbered) == NULL);
  lajna_test_remove_dir (dir);
}
END_TEST

typedef struct
{
  GPtrArray *files;
  guint      first;
  GError    *error;
} Issuer;

static gpointer
issue_thread (gpointer data)
{
  Issuer *issuer = data;
  g_autoptr(LajnaDb) db = lajna_database_connect (lajna_test_shared_database (), &issuer->error);

  for (guint i = 0; db != NULL && i < EACH; i++)
    {
      gint64 file = *(gint64 *) g_ptr_array_index (issuer->files, issuer->first + i);

      if (lajna_ruling_issue (db, file, "2034-02-01", lajna_ruling_pdf, &issuer->error) == 0)
        break;
    }
  return NULL;
}

START_TEST (test_numbers_gapless)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Issuer issuers[ISSUERS];
  GThread *threads[ISSUERS];

  for (guint i = 0; i < ISSUERS * EACH; i++)
    {
      gint64 file = decided_file (db, "marriage", i % 2 ? "approve" : "reject");

      g_ptr_array_add (files, g_memdup2 (&file, sizeof file));
    }
  for (guint t = 0; t < ISSUERS; t++)
    {
      issuers[t] = (Issuer) { files, t * EACH, NULL };
      threads[t] = g_thread_new ("issuer", issue_thread, &issuers[t]);
    }
  for (guint t = 0; t < ISSUERS; t++)
    {
      g_thread_join (threads[t]);
      ck_assert_msg (issuers[t].error == NULL, "%s", issuers[t].error->message);
    }
  /* 1 … 24, each once. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM ruling r JOIN committee k"
                                   " ON k.id = r.committee_id WHERE k.code = $1 AND r.year = 2034",
                               "mtm"), ISSUERS * EACH);
  ck_assert_int_eq (query_int (db, "SELECT count(DISTINCT number) FROM ruling r JOIN committee k"
                                   " ON k.id = r.committee_id WHERE k.code = $1 AND r.year = 2034",
                               "mtm"), ISSUERS * EACH);
  ck_assert_int_eq (query_int (db, "SELECT max(number) - min(number) + 1 FROM ruling r"
                                   " JOIN committee k ON k.id = r.committee_id"
                                   " WHERE k.code = $1 AND r.year = 2034", "mtm"), ISSUERS * EACH);
  ck_assert_int_eq (query_int (db, "SELECT min(number) FROM ruling r JOIN committee k"
                                   " ON k.id = r.committee_id WHERE k.code = $1 AND r.year = 2034",
                               "mtm"), 1);
}
END_TEST

START_TEST (test_unknown_placeholder)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  /* A committee's own template (of an outcome its files never get, so
   * that no other ruling of the suite reads it). */
  const char *insert = "INSERT INTO ruling_template (committee_id, outcome, title, preamble,"
                       "                             articles)"
                       " SELECT id, 'approve', 'قرار', 'إن {committee.name}،', ARRAY[$1]"
                       "   FROM committee WHERE code = 'mtj'";
  const char *unknown[] = { "يُسلَّم {spouse.shoe_size} إلى صاحب الشأن" };
  const char *known[] = { "يُبلَّغ {applicant.full_name} بهذا القرار" };
  g_autoptr(PGresult) refused = lajna_db_exec_params (db, insert, 1, unknown, &error);

  expect_refused (refused != NULL, &error, "placeholder that does not exist");
  {
    g_autoptr(PGresult) saved = lajna_db_exec_params (db, insert, 1, known, &error);

    expect_ok (saved != NULL, error);
  }
}
END_TEST

START_TEST (test_ruling_final)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  gint64 file = decided_file (db, "marriage", "approve");
  gint64 ruling;
  g_autofree char *sql = NULL;

  ruling = lajna_ruling_issue (db, file, "2035-03-01", lajna_ruling_pdf, &error);
  expect_ok (ruling != 0, error);
  ck_assert (lajna_ruling_issue (db, file, "2035-03-02", lajna_ruling_pdf, &error) == 0);
  g_clear_error (&error);
  sql = g_strdup_printf ("UPDATE ruling SET number = number + 1 WHERE id = " ID, ruling);
  expect_refused (lajna_db_run (db, sql, &error), &error, "is final");
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM ruling WHERE id = " ID, ruling);
  expect_refused (lajna_db_run (db, sql, &error), &error, "is final");
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM case_file WHERE id = $1"
                                   "   AND status = 'ruling_issued'", file), 1);
}
END_TEST

/* A committee's logo, a PNG, heads its rulings' letterhead. */
START_TEST (test_logo)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "logo.pdf", NULL);
  g_autofree char *hex = NULL, *sql = NULL, *images = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 120);
  cairo_t *cr = cairo_create (surface);
  gint64 file;
  int status;

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.2);
  cairo_arc (cr, 60, 60, 50, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  ck_assert_int_eq (cairo_surface_write_to_png_stream (surface, lajna_test_append_bytes, png),
                    CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  hex = g_malloc (png->len * 2 + 1);
  for (guint i = 0; i < png->len; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", png->data[i]);
  sql = g_strdup_printf ("UPDATE committee SET logo = decode('%s', 'hex') WHERE code = 'mtj'", hex);
  expect_ok (lajna_db_run (db, sql, &error), error);

  file = decided_file (db, "juvenile", "aftercare");
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  images = lajna_test_tool_output ("pdfimages", ARGS ("-list", path), &status);
  ck_assert_int_eq (status, 0);
  ck_assert_msg (strstr (images, "image") != NULL || strstr (images, "smask") != NULL,
                 "no logo in %s", images);
  lajna_test_remove_dir (dir);
}
END_TEST

static void
count_cb (guint    done,
          guint    total,
          gpointer data)
{
  *(guint *) data = done;
}

/* A meeting's rulings as one PDF, each printing recorded. */
START_TEST (test_batch)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "all.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL, *info = NULL;
  const char *count_sql = "SELECT count(*) FROM audit_event WHERE action = $1";
  gint64 printed_before = query_int (db, count_sql, "ruling.print");
  guint told = 0, titles = 0;
  int status;

  for (guint i = 0; i < 3; i++)
    {
      gint64 file = decided_file (db, "marriage", "approve");

      expect_ok (lajna_ruling_issue (db, file, "2036-05-01", lajna_ruling_pdf, &error) != 0, error);
      g_array_append_val (files, file);
    }
  expect_ok (lajna_rulings_render_all (db, files, path, count_cb, &told, &error), error);
  ck_assert_uint_eq (told, 3);
  ck_assert_int_eq (query_int (db, count_sql, "ruling.print"), printed_before + 3);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  flat = lajna_test_flat_text (text);
  /* Three rulings, each with its title. */
  for (const char *p = flat; (p = strstr (p, "قراررقم")) != NULL; p++)
    titles++;
  ck_assert_uint_eq (titles, 3);
  ck_assert (strstr (flat, "لسنة2036") != NULL);
  lajna_test_assert_fonts_embedded (path);
  info = lajna_test_tool_output ("qpdf", ARGS ("--check", path), &status);
  ck_assert_msg (status == 0, "%s", info);
  lajna_test_remove_dir (dir);
}
END_TEST

/* Whether the database finds @pdf signed over every byte (what it checks
 * before it stores a signed ruling). */
static gboolean
signature_covers (LajnaDb *db,
                  GBytes  *pdf)
{
  const char *values[] = { g_bytes_get_data (pdf, NULL) };
  const int lengths[] = { (int) g_bytes_get_size (pdf) };
  const int formats[] = { 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec_binary (db, "SELECT lajna_pdf_signature_covers($1)",
                                                     1, values, lengths, formats, FALSE, &error);

  expect_ok (result != NULL, error);
  return *PQgetvalue (result, 0, 0) == 't';
}

/* The key's password is checked on its own, before the signed PDF is
 * asked where to go. */
START_TEST (test_key_checked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *missing = g_build_filename (dir, "missing.p12", NULL);

  ck_assert (!lajna_pdf_sign_check_key (p12, "wrong", &error));
  ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY));
  g_clear_error (&error);
  ck_assert (!lajna_pdf_sign_check_key (missing, "secret", &error));
  ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY));
  g_clear_error (&error);
  expect_ok (lajna_pdf_sign_check_key (p12, "secret", &error), error);
}
END_TEST

/* Signed as an incremental update: pdfsig, the signing path's own check
 * and the database find the signature valid over the whole document, and
 * a mismatch once a byte changes or bytes are added. */
START_TEST (test_signature)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *signed_path = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *report = NULL, *qpdf = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  gsize length;
  int status;
  gint64 file = decided_file (db, "marriage", "approve");

  expect_ok (lajna_ruling_issue (db, file, "2038-01-10", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  pdf = g_bytes_new_take (g_steal_pointer (&contents), length);

  ck_assert (lajna_pdf_sign (pdf, p12, "wrong", "رئيس اللجنة", NULL, NULL, &error) == NULL);
  ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_KEY));
  g_clear_error (&error);

  signed_pdf = lajna_pdf_sign (pdf, p12, "secret", "رئيس اللجنة", NULL, NULL, &error);
  expect_ok (signed_pdf != NULL, error);
  ck_assert (g_file_set_contents (signed_path, g_bytes_get_data (signed_pdf, NULL),
                                  g_bytes_get_size (signed_pdf), NULL));
  /* What was there is untouched: the update only appends. */
  ck_assert_uint_gt (g_bytes_get_size (signed_pdf), length);
  ck_assert (memcmp (g_bytes_get_data (signed_pdf, NULL), g_bytes_get_data (pdf, NULL), length) == 0);
  report = lajna_test_tool_output ("pdfsig", ARGS (signed_path), &status);
  ck_assert_msg (strstr (report, "Signature is Valid") != NULL, "%s", report);
  ck_assert_msg (strstr (report, "Total document signed") != NULL, "%s", report);
  qpdf = lajna_test_tool_output ("qpdf", ARGS ("--check", signed_path), &status);
  ck_assert_msg (status == 0, "%s", qpdf);
  expect_ok (lajna_pdf_signature_check (signed_pdf, &error), error);
  ck_assert (signature_covers (db, signed_pdf));

  /* One byte changed in the ruling's text, or bytes appended. */
  {
    g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (signed_pdf, NULL),
                                          g_bytes_get_size (signed_pdf));
    g_autofree char *altered = NULL;
    g_autoptr(GBytes) changed = NULL;
    g_autoptr(GByteArray) longer = g_byte_array_new ();

    bytes[length / 2] ^= 0x01;
    ck_assert (g_file_set_contents (signed_path, (const char *) bytes,
                                    g_bytes_get_size (signed_pdf), NULL));
    altered = lajna_test_tool_output ("pdfsig", ARGS (signed_path), &status);
    ck_assert_msg (strstr (altered, "Digest Mismatch") != NULL, "%s", altered);
    changed = g_bytes_new (bytes, g_bytes_get_size (signed_pdf));
    ck_assert (!lajna_pdf_signature_check (changed, &error));
    ck_assert (g_error_matches (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF));
    g_clear_error (&error);
    ck_assert (!signature_covers (db, changed));
    g_byte_array_append (longer, g_bytes_get_data (signed_pdf, NULL),
                         g_bytes_get_size (signed_pdf));
    g_byte_array_append (longer, (const guint8 *) "%%EOF\n", 6);
    g_clear_pointer (&changed, g_bytes_unref);
    changed = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
    ck_assert (!lajna_pdf_signature_check (changed, NULL));
    ck_assert (!signature_covers (db, changed));
  }
  lajna_test_remove_dir (dir);
}
END_TEST

/* Signed through the model: stored once with its digest, the file signed. */
START_TEST (test_signed_and_stored)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *p12 = lajna_test_make_p12 (dir, "secret");
  g_autofree char *path = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *report = NULL, *contents = NULL, *digest = NULL, *stored = NULL;
  gsize length;
  int status;
  gint64 file = decided_file (db, "juvenile", "release_to_guardian");

  ck_assert (!lajna_ruling_sign (db, file, p12, "secret", NULL, path, &error));
  ck_assert_msg (strstr (error->message, "not issued") != NULL, "%s", error->message);
  g_clear_error (&error);
  expect_ok (lajna_ruling_issue (db, file, "2038-02-10", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_sign (db, file, p12, "secret", NULL, path, &error), error);
  report = lajna_test_tool_output ("pdfsig", ARGS (path), &status);
  ck_assert_msg (strstr (report, "Signature is Valid") != NULL, "%s", report);
  ck_assert_msg (strstr (report, "ETSI.CAdES.detached") != NULL, "%s", report);
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  /* Signed, its seal still reads valid. */
  {
    g_autoptr(GPtrArray) keys = lajna_seal_keys_read (db, &error);
    g_autoptr(GBytes) pdf = g_bytes_new (contents, length);
    g_auto(LajnaSealFacts) facts = { 0 };

    expect_ok (keys != NULL, error);
    ck_assert_int_eq (lajna_seal_verify (pdf, keys, &facts), LAJNA_SEAL_VALID);
  }
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  stored = query_text (db, "SELECT encode(r.sha256, 'hex') FROM ruling r JOIN decision d"
                           " ON d.id = r.decision_id WHERE d.case_id = $1", file);
  ck_assert_str_eq (stored, digest);
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM case_file WHERE id = $1"
                                   "   AND status = 'signed'", file), 1);
  /* Printed again, it is the signed PDF on record, byte for byte. */
  {
    g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
    g_autofree char *again_contents = NULL;
    gsize again_length;

    expect_ok (lajna_ruling_render (db, file, again, &error), error);
    ck_assert (g_file_get_contents (again, &again_contents, &again_length, NULL));
    ck_assert_uint_eq (again_length, length);
    ck_assert (memcmp (again_contents, contents, length) == 0);
  }
  /* Once only. */
  ck_assert (!lajna_ruling_sign (db, file, p12, "secret", NULL, path, &error));
  ck_assert_msg (strstr (error->message, "is final") != NULL, "%s", error->message);
  lajna_test_remove_dir (dir);
}
END_TEST

/* Where the seal's QR code prints at 72 dpi (the foot of the page, on the
 * left): it differs from one run to the next, as the seal key does. */
#define SEAL_RIGHT 168
#define SEAL_TOP 718

/* The mean difference of the pixels of two PNGs of the same size, 0–255,
 * but for the seal's QR code; -1 when their sizes differ. */
static double
png_difference (const char *a,
                const char *b)
{
  cairo_surface_t *one = cairo_image_surface_create_from_png (a);
  cairo_surface_t *two = cairo_image_surface_create_from_png (b);
  int width = cairo_image_surface_get_width (one), height = cairo_image_surface_get_height (one);
  double total = 0;

  ck_assert_int_eq (cairo_surface_status (one), CAIRO_STATUS_SUCCESS);
  ck_assert_int_eq (cairo_surface_status (two), CAIRO_STATUS_SUCCESS);
  if (width != cairo_image_surface_get_width (two) || height != cairo_image_surface_get_height (two))
    total = -1;
  cairo_surface_flush (one);
  cairo_surface_flush (two);
  for (int y = 0; y < height && total >= 0; y++)
    {
      const guint8 *p = cairo_image_surface_get_data (one) + y * cairo_image_surface_get_stride (one);
      const guint8 *q = cairo_image_surface_get_data (two) + y * cairo_image_surface_get_stride (two);

      for (int x = 0; x < width * 4; x++)
        if (y < SEAL_TOP || x >= SEAL_RIGHT * 4)
          total += ABS ((int) p[x] - (int) q[x]);
    }
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
  return total < 0 ? -1 : total / ((double) width * height * 4);
}

/* Page 1 of a fixed ruling at 72 dpi is the reference image, within a
 * small tolerance (anti-aliasing), its QR code aside. LAJNA_UPDATE_REFERENCE=1 writes it. */
START_TEST (test_reference_image)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *page = g_build_filename (dir, "page.png", NULL);
  g_autofree char *reference = lajna_test_fixture_path ("ruling-page1-72dpi.png");
  g_autofree char *sql = NULL;
  gint64 meeting = new_meeting (db, "mtm", "2039-01-03");
  gint64 item, file;
  double difference;

  item = lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error);
  expect_ok (item != 0, error);
  mark_present (db, meeting, "mtm", (const char *[]) { "chair", "m1", "m2", NULL });
  expect_ok (lajna_meeting_set_state (db, meeting, "convened", FALSE, &error), error);
  expect_ok (lajna_decision_record (db, item, "approve",
                                    (const char *[]) { "conditions_met", NULL },
                                    "استوفى الملف ما يطلبه القانون", NULL, NULL, &error) != 0,
             error);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  sql = g_strdup_printf (
      "UPDATE case_file SET file_number = 'ز/2039/00017', received_on = '2038-12-01'"
      " WHERE id = " ID ";"
      "WITH l AS (INSERT INTO person (name, father_name, grandfather_name, family_name, sex,"
      "                              nationality, national_number)"
      "           VALUES ('سالم', 'علي', 'محمد', 'الورفلي', 'm', 'LY', '119850012345') RETURNING id),"
      " f AS (INSERT INTO person (name, family_name, latin_name, sex, nationality, passport_number)"
      "       VALUES ('ماريا', 'سانتوس', 'Maria Santos', 'f', 'PH', 'X1234567') RETURNING id)"
      "INSERT INTO marriage_case (case_id, libyan_party_id, foreign_party_id, direction)"
      " SELECT " ID ", l.id, f.id, 'libyan_man' FROM l, f", file, file);
  expect_ok (lajna_db_run (db, sql, &error), error);
  expect_ok (lajna_ruling_issue (db, file, "2039-01-05", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  g_free (lajna_test_tool_output ("pdftoppm", ARGS ("-png", "-r", "72", "-f", "1", "-l", "1",
                                                    "-singlefile", path, prefix), NULL));
  if (g_strcmp0 (g_getenv ("LAJNA_UPDATE_REFERENCE"), "1") == 0)
    {
      g_autofree char *png = NULL;
      gsize length;

      ck_assert (g_file_get_contents (page, &png, &length, NULL));
      ck_assert (g_file_set_contents (reference, png, length, NULL));
    }
  difference = png_difference (page, reference);
  ck_assert_msg (difference >= 0 && difference < 1.0,
                 "page 1 differs from the reference by %.2f a channel on average", difference);
  lajna_test_remove_dir (dir);
}
END_TEST

/* Signatures that do not fit under the last article go on to the next
 * page with it: no page holds signatures alone. */
START_TEST (test_signatures_not_alone)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "ruling.pdf", NULL);
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *chair = lajna_test_flat_text ("رئيس اللجنة");
  g_autofree char *article = lajna_test_flat_text ("المادة الثالثة");
  gint64 item, meeting, file;
  int pages = 0;

  meeting = sitting_with_item (db, "mtm", "marriage", "2039-05-02", &item);
  mark_present (db, meeting, "mtm", (const char *[]) { "m3", "m4", NULL });
  /* Reasons long enough that the signatures cannot follow on page 1. */
  for (int i = 0; i < 38; i++)
    g_string_append (reasons, "استوفى الملف ما يطلبه القانون من شروط ومستندات. ");
  expect_ok (lajna_decision_record (db, item, "approve", NULL, reasons->str, NULL, NULL, &error)
             != 0, error);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  for (int page = 1;; page++)
    {
      g_autofree char *number = g_strdup_printf ("%d", page);
      g_autofree char *text = NULL, *flat = NULL;
      int status;

      text = lajna_test_tool_output ("pdftotext", ARGS ("-f", number, "-l", number, path, "-"),
                                     &status);
      if (status != 0)
        break;
      pages = page;
      flat = lajna_test_flat_text (text);
      if (strstr (flat, chair) != NULL)
        ck_assert_msg (strstr (flat, article) != NULL,
                       "page %d holds the signatures without the last article: %s", page, text);
    }
  ck_assert_int_ge (pages, 2);
  lajna_test_remove_dir (dir);
}
END_TEST

/* A committee that prints the Hijri date has it beside the Gregorian. */
START_TEST (test_hijri_date)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "hijri.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL, *expected = NULL;
  gint64 item, file;

  sitting_with_item (db, "mtj", "juvenile", "2040-01-10", &item);
  expect_ok (lajna_decision_record (db, item, "transfer", NULL, "", NULL, "2040-04-10", &error)
             != 0, error);
  file = query_for (db, "SELECT case_id FROM agenda_item WHERE id = $1", item);

  expect_ok (lajna_db_run (db, "UPDATE committee SET hijri_dates = true WHERE code = 'mtj'",
                           &error), error);
  expect_ok (lajna_ruling_issue (db, file, "2040-01-12", lajna_ruling_pdf, &error) != 0, error);
  expect_ok (lajna_ruling_render (db, file, path, &error), error);
  expect_ok (lajna_db_run (db, "UPDATE committee SET hijri_dates = false WHERE code = 'mtj'",
                           &error), error);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  flat = lajna_test_flat_text (text);
  expected = lajna_test_flat_text ("ذو الحجة");
  ck_assert_msg (strstr (flat, expected) != NULL && strstr (flat, "1461") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "2040-01-12") != NULL, "%s", text);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
rulings_suite (void)
{
  Suite *suite = suite_create ("ruling");
  TCase *tc = tcase_create ("rulings");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_every_template);
  tcase_add_test (tc, test_draft);
  tcase_add_test (tc, test_numbers_gapless);
  tcase_add_test (tc, test_unknown_placeholder);
  tcase_add_test (tc, test_ruling_final);
  tcase_add_test (tc, test_logo);
  tcase_add_test (tc, test_batch);
  tcase_add_test (tc, test_key_checked);
  tcase_add_test (tc, test_signature);
  tcase_add_test (tc, test_signed_and_stored);
  tcase_add_test (tc, test_reference_image);
  tcase_add_test (tc, test_hijri_date);
  tcase_add_test (tc, test_signatures_not_alone);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (rulings_suite ());
}
