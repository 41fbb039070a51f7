/* lajnactl-db.c: `db status` and `db migrate`. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-schema.h"
#include "lajna-json.h"

static gboolean json_option;

static const GOptionEntry status_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { NULL }
};

static int
status (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  LajnaCluster *cluster;
  guint version = 0;
  int exit_status = LAJNACTL_EXIT_OK;
  g_autofree char *server = NULL;

  g_option_context_add_main_entries (options, status_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &exit_status))
    return exit_status;
  if (argc > 1)
    return lajnactl_usage_error (options, _("“db status” takes no arguments."));

  if (!lajnactl_connect (ctx, FALSE, &exit_status))
    return exit_status;
  if (!lajna_schema_get_version (ctx->db, &version, &error))
    return lajnactl_fail (error);

  cluster = lajna_database_get_cluster (ctx->database);
  where = lajna_db_dup_safe_conninfo (ctx->db);
  server = lajna_db_dup_server_version (ctx->db);

  if (json_option)
    {
      LajnaJson *json = lajna_json_new ();

      lajna_json_begin_object (json);
      lajna_json_member (json, "server_version", server);
      lajna_json_key (json, "schema_version");
      lajna_json_int (json, version);
      lajna_json_key (json, "schema_latest");
      lajna_json_int (json, lajna_schema_get_latest ());
      lajna_json_key (json, "embedded");
      lajna_json_bool (json, cluster != NULL);
      lajna_json_member (json, "data_dir", cluster != NULL ? lajna_cluster_get_data_dir (cluster) : NULL);
      lajna_json_member (json, "server_log", cluster != NULL ? lajna_cluster_get_log_path (cluster) : NULL);
      lajna_json_member (json, "connection", where);
      lajna_json_end_object (json);
      lajna_json_print_free (json);
    }
  else
    {
      g_print (_("Server version: %s\n"), server);
      g_print (_("Schema version: %u (this program: %u)\n"), version, lajna_schema_get_latest ());
      if (cluster != NULL)
        {
          g_print (_("Embedded database in: %s\n"), lajna_cluster_get_data_dir (cluster));
          g_print (_("Server log: %s\n"), lajna_cluster_get_log_path (cluster));
        }
      g_print (_("Connection: %s\n"), where);
    }
  return LAJNACTL_EXIT_OK;
}

static int
migrate (LajnactlContext *ctx,
         int              argc,
         char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  guint applied = 0;
  guint version = 0;
  int exit_status = LAJNACTL_EXIT_OK;

  if (!lajnactl_parse (options, &argc, &argv, &exit_status))
    return exit_status;
  if (argc > 1)
    return lajnactl_usage_error (options, _("“db migrate” takes no arguments."));

  if (!lajnactl_connect (ctx, FALSE, &exit_status))
    return exit_status;
  if (!lajna_schema_migrate (ctx->db, &applied, &error)
      || !lajna_schema_get_version (ctx->db, &version, &error))
    return lajnactl_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Applied %u migration; the schema is at version %u.\n",
                        "Applied %u migrations; the schema is at version %u.\n", applied),
           applied, version);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_db (LajnactlContext *ctx,
             int              argc,
             char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "status") == 0)
    return status (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "migrate") == 0)
    return migrate (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use “db status” or “db migrate”."));
}
