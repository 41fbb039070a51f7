#pragma once

#include <gio/gio.h>

#include "lajna-case-fields.h"
#include "lajna-db-worker.h"
#include "lajna-validation.h"

G_BEGIN_DECLS

/**
 * LajnaCaseRecord:
 * @id: the file's id, 0 until it is registered
 * @row_version: the version this record was read at (see lajna_case_record_save())
 * @committee_id: the committee the file belongs to
 * @kind: "marriage" or "juvenile"
 * @file_number: (nullable): given by the database when the file is registered
 * @status: (nullable): the file's status when it was read
 *
 * A file as a form edits it: the values of the fields of
 * lajna_case_fields(), cleaned, by key.
 */
typedef struct
{
  gint64      id;
  int         row_version;
  int         committee_id;
  char       *kind;
  char       *file_number;
  char       *status;
  /*< private >*/
  GHashTable *values;
} LajnaCaseRecord;

/**
 * LajnaIntakeCandidate:
 * @for_role: the party of the record being entered
 * @case_id: a registered file on which a person like that party appears
 * @file_number: its number
 * @title: its parties' names
 * @reason: "national_number", "passport_number" or "name_birth_date"
 * @score: how alike, 0–1
 * @earlier_outcome: (nullable): "reject" or "defer" when that file was
 *   refused or deferred
 */
typedef struct
{
  char   *for_role;
  gint64  case_id;
  char   *file_number;
  char   *title;
  char   *reason;
  double  score;
  char   *earlier_outcome;
} LajnaIntakeCandidate;

LajnaCaseRecord *lajna_case_record_new       (const char             *kind,
                                              int                     committee_id);
LajnaCaseRecord *lajna_case_record_copy      (const LajnaCaseRecord  *self);
void             lajna_case_record_free      (LajnaCaseRecord        *self);
const char      *lajna_case_record_get       (const LajnaCaseRecord  *self,
                                              const char             *key);
gboolean         lajna_case_record_get_date  (const LajnaCaseRecord  *self,
                                              const char             *key,
                                              GDate                  *date);
gboolean         lajna_case_record_set       (LajnaCaseRecord        *self,
                                              const char             *key,
                                              const char             *input);
GPtrArray       *lajna_case_record_diff      (const LajnaCaseRecord  *self,
                                              const LajnaCaseRecord  *other);
char            *lajna_case_record_to_json   (const LajnaCaseRecord  *self);
void             lajna_case_record_validate  (const LajnaCaseRecord  *self,
                                              LajnaValidation        *validation,
                                              const GDate            *today,
                                              const char * const     *countries);
gboolean         lajna_case_record_apply_direction (LajnaCaseRecord   *self);
LajnaCaseRecord *lajna_case_record_load      (LajnaDb                *db,
                                              gint64                  id,
                                              GError                **error);
gboolean         lajna_case_record_register  (LajnaDb                *db,
                                              GPtrArray              *records,
                                              GError                **error);
void             lajna_case_record_set_registered (LajnaCaseRecord   *self,
                                                   const char        *id,
                                                   const char        *file_number);
gboolean         lajna_case_record_save      (LajnaDb                *db,
                                              LajnaCaseRecord        *self,
                                              GError                **error);

GPtrArray       *lajna_case_record_find_duplicates (LajnaDb               *db,
                                                    const LajnaCaseRecord *self,
                                                    double                 threshold,
                                                    GError               **error);
char            *lajna_intake_candidate_anchor     (const LajnaIntakeCandidate *candidate,
                                                    const char                 *last_changed);
void             lajna_intake_candidate_free       (LajnaIntakeCandidate  *candidate);

void             lajna_case_record_load_async   (LajnaDbWorker          *worker,
                                                 gint64                  id,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
void             lajna_case_record_save_async   (LajnaDbWorker          *worker,
                                                 const LajnaCaseRecord  *self,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
LajnaCaseRecord *lajna_case_record_load_finish  (LajnaDbWorker          *worker,
                                                 GAsyncResult           *result,
                                                 GError                **error);
void             lajna_case_record_find_duplicates_async  (LajnaDbWorker          *worker,
                                                           const LajnaCaseRecord  *self,
                                                           double                  threshold,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
GPtrArray       *lajna_case_record_find_duplicates_finish (LajnaDbWorker          *worker,
                                                           GAsyncResult           *result,
                                                           GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseRecord, lajna_case_record_free)

G_END_DECLS
