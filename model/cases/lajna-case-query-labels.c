/* lajna-case-query-labels.c: the filters of a file list in words, one
 * phrase a filter, as the list's bar shows them and a printed list states
 * them at its top. The committee is the caller's to name. */

#include "lajna-case-query-labels.h"

#include <glib/gi18n-lib.h>

#include "lajna-labels.h"
#include "lajna-text.h"

static char *
dup_received (const char *from,
              const char *to)
{
  g_autofree char *from_isolated = from != NULL ? lajna_isolate (from) : NULL;
  g_autofree char *to_isolated = to != NULL ? lajna_isolate (to) : NULL;

  if (from != NULL && to != NULL)
    return g_strdup_printf (_("Received from %s to %s"), from_isolated, to_isolated);
  if (from != NULL)
    return g_strdup_printf (_("Received from %s"), from_isolated);
  if (to != NULL)
    return g_strdup_printf (_("Received until %s"), to_isolated);
  return NULL;
}

/**
 * lajna_case_query_dup_follow_up_label:
 * @follow_up: a follow-up list
 * @waiting_days: its days of waiting
 *
 * Returns: (transfer full) (nullable): the list's name, %NULL for none
 */
char *
lajna_case_query_dup_follow_up_label (LajnaCaseFollowUp follow_up,
                                      guint             waiting_days)
{
  switch (follow_up)
    {
    case LAJNA_CASE_FOLLOW_UP_NONE:
      return NULL;
    case LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due for review within %d day",
                                           "Due for review within %d days",
                                           LAJNA_CASE_REVIEW_DAYS),
                              LAJNA_CASE_REVIEW_DAYS);
    case LAJNA_CASE_FOLLOW_UP_OVERDUE:
      return g_strdup (_("Review overdue"));
    case LAJNA_CASE_FOLLOW_UP_WAITING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Waiting on documents for more than %u day",
                                           "Waiting on documents for more than %u days",
                                           waiting_days),
                              waiting_days);
    case LAJNA_CASE_FOLLOW_UP_REPORTS_DUE:
      return g_strdup (_("Reports due before review"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lajna_case_query_dup_label:
 * @query: a #LajnaCaseQuery
 * @filter: one of its filters, but %LAJNA_CASE_FILTER_COMMITTEE
 *
 * Returns: (transfer full) (nullable): the filter in words, %NULL when the
 *   query does not hold it
 */
char *
lajna_case_query_dup_label (const LajnaCaseQuery *query,
                            LajnaCaseFilter       filter)
{
  const char *status = lajna_case_query_get_status (query);
  const char *kind = lajna_case_query_get_kind (query);
  guint days = 0;
  LajnaCaseFollowUp follow_up = lajna_case_query_get_follow_up (query, &days);

  switch (filter)
    {
    case LAJNA_CASE_FILTER_COMMITTEE:
      return NULL;
    case LAJNA_CASE_FILTER_FOLLOW_UP:
      return lajna_case_query_dup_follow_up_label (follow_up, days);
    case LAJNA_CASE_FILTER_STATUS:
      return status != NULL ? g_strdup_printf (_("Status: %s"), lajna_label_for (status)) : NULL;
    case LAJNA_CASE_FILTER_KIND:
      return kind != NULL ? g_strdup_printf (_("Kind: %s"), lajna_label_for (kind)) : NULL;
    case LAJNA_CASE_FILTER_RECEIVED:
      return dup_received (lajna_case_query_get_received_from (query),
                           lajna_case_query_get_received_to (query));
    case LAJNA_CASE_FILTER_MISSING_DOCUMENTS:
      return lajna_case_query_get_missing_documents (query) ? g_strdup (_("Documents missing"))
                                                           : NULL;
    case LAJNA_CASE_N_FILTERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lajna_case_query_dup_labels:
 * @query: a #LajnaCaseQuery
 *
 * Returns: (transfer full): a phrase for each filter the query holds,
 *   but its committee and search text, in the order of the filter menu
 */
GStrv
lajna_case_query_dup_labels (const LajnaCaseQuery *query)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint filter = LAJNA_CASE_FILTER_FOLLOW_UP; filter < LAJNA_CASE_N_FILTERS; filter++)
    {
      char *label = lajna_case_query_dup_label (query, filter);

      if (label != NULL)
        g_ptr_array_add (labels, label);
    }
  g_ptr_array_add (labels, NULL);
  return (GStrv) g_ptr_array_steal (labels, NULL);
}
