/* lajna-template-preview.c: page 1 of a ruling as it prints, beside the
 * template editor and in the question before a ruling is issued: the
 * ruling laid out and written as a PDF by the very code that prints it, and
 * opened by the document viewer's page renderer (which starts its render
 * process), on a thread of its own; its first page then rendered off the
 * main thread too. A newer preview cancels the one under way. */

#include "lajna-template-preview.h"

#include <glib/gi18n.h>

#include "documents/lajna-surface-texture.h"
#include "lajna-page-renderer.h"
#include "lajna-ruling.h"

/* The page rendered at this many pixels a point, then fitted. */
#define PREVIEW_SCALE 1.5

struct _LajnaTemplatePreview
{
  GtkBox             parent_instance;

  GtkWidget         *picture;
  GtkWidget         *status;
  LajnaPageRenderer *renderer;
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaTemplatePreview, lajna_template_preview, GTK_TYPE_BOX)

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = lajna_page_renderer_render_finish (LAJNA_PAGE_RENDERER (source),
                                                                result, &error);
  LajnaTemplatePreview *self;
  g_autoptr(GdkTexture) texture = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_TEMPLATE_PREVIEW (user_data);
  if (surface == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status), error->message);
      return;
    }
  texture = lajna_surface_texture_new (surface);
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (texture));
  gtk_label_set_text (GTK_LABEL (self->status), _("Page 1, as it prints"));
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LajnaTemplatePreview) self = user_data;
  g_autoptr(GError) error = NULL;
  LajnaPageRenderer *renderer = lajna_ruling_preview_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (renderer == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status), error->message);
      return;
    }
  self->renderer = renderer;
  lajna_page_renderer_render_async (self->renderer, 0, PREVIEW_SCALE, LAJNA_RENDER_VISIBLE,
                                    self->cancellable, rendered_cb, self);
}

/**
 * lajna_template_preview_show:
 * @self: a #LajnaTemplatePreview
 * @content: the ruling to show
 *
 * Shows the first page of @content as it prints; @content is copied.
 */
void
lajna_template_preview_show (LajnaTemplatePreview     *self,
                             const LajnaRulingContent *content)
{
  g_return_if_fail (LAJNA_IS_TEMPLATE_PREVIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  self->cancellable = g_cancellable_new ();
  lajna_ruling_preview_async (content, self->cancellable, written_cb, g_object_ref (self));
}

static void
lajna_template_preview_dispose (GObject *object)
{
  LajnaTemplatePreview *self = LAJNA_TEMPLATE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_TEMPLATE_PREVIEW);

  G_OBJECT_CLASS (lajna_template_preview_parent_class)->dispose (object);
}

static void
lajna_template_preview_class_init (LajnaTemplatePreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lajna_template_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/rulings/lajna-template-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplatePreview, picture);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplatePreview, status);
}

static void
lajna_template_preview_init (LajnaTemplatePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lajna_template_preview_new (void)
{
  return g_object_new (LAJNA_TYPE_TEMPLATE_PREVIEW, NULL);
}
