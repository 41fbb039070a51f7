#pragma once

#include "lajna-case-record.h"

G_BEGIN_DECLS

/* What a file's form needs from the database before it can be built. */
typedef struct
{
  GPtrArray       *countries;  /* (element-type LajnaCountry) */
  GPtrArray       *staff;      /* (element-type LajnaStaff): whom a juvenile file is assigned to */
  LajnaCaseRecord *record;     /* (nullable): the file to edit, %NULL for a new one */
} LajnaCaseSetup;

void            lajna_case_setup_load_async  (LajnaDbWorker        *worker,
                                              gint64                case_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
LajnaCaseSetup *lajna_case_setup_load_finish (LajnaDbWorker        *worker,
                                              GAsyncResult         *result,
                                              GError              **error);
void            lajna_case_setup_free        (LajnaCaseSetup       *setup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaCaseSetup, lajna_case_setup_free)

G_END_DECLS
