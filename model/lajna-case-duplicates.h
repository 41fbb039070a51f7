#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* Another file that may concern the same person as a party of this one. */
typedef struct
{
  gint64  case_id;
  char   *file_number;
  char   *title;
  char   *role;
  char   *reason;
  double  score;
} LajnaDuplicate;

GPtrArray *lajna_case_duplicates_fetch (LajnaDb  *db,
                                        gint64    case_id,
                                        double    threshold,
                                        GError  **error);

G_END_DECLS
