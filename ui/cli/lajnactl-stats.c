/* lajnactl-stats.c: `stats [--committee ID] [--from D] [--to D] [--json]
 * [-o FILE.pdf [--digits latin|arabic-indic]]`, the oversight figures of a
 * committee (or of every committee the person sees) over a period, the
 * current year unless told, written out or printed as a report. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lajna-case-fields.h"
#include "lajna-stats.h"
#include "lajna-stats-report.h"

static int committee_option;
static char *from_option;
static char *to_option;
static gboolean json_option;
static char *output_option;
static char *digits_option;

static const GOptionEntry stats_entries[] = {
  { "committee", 0, 0, G_OPTION_ARG_INT, &committee_option,
    N_("Only this committee (all you see by default)"), N_("ID") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &from_option,
    N_("The period’s first day (1 January of this year by default)"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &to_option,
    N_("The period’s last day (31 December of this year by default)"), N_("YYYY-MM-DD") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option,
    N_("Print the statistics report to this PDF"), N_("FILE.pdf") },
  { "digits", 0, 0, G_OPTION_ARG_STRING, &digits_option,
    N_("The report’s digits: latin (0–9, by default) or arabic-indic (٠–٩)"), N_("DIGITS") },
  { NULL }
};

static void
print_items (const char   *title,
             const GArray *items)
{
  g_print ("%s\n", title);
  if (items->len == 0)
    g_print ("  %s\n", _("None"));
  for (guint i = 0; i < items->len; i++)
    {
      const LajnaStatsItem *item = &g_array_index (items, LajnaStatsItem, i);

      g_print ("  %s: %" G_GINT64_FORMAT "\n", item->label, item->value);
    }
}

static void
print_count (const char *title,
             gint64      value)
{
  g_print ("%s %" G_GINT64_FORMAT "\n", title, value);
}

static void
print_span (const char           *title,
            const LajnaStatsSpan *span)
{
  g_autofree char *files = g_strdup_printf ("%" G_GINT64_FORMAT, span->files);

  if (isnan (span->median))
    {
      /* Translators: a duration measured on no file, e.g. "Days from receipt to decision:". */
      g_print (_("%s no file in the period\n"), title);
      return;
    }
  /* Translators: a duration's title, its median and 90th percentile in
   * days, and how many files they were measured on. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s median %.0f, 90th percentile %.0f (%s file)\n",
                        "%s median %.0f, 90th percentile %.0f (%s files)\n",
                        (gulong) span->files),
           title, span->median, span->p90, files);
}

static void
print_stats (const LajnaStats *stats)
{
  g_autofree char *from = lajna_date_text (&stats->from);
  g_autofree char *to = lajna_date_text (&stats->to);
  g_autofree char *today = lajna_date_text (&stats->today);

  /* Translators: the period's first and last day. */
  g_print (_("From %s to %s\n"), from, to);
  print_count (_("Files received:"), stats->received);
  print_items (_("Decisions taken, by outcome:"), stats->decided);
  /* Translators: today's date. */
  g_print (_("As of %s:\n"), today);
  print_items (_("Files in progress, by status:"), stats->pending);
  print_items (_("Files waiting on documents, by document lacking:"), stats->waiting_by_type);
  print_items (_("Files waiting on documents, by time waiting:"), stats->waiting_by_age);
  print_count (_("Juvenile reviews due in the next seven days:"), stats->reviews_due);
  print_count (_("Juvenile reviews overdue:"), stats->reviews_overdue);
  g_print (_("In the period:\n"));
  print_span (_("Days from receipt to decision:"), &stats->to_decision);
  print_span (_("Days from decision to signed ruling:"), &stats->to_signing);
  print_count (_("Deferred files scheduled again:"), stats->deferrals_returned);
  print_count (_("Casework reports due before review:"), stats->reports_due);
  g_print (_("By month (received, decided):\n"));
  for (guint i = 0; i < stats->monthly->len; i++)
    {
      const LajnaStatsMonth *month = &g_array_index (stats->monthly, LajnaStatsMonth, i);
      char text[8];

      g_date_strftime (text, sizeof text, "%Y-%m", &month->month);
      g_print ("  %s  %" G_GINT64_FORMAT "  %" G_GINT64_FORMAT "\n", text, month->received,
               month->decided);
    }
}

int
lajnactl_stats (LajnactlContext *ctx,
                int              argc,
                char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LajnaStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  int status = LAJNACTL_EXIT_OK;
  g_autoptr(GEnumClass) digit_kinds = g_type_class_ref (LAJNA_TYPE_CHART_DIGITS);
  GEnumValue *digits = NULL;
  GDate from, to;

  g_option_context_add_main_entries (options, stats_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || committee_option < 0 || (json_option && output_option != NULL))
    return lajnactl_usage_error (options,
                                 _("stats takes only --committee, --from, --to, and --json or "
                                   "-o FILE.pdf."));
  digits = g_enum_get_value_by_nick (digit_kinds, digits_option != NULL ? digits_option
                                                                        : "latin");
  if (digits == NULL)
    return lajnactl_usage_error (options, _("--digits takes latin or arabic-indic."));
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, (GDateYear) g_date_time_get_year (now));
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, (GDateYear) g_date_time_get_year (now));
  if ((from_option != NULL && !lajna_parse_date (from_option, &from)) ||
      (to_option != NULL && !lajna_parse_date (to_option, &to)))
    return lajnactl_usage_error (options, _("Give --from and --to as YYYY-MM-DD."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  stats = lajna_stats_fetch (ctx->db, committee_option, &from, &to, &error);
  if (stats == NULL)
    return lajnactl_fail (error);

  if (output_option != NULL)
    {
      if (!lajna_stats_report_write (ctx->db, stats, digits->value, output_option, &error))
        return lajnactl_fail (error);
    }
  else if (json_option)
    {
      g_autofree char *json = lajna_stats_to_json (stats);

      g_print ("%s\n", json);
    }
  else
    print_stats (stats);
  return LAJNACTL_EXIT_OK;
}
