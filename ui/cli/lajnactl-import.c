/* lajnactl-import.c: `case import FILE [--committee ID] [--skip-invalid]`.
 *
 * The per-row report goes to stderr, one line per finding, so that it
 * reads like a compiler's and can be kept apart from the summary on
 * stdout (`2> report.txt`).
 */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-case-import.h"

static int committee_option;
static gboolean skip_invalid_option;

static const GOptionEntry import_entries[] = {
  { "committee", 0, 0, G_OPTION_ARG_INT, &committee_option,
    N_("The committee of every file; without it, a “committee” column gives each row’s"),
    N_("ID") },
  { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid_option,
    N_("Import the valid rows when others have errors, instead of nothing"), NULL },
  { NULL }
};

static void
print_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const LajnaImportIssue *issue = g_ptr_array_index (issues, i);
      gboolean warning = issue->level == LAJNA_ISSUE_WARNING;

      if (issue->field != NULL)
        /* Translators: row number, field key (kept as is: it names a column), message */
        g_printerr (warning ? _("row %u, %s (warning): %s\n") : _("row %u, %s: %s\n"), issue->row,
                    issue->field, issue->message);
      else
        g_printerr (warning ? _("row %u (warning): %s\n") : _("row %u: %s\n"), issue->row,
                    issue->message);
    }
}

/* "ز/2026/00001 – ز/2026/01234" for each series (a committee's year) the
 * files took numbers from. Numbers are given in the order of the rows, so
 * a series' first and last file hold its first and last number. */
static char *
dup_number_ranges (GPtrArray *files)
{
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();
  g_autoptr(GPtrArray) lasts = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      const char *number = ((LajnaCaseRecord *) g_ptr_array_index (files, i))->file_number;
      gsize series = (gsize) (strrchr (number, '/') - number);
      guint j;

      for (j = 0; j < firsts->len; j++)
        if (strncmp (g_ptr_array_index (firsts, j), number, series + 1) == 0)
          break;
      if (j == firsts->len)
        {
          g_ptr_array_add (firsts, (gpointer) number);
          g_ptr_array_add (lasts, (gpointer) number);
        }
      lasts->pdata[j] = (gpointer) number;
    }

  for (guint j = 0; j < firsts->len; j++)
    {
      if (j > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (firsts, j));
      if (firsts->pdata[j] != lasts->pdata[j])
        g_string_append_printf (out, " – %s", (const char *) g_ptr_array_index (lasts, j));
    }
  return g_string_free (out, FALSE);
}

static void
print_summary (LajnaCaseImport *import)
{
  GPtrArray *files = lajna_case_import_get_files (import);
  guint left_out = lajna_case_import_get_n_left_out (import);
  g_autofree char *ranges = dup_number_ranges (files);
  /* The count grouped as the locale writes it: 1,234 or ١٬٢٣٤. */
  g_autofree char *count = g_strdup_printf ("%'u", files->len);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s file (%s).\n", "Imported %s files (%s).\n",
                        files->len),
           count, ranges);
  if (left_out > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Left out %u row with errors.\n",
                          "Left out %u rows with errors.\n", left_out),
             left_out);
}

/**
 * lajnactl_case_import:
 * @ctx: the command's context
 * @argc: the number of arguments, "import" first
 * @argv: the arguments
 *
 * Registers the files of a workbook (.xlsx) or a CSV export, with a per-row
 * report.
 *
 * Returns: the exit status
 */
int
lajnactl_case_import (LajnactlContext *ctx,
                      int              argc,
                      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE.xlsx|FILE.csv"));
  g_autoptr(LajnaCaseImport) import = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = LAJNACTL_EXIT_OK;
  gboolean imported;

  g_option_context_add_main_entries (options, import_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &exit_status))
    return exit_status;
  if (argc != 2)
    return lajnactl_usage_error (options,
                                 _("Give one workbook (.xlsx) or CSV file to import."));
  if (committee_option < 0)
    return lajnactl_usage_error (options, _("--committee takes a committee id."));

  if (!lajnactl_connect (ctx, TRUE, &exit_status))
    return exit_status;
  import = lajna_case_import_new (committee_option, skip_invalid_option);
  imported = lajna_case_import_run_file (import, ctx->db, argv[1], &error);
  print_issues (lajna_case_import_get_issues (import));
  if (!imported)
    {
      if (g_error_matches (error, LAJNA_IMPORT_ERROR, LAJNA_IMPORT_ERROR_NO_COMMITTEE))
        return lajnactl_usage_error (options, _("Give --committee ID, or a “committee” column "
                                                "with each row’s committee code or id."));
      return lajnactl_fail (error);
    }
  print_summary (import);
  return LAJNACTL_EXIT_OK;
}
