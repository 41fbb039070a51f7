#pragma once

#include "lajna-audit-record.h"

G_BEGIN_DECLS

/* An export of a row as a PDF, to record in the audit trail. */
typedef struct
{
  LajnaDb    *db;
  const char *action;     /* such as "case.export" */
  const char *object;     /* the row's table, such as "case_file" */
  gint64      id;
  const char *watermark;  /* (nullable): the text across its pages */
} LajnaExportRecord;

gboolean lajna_export_record (gpointer   record,
                              GError   **error);

G_END_DECLS
