#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* A section of a report, as the report's kind had it when it began. */
typedef struct
{
  char     *code;
  char     *title_ar;
  char     *title_en;
  char     *prompt_ar;
  char     *prompt_en;
  gboolean  required;
  char     *body;
} LajnaReportSection;

/* A report of a juvenile file's social worker or psychologist: one
 * version of a series; a correction is the next version. */
typedef struct
{
  gint64     id;
  gint64     case_id;
  gint64     series_id;
  gint64     document_id;    /* its document once submitted, else 0 */
  int        committee_id;
  int        version;
  int        row_version;
  char      *kind_code;
  char      *kind_ar;
  char      *kind_en;
  char      *author_role;    /* "social_worker" or "psychologist" */
  char      *author_name;
  char      *state;          /* "draft", "submitted" or "locked" */
  char      *submitted_on;   /* ISO date, or "" for a draft */
  char      *reason;         /* why this version corrects the last one */
  gboolean   mine;           /* written by the person signed in */
  gboolean   superseded;     /* a newer version is on record or begun */
  GPtrArray *sections;       /* (element-type LajnaReportSection), NULL in a list */
} LajnaReport;

/* The juvenile file a report is about, as its printed page names it. */
typedef struct
{
  char *file_number;
  char *juvenile;
  char *facility;  /* "" when none is known */
  char *today;     /* the day a draft is printed as dated */
} LajnaReportFile;

/* A kind of report the person signed in may begin on a file. */
typedef struct
{
  char *code;
  char *name_ar;
  char *name_en;
} LajnaReportKind;

GPtrArray   *lajna_report_list       (LajnaDb            *db,
                                      gint64              case_id,
                                      GError            **error);
LajnaReport *lajna_report_load       (LajnaDb            *db,
                                      gint64              report_id,
                                      GError            **error);
GPtrArray   *lajna_report_kinds      (LajnaDb            *db,
                                      gint64              case_id,
                                      GError            **error);
gint64       lajna_report_create     (LajnaDb            *db,
                                      gint64              case_id,
                                      const char         *kind_code,
                                      GError            **error);
gboolean     lajna_report_save       (LajnaDb            *db,
                                      LajnaReport        *report,
                                      GError            **error);
gboolean     lajna_report_discard    (LajnaDb            *db,
                                      const LajnaReport  *report,
                                      GError            **error);
gint64       lajna_report_submit     (LajnaDb            *db,
                                      LajnaReport        *report,
                                      GBytes             *pdf,
                                      guint               pages,
                                      GPtrArray          *previews,
                                      GError            **error);
gint64       lajna_report_correct    (LajnaDb            *db,
                                      gint64              report_id,
                                      const char         *reason,
                                      GError            **error);
gboolean     lajna_report_lock       (LajnaDb            *db,
                                      gint64              report_id,
                                      GError            **error);
gboolean     lajna_report_may_lock   (LajnaDb            *db,
                                      gint64              case_id,
                                      gboolean           *may,
                                      GError            **error);
LajnaReportFile *lajna_report_file_read (LajnaDb        *db,
                                         gint64          case_id,
                                         GError        **error);
void         lajna_report_file_free  (LajnaReportFile    *file);
char        *lajna_report_missing    (const LajnaReport  *report);
const char  *lajna_report_state_label (const char        *state);
void         lajna_report_free       (LajnaReport        *report);
void         lajna_report_kind_free  (LajnaReportKind    *kind);

void         lajna_report_load_async        (LajnaDbWorker        *worker,
                                             gint64                report_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
LajnaReport *lajna_report_load_finish       (LajnaDbWorker        *worker,
                                             GAsyncResult         *result,
                                             GError              **error);
void         lajna_report_create_async      (LajnaDbWorker        *worker,
                                             gint64                case_id,
                                             const char           *kind_code,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void         lajna_report_correct_async     (LajnaDbWorker        *worker,
                                             gint64                report_id,
                                             const char           *reason,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64       lajna_report_begin_finish      (LajnaDbWorker        *worker,
                                             GAsyncResult         *result,
                                             GError              **error);
void         lajna_report_save_async        (LajnaDbWorker        *worker,
                                             LajnaReport          *report,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void         lajna_report_lock_async        (LajnaDbWorker        *worker,
                                             gint64                report_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     lajna_report_write_finish      (LajnaDbWorker        *worker,
                                             GAsyncResult         *result,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaReport, lajna_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaReportFile, lajna_report_file_free)

G_END_DECLS
