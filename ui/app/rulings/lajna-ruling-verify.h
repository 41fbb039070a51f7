#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

void lajna_ruling_verify_run (GtkWindow     *parent,
                              LajnaDbWorker *worker);

G_END_DECLS
