/* lajnactl-case.c: `case list`, `case show` (with the decision in force
 * and its ruling), `case search` and `case duplicates`; `case import` and
 * `case export` have their own files. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-case-details.h"
#include "lajna-case-duplicates.h"
#include "lajna-case-list-export.h"
#include "lajna-case-query.h"
#include "lajna-labels.h"
#include "lajna-json.h"

#define MAX_LIMIT 100000

static gboolean json_option;
static int committee_option;
static char *status_option;
static char *kind_option;
static char *from_option;
static char *to_option;
static gboolean missing_option;
static gboolean due_option;
static gboolean overdue_option;
static gboolean reports_option;
static int waiting_option;
static char *csv_option;
static char *output_option;
static int limit_option = 50;

static const GOptionEntry json_entry = {
  "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL
};
static const GOptionEntry limit_entry = {
  "limit", 0, 0, G_OPTION_ARG_INT, &limit_option, N_("At most N files (default 50)"), N_("N")
};
static const GOptionEntry list_entries[] = {
  { "committee", 0, 0, G_OPTION_ARG_INT, &committee_option, N_("Only this committee"), N_("ID") },
  { "status", 0, 0, G_OPTION_ARG_STRING, &status_option, N_("Only files in this status"), N_("S") },
  { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_option, N_("Only marriage or juvenile files"),
    N_("KIND") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &from_option, N_("Only files received on or after DAY"),
    N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &to_option, N_("Only files received on or before DAY"),
    N_("YYYY-MM-DD") },
  { "missing-documents", 0, 0, G_OPTION_ARG_NONE, &missing_option,
    N_("Only files with documents missing"), NULL },
  { "due-for-review", 0, 0, G_OPTION_ARG_NONE, &due_option,
    N_("Only juvenile files whose review falls within 7 days"), NULL },
  { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue_option,
    N_("Only juvenile files whose review has passed"), NULL },
  { "reports-due", 0, 0, G_OPTION_ARG_NONE, &reports_option,
    N_("Only juvenile files whose review lacks a valid casework report"), NULL },
  { "waiting-days", 0, 0, G_OPTION_ARG_INT, &waiting_option,
    N_("Only files waiting on documents for more than N days"), N_("N") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_option,
    N_("Save every file listed as a spreadsheet (CSV)"), N_("FILE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option,
    N_("Print every file listed to a PDF"), N_("FILE.pdf") },
  { NULL }
};

static GOptionContext *
new_options (const char *parameters,
             gboolean    with_limit)
{
  GOptionContext *options = g_option_context_new (parameters);
  GOptionEntry entries[] = { json_entry, limit_entry, { NULL } };

  if (!with_limit)
    entries[1] = (GOptionEntry) { NULL };
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  return options;
}

static gboolean
check_limit (GOptionContext *options,
             int            *exit_status)
{
  if (limit_option >= 1 && limit_option <= MAX_LIMIT)
    return TRUE;
  *exit_status = lajnactl_usage_error (options, _("--limit takes a number from 1 to 100000."));
  return FALSE;
}

static void
print_rows (GPtrArray *rows)
{
  if (json_option)
    {
      LajnaJson *json = lajna_json_new ();

      lajna_json_begin_array (json);
      for (guint i = 0; i < rows->len; i++)
        {
          LajnaCaseSummary *row = g_ptr_array_index (rows, i);

          lajna_json_begin_object (json);
          lajna_json_key (json, "id");
          lajna_json_int (json, lajna_case_summary_get_id (row));
          lajna_json_member (json, "file_number", lajna_case_summary_get_file_number (row));
          lajna_json_member (json, "title", lajna_case_summary_get_title (row));
          lajna_json_member (json, "kind", lajna_case_summary_get_kind (row));
          lajna_json_member (json, "status", lajna_case_summary_get_status (row));
          lajna_json_member (json, "received_on", lajna_case_summary_get_received_on (row));
          lajna_json_end_object (json);
        }
      lajna_json_end_array (json);
      lajna_json_print_free (json);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      LajnaCaseSummary *row = g_ptr_array_index (rows, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", lajna_case_summary_get_id (row),
               lajna_case_summary_get_file_number (row),
               lajna_case_summary_get_received_on (row),
               lajna_label_for (lajna_case_summary_get_status (row)),
               lajna_label_for (lajna_case_summary_get_kind (row)),
               lajna_case_summary_get_title (row));
    }
}

static int
fetch_and_print (LajnactlContext      *ctx,
                 const LajnaCaseQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int exit_status = LAJNACTL_EXIT_OK;

  if (!lajnactl_connect (ctx, TRUE, &exit_status))
    return exit_status;
  rows = lajna_case_query_fetch (query, ctx->db, NULL, (guint) limit_option, &error);
  if (rows == NULL)
    return lajnactl_fail (error);
  print_rows (rows);
  return LAJNACTL_EXIT_OK;
}

/* The follow-up list the flags name, at most one. */
static gboolean
read_follow_up (LajnaCaseFollowUp *follow_up)
{
  *follow_up = LAJNA_CASE_FOLLOW_UP_NONE;
  if (due_option)
    *follow_up = LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW;
  if (overdue_option)
    {
      if (*follow_up != LAJNA_CASE_FOLLOW_UP_NONE)
        return FALSE;
      *follow_up = LAJNA_CASE_FOLLOW_UP_OVERDUE;
    }
  if (waiting_option != 0)
    {
      if (*follow_up != LAJNA_CASE_FOLLOW_UP_NONE)
        return FALSE;
      *follow_up = LAJNA_CASE_FOLLOW_UP_WAITING;
    }
  if (reports_option)
    {
      if (*follow_up != LAJNA_CASE_FOLLOW_UP_NONE)
        return FALSE;
      *follow_up = LAJNA_CASE_FOLLOW_UP_REPORTS_DUE;
    }
  return TRUE;
}

static const char *
check_filters (LajnaCaseQuery *query)
{
  LajnaCaseFollowUp follow_up;

  if (status_option != NULL && !g_strv_contains (lajna_case_statuses (), status_option))
    return _("Unknown status; use one of registered, documents_pending, complete, scheduled, "
             "decided, deferred, ruling_issued, signed, delivered.");
  if (kind_option != NULL && g_strcmp0 (kind_option, "marriage") != 0
      && g_strcmp0 (kind_option, "juvenile") != 0)
    return _("--kind takes marriage or juvenile.");
  if (committee_option < 0)
    return _("--committee takes a committee id.");
  if (waiting_option < 0 || waiting_option > 36500)
    return _("--waiting-days takes a number of days from 1 to 36500.");
  if (!read_follow_up (&follow_up))
    return _("Choose one of --due-for-review, --overdue and --waiting-days.");
  if (csv_option != NULL && output_option != NULL)
    return _("Choose one of --csv and -o.");
  if (!lajna_case_query_set_received (query, from_option, to_option))
    return _("--from and --to take a day as YYYY-MM-DD.");

  lajna_case_query_set_committee (query, committee_option);
  lajna_case_query_set_status (query, status_option);
  lajna_case_query_set_kind (query, kind_option);
  lajna_case_query_set_missing_documents (query, missing_option);
  lajna_case_query_set_follow_up (query, follow_up, (guint) waiting_option);
  return NULL;
}

static int
export_list (LajnactlContext      *ctx,
             const LajnaCaseQuery *query)
{
  g_autoptr(GError) error = NULL;
  int exit_status = LAJNACTL_EXIT_OK;
  gboolean done;

  if (!lajnactl_connect (ctx, TRUE, &exit_status))
    return exit_status;
  if (csv_option != NULL)
    done = lajna_case_list_export_csv (ctx->db, query, csv_option, &error);
  else
    done = lajna_case_list_export_pdf (ctx->db, query, output_option, &error);
  return done ? LAJNACTL_EXIT_OK : lajnactl_fail (error);
}

static int
list (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = new_options ("", TRUE);
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  int exit_status = LAJNACTL_EXIT_OK;
  const char *wrong;

  g_option_context_add_main_entries (options, list_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &exit_status) || !check_limit (options, &exit_status))
    return exit_status;
  if (argc > 1)
    return lajnactl_usage_error (options, _("“case list” takes no arguments."));
  if ((wrong = check_filters (query)) != NULL)
    return lajnactl_usage_error (options, wrong);

  if (csv_option != NULL || output_option != NULL)
    return export_list (ctx, query);
  return fetch_and_print (ctx, query);
}

static int
search (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = new_options (_("TEXT"), TRUE);
  g_autoptr(LajnaCaseQuery) query = lajna_case_query_new ();
  g_autofree char *text = NULL;
  int exit_status = LAJNACTL_EXIT_OK;

  if (!lajnactl_parse (options, &argc, &argv, &exit_status) || !check_limit (options, &exit_status))
    return exit_status;
  if (argc < 2)
    return lajnactl_usage_error (options, _("Give the text to search for."));

  text = g_strjoinv (" ", argv + 1);
  if (!g_utf8_validate (text, -1, NULL))
    return lajnactl_usage_error (options, _("The search text is not valid UTF-8."));
  lajna_case_query_set_text (query, text);
  return fetch_and_print (ctx, query);
}

/* The decision in force and its ruling, each null when there is none. */
static void
json_decision (LajnaJson                  *json,
               const LajnaDecisionInForce *decision)
{
  lajna_json_key (json, "decision");
  if (decision == NULL)
    lajna_json_null (json);
  else
    {
      lajna_json_begin_object (json);
      lajna_json_key (json, "id");
      lajna_json_int (json, decision->id);
      lajna_json_member (json, "outcome", decision->outcome);
      lajna_json_member (json, "decided_on", decision->decided_on);
      lajna_json_end_object (json);
    }
  lajna_json_key (json, "ruling");
  if (decision == NULL || decision->ruling == NULL)
    lajna_json_null (json);
  else
    lajnactl_json_ruling (json, decision->ruling);
}

static void
print_decision (const LajnaDecisionInForce *decision)
{
  const LajnaRulingEntry *ruling = decision->ruling;
  g_autofree char *issued = NULL;

  if (ruling != NULL)
    /* Translators: a ruling's number within its year, the year, its
     * version and its day. */
    issued = g_strdup_printf (_("%d/%d, version %d, issued on %s"), ruling->number, ruling->year,
                              ruling->version, ruling->issued_on);
  g_print ("\n%s\n", _("Decision in force"));
  g_print ("  %s: %s\n", _("Outcome"), lajna_label_for (decision->outcome));
  g_print ("  %s: %s\n", _("Decided on"), decision->decided_on);
  g_print ("  %s: %s\n", _("Ruling"), issued != NULL ? issued : _("Not issued yet"));
  if (ruling != NULL)
    g_print ("  %s: %s\n", _("Signed"), ruling->is_signed ? C_("signed", "Yes")
                                                          : C_("signed", "No"));
}

static void
print_details (const LajnaCaseDetails     *details,
               const LajnaDecisionInForce *decision)
{
  if (json_option)
    {
      LajnaJson *json = lajna_json_new ();

      lajna_json_begin_object (json);
      lajna_json_key (json, "id");
      lajna_json_int (json, details->id);
      lajna_json_member (json, "file_number", details->file_number);
      lajna_json_member (json, "title", details->title);
      lajna_json_member (json, "kind", details->kind);
      lajna_json_member (json, "status", details->status);
      for (guint i = 0; i < details->sections->len; i++)
        {
          LajnaFactSection *section = g_ptr_array_index (details->sections, i);

          lajna_json_key (json, section->key);
          lajna_json_begin_array (json);
          for (guint j = 0; j < section->facts->len; j++)
            {
              LajnaFact *fact = g_ptr_array_index (section->facts, j);

              lajna_json_begin_object (json);
              lajna_json_member (json, "key", fact->key);
              lajna_json_member (json, "label", fact->label);
              lajna_json_member (json, "value", fact->value);
              lajna_json_end_object (json);
            }
          lajna_json_end_array (json);
        }
      json_decision (json, decision);
      lajna_json_end_object (json);
      lajna_json_print_free (json);
      return;
    }

  for (guint i = 0; i < details->sections->len; i++)
    {
      LajnaFactSection *section = g_ptr_array_index (details->sections, i);

      if (section->facts->len == 0)
        continue;
      g_print ("%s%s\n", i > 0 ? "\n" : "", section->title);
      for (guint j = 0; j < section->facts->len; j++)
        {
          LajnaFact *fact = g_ptr_array_index (section->facts, j);

          g_print ("  %s: %s\n", fact->label, fact->value);
        }
    }
  if (decision != NULL)
    print_decision (decision);
}

static int
show (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = new_options (_("ID"), FALSE);
  g_autoptr(LajnaCaseDetails) details = NULL;
  g_autoptr(LajnaDecisionInForce) decision = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int exit_status = LAJNACTL_EXIT_OK;

  if (!lajnactl_parse (options, &argc, &argv, &exit_status))
    return exit_status;
  if (argc != 2 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return lajnactl_usage_error (options, _("Give one file id (a positive number)."));

  if (!lajnactl_connect (ctx, TRUE, &exit_status))
    return exit_status;
  details = lajna_case_details_fetch (ctx->db, id, &error);
  if (details == NULL || !lajna_ruling_register_in_force (ctx->db, id, &decision, &error))
    return lajnactl_fail (error);
  print_details (details, decision);
  return LAJNACTL_EXIT_OK;
}

static double threshold_option = 0.5;

static const GOptionEntry duplicates_entries[] = {
  { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold_option,
    N_("Least name similarity, from 0 to 1 (default 0.5)"), N_("T") },
  { NULL }
};

static void
print_duplicates (GPtrArray *duplicates)
{
  LajnaJson *json = json_option ? lajna_json_new () : NULL;

  if (json != NULL)
    lajna_json_begin_array (json);
  for (guint i = 0; i < duplicates->len; i++)
    {
      LajnaDuplicate *d = g_ptr_array_index (duplicates, i);
      char score[16];

      g_snprintf (score, sizeof score, "%.2f", d->score);
      if (json == NULL)
        {
          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", d->case_id, d->file_number,
                   lajna_label_for (d->role), lajna_label_for (d->reason), score, d->title);
          continue;
        }
      lajna_json_begin_object (json);
      lajna_json_key (json, "case_id");
      lajna_json_int (json, d->case_id);
      lajna_json_member (json, "file_number", d->file_number);
      lajna_json_member (json, "title", d->title);
      lajna_json_member (json, "role", d->role);
      lajna_json_member (json, "reason", d->reason);
      lajna_json_member (json, "score", score);
      lajna_json_end_object (json);
    }
  if (json != NULL)
    {
      lajna_json_end_array (json);
      lajna_json_print_free (json);
    }
}

static int
duplicates (LajnactlContext *ctx,
            int              argc,
            char           **argv)
{
  g_autoptr(GOptionContext) options = new_options (_("ID"), FALSE);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int exit_status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, duplicates_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &exit_status))
    return exit_status;
  if (argc != 2 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return lajnactl_usage_error (options, _("Give one file id (a positive number)."));
  if (threshold_option <= 0 || threshold_option > 1)
    return lajnactl_usage_error (options, _("--threshold takes a number above 0 and at most 1."));

  if (!lajnactl_connect (ctx, TRUE, &exit_status))
    return exit_status;
  found = lajna_case_duplicates_fetch (ctx->db, id, threshold_option, &error);
  if (found == NULL)
    return lajnactl_fail (error);
  print_duplicates (found);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_case (LajnactlContext *ctx,
               int              argc,
               char           **argv)
{
  static const struct
  {
    const char      *name;
    LajnactlCommand  run;
  } subcommands[] = {
    { "list", list },
    { "show", show },
    { "search", search },
    { "duplicates", duplicates },
    { "import", lajnactl_case_import },
    { "export", lajnactl_case_export },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (subcommands); i++)
    {
      if (strcmp (argv[1], subcommands[i].name) == 0)
        return subcommands[i].run (ctx, argc - 1, argv + 1);
    }
  return lajnactl_usage_error (NULL, _("Use “case list”, “case show ID”, “case search TEXT”, "
                                      "“case duplicates ID”, “case import FILE.xlsx|FILE.csv” "
                                      "or “case export ID -o FILE.pdf”."));
}
