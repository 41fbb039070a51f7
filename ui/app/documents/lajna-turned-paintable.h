#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_TURNED_PAINTABLE (lajna_turned_paintable_get_type ())

G_DECLARE_FINAL_TYPE (LajnaTurnedPaintable, lajna_turned_paintable, LAJNA, TURNED_PAINTABLE,
                      GObject)

GdkPaintable *lajna_turned_paintable_new (GdkPaintable *paintable,
                                          guint         quarter_turns);

G_END_DECLS
