#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the path chosen, or %NULL when the person cancelled (or
 * chose a place that is not a local file). */
typedef void (*LajnaFileChosenFunc) (const char *path,
                                     gpointer    user_data);

void lajna_file_choice_ask (GtkWindow            *parent,
                            GtkFileChooserAction  action,
                            const char           *title,
                            const char           *accept,
                            const char           *current_name,
                            GtkFileFilter        *filter,
                            LajnaFileChosenFunc   func,
                            gpointer              user_data,
                            GDestroyNotify        destroy);

G_END_DECLS
