#pragma once

#include "lajna-db.h"

G_BEGIN_DECLS

/**
 * LajnaDemoProgress:
 * @stage: what is being loaded, a short English word
 * @fraction: how much of the whole load is done, from 0 to 1
 * @user_data: the data given to lajna_demo_fill()
 */
typedef void (*LajnaDemoProgress) (const char *stage,
                                   double      fraction,
                                   gpointer    user_data);

gboolean lajna_demo_fill (LajnaDb           *db,
                          guint              n_cases,
                          guint32            seed,
                          LajnaDemoProgress  progress,
                          gpointer           user_data,
                          GError           **error);

G_END_DECLS
