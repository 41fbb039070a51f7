#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the words written, or %NULL when the person cancelled. */
typedef void (*LajnaReasonFunc) (const char *text,
                                 gpointer    user_data);

void lajna_reason_dialog_ask (GtkWidget      *parent,
                              const char     *heading,
                              const char     *body,
                              const char     *confirm,
                              LajnaReasonFunc  func,
                              gpointer        user_data,
                              GDestroyNotify  destroy);

G_END_DECLS
