#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/* One labelled value; key is stable (for --json), label is translated. */
typedef struct
{
  char *key;
  char *label;
  char *value;
} LajnaFact;

/* A titled group of facts: the file, a party, the history… */
typedef struct
{
  char      *key;
  char      *title;
  GPtrArray *facts;
} LajnaFactSection;

typedef struct
{
  gint64     id;
  char      *file_number;
  char      *title;
  char      *kind;
  char      *status;
  GPtrArray *sections;
} LajnaCaseDetails;

LajnaCaseDetails *lajna_case_details_fetch  (LajnaDb          *db,
                                             gint64            case_id,
                                             GError          **error);
void              lajna_case_details_free   (LajnaCaseDetails *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseDetails, lajna_case_details_free)

G_END_DECLS
