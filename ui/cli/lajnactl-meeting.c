/* lajnactl-meeting.c: `meeting list [--committee ID] [--json]`, the
 * meetings the person sees, the latest first; and `minutes --meeting ID
 * -o FILE.pdf`, a meeting's Arabic minutes, the printing recorded in the
 * audit trail. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-json.h"
#include "lajna-labels.h"
#include "lajna-meeting.h"
#include "lajna-minutes.h"

static int committee_option;
static gint64 meeting_option;
static char *output_option;
static gboolean json_option;

static const GOptionEntry list_entries[] = {
  { "committee", 0, 0, G_OPTION_ARG_INT, &committee_option, N_("Only this committee’s meetings"),
    N_("ID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { NULL }
};

static const GOptionEntry minutes_entries[] = {
  { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting_option, N_("The meeting’s id"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option, N_("The file to write"),
    N_("FILE") },
  { NULL }
};

static void
print_meetings (GPtrArray *meetings)
{
  LajnaJson *json = json_option ? lajna_json_new () : NULL;

  if (json != NULL)
    lajna_json_begin_array (json);
  for (guint i = 0; i < meetings->len; i++)
    {
      const LajnaMeetingRow *m = g_ptr_array_index (meetings, i);

      if (json == NULL)
        {
          g_print ("%" G_GINT64_FORMAT "\t%d/%d\t%s\t%s\t%s\t%s\t%d/%d\n", m->id, m->number,
                   m->year, m->held_on, m->starts_at != NULL ? m->starts_at : "",
                   lajna_label_for (m->state), m->committee_name, m->n_decided, m->n_items);
          continue;
        }
      lajna_json_begin_object (json);
      lajna_json_key (json, "id");
      lajna_json_int (json, m->id);
      lajna_json_key (json, "committee");
      lajna_json_int (json, m->committee_id);
      lajna_json_key (json, "year");
      lajna_json_int (json, m->year);
      lajna_json_key (json, "number");
      lajna_json_int (json, m->number);
      lajna_json_member (json, "held_on", m->held_on);
      lajna_json_member (json, "starts_at", m->starts_at);
      lajna_json_member (json, "place", m->place);
      lajna_json_member (json, "state", m->state);
      lajna_json_key (json, "items");
      lajna_json_int (json, m->n_items);
      lajna_json_key (json, "decided");
      lajna_json_int (json, m->n_decided);
      lajna_json_end_object (json);
    }
  if (json != NULL)
    {
      lajna_json_end_array (json);
      lajna_json_print_free (json);
    }
}

static int
list (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, list_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || committee_option < 0)
    return lajnactl_usage_error (options, _("meeting list takes only --committee and --json."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  meetings = lajna_meeting_list (ctx->db, committee_option, &error);
  if (meetings == NULL)
    return lajnactl_fail (error);
  print_meetings (meetings);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_meeting (LajnactlContext *ctx,
                  int              argc,
                  char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return list (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use: meeting list [--committee ID] [--json]"));
}

int
lajnactl_minutes (LajnactlContext *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, minutes_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || meeting_option <= 0 || output_option == NULL)
    return lajnactl_usage_error (options, _("Give --meeting ID and -o FILE.pdf."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if (!lajna_minutes_export (ctx->db, meeting_option, output_option, &error))
    return lajnactl_fail (error);
  g_print (_("Wrote %s.\n"), output_option);
  return LAJNACTL_EXIT_OK;
}
