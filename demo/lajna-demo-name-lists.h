/* lajna-demo-name-lists.h: what lajna-demo-names.c reads of the lists in
 * lajna-demo-name-lists.c beyond the lookups lajna-demo-names.h declares.
 * Not installed; included only by those two files.
 */

#pragma once

#include "lajna-demo-names.h"

G_BEGIN_DECLS

/* The choices of @table, which lajna_demo_choose() picks among by weight. */
const LajnaDemoChoice *lajna_demo_choices (LajnaDemoTable  table,
                                           guint          *n_choices);

G_END_DECLS
