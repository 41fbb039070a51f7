#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* A goal of a juvenile file's case plan, with its latest review. */
typedef struct
{
  gint64  id;
  char   *domain;          /* "education", "family"… */
  char   *goal;
  char   *target_on;       /* ISO date, or "" */
  char   *status;          /* "open", "in_progress", "achieved"… */
  char   *reviewed_on;     /* the latest review's day, or "" */
  char   *reviewer_name;   /* who made it, or "" */
  char   *note;            /* its note, or "" */
} LajnaPlanGoal;

/* A file's case plan: its goals, and whether the person signed in sets
 * and reviews them. */
typedef struct
{
  GPtrArray *goals;  /* (element-type LajnaPlanGoal) */
  gboolean   may_write;
} LajnaCasePlan;

GPtrArray *lajna_case_plan_fetch  (LajnaDb     *db,
                                   gint64       case_id,
                                   GError     **error);
gint64     lajna_case_plan_add    (LajnaDb     *db,
                                   gint64       case_id,
                                   const char  *domain,
                                   const char  *goal,
                                   const char  *target_on,
                                   GError     **error);
gboolean   lajna_case_plan_review (LajnaDb     *db,
                                   gint64       goal_id,
                                   const char  *status,
                                   const char  *note,
                                   GError     **error);
gboolean   lajna_case_plan_may_write (LajnaDb   *db,
                                      gint64     case_id,
                                      gboolean  *may,
                                      GError   **error);
void       lajna_plan_goal_free   (LajnaPlanGoal *goal);

void           lajna_case_plan_load_async    (LajnaDbWorker        *worker,
                                              gint64                case_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
LajnaCasePlan *lajna_case_plan_load_finish   (LajnaDbWorker        *worker,
                                              GAsyncResult         *result,
                                              GError              **error);
void           lajna_case_plan_add_async     (LajnaDbWorker        *worker,
                                              gint64                case_id,
                                              const char           *domain,
                                              const char           *goal,
                                              const char           *target_on,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void           lajna_case_plan_review_async  (LajnaDbWorker        *worker,
                                              gint64                goal_id,
                                              const char           *status,
                                              const char           *note,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       lajna_case_plan_write_finish  (LajnaDbWorker        *worker,
                                              GAsyncResult         *result,
                                              GError              **error);
void           lajna_case_plan_free          (LajnaCasePlan        *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCasePlan, lajna_case_plan_free)

G_END_DECLS
