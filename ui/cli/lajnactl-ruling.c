/* lajnactl-ruling.c: `ruling list [--committee ID] [--json]`, the register
 * of rulings (every version, by number, with its day and whether it is
 * signed; never a ruling's text, which not everyone may read);
 * `ruling issue --case ID`, the ruling of the decision
 * in force on a file issued and sealed; `ruling render --case ID -o
 * FILE.pdf`, that ruling as an Arabic PDF (a draft until it is issued),
 * the printing recorded in the audit trail; `ruling sign
 * --ruling ID --key FILE.p12 [--password-file F] [--tsa URL] -o FILE.pdf`,
 * the ruling signed with the signatory's key (the password asked for when
 * no file holds it), time-stamped by the authority at URL, stored once
 * with its digest; `ruling verify FILE.pdf [--key
 * SEAL.pem]`, a ruling's seal checked offline (with the database's keys
 * only when there is a database: it is never made for this): exit 0
 * when valid, 3 when altered or signed then changed, 4 when unknown;
 * `ruling seal-key -o SEAL.pem`, every committee's public seal keys (in use and retired) for those who check
 * rulings without the database; and `ruling seal-key --rotate --committee
 * ID`, a committee's new seal key. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-case-fields.h"
#include "lajna-cluster.h"
#include "lajna-database.h"
#include "lajna-json.h"
#include "lajna-ruling-record.h"
#include "lajna-seal-keys.h"
#include "lajna-ruling-register.h"
#include "lajna-ruling.h"
#include "lajna-seal.h"

#define EXIT_ALTERED 3
#define EXIT_UNKNOWN 4

static gint64 case_option;
static gint64 ruling_option;
static char *output_option;
static char *key_option;
static char *password_file_option;
static char *tsa_option;
static char *date_option;
static gboolean rotate_option;
static gint64 committee_option;
static gboolean json_option;

static const GOptionEntry list_entries[] = {
  { "committee", 0, 0, G_OPTION_ARG_INT64, &committee_option, N_("Only this committee’s rulings"),
    N_("ID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { NULL }
};

static const GOptionEntry render_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The file to write"),
    N_("FILE") },
  { NULL }
};

static const GOptionEntry issue_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &date_option,
    N_("The day the ruling is issued, not before its meeting’s (today when not given)"),
    N_("YYYY-MM-DD") },
  { NULL }
};

static const GOptionEntry sign_entries[] = {
  { "ruling", 0, 0, G_OPTION_ARG_INT64, &ruling_option, N_("The ruling’s id"), N_("ID") },
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_option, N_("The signatory’s PKCS#12 file"),
    N_("FILE") },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file_option,
    N_("A file whose first line is the key’s password"), N_("FILE") },
  { "tsa", 0, 0, G_OPTION_ARG_STRING, &tsa_option,
    N_("The time-stamping authority (RFC 3161) that dates the signature"), N_("URL") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The file to write"),
    N_("FILE") },
  { NULL }
};

static const GOptionEntry verify_entries[] = {
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_option,
    N_("The public seal key (PEM) to check against, instead of the database’s"), N_("FILE") },
  { NULL }
};

static const GOptionEntry seal_key_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option,
    N_("The file to write every committee’s public seal keys to"), N_("FILE") },
  { "rotate", 0, 0, G_OPTION_ARG_NONE, &rotate_option,
    N_("Give the committee of --committee a new seal key"), NULL },
  { "committee", 0, 0, G_OPTION_ARG_INT64, &committee_option, N_("The committee’s id"),
    N_("ID") },
  { NULL }
};

/**
 * lajnactl_json_ruling:
 * @json: where the object goes
 * @entry: a ruling
 *
 * Writes @entry as `ruling list --json` and `case show --json` give it.
 */
void
lajnactl_json_ruling (LajnaJson              *json,
                      const LajnaRulingEntry *entry)
{
  lajna_json_begin_object (json);
  lajna_json_key (json, "id");
  lajna_json_int (json, entry->id);
  lajna_json_key (json, "committee");
  lajna_json_int (json, entry->committee_id);
  lajna_json_key (json, "number");
  lajna_json_int (json, entry->number);
  lajna_json_key (json, "year");
  lajna_json_int (json, entry->year);
  lajna_json_key (json, "version");
  lajna_json_int (json, entry->version);
  lajna_json_member (json, "issued_on", entry->issued_on);
  lajna_json_key (json, "signed");
  lajna_json_bool (json, entry->is_signed);
  lajna_json_key (json, "case_id");
  lajna_json_int (json, entry->case_id);
  lajna_json_end_object (json);
}

/* @rows (each a GStrv of as many cells as the first, the headings) in
 * columns as wide as their widest cell. */
static void
print_table (GPtrArray *rows)
{
  guint n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  g_autofree glong *widths = g_new0 (glong, n_columns);

  for (guint i = 0; i < rows->len; i++)
    for (guint j = 0; j < n_columns; j++)
      widths[j] = MAX (widths[j], g_utf8_strlen (((char **) g_ptr_array_index (rows, i))[j], -1));
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = 0; j < n_columns; j++)
        {
          g_string_append (line, cells[j]);
          if (j + 1 < n_columns)
            for (glong pad = g_utf8_strlen (cells[j], -1); pad < widths[j] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

static void
print_rulings (GPtrArray *entries)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (json_option)
    {
      LajnaJson *json = lajna_json_new ();

      lajna_json_begin_array (json);
      for (guint i = 0; i < entries->len; i++)
        lajnactl_json_ruling (json, g_ptr_array_index (entries, i));
      lajna_json_end_array (json);
      lajna_json_print_free (json);
      return;
    }
  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("Committee"), _("Number"),
                                                 _("Version"), _("Issued on"), _("Signed"),
                                                 _("File"), NULL }));
  for (guint i = 0; i < entries->len; i++)
    {
      const LajnaRulingEntry *entry = g_ptr_array_index (entries, i);
      char **cells = g_new0 (char *, 8);

      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
      cells[1] = g_strdup (entry->committee_name);
      /* Translators: a ruling's number within its year, and the year. */
      cells[2] = g_strdup_printf (_("%d/%d"), entry->number, entry->year);
      cells[3] = g_strdup_printf ("%d", entry->version);
      cells[4] = g_strdup (entry->issued_on);
      cells[5] = g_strdup (entry->is_signed ? C_("signed", "Yes") : C_("signed", "No"));
      cells[6] = g_strdup_printf ("%" G_GINT64_FORMAT, entry->case_id);
      g_ptr_array_add (rows, cells);
    }
  print_table (rows);
}

static int
list (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, list_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || committee_option < 0 || committee_option > G_MAXINT)
    return lajnactl_usage_error (options, _("ruling list takes only --committee ID and --json."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  entries = lajna_ruling_register_list (ctx->db, (int) committee_option, &error);
  if (entries == NULL)
    return lajnactl_fail (error);
  print_rulings (entries);
  return LAJNACTL_EXIT_OK;
}

/* The key's password: the first line of --password-file, or asked for. */
static char *
read_password (GError **error)
{
  g_autofree char *text = NULL;

  if (password_file_option == NULL)
    return lajnactl_read_secret (_("Password of the key: "));
  if (!g_file_get_contents (password_file_option, &text, NULL, error))
    return NULL;
  text[strcspn (text, "\r\n")] = '\0';
  return g_steal_pointer (&text);
}

static int
sign (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *ruling = NULL;
  gint64 case_id = 0;
  gboolean in_force = FALSE;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, sign_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || ruling_option <= 0 || key_option == NULL || output_option == NULL)
    return lajnactl_usage_error (options, _("Give --ruling ID, --key FILE.p12 and -o FILE.pdf."));
  if ((password = read_password (&error)) == NULL && error != NULL)
    return lajnactl_fail (error);
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  ruling = g_strdup_printf ("%" G_GINT64_FORMAT, ruling_option);
  if (!lajna_ruling_find (ctx->db, ruling_option, &case_id, &in_force, &error))
    return lajnactl_fail (error);
  if (case_id == 0)
    {
      g_printerr (_("lajnactl: ruling %s does not exist, or it is not one of your committees’.\n"),
                  ruling);
      return LAJNACTL_EXIT_FAILED;
    }
  if (!in_force)
    {
      g_printerr (_("lajnactl: ruling %s is no longer the file’s ruling in force (a corrected "
                    "version replaced it); sign the latest version.\n"), ruling);
      return LAJNACTL_EXIT_FAILED;
    }
  if (!lajna_ruling_sign (ctx->db, case_id, key_option, password, tsa_option, output_option, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}

static int
render (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, render_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || case_option <= 0 || output_option == NULL)
    return lajnactl_usage_error (options, _("Give --case ID and -o FILE.pdf."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if (!lajna_ruling_render (ctx->db, case_option, output_option, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}

/* Issues and seals the ruling of the decision in force on --case. */
static int
issue (LajnactlContext *ctx,
       int              argc,
       char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ruling = NULL;
  g_autofree char *issued_number = NULL;
  g_autofree char *issued_year = NULL;
  int status = LAJNACTL_EXIT_OK;
  int number, year;
  gint64 id;
  GDate day;

  g_option_context_add_main_entries (options, issue_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || case_option <= 0)
    return lajnactl_usage_error (options, _("Give --case ID."));
  if (date_option != NULL && !lajna_parse_date (date_option, &day))
    return lajnactl_usage_error (options, _("Give --date as YYYY-MM-DD."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if ((id = lajna_ruling_issue (ctx->db, case_option, date_option, lajna_ruling_pdf, &error)) == 0)
    return lajnactl_fail (error);
  if (!lajna_ruling_number (ctx->db, id, &number, &year, &error))
    return lajnactl_fail (error);
  ruling = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  issued_number = g_strdup_printf ("%d", number);
  issued_year = g_strdup_printf ("%d", year);
  /* Translators: the number of the ruling issued, its year, and its id. */
  g_print (_("Issued ruling %s of %s (id %s).\n"), issued_number, issued_year, ruling);
  return LAJNACTL_EXIT_OK;
}

/* The seal keys: those of --key, or the database's. */
static GPtrArray *
seal_keys (LajnactlContext *ctx,
           int             *status)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *keys;

  if (key_option == NULL)
    {
      g_autofree char *conninfo = lajnactl_dup_conninfo ();
      g_autoptr(LajnaDatabase) database = lajna_database_new (conninfo);
      LajnaCluster *cluster = lajna_database_get_cluster (database);

      if (cluster != NULL && !lajna_cluster_is_initialized (cluster))
        {
          g_printerr ("%s\n", _("There is no database here to read the seal keys from: give "
                                "the committees' public keys with --key SEAL.pem."));
          *status = LAJNACTL_EXIT_FAILED;
          return NULL;
        }
      if (!lajnactl_connect (ctx, FALSE, status))
        return NULL;
      keys = lajna_seal_keys_read (ctx->db, &error);
    }
  else
    keys = lajna_seal_read_public_keys (key_option, &error);
  if (keys == NULL)
    *status = lajnactl_fail (error);
  return keys;
}

static int
verify (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE.pdf"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *id = NULL;
  g_auto(LajnaSealFacts) facts = { 0 };
  LajnaSealVerdict verdict;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, verify_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lajnactl_usage_error (options, _("Give the PDF to check."));
  if ((file = g_mapped_file_new (argv[1], FALSE, &error)) == NULL)
    return lajnactl_fail (error);
  if ((keys = seal_keys (ctx, &status)) == NULL)
    return status;
  pdf = g_mapped_file_get_bytes (file);
  verdict = lajna_seal_verify (pdf, keys, &facts);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, facts.ruling_id);
  switch (verdict)
    {
    case LAJNA_SEAL_VALID:
      if (facts.is_signed)
        g_print (_("valid: ruling %d of %d (committee %d), version %d, id %s, as issued and "
                   "signed by %s\n"), facts.number, facts.year, facts.committee_id, facts.version,
                 id, facts.signer != NULL ? facts.signer : "?");
      else
        g_print (_("valid: ruling %d of %d (committee %d), version %d, id %s, as issued\n"),
                 facts.number, facts.year, facts.committee_id, facts.version, id);
      return LAJNACTL_EXIT_OK;
    case LAJNA_SEAL_SIGNED_THEN_CHANGED:
      g_print (_("signed, then changed: ruling %d of %d (committee %d), version %d, was signed "
                 "as issued, and bytes were added after the signature\n"), facts.number,
               facts.year, facts.committee_id, facts.version);
      return EXIT_ALTERED;
    case LAJNA_SEAL_ALTERED:
      g_print (_("altered: the PDF differs from the one issued and sealed as ruling %d of %d "
                 "(committee %d), version %d\n"), facts.number, facts.year, facts.committee_id,
               facts.version);
      return EXIT_ALTERED;
    case LAJNA_SEAL_UNKNOWN:
    default:
      g_print (_("unknown: the PDF carries no seal made with a known key\n"));
      return EXIT_UNKNOWN;
    }
}

/* A new seal key for the committee of --committee; the one it replaces
 * stays, retired, for the rulings it sealed. */
static int
rotate_seal_key (LajnactlContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!lajna_seal_keys_rotate (ctx->db, (int) committee_option, &error))
    return lajnactl_fail (error);
  g_print (_("The committee seals its rulings with a new key from now on; the rulings sealed "
             "before still check against the old one.\n"));
  return LAJNACTL_EXIT_OK;
}

static int
seal_key (LajnactlContext *ctx,
          int              argc,
          char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GString) pems = g_string_new (NULL);
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, seal_key_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || (output_option != NULL) == rotate_option
      || rotate_option != (committee_option != 0) || committee_option < 0
      || committee_option > G_MAXINT)
    return lajnactl_usage_error (options, _("Give -o FILE.pem, or --rotate --committee ID."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if (rotate_option)
    return rotate_seal_key (ctx);
  if ((keys = lajna_seal_keys_read (ctx->db, &error)) == NULL)
    return lajnactl_fail (error);
  if (keys->len == 0)
    {
      g_printerr (_("lajnactl: no ruling has been sealed yet, so there is no seal key.\n"));
      return LAJNACTL_EXIT_FAILED;
    }
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *pem = lajna_seal_public_key_pem (g_ptr_array_index (keys, i), &error);

      if (pem == NULL)
        return lajnactl_fail (error);
      g_string_append (pems, pem);
    }
  if (!g_file_set_contents (output_option, pems->str, pems->len, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_ruling (LajnactlContext *ctx,
                 int              argc,
                 char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return list (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "render") == 0)
    return render (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "issue") == 0)
    return issue (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "sign") == 0)
    return sign (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "verify") == 0)
    return verify (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "seal-key") == 0)
    return seal_key (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use: ruling list [--committee ID] [--json], ruling "
                                       "issue --case ID [--date YYYY-MM-DD], ruling render "
                                       "--case ID -o FILE.pdf, "
                                       "ruling sign --ruling ID --key FILE.p12 -o FILE.pdf, "
                                       "ruling verify FILE.pdf [--key SEAL.pem], or ruling "
                                       "seal-key -o SEAL.pem | --rotate --committee ID"));
}
