#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* Called once the ruling is signed and stored. */
typedef void (*LajnaRulingSignedFunc) (gpointer user_data);

void lajna_ruling_sign_run (GtkWindow             *parent,
                            LajnaDbWorker         *worker,
                            gint64                 case_id,
                            const char            *file_name,
                            AdwToastOverlay       *toasts,
                            LajnaRulingSignedFunc  signed_func,
                            gpointer               user_data,
                            GDestroyNotify         destroy);

G_END_DECLS
