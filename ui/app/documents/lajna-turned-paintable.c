/* lajna-turned-paintable.c: another paintable, turned clockwise by a
 * number of quarter turns. A page turned once or three times is as wide
 * as it was tall. The pixels are not touched: the turn is a transform of
 * the snapshot, so turning a page costs nothing however large it is. */

#include "lajna-turned-paintable.h"

struct _LajnaTurnedPaintable
{
  GObject       parent_instance;

  GdkPaintable *paintable;
  guint         turns;
};

static void lajna_turned_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LajnaTurnedPaintable, lajna_turned_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      lajna_turned_paintable_iface_init))

static void
turned_snapshot (GdkPaintable *paintable,
                 GdkSnapshot  *snapshot,
                 double        width,
                 double        height)
{
  LajnaTurnedPaintable *self = LAJNA_TURNED_PAINTABLE (paintable);
  double inner_width = self->turns % 2 ? height : width;
  double inner_height = self->turns % 2 ? width : height;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
  gtk_snapshot_rotate (snapshot, 90.0f * self->turns);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-inner_width / 2, -inner_height / 2));
  gdk_paintable_snapshot (self->paintable, snapshot, inner_width, inner_height);
  gtk_snapshot_restore (snapshot);
}

static int
turned_get_intrinsic_width (GdkPaintable *paintable)
{
  LajnaTurnedPaintable *self = LAJNA_TURNED_PAINTABLE (paintable);

  return self->turns % 2 ? gdk_paintable_get_intrinsic_height (self->paintable)
                         : gdk_paintable_get_intrinsic_width (self->paintable);
}

static int
turned_get_intrinsic_height (GdkPaintable *paintable)
{
  LajnaTurnedPaintable *self = LAJNA_TURNED_PAINTABLE (paintable);

  return self->turns % 2 ? gdk_paintable_get_intrinsic_width (self->paintable)
                         : gdk_paintable_get_intrinsic_height (self->paintable);
}

static double
turned_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  LajnaTurnedPaintable *self = LAJNA_TURNED_PAINTABLE (paintable);
  double ratio = gdk_paintable_get_intrinsic_aspect_ratio (self->paintable);

  return self->turns % 2 && ratio > 0 ? 1 / ratio : ratio;
}

static GdkPaintableFlags
turned_get_flags (GdkPaintable *paintable)
{
  return gdk_paintable_get_flags (LAJNA_TURNED_PAINTABLE (paintable)->paintable);
}

static void
lajna_turned_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = turned_snapshot;
  iface->get_intrinsic_width = turned_get_intrinsic_width;
  iface->get_intrinsic_height = turned_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = turned_get_intrinsic_aspect_ratio;
  iface->get_flags = turned_get_flags;
}

static void
lajna_turned_paintable_dispose (GObject *object)
{
  g_clear_object (&LAJNA_TURNED_PAINTABLE (object)->paintable);

  G_OBJECT_CLASS (lajna_turned_paintable_parent_class)->dispose (object);
}

static void
lajna_turned_paintable_class_init (LajnaTurnedPaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lajna_turned_paintable_dispose;
}

static void
lajna_turned_paintable_init (LajnaTurnedPaintable *self)
{
}

/**
 * lajna_turned_paintable_new:
 * @paintable: what to show, which should not change (a texture)
 * @quarter_turns: clockwise quarter turns, taken modulo 4
 *
 * Returns: (transfer full): @paintable itself, with a reference added, when
 *   it is not turned, or a new paintable showing it turned
 */
GdkPaintable *
lajna_turned_paintable_new (GdkPaintable *paintable,
                            guint         quarter_turns)
{
  LajnaTurnedPaintable *self;

  g_return_val_if_fail (GDK_IS_PAINTABLE (paintable), NULL);

  if (quarter_turns % 4 == 0)
    return g_object_ref (paintable);
  self = g_object_new (LAJNA_TYPE_TURNED_PAINTABLE, NULL);
  self->paintable = g_object_ref (paintable);
  self->turns = quarter_turns % 4;
  return GDK_PAINTABLE (self);
}
