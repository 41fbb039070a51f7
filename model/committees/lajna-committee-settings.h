#pragma once

#include "lajna-db-worker.h"
#include "lajna-validation.h"

G_BEGIN_DECLS

/* What an administrator sets of a committee. */
typedef struct
{
  int       id;
  char     *kind;
  char     *code;
  char     *name_ar;
  char     *name_en;
  char     *branch;
  char     *city;
  char     *letterhead;
  /* Members present for a meeting to decide; 0 for a majority. */
  int       quorum;
  /* Whether rulings give the Hijri date beside the Gregorian. */
  gboolean  hijri_dates;
} LajnaCommitteeSettings;

void       lajna_committee_settings_free      (LajnaCommitteeSettings       *settings);
LajnaCommitteeSettings *
           lajna_committee_settings_copy      (const LajnaCommitteeSettings *settings);
gboolean   lajna_committee_settings_parse_quorum (const char                *text,
                                                  int                       *quorum);
void       lajna_committee_settings_validate  (const LajnaCommitteeSettings *settings,
                                               LajnaValidation              *validation);
GPtrArray *lajna_committee_settings_fetch_all (LajnaDb                      *db,
                                               GError                      **error);
gboolean   lajna_committee_settings_save      (LajnaDb                      *db,
                                               const LajnaCommitteeSettings *settings,
                                               GError                      **error);
int        lajna_committee_settings_add       (LajnaDb                      *db,
                                               const LajnaCommitteeSettings *settings,
                                               const char                   *file_prefix,
                                               GError                      **error);
void       lajna_committee_settings_fetch_all_async  (LajnaDbWorker                *worker,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
GPtrArray *lajna_committee_settings_fetch_all_finish (LajnaDbWorker                *worker,
                                                      GAsyncResult                 *result,
                                                      GError                      **error);
void       lajna_committee_settings_write_async      (LajnaDbWorker                *worker,
                                                      const LajnaCommitteeSettings *settings,
                                                      const char                   *file_prefix,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
gboolean   lajna_committee_settings_write_finish     (LajnaDbWorker                *worker,
                                                      GAsyncResult                 *result,
                                                      GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCommitteeSettings, lajna_committee_settings_free)

G_END_DECLS
