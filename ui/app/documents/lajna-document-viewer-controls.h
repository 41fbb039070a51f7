#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lajna_document_viewer_bind_keys      (GtkWidgetClass *widget_class);
void lajna_document_viewer_add_arrow_keys (GtkWidget      *viewer);

G_END_DECLS
