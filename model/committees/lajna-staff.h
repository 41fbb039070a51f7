#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* A person a file or a meeting can be given to: a social worker or
 * psychologist of a juvenile file, or a clerk keeping a meeting's
 * minutes. */
typedef struct
{
  int   id;
  char *full_name;
  char *role;       /* "social_worker", "psychologist" or "clerk" */
  char *facility;   /* the facilities a casework role is limited to, or "" */
} LajnaStaff;

GPtrArray *lajna_staff_fetch_casework (LajnaDb     *db,
                                       gint64       case_id,
                                       GError     **error);
void       lajna_staff_free           (LajnaStaff  *staff);

G_END_DECLS
