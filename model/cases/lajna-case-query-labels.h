#pragma once

#include "lajna-case-query.h"

G_BEGIN_DECLS

/**
 * LajnaCaseFilter:
 * @LAJNA_CASE_FILTER_COMMITTEE: the committee (named by the caller)
 * @LAJNA_CASE_FILTER_FOLLOW_UP: the follow-up list
 * @LAJNA_CASE_FILTER_STATUS: the status
 * @LAJNA_CASE_FILTER_KIND: the kind of file
 * @LAJNA_CASE_FILTER_RECEIVED: the days received
 * @LAJNA_CASE_FILTER_MISSING_DOCUMENTS: documents missing
 *
 * The filters of a file list, one a phrase, in the order shown.
 */
typedef enum
{
  LAJNA_CASE_FILTER_COMMITTEE,
  LAJNA_CASE_FILTER_FOLLOW_UP,
  LAJNA_CASE_FILTER_STATUS,
  LAJNA_CASE_FILTER_KIND,
  LAJNA_CASE_FILTER_RECEIVED,
  LAJNA_CASE_FILTER_MISSING_DOCUMENTS,
  LAJNA_CASE_N_FILTERS,
} LajnaCaseFilter;

char  *lajna_case_query_dup_follow_up_label (LajnaCaseFollowUp     follow_up,
                                             guint                 waiting_days);
char  *lajna_case_query_dup_label           (const LajnaCaseQuery *query,
                                             LajnaCaseFilter       filter);
GStrv  lajna_case_query_dup_labels          (const LajnaCaseQuery *query);

G_END_DECLS
