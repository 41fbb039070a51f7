#pragma once

#include <adwaita.h>

#include "lajna-case-record.h"

G_BEGIN_DECLS

AdwMessageDialog *lajna_conflict_dialog_new (GtkWindow             *parent,
                                             const LajnaCaseRecord *mine,
                                             const LajnaCaseRecord *theirs);

G_END_DECLS
