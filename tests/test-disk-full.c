/* test-disk-full.c: the embedded database on a disk that fills up (a
 * small tmpfs, mounted by root, as CI runs). A document larger than the
 * room left is refused with a message that says the disk is full, where
 * and how much to free, and nothing of it is kept; the server that cannot
 * start on a full disk says the same rather than "cannot be reached"; once
 * room is made, all works again. */

#include <check.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "lajna-cluster.h"
#include "lajna-database.h"
#include "lajna-db-private.h"
#include "lajna-disk-space.h"
#include "lajna-document-sandbox.h"
#include "lajna-document-store.h"
#include "lajna-test-records.h"
#include "lajna-test-util.h"

#define DISK_MB 180

/* A PDF of @mb megabytes: a page, and a stream of random bytes in hex
 * that nothing draws. */
static GBytes *
large_pdf (guint mb)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[4], xref;

  offsets[0] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[1] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\n"
                        "endobj\n");
  offsets[3] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %u >>\nstream\n", mb * 1024 * 1024);
  for (guint i = 0; i < mb * 1024 * 1024 / 8; i++)
    g_string_append_printf (pdf, "%08x", g_random_int ());
  g_string_append (pdf, "\nendstream\nendobj\n");
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", xref);
  return g_string_free_to_bytes (pdf);
}

/* Fills the disk of @dir until @left bytes are free. */
static void
fill (const char *dir,
      guint64     left)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  guint64 free_bytes = lajna_disk_space_free (dir);
  int fd = open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);

  ck_assert (fd >= 0);
  if (free_bytes > left)
    ck_assert_int_eq (posix_fallocate (fd, lseek (fd, 0, SEEK_END), free_bytes - left), 0);
  close (fd);
}

static int
documents (LajnaDb *db)
{
  g_autoptr(PGresult) result = lajna_db_exec (db, "SELECT count(*) FROM document", NULL);

  ck_assert (result != NULL);
  return atoi (PQgetvalue (result, 0, 0));
}

START_TEST (test_disk_full)
{
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *options = g_strdup_printf ("size=%dm,mode=0711", DISK_MB);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(LajnaDatabase) database = NULL;
  g_autoptr(LajnaDb) db = NULL;
  g_autoptr(GBytes) pdf = large_pdf (40);
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentFile) file = NULL;
  gboolean already = FALSE;
  gint64 case_id;

  if (geteuid () != 0)
    {
      /* Mounting a small disk takes root, which CI has. */
      g_printerr ("test-disk-full: not run: mounting a small disk needs root\n");
      lajna_test_remove_dir (dir);
      return;
    }
  ck_assert_msg (mount ("tmpfs", dir, "tmpfs", 0, options) == 0, "cannot mount a tmpfs on %s: %s",
                 dir, g_strerror (errno));
  database = lajna_test_database_start (dir);
  db = lajna_database_connect (database, &error);
  ck_assert_msg (db != NULL, "%s", error != NULL ? error->message : "");
  ck_assert (lajna_db_run (db, "INSERT INTO committee (kind, code, name_ar, name_en, file_prefix)"
                               " VALUES ('marriage', 'df', 'لجنة', 'D', 'د')", NULL));
  case_id = lajna_test_register_file (db, "marriage", "df");
  file = lajna_document_sandbox_read (pdf, &error);
  ck_assert_msg (file != NULL, "%s", error != NULL ? error->message : "");

  /* 30 MB left for a document of 40 MB. */
  fill (dir, 30 * 1024 * 1024);
  ck_assert (lajna_document_attach (db, case_id, "other", NULL, "import", file, &already,
                                    &error) == 0);
  ck_assert_msg (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_DISK_FULL), "%s",
                 error->message);
  ck_assert_msg (strstr (error->message, dir) != NULL, "where? %s", error->message);
  ck_assert_msg (strstr (error->message, "MB") != NULL, "how much? %s", error->message);
  g_clear_error (&error);
  g_clear_object (&db);

  /* A server on a full disk does not start, and says why. */
  lajna_database_close (database, TRUE, NULL);
  fill (dir, 0);
  g_clear_object (&database);
  g_setenv ("LAJNA_DATA_DIR", dir, TRUE);
  database = lajna_database_new (NULL);
  ck_assert (!lajna_database_open (database, TRUE, NULL, &error));
  ck_assert_msg (g_error_matches (error, LAJNA_CLUSTER_ERROR, LAJNA_CLUSTER_ERROR_DISK_FULL),
                 "%s", error->message);
  ck_assert_msg (strstr (error->message, dir) != NULL, "where? %s", error->message);
  g_clear_error (&error);
  g_clear_object (&database);

  /* Room made: it starts, and nothing of the document was kept. */
  ck_assert (g_unlink (filler) == 0);
  database = lajna_test_database_start (dir);
  db = lajna_database_connect (database, &error);
  ck_assert_msg (db != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_int_eq (documents (db), 0);
  g_clear_object (&db);
  lajna_database_close (database, TRUE, NULL);
  ck_assert (umount (dir) == 0);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
disk_full_suite (void)
{
  Suite *suite = suite_create ("disk-full");
  TCase *tc = tcase_create ("/disk-full");

  tcase_add_test (tc, test_disk_full);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (disk_full_suite ());
}
