#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* Another file that may concern the same person as a party of this one:
 * @person_id is the party of this file, @other_person_id the one on the
 * other file; @earlier_outcome is that file's latest rejection or deferral
 * ("reject", "defer"), %NULL when it had none. */
typedef struct
{
  gint64  case_id;
  char   *file_number;
  char   *title;
  char   *role;
  char   *reason;
  double  score;
  gint64  person_id;
  gint64  other_person_id;
  char   *earlier_outcome;
} LajnaDuplicate;

/* One line of two people side by side: a translated label, and each
 * person's value as text ("" when there is none). */
typedef struct
{
  const char *label;
  char       *value;
  char       *other_value;
} LajnaComparedFact;

GPtrArray *lajna_case_duplicates_fetch  (LajnaDb   *db,
                                         gint64     case_id,
                                         double     threshold,
                                         GError   **error);
GPtrArray *lajna_duplicate_compare      (LajnaDb   *db,
                                         gint64     person_id,
                                         gint64     other_person_id,
                                         GError   **error);
gboolean   lajna_duplicate_mark         (LajnaDb   *db,
                                         gint64     person_id,
                                         gint64     other_person_id,
                                         gboolean   same_person,
                                         GError   **error);
void       lajna_duplicate_compare_async  (LajnaDbWorker        *worker,
                                           gint64                person_id,
                                           gint64                other_person_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *lajna_duplicate_compare_finish (LajnaDbWorker        *worker,
                                           GAsyncResult         *result,
                                           GError              **error);
void       lajna_duplicate_mark_async     (LajnaDbWorker        *worker,
                                           gint64                person_id,
                                           gint64                other_person_id,
                                           gboolean              same_person,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean   lajna_duplicate_mark_finish    (LajnaDbWorker        *worker,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
