#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the code chosen, the text written and the day ("" for
 * none), once the person confirms. */
typedef void (*LajnaGoalFunc) (const char *code,
                               const char *text,
                               const char *day,
                               gpointer    user_data);

void lajna_goal_dialog_ask_goal   (GtkWidget      *parent,
                                   LajnaGoalFunc   func,
                                   gpointer        user_data,
                                   GDestroyNotify  destroy);
void lajna_goal_dialog_ask_review (GtkWidget      *parent,
                                   const char     *goal,
                                   const char     *status,
                                   LajnaGoalFunc   func,
                                   gpointer        user_data,
                                   GDestroyNotify  destroy);

G_END_DECLS
