/* lajnactl-audit.c: `audit verify`. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-audit.h"
#include "lajna-json.h"

static gboolean json_option;

static const GOptionEntry verify_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { NULL }
};

static const char *
result_code (LajnaAuditBreak result)
{
  switch (result)
    {
    case LAJNA_AUDIT_CONTENT_CHANGED:
      return "content_changed";
    case LAJNA_AUDIT_LINK_BROKEN:
      return "link_broken";
    case LAJNA_AUDIT_END_MISSING:
      return "end_missing";
    case LAJNA_AUDIT_INTACT:
    default:
      return "intact";
    }
}

static void
print_report (const LajnaAuditReport *report)
{
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_events);
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, report->event_id);

  switch (report->result)
    {
    case LAJNA_AUDIT_INTACT:
      g_print (g_dngettext (GETTEXT_PACKAGE, "The audit trail is intact: %s event.\n",
                            "The audit trail is intact: %s events.\n", (gulong) report->n_events),
               count);
      break;
    case LAJNA_AUDIT_CONTENT_CHANGED:
      g_printerr (_("The audit trail is broken at event %s: its content was changed after it "
                    "was written.\n"), event);
      break;
    case LAJNA_AUDIT_LINK_BROKEN:
      g_printerr (_("The audit trail is broken at event %s: it does not follow the event before "
                    "it, which was removed or rewritten.\n"), event);
      break;
    case LAJNA_AUDIT_END_MISSING:
      g_printerr (_("The audit trail is broken at its end: events up to %s were removed.\n"),
                  event);
      break;
    }
}

static int
verify (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  LajnaAuditReport report;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, verify_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return lajnactl_usage_error (options, _("“audit verify” takes no arguments."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if (!lajna_audit_verify (ctx->db, &report, &error))
    return lajnactl_fail (error);

  if (json_option)
    {
      LajnaJson *json = lajna_json_new ();

      lajna_json_begin_object (json);
      lajna_json_member (json, "result", result_code (report.result));
      lajna_json_key (json, "events");
      lajna_json_int (json, (gint64) report.n_events);
      lajna_json_key (json, "event_id");
      if (report.event_id != 0)
        lajna_json_int (json, report.event_id);
      else
        lajna_json_null (json);
      lajna_json_end_object (json);
      lajna_json_print_free (json);
    }
  else
    print_report (&report);
  return report.result == LAJNA_AUDIT_INTACT ? LAJNACTL_EXIT_OK : LAJNACTL_EXIT_FAILED;
}

int
lajnactl_audit (LajnactlContext *ctx,
                int              argc,
                char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "verify") == 0)
    return verify (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use “audit verify”."));
}
