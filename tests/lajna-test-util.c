/* lajna-test-util.c: what the test programs share: a private embedded
 * cluster in a fresh folder (the same code the app runs), and running a
 * Check suite. */

#include "lajna-db-private.h"
#include "lajna-test-util.h"
#include "lajna-users.h"

#include <string.h>

#include <cairo-pdf.h>

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <stdlib.h>

/* Under /tmp, not $TMPDIR: as root the server runs as another account,
 * which must be able to reach the folder. */
char *
lajna_test_make_data_dir (void)
{
  char *path = g_strdup ("/tmp/lajna-test-XXXXXX");

  if (g_mkdtemp_full (path, 0711) == NULL)
    g_error ("Cannot make a test folder: %s", g_strerror (errno));
  return path;
}

void
lajna_test_remove_dir (const char *path)
{
  const char *argv[] = { "rm", "-rf", "--", path, NULL };

  if (path != NULL && g_str_has_prefix (path, "/tmp/lajna-test-"))
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
}

/* Starts (creating on first use) the embedded cluster in @data_dir and
 * brings its schema up to date. */
LajnaDatabase *
lajna_test_database_start (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  LajnaDatabase *database;

  g_setenv ("LAJNA_DATA_DIR", data_dir, TRUE);
  database = lajna_database_new (NULL);
  if (!lajna_database_open (database, TRUE, NULL, &error))
    g_error ("Cannot start the test database: %s", error->message);
  return database;
}

char *
lajna_test_fixture_path (const char *name)
{
  return g_build_filename (LAJNA_TEST_FIXTURES, name, NULL);
}

int
lajna_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static char *shared_data_dir;
static LajnaDatabase *shared_database;

void
lajna_test_shared_start (void)
{
  shared_data_dir = lajna_test_make_data_dir ();
  shared_database = lajna_test_database_start (shared_data_dir);
}

/* The shared database with the suite's own rows (committees, staff…), as
 * SQL run once before the tests. */
void
lajna_test_shared_start_with (const char *sql)
{
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GError) error = NULL;

  lajna_test_shared_start ();
  db = lajna_test_shared_connect ();
  if (!lajna_db_run (db, sql, &error))
    g_error ("Cannot prepare the shared database: %s", error->message);
}

void
lajna_test_shared_stop (void)
{
  lajna_database_close (shared_database, TRUE, NULL);
  g_clear_object (&shared_database);
  lajna_test_remove_dir (shared_data_dir);
  g_clear_pointer (&shared_data_dir, g_free);
}

LajnaDatabase *
lajna_test_shared_database (void)
{
  return shared_database;
}

const char *
lajna_test_shared_data_dir (void)
{
  return shared_data_dir;
}

LajnaDb *
lajna_test_shared_connect (void)
{
  g_autoptr(GError) error = NULL;
  LajnaDb *db = lajna_database_connect (shared_database, &error);

  ck_assert_msg (db != NULL, "%s", error != NULL ? error->message : "");
  return db;
}

/* The first value of the first row @sql returns; the test fails when the
 * query does. */
char *
lajna_test_value (LajnaDb    *db,
                  const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = lajna_db_exec (db, sql, &error);

  ck_assert_msg (result != NULL, "%s: %s", sql, error != NULL ? error->message : "");
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* What @sql with @params returns, run as history loaded rather than as a
 * step taken now (lajna_loading_history()): a fixture's file in any
 * status, without the documents that a file complete today needs. */
PGresult *
lajna_test_load_history (LajnaDb            *db,
                         const char         *sql,
                         int                 n_params,
                         const char * const *params,
                         GError            **error)
{
  PGresult *result;

  ck_assert (lajna_db_run (db, "SET lajna.load_history = on", NULL));
  result = lajna_db_exec_params (db, sql, n_params, params, error);
  ck_assert (lajna_db_run (db, "RESET lajna.load_history", NULL));
  return result;
}

/**
 * lajna_test_shared_give_passwords:
 * @logins: (array length=n_logins): people of the shared database
 * @n_logins: how many
 *
 * Gives each of @logins the password "password of LOGIN" and makes the
 * database ask for it (lajna_test_shared_require_passwords()).
 */
void
lajna_test_shared_give_passwords (const char * const *logins,
                                  guint               n_logins)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();

  for (guint i = 0; i < n_logins; i++)
    {
      g_autofree char *password = g_strconcat ("password of ", logins[i], NULL);
      g_autoptr(GError) error = NULL;

      ck_assert_msg (lajna_users_set_password (db, logins[i], password, &error), "%s",
                     error != NULL ? error->message : "");
    }
  lajna_test_shared_require_passwords ();
}

/**
 * lajna_test_shared_require_passwords:
 *
 * Makes the shared database ask Lajna's people (the members of its group
 * roles) for their password, by SCRAM-SHA-256, as a shared server does;
 * its own account keeps peer authentication. Returns once the server
 * works by the new rules.
 */
void
lajna_test_shared_require_passwords (void)
{
  g_autofree char *path = g_build_filename (shared_data_dir, "pgdata", "pg_hba.conf", NULL);
  g_autofree char *rules = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(PGresult) result = NULL;
  const char *line = "local all +lajna_clerk,+lajna_member,+lajna_rapporteur,+lajna_chair,"
                     "+lajna_signatory,+lajna_admin,+lajna_social_worker,+lajna_psychologist"
                     " scram-sha-256\n";

  ck_assert (g_file_get_contents (path, &rules, NULL, &error));
  rules = g_strconcat (line, (char *) g_steal_pointer (&rules), NULL);
  ck_assert (g_file_set_contents (path, rules, -1, &error));
  result = lajna_db_exec (db, "SELECT now()::text, pg_reload_conf()", NULL);
  ck_assert (result != NULL);
  now = g_strdup (PQgetvalue (result, 0, 0));

  /* A new session sees the time the server last read its files. */
  for (int i = 0; i < 500; i++)
    {
      g_autoptr(LajnaDb) probe = lajna_test_shared_connect ();
      const char *params[] = { now };
      g_autoptr(PGresult) loaded = lajna_db_exec_params (probe,
          "SELECT pg_conf_load_time() >= $1::timestamptz", 1, params, NULL);

      if (loaded != NULL && *PQgetvalue (loaded, 0, 0) == 't')
        return;
      g_usleep (10000);
    }
  ck_abort_msg ("the server did not read its new authentication rules");
}

/* The shared database's connection string for @login's own sign-in. */
char *
lajna_test_shared_conninfo_as (const char *login)
{
  g_autofree char *run = g_build_filename (shared_data_dir, "run", NULL);

  return g_strdup_printf ("host=%s dbname=lajna user=%s", run, login);
}

/* @login's own connection to the shared database, signed in with the
 * password lajna_test_shared_give_passwords() gave them. */
LajnaDb *
lajna_test_shared_sign_in (const char *login)
{
  g_autofree char *conninfo = lajna_test_shared_conninfo_as (login);
  g_autofree char *password = g_strconcat ("password of ", login, NULL);
  g_autoptr(GError) error = NULL;
  LajnaDb *db = lajna_db_connect (conninfo, password, &error);

  ck_assert_msg (db != NULL, "%s: %s", login, error != NULL ? error->message : "");
  return db;
}

/**
 * lajna_test_run_program:
 * @program: the program's path
 * @args: its arguments, %NULL-terminated (see ARGS())
 * @out: (out) (optional): its standard output
 * @err: (out) (optional): its standard error
 *
 * Runs @program on the shared database (its LAJNA_DATA_DIR), if the
 * suite has one.
 *
 * Returns: its exit status
 */
int
lajna_test_run_program (const char         *program,
                        const char * const *args,
                        char              **out,
                        char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (lajna_test_shared_data_dir () != NULL)
    env = g_environ_setenv (env, "LAJNA_DATA_DIR", lajna_test_shared_data_dir (), TRUE);
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &wait_status, &error),
                 "%s", error != NULL ? error->message : "");
  ck_assert (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* A cairo write function: @closure is a GByteArray. */
cairo_status_t
lajna_test_append_bytes (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  return g_byte_array_append (closure, data, length) != NULL ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * lajna_test_make_pdf:
 * @pages: how many A4 pages
 *
 * Returns: (transfer full): a PDF whose every page has a black square of
 *   100 points at its top left
 */
GBytes *
lajna_test_make_pdf (guint pages)
{
  return lajna_test_make_pdf_first (pages, 595, 842);
}

/**
 * lajna_test_make_pdf_first:
 * @pages: how many pages
 * @width: the first page's width, in points
 * @height: the first page's height, in points
 *
 * Returns: (transfer full): as lajna_test_make_pdf(), but for the first
 *   page's size
 */
GBytes *
lajna_test_make_pdf_first (guint  pages,
                           double width,
                           double height)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (lajna_test_append_bytes, bytes,
                                                                  width, height);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < pages; i++)
    {
      if (i == 1)
        cairo_pdf_surface_set_size (surface, 595, 842);
      cairo_rectangle (cr, 0, 0, 100, 100);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * lajna_test_tool_output:
 * @tool: a program on PATH (pdftotext, pdffonts, qpdf…)
 * @args: its arguments
 * @status: (nullable): where to put its exit status; %NULL asserts it is 0
 *
 * Returns: (transfer full): what the tool printed
 */
char *
lajna_test_tool_output (const char         *tool,
                        const char * const *args,
                        int                *status)
{
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  int code;

  ck_assert_msg (program != NULL, "%s is not installed", tool);
  code = lajna_test_run_program (program, args, &out, NULL);
  if (status != NULL)
    *status = code;
  else
    ck_assert_msg (code == 0, "%s exited with %d", tool, code);
  return g_steal_pointer (&out);
}

/**
 * lajna_test_flat_text:
 * @text: text, maybe extracted from a PDF
 *
 * Returns: (transfer full): @text without spaces and direction marks:
 *   pdftotext breaks some Arabic words where Amiri positions a mark, and
 *   adds marks of its own
 */
char *
lajna_test_flat_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200E && c != 0x200F && !(c >= 0x202A && c <= 0x202E)
          && !(c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @text has a digit of those from @zero to its nine: '0' for
 * Latin digits, U+0660 for Arabic-Indic ones. */
gboolean
lajna_test_has_digits (const char *text,
                       gunichar    zero)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= zero && g_utf8_get_char (p) <= zero + 9)
      return TRUE;
  return FALSE;
}

/* pdffonts: a header of two lines, then each font, Amiri among them, all
 * embedded and subset. */
void
lajna_test_assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = lajna_test_tool_output ("pdffonts", ARGS (pdf), NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

  ck_assert_msg (strstr (fonts, "Amiri") != NULL, "%s", fonts);
  ck_assert_uint_gt (g_strv_length (lines), 3);
  for (guint i = 2; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      ck_assert_msg (strstr (lines[i], " yes yes ") != NULL, "not embedded: %s", lines[i]);
}

/**
 * lajna_test_pdf_of:
 * @objects: the objects, numbered from 1 (the first the catalog), as text
 *
 * Returns: (transfer full): a PDF of them, with its cross-reference table
 */
GBytes *
lajna_test_pdf_of (const char * const *objects)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint n = 0;

  for (; objects[n] != NULL; n++)
    {
      g_array_append_val (offsets, pdf->len);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", n + 1, objects[n]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", n + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/**
 * lajna_test_make_drawing_forms:
 * @plain_page_after: whether a plain page follows
 *
 * Returns: (transfer full): a PDF of 8 KB whose first page draws forty
 *   forms, each drawing the next twice: 2⁴⁰ drawings
 */
GBytes *
lajna_test_make_drawing_forms (gboolean plain_page_after)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R >>"));
  g_ptr_array_add (objects, g_strdup (plain_page_after
                                        ? "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"
                                        : "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                                      " /Contents 5 0 R /Resources << /XObject << /F 6 0 R >> >>"
                                      " >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Length 5 >>\nstream\n/F Do\nendstream"));
  for (guint k = 0; k < 40; k++)
    {
      const char *body = k < 39 ? "/F Do 0.5 0 0 0.5 10 10 cm /F Do" : "0 0 m 595 842 l S";
      g_autofree char *resources = k < 39 ? g_strdup_printf ("/Resources << /XObject << /F %u 0 R"
                                                             " >> >>", k + 7)
                                          : g_strdup ("");

      g_ptr_array_add (objects, g_strdup_printf ("<< /Type /XObject /Subtype /Form /BBox [0 0 595"
                                                 " 842] %s /Length %zu >>\nstream\n%s\nendstream",
                                                 resources, strlen (body), body));
    }
  g_ptr_array_add (objects, NULL);
  return lajna_test_pdf_of ((const char * const *) objects->pdata);
}

/**
 * lajna_test_make_p12:
 * @dir: where to write it
 * @password: its password
 *
 * Returns: (transfer full): the path of a self-signed signatory's key
 *   (RSA), as a PKCS#12 file with @password
 */
char *
lajna_test_make_p12 (const char *dir,
                     const char *password)
{
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *pass = g_strdup_printf ("pass:%s", password);
  char *p12 = g_build_filename (dir, "signatory.p12", NULL);

  g_free (lajna_test_tool_output ("openssl", ARGS ("req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                                   "-keyout", key, "-out", cert, "-days", "3650",
                                                   "-subj", "/CN=Lajna Chair"), NULL));
  g_free (lajna_test_tool_output ("openssl", ARGS ("pkcs12", "-export", "-inkey", key, "-in", cert,
                                                   "-out", p12, "-passout", pass), NULL));
  return p12;
}

/* The bytes of the file at @path. */
GBytes *
lajna_test_read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert_msg (g_file_get_contents (path, &contents, &length, NULL), "cannot read %s", path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The DER of the first signature of the signed PDF @pdf, out of its
 * /Contents. */
GBytes *
lajna_test_signature_der (GBytes *pdf)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *contents = memmem (data, length, "/Contents <", 11);
  GByteArray *der = g_byte_array_new ();

  ck_assert (contents != NULL);
  for (const char *p = contents + 11; g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]); p += 2)
    {
      guint8 byte = (guint8) (g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]));

      g_byte_array_append (der, &byte, 1);
    }
  return g_byte_array_free_to_bytes (der);
}
