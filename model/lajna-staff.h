#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* A social worker or psychologist a juvenile file can be assigned to. */
typedef struct
{
  int   id;
  char *full_name;
  char *profession;
} LajnaStaff;

GPtrArray *lajna_staff_fetch_all (LajnaDb     *db,
                                  GError     **error);
void       lajna_staff_free      (LajnaStaff  *staff);

G_END_DECLS
