#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  lajna_file_choice_ask_async  (GtkWindow             *parent,
                                    GtkFileChooserAction   action,
                                    const char            *title,
                                    const char            *accept,
                                    const char            *current_name,
                                    GtkFileFilter         *filter,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data);
char *lajna_file_choice_ask_finish (GAsyncResult          *result,
                                    GError               **error);

G_END_DECLS
