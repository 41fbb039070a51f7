/* lajnactl-report.c: `report list --case ID [--json]` and
 * `report export REPORT -o FILE.pdf`: a juvenile file's social worker's
 * and psychologist's reports, as the person signed in reads them (their
 * own drafts and every report on record), and one printed in Arabic with
 * the exporter's watermark, the export recorded in the audit trail. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-json.h"
#include "lajna-report-pdf.h"

static gint64 case_option;
static gboolean json_option;

static const GOptionEntry list_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { NULL }
};

static void
print_json (GPtrArray *reports)
{
  LajnaJson *json = lajna_json_new ();

  lajna_json_begin_array (json);
  for (guint i = 0; i < reports->len; i++)
    {
      const LajnaReport *r = g_ptr_array_index (reports, i);

      lajna_json_begin_object (json);
      lajna_json_key (json, "id");
      lajna_json_int (json, r->id);
      lajna_json_member (json, "kind", r->kind_code);
      lajna_json_key (json, "version");
      lajna_json_int (json, r->version);
      lajna_json_member (json, "state", r->state);
      lajna_json_key (json, "superseded");
      lajna_json_bool (json, r->superseded);
      lajna_json_member (json, "author", r->author_name);
      lajna_json_member (json, "author_role", r->author_role);
      lajna_json_key (json, "submitted_on");
      if (r->submitted_on[0] != '\0')
        lajna_json_string (json, r->submitted_on);
      else
        lajna_json_null (json);
      lajna_json_member (json, "reason", r->reason);
      lajna_json_key (json, "document");
      if (r->document_id != 0)
        lajna_json_int (json, r->document_id);
      else
        lajna_json_null (json);
      lajna_json_end_object (json);
    }
  lajna_json_end_array (json);
  lajna_json_print_free (json);
}

static int
list (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, list_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || case_option <= 0)
    return lajnactl_usage_error (options, _("Give --case ID."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if ((reports = lajna_report_list (ctx->db, case_option, &error)) == NULL)
    return lajnactl_fail (error);
  if (json_option)
    {
      print_json (reports);
      return LAJNACTL_EXIT_OK;
    }
  for (guint i = 0; i < reports->len; i++)
    {
      const LajnaReport *r = g_ptr_array_index (reports, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%d\t%s\t%s\t%s\n", r->id, r->kind_code, r->version,
               lajna_report_state_label (r->state), r->author_name, r->submitted_on);
    }
  return LAJNACTL_EXIT_OK;
}

static int
export (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 id = 0;
  int status = LAJNACTL_EXIT_OK;

  if (!lajnactl_begin_output (ctx, _("Give one report id and -o FILE.pdf."), argc, argv, &id,
                              &output, &status))
    return status;
  if (!lajna_report_pdf_export (ctx->db, id, output, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_report (LajnactlContext *ctx,
                 int              argc,
                 char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return list (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "export") == 0)
    return export (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use “report list --case ID” or "
                                       "“report export REPORT -o FILE.pdf”."));
}
