#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkPrintOperation *lajna_ruling_print_new (GPtrArray *contents);

G_END_DECLS
