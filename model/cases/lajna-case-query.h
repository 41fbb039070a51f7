#pragma once

#include "lajna-case-summary.h"
#include "lajna-db.h"

G_BEGIN_DECLS

/**
 * LajnaCaseSort:
 * @LAJNA_CASE_SORT_RECEIVED: by received date
 * @LAJNA_CASE_SORT_FILE_NUMBER: by file number
 * @LAJNA_CASE_SORT_TITLE: by the parties' names
 * @LAJNA_CASE_SORT_STATUS: by status
 *
 * The orders a file list can take; each has an index, so that every page
 * is a keyset query.
 */
typedef enum
{
  LAJNA_CASE_SORT_RECEIVED,
  LAJNA_CASE_SORT_FILE_NUMBER,
  LAJNA_CASE_SORT_TITLE,
  LAJNA_CASE_SORT_STATUS,
} LajnaCaseSort;

/**
 * LajnaCaseFollowUp:
 * @LAJNA_CASE_FOLLOW_UP_NONE: every file
 * @LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW: juvenile files whose periodic review
 *   falls within the next 7 days
 * @LAJNA_CASE_FOLLOW_UP_OVERDUE: juvenile files whose periodic review has
 *   passed
 * @LAJNA_CASE_FOLLOW_UP_WAITING: files waiting on documents (in
 *   documents_pending) for more than a number of days
 * @LAJNA_CASE_FOLLOW_UP_REPORTS_DUE: juvenile files whose review, overdue or
 *   within 7 days, lacks a social worker's or psychologist's report valid
 *   on its day (for a social worker or psychologist, a report of theirs)
 *
 * The follow-up lists: files someone must act on.
 */
typedef enum
{
  LAJNA_CASE_FOLLOW_UP_NONE,
  LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW,
  LAJNA_CASE_FOLLOW_UP_OVERDUE,
  LAJNA_CASE_FOLLOW_UP_WAITING,
  LAJNA_CASE_FOLLOW_UP_REPORTS_DUE,
} LajnaCaseFollowUp;

/* Days ahead that a review is "due"; the default days of waiting. */
#define LAJNA_CASE_REVIEW_DAYS 7
#define LAJNA_CASE_WAITING_DAYS 30

/* Where a row stands in the order: its sort value (as text) and id. */
typedef struct
{
  char   *value;
  gint64  id;
} LajnaCaseKey;

typedef struct _LajnaCaseQuery LajnaCaseQuery;

LajnaCaseQuery *lajna_case_query_new            (void);
LajnaCaseQuery *lajna_case_query_copy           (const LajnaCaseQuery *self);
void            lajna_case_query_free           (LajnaCaseQuery       *self);
gboolean        lajna_case_query_equal          (const LajnaCaseQuery *a,
                                                 const LajnaCaseQuery *b);
void            lajna_case_query_set_committee  (LajnaCaseQuery       *self,
                                                 int                   committee_id);
void            lajna_case_query_set_status     (LajnaCaseQuery       *self,
                                                 const char           *status);
void            lajna_case_query_set_kind       (LajnaCaseQuery       *self,
                                                 const char           *kind);
gboolean        lajna_case_query_set_received   (LajnaCaseQuery       *self,
                                                 const char           *from,
                                                 const char           *to);
void            lajna_case_query_set_missing_documents (LajnaCaseQuery *self,
                                                 gboolean              missing);
void            lajna_case_query_set_follow_up  (LajnaCaseQuery       *self,
                                                 LajnaCaseFollowUp     follow_up,
                                                 guint                 waiting_days);
int             lajna_case_query_get_committee  (const LajnaCaseQuery *self);
const char     *lajna_case_query_get_status     (const LajnaCaseQuery *self);
const char     *lajna_case_query_get_kind       (const LajnaCaseQuery *self);
const char     *lajna_case_query_get_received_from (const LajnaCaseQuery *self);
const char     *lajna_case_query_get_received_to (const LajnaCaseQuery *self);
gboolean        lajna_case_query_get_missing_documents (const LajnaCaseQuery *self);
LajnaCaseFollowUp lajna_case_query_get_follow_up (const LajnaCaseQuery *self,
                                                 guint                *waiting_days);
void            lajna_case_query_set_text       (LajnaCaseQuery       *self,
                                                 const char           *text);
void            lajna_case_query_set_sort       (LajnaCaseQuery       *self,
                                                 LajnaCaseSort         sort,
                                                 gboolean              descending);
gboolean        lajna_case_query_count          (const LajnaCaseQuery *self,
                                                 LajnaDb              *db,
                                                 guint                *n_rows,
                                                 GError              **error);
GPtrArray      *lajna_case_query_fetch          (const LajnaCaseQuery *self,
                                                 LajnaDb              *db,
                                                 const LajnaCaseKey   *from,
                                                 guint                 limit,
                                                 GError              **error);
GArray         *lajna_case_query_anchors        (const LajnaCaseQuery *self,
                                                 LajnaDb              *db,
                                                 guint                 every,
                                                 GError              **error);
void            lajna_case_key_clear            (LajnaCaseKey         *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseQuery, lajna_case_query_free)

G_END_DECLS
