/* lajnactl: the command line of Lajna, for clerks' batch work,
 * administrators, scripts, tests and benchmarks. It links model/ only.
 *
 * Exit 0 on success, 1 when the operation failed (a translated message on
 * stderr), 2 on a usage error.
 */

#include "lajnactl.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lajna-own-data.h"

static const struct
{
  const char      *name;
  LajnactlCommand  run;
} commands[] = {
  { "db", lajnactl_db },
  { "demo", lajnactl_demo },
  { "case", lajnactl_case },
  { "audit", lajnactl_audit },
  { "backup", lajnactl_backup },
  { "restore", lajnactl_restore },
  { "user", lajnactl_user },
  { "doc", lajnactl_doc },
  { "report", lajnactl_report },
  { "scan", lajnactl_scan },
  { "meeting", lajnactl_meeting },
  { "minutes", lajnactl_minutes },
  { "ruling", lajnactl_ruling },
  { "stats", lajnactl_stats },
  { "login", lajnactl_login },
  { "logout", lajnactl_logout },
};

static char *database_option;
static gboolean version_option;

static const GOptionEntry global_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_STRING, &database_option,
    N_("libpq connection string of a shared server (default: the embedded database)"),
    N_("CONNINFO") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &version_option, N_("Show the version"), NULL },
  { NULL }
};

int
lajnactl_usage_error (GOptionContext *options,
                      const char     *message)
{
  g_autofree char *help = options != NULL ? g_option_context_get_help (options, TRUE, NULL) : NULL;

  g_printerr ("lajnactl: %s\n", message);
  if (help != NULL)
    g_printerr ("\n%s", help);
  return LAJNACTL_EXIT_USAGE;
}

int
lajnactl_fail (const GError *error)
{
  g_printerr ("lajnactl: %s\n", error->message);
  return LAJNACTL_EXIT_FAILED;
}

/* Parses a command's options; on a usage error sets *status. */
gboolean
lajnactl_parse (GOptionContext   *options,
                int              *argc,
                char           ***argv,
                int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (options, argc, argv, &error))
    {
      *status = lajnactl_usage_error (options, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The database the command works on: --database, LAJNA_DATABASE, the
 * app's setting, or NULL for the embedded one. */
char *
lajnactl_dup_conninfo (void)
{
  const char *env = g_getenv ("LAJNA_DATABASE");
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (database_option != NULL)
    return g_strdup (database_option);
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* The app's setting, when its schema is installed. */
  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "database");
}

/* Opens the database (starting the embedded server if need be) and
 * connects; on failure prints why and sets *status. */
gboolean
lajnactl_connect (LajnactlContext *ctx,
                  gboolean         migrate,
                  int             *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = lajnactl_dup_conninfo ();

  ctx->database = lajna_database_new (conninfo);
  if (!lajna_database_open (ctx->database, migrate, NULL, &error)
      || (ctx->db = lajna_database_connect (ctx->database, &error)) == NULL)
    {
      *status = lajnactl_fail (error);
      if (g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_PASSWORD))
        g_printerr ("%s\n", _("Sign in once with “lajnactl login”; the password is then kept "
                              "in the desktop keyring."));
      return FALSE;
    }
  return TRUE;
}

/* "ID -o FILE" of a command that writes a file: parses, and connects; on
 * failure prints @usage (or why it could not connect) and sets *status. */
gboolean
lajnactl_begin_output (LajnactlContext  *ctx,
                       const char       *usage,
                       int               argc,
                       char            **argv,
                       gint64           *id,
                       char            **output,
                       int              *status)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, output, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, status))
    return FALSE;
  if (argc != 2 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, id, NULL)
      || *output == NULL)
    {
      *status = lajnactl_usage_error (options, usage);
      return FALSE;
    }
  return lajnactl_connect (ctx, TRUE, status);
}

/* One line of standard input, without echo when it is a terminal: a
 * password. NULL at end of input. */
char *
lajnactl_read_secret (const char *prompt)
{
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  if (terminal)
    {
      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (c == EOF && line->len == 0)
    return NULL;
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
disconnect (LajnactlContext *ctx)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&ctx->db);
  if (ctx->database != NULL && !lajna_database_close (ctx->database, FALSE, &error))
    g_printerr ("lajnactl: %s\n", error->message);
  g_clear_object (&ctx->database);
}

/* Printed pages and exported lists are Arabic whatever the language of the
 * command line, so a command that prints speaks Arabic throughout. It must be chosen before
 * the first translation: GLib decides once whether to translate at all. */
static gboolean
exports_list (int    argc,
              char **argv)
{
  for (int i = 0; i < argc; i++)
    if (g_str_has_prefix (argv[i], "-o") || g_str_has_prefix (argv[i], "--output")
        || g_str_has_prefix (argv[i], "--csv"))
      return TRUE;
  return FALSE;
}

static void
speak_arabic_if_printing (int    argc,
                          char **argv)
{
  const char *messages;

  for (int i = 1; i + 1 < argc; i++)
    {
      gboolean case_pdf = strcmp (argv[i], "case") == 0
                          && (strcmp (argv[i + 1], "export") == 0
                              || (strcmp (argv[i + 1], "list") == 0
                                  && exports_list (argc - i, argv + i)));
      gboolean report_pdf = strcmp (argv[i], "report") == 0 && strcmp (argv[i + 1], "export") == 0;

      if (!case_pdf && !report_pdf)
        continue;
      messages = setlocale (LC_MESSAGES, NULL);
      if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
        setlocale (LC_MESSAGES, "C.UTF-8");
      g_setenv ("LANGUAGE", "ar", TRUE);
      return;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  LajnactlContext ctx = { NULL, NULL };
  int status = LAJNACTL_EXIT_USAGE;

  setlocale (LC_ALL, "");
  speak_arabic_if_printing (argc, argv);
  bindtextdomain (GETTEXT_PACKAGE, lajna_own_data_find (LAJNA_BUILD_CLI_DIR));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  options = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (options,
                                _("Commands: db status, db migrate, demo, case list, case show, "
                                  "case search, case duplicates, case import, audit verify, backup, "
                                  "restore, user add, login, logout, doc import, doc list, doc export, scan, "
                                  "meeting list, minutes, ruling list, ruling render, "
                                  "ruling sign, report list, report export, stats"));
  g_option_context_add_main_entries (options, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (options, TRUE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;

  if (version_option)
    {
      g_print ("lajnactl %s\n", PACKAGE_VERSION);
      return LAJNACTL_EXIT_OK;
    }
  if (argc < 2)
    return lajnactl_usage_error (options, _("Name a command."));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          status = commands[i].run (&ctx, argc - 1, argv + 1);
          disconnect (&ctx);
          return status;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);

    return lajnactl_usage_error (options, message);
  }
}
