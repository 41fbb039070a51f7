/* lajna-document-viewer.c: a document's pages, one under the other. The
 * stored previews come first (LajnaPagePreviews): the pages are laid out
 * and the first shows its preview at once. Meanwhile the PDF is opened as
 * a stream read a slice at a time, and the pages on screen are rendered
 * at the size shown by a LajnaPageRenderer (off the main thread, the page
 * in view first) and replace their previews. Only the pages near the view
 * hold a picture, so a frame draws a few pages, not all. Sharp pages
 * are kept within a budget of bytes, the farthest given back to their
 * previews first. A sidebar shows every page small (its thumbnail) and
 * goes to the page chosen. Zoom fits the width or the page, or steps in
 * and out; every page turns a quarter either way; the view moves by page
 * (the buttons and keys that do it: lajna-document-viewer-controls.c). A
 * page the renderer cannot render within its bounds keeps its preview,
 * framed as an error, with the reason as its tooltip. Opening the
 * document is recorded in the audit trail. The window's widgets are
 * lajna-document-viewer.ui; its "page", "n-pages" and "quarter-turns"
 * are what the header's label and the sidebar follow. */

#include "lajna-document-viewer.h"

#include <glib/gi18n.h>

#include "lajna-case-documents.h"
#include "lajna-document-viewer-controls.h"
#include "lajna-page-previews.h"
#include "lajna-page-renderer.h"
#include "lajna-page-thumbnails.h"
#include "lajna-sharp-pages.h"
#include "lajna-turned-paintable.h"

/* Sharp pages kept, in bytes of pixels. */
#define SHARP_BUDGET (48 * 1024 * 1024)
/* The pages box's spacing and margins in lajna-document-viewer.ui. */
#define PAGE_GAP 12
/* Pages either side of those on screen that hold their pictures. */
#define PAGES_HELD 2

/* How the zoom follows the window. */
typedef enum
{
  FIT_NONE,
  FIT_WIDTH,
  FIT_PAGE,
} LajnaFit;

struct _LajnaDocumentViewer
{
  AdwWindow          parent_instance;

  GtkScrolledWindow *scroller;
  GtkBox            *pages_box;
  GtkStack          *stack;
  LajnaPageThumbnails *thumbnails;
  AdwStatusPage     *failure;

  LajnaDbWorker     *worker;
  gint64             document_id;
  LajnaPageRenderer *renderer;
  GPtrArray         *pictures;
  LajnaPagePreviews *previews;
  /* The pages that hold their pictures. */
  guint              held_first;
  guint              held_last;
  LajnaSharpPages   *sharp;
  /* Per page: the job asking for its sharp picture. */
  GPtrArray         *pending;
  /* The pages that cannot be rendered: they keep their previews, marked. */
  GHashTable        *failed;
  double             zoom;
  guint              turns;
  /* The page the reader is on. */
  guint              page;
  LajnaFit           fit;
  /* The view's follow-up of a scroll or a resize, once the frame is done. */
  guint              follow_id;
  gboolean           refit;
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaDocumentViewer, lajna_document_viewer, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_QUARTER_TURNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A page's size as shown, in points: turned pages swap their sides. */
static void
page_size (LajnaDocumentViewer *self,
           guint                page,
           double              *width,
           double              *height)
{
  LajnaPageSize *size = &g_array_index (self->previews->sizes, LajnaPageSize, page);

  *width = self->turns % 2 ? size->height : size->width;
  *height = self->turns % 2 ? size->width : size->height;
}

static void
size_pages (LajnaDocumentViewer *self)
{
  for (guint i = 0; i < self->pictures->len; i++)
    {
      double width, height;

      page_size (self, i, &width, &height);
      gtk_widget_set_size_request (g_ptr_array_index (self->pictures, i),
                                   (int) (width * self->zoom), (int) (height * self->zoom));
    }
}

/* The first and last pages on screen, from the scroll position. */
static void
visible_pages (LajnaDocumentViewer *self,
               guint               *first,
               guint               *last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (adjustment);
  double bottom = top + gtk_adjustment_get_page_size (adjustment);
  double y = 0;

  *first = G_MAXUINT;
  *last = 0;
  for (guint i = 0; i < self->pictures->len; i++)
    {
      double width, height;

      page_size (self, i, &width, &height);
      if (y + height * self->zoom >= top && y <= bottom)
        {
          *first = MIN (*first, i);
          *last = i;
        }
      y += height * self->zoom + PAGE_GAP;
    }
  if (*first == G_MAXUINT)
    *first = *last = 0;
}

/* Whether the view has been scrolled to the end. */
static gboolean
at_end (LajnaDocumentViewer *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  return gtk_adjustment_get_value (adjustment) > 0
         && gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
              >= gtk_adjustment_get_upper (adjustment) - 1;
}

/* The page the reader is on: the first on screen, or the last page once
 * the view has reached the end. */
static guint
current_page (LajnaDocumentViewer *self)
{
  guint first, last;

  visible_pages (self, &first, &last);
  return at_end (self) ? last : first;
}

static void
set_page (LajnaDocumentViewer *self,
          guint                page)
{
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* "Page 3 of 6", once the pages are laid out. */
static char *
position_text (LajnaDocumentViewer *self,
               guint                page,
               guint                n_pages)
{
  if (n_pages == 0)
    return g_strdup ("");
  return g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
}

/* Shows a page near the view: its sharp picture, or else its preview,
 * turned. A page far from the view shows nothing. */
static void
show_page (LajnaDocumentViewer *self,
           guint                page)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) turned = NULL;

  if (page < self->held_first || page > self->held_last)
    texture = NULL;
  else if (lajna_sharp_pages_get (self->sharp, page) != NULL)
    texture = g_object_ref (lajna_sharp_pages_get (self->sharp, page));
  else
    texture = lajna_page_previews_decode_page (self->previews, page);
  if (texture != NULL)
    turned = lajna_turned_paintable_new (GDK_PAINTABLE (texture), self->turns);
  gtk_picture_set_paintable (g_ptr_array_index (self->pictures, page), turned);
}

typedef struct
{
  LajnaDocumentViewer *self;
  GCancellable        *cancellable;
  guint                page;
  double               scale;
} Asked;

static void
asked_free (Asked *asked)
{
  g_object_unref (asked->self);
  g_object_unref (asked->cancellable);
  g_free (asked);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Asked *asked = user_data;
  LajnaDocumentViewer *self = asked->self;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = lajna_page_renderer_render_finish (LAJNA_PAGE_RENDERER (source),
                                                                result, &error);
  g_autoptr(GArray) dropped = NULL;

  if (g_ptr_array_index (self->pending, asked->page) == asked->cancellable)
    g_ptr_array_index (self->pending, asked->page) = NULL;
  if (surface == NULL && self->pictures != NULL
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The page stays as its preview, marked, and is not asked for again. */
      GtkWidget *picture = g_ptr_array_index (self->pictures, asked->page);

      g_hash_table_add (self->failed, GUINT_TO_POINTER (asked->page));
      gtk_widget_add_css_class (picture, "page-failed");
      gtk_widget_set_tooltip_text (picture, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
    }
  if (surface == NULL || self->pictures == NULL)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      asked_free (asked);
      return;
    }
  /* The pages given up show their previews again. */
  dropped = lajna_sharp_pages_put (self->sharp, asked->page, surface, asked->scale);
  show_page (self, asked->page);
  for (guint i = 0; i < dropped->len; i++)
    show_page (self, g_array_index (dropped, guint, i));
  asked_free (asked);
}

/* Asks for the pages on screen (and one either side) at the size shown;
 * jobs for pages scrolled away are cancelled. */
static void
render_visible (LajnaDocumentViewer *self)
{
  guint first, last, current;
  guint held_first = self->held_first, held_last = self->held_last;
  double scale;

  if (self->pictures == NULL)
    return;
  visible_pages (self, &first, &last);
  self->held_first = first > PAGES_HELD ? first - PAGES_HELD : 0;
  self->held_last = MIN (last + PAGES_HELD, self->pictures->len - 1);
  for (guint i = held_first; i <= held_last && i < self->pictures->len; i++)
    if (i < self->held_first || i > self->held_last)
      show_page (self, i);
  for (guint i = self->held_first; i <= self->held_last; i++)
    if (i < held_first || i > held_last)
      show_page (self, i);
  current = at_end (self) ? last : first;
  set_page (self, current);
  if (self->renderer == NULL)
    return;

  scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  for (guint i = 0; i < self->pending->len; i++)
    {
      GCancellable *pending = g_ptr_array_index (self->pending, i);

      if (pending != NULL && (i + 1 < first || i > last + 1))
        {
          g_cancellable_cancel (pending);
          g_ptr_array_index (self->pending, i) = NULL;
        }
    }
  for (guint i = first > 0 ? first - 1 : 0; i <= last + 1 && i < self->pictures->len; i++)
    {
      Asked *asked;

      if (lajna_sharp_pages_get_scale (self->sharp, i) == scale
          || g_ptr_array_index (self->pending, i) != NULL
          || g_hash_table_contains (self->failed, GUINT_TO_POINTER (i)))
        continue;
      asked = g_new0 (Asked, 1);
      asked->self = g_object_ref (self);
      asked->cancellable = g_cancellable_new ();
      asked->page = i;
      asked->scale = scale;
      g_ptr_array_index (self->pending, i) = asked->cancellable;
      lajna_page_renderer_render_async (self->renderer, i, scale,
                                        i >= first && i <= last ? LAJNA_RENDER_VISIBLE
                                                                : LAJNA_RENDER_NEAR,
                                        asked->cancellable, rendered_cb, asked);
    }
}

static void
set_zoom (LajnaDocumentViewer *self,
          double               zoom)
{
  self->zoom = CLAMP (zoom, 0.1, 4.0);
  size_pages (self);
  render_visible (self);
}

/* Fits the widest page to the window's width, or with FIT_PAGE the
 * largest page whole in the window. */
static void
fit (LajnaDocumentViewer *self)
{
  int window_width, window_height;
  int available, available_height;
  double widest = 1, tallest = 1;
  double zoom;

  if (self->pictures == NULL || self->fit == FIT_NONE)
    return;
  /* Before the first allocation, the size the window opens with. */
  gtk_window_get_default_size (GTK_WINDOW (self), &window_width, &window_height);
  available = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  if (available <= 0)
    available = window_width - gtk_widget_get_width (GTK_WIDGET (self->thumbnails)) - 180;
  available -= 4 * PAGE_GAP;
  available_height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  if (available_height <= 0)
    available_height = window_height - 60;
  available_height -= 2 * PAGE_GAP;

  for (guint i = 0; i < self->pictures->len; i++)
    {
      double width, height;

      page_size (self, i, &width, &height);
      widest = MAX (widest, width);
      tallest = MAX (tallest, height);
    }
  zoom = available / widest;
  if (self->fit == FIT_PAGE)
    zoom = MIN (zoom, available_height / tallest);
  if (available > 0 && available_height > 0)
    set_zoom (self, zoom);
}

static void
scroll_to_page (LajnaDocumentViewer *self,
                int                  page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double y = 0;

  page = CLAMP (page, 0, (int) self->pictures->len - 1);
  for (int i = 0; i < page; i++)
    {
      double width, height;

      page_size (self, i, &width, &height);
      y += height * self->zoom + PAGE_GAP;
    }
  gtk_adjustment_set_value (adjustment, y);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaDocumentViewer *self = LAJNA_DOCUMENT_VIEWER (widget);
  int step = g_variant_get_int32 (parameter);
  guint first;

  if (self->pictures == NULL)
    return;
  first = current_page (self);
  if (step == G_MININT32 || step == G_MAXINT32)
    scroll_to_page (self, step == G_MININT32 ? 0 : (int) self->pictures->len - 1);
  else
    scroll_to_page (self, (int) first + step);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaDocumentViewer *self = LAJNA_DOCUMENT_VIEWER (widget);
  double factor = g_variant_get_double (parameter);
  guint page = self->pictures != NULL ? current_page (self) : 0;

  /* 0 fits the width, -1 the page, and any other factor scales. */
  self->fit = factor == 0 ? FIT_WIDTH : factor < 0 ? FIT_PAGE : FIT_NONE;
  if (self->fit != FIT_NONE)
    fit (self);
  else
    set_zoom (self, self->zoom * factor);
  if (self->pictures != NULL)
    scroll_to_page (self, (int) page);
}

/* Turns every page by a quarter, clockwise for 1 and back for -1, keeping
 * the page in view. */
static void
turn_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaDocumentViewer *self = LAJNA_DOCUMENT_VIEWER (widget);
  guint first;

  if (self->pictures == NULL)
    return;
  first = current_page (self);
  self->turns = (self->turns + 4 + g_variant_get_int32 (parameter)) % 4;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER_TURNS]);
  for (guint i = 0; i < self->pictures->len; i++)
    show_page (self, i);
  if (self->fit != FIT_NONE)
    fit (self);
  else
    size_pages (self);
  scroll_to_page (self, (int) first);
}

static void
fail (LajnaDocumentViewer *self,
      GError              *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  adw_status_page_set_description (self->failure, error->message);
  gtk_stack_set_visible_child_name (self->stack, "failure");
}

/* The PDF is open: the pages on screen are rendered sharp. */
static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaDocumentViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  LajnaPageRenderer *renderer = lajna_document_renderer_open_finish (LAJNA_DB_WORKER (source),
                                                                     result, &error);

  if (renderer == NULL)
    {
      fail (self, error);
      return;
    }
  if (lajna_page_renderer_get_n_pages (renderer) != self->pictures->len)
    {
      g_object_unref (renderer);
      adw_status_page_set_description (self->failure,
                                       _("The document’s pages do not match its previews."));
      gtk_stack_set_visible_child_name (self->stack, "failure");
      return;
    }
  self->renderer = renderer;
  render_visible (self);
}

/* Every thumbnail made: the sidebar shows them. */
static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LajnaDocumentViewer) self = user_data;

  if (self->previews == NULL || !lajna_page_previews_decode_finish (self->previews, result, NULL))
    return;
  lajna_page_thumbnails_set_previews (self->thumbnails, self->previews->thumbnails);
}

/* The previews are read: every page is laid out, those in view show
 * their previews; the PDF is opened and the other previews decoded. */
static void
previews_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LajnaDocumentViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  guint pages;

  self->previews = lajna_page_previews_fetch_finish (LAJNA_DB_WORKER (source), result, &error);
  if (self->previews == NULL)
    {
      fail (self, error);
      return;
    }
  pages = self->previews->sizes->len;
  self->pictures = g_ptr_array_new ();
  self->sharp = lajna_sharp_pages_new (pages, SHARP_BUDGET);
  g_ptr_array_set_size (self->pending, pages);
  for (guint i = 0; i < pages; i++)
    {
      GtkWidget *picture = gtk_picture_new ();
      g_autofree char *name = g_strdup_printf (_("Page %u"), i + 1);

      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "document-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_box_append (self->pages_box, picture);
      g_ptr_array_add (self->pictures, picture);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  lajna_page_thumbnails_set_previews (self->thumbnails, self->previews->thumbnails);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  fit (self);

  lajna_document_renderer_open_async (self->worker, self->document_id, self->cancellable,
                                      opened_cb, g_object_ref (self));
  lajna_page_previews_decode_async (self->previews, self->cancellable, decoded_cb,
                                    g_object_ref (self));
}

static void
thumbnail_activated_cb (LajnaDocumentViewer *self,
                        guint                page)
{
  scroll_to_page (self, (int) page);
}

static gboolean
follow_cb (gpointer data)
{
  LajnaDocumentViewer *self = data;

  self->follow_id = 0;
  if (self->refit)
    fit (self);
  self->refit = FALSE;
  render_visible (self);
  return G_SOURCE_REMOVE;
}

/* The view's scroll and size change while GTK lays the window out. A page
 * given its picture then is drawn before it has its size, and GTK 4.8 then
 * draws no page until the next scroll (page 1 stayed blank when less tall
 * than the view): the view follows once the frame is done. */
static void
scrolled_cb (LajnaDocumentViewer *self)
{
  if (self->follow_id == 0)
    self->follow_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, follow_cb, self, NULL);
}

static void
resized_cb (LajnaDocumentViewer *self,
            GParamSpec          *pspec,
            gpointer             data)
{
  self->refit = TRUE;
  scrolled_cb (self);
}

static void
lajna_document_viewer_dispose (GObject *object)
{
  LajnaDocumentViewer *self = LAJNA_DOCUMENT_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  for (guint i = 0; self->pending != NULL && i < self->pending->len; i++)
    if (g_ptr_array_index (self->pending, i) != NULL)
      g_cancellable_cancel (g_ptr_array_index (self->pending, i));
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_pointer (&self->previews, lajna_page_previews_free);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
  g_clear_pointer (&self->sharp, lajna_sharp_pages_free);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (lajna_document_viewer_parent_class)->dispose (object);
}

static void
lajna_document_viewer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LajnaDocumentViewer *self = LAJNA_DOCUMENT_VIEWER (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, lajna_document_viewer_get_n_pages (self));
      break;
    case PROP_QUARTER_TURNS:
      g_value_set_uint (value, self->turns);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_document_viewer_class_init (LajnaDocumentViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_document_viewer_dispose;
  object_class->get_property = lajna_document_viewer_get_property;

  /**
   * LajnaDocumentViewer:page:
   *
   * The page the reader is on, from 0: the first on screen, or the last
   * once the view has reached the end.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDocumentViewer:n-pages:
   *
   * The document's pages, 0 until its previews are read.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDocumentViewer:quarter-turns:
   *
   * How every page is turned, in quarters clockwise.
   */
  properties[PROP_QUARTER_TURNS] =
    g_param_spec_uint ("quarter-turns", NULL, NULL, 0, 3, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LAJNA_TYPE_PAGE_THUMBNAILS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/documents/lajna-document-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaDocumentViewer, scroller);
  gtk_widget_class_bind_template_child (widget_class, LajnaDocumentViewer, pages_box);
  gtk_widget_class_bind_template_child (widget_class, LajnaDocumentViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaDocumentViewer, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, LajnaDocumentViewer, failure);
  gtk_widget_class_bind_template_callback (widget_class, position_text);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, scrolled_cb);
  gtk_widget_class_bind_template_callback (widget_class, resized_cb);

  gtk_widget_class_install_action (widget_class, "viewer.move", "i", move_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom", "d", zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.turn", "i", turn_activated);
  lajna_document_viewer_bind_keys (widget_class);
}

static void
lajna_document_viewer_init (LajnaDocumentViewer *self)
{
  self->pending = g_ptr_array_new ();
  self->failed = g_hash_table_new (NULL, NULL);
  self->zoom = 1.0;
  self->fit = FIT_WIDTH;
  self->cancellable = g_cancellable_new ();
  self->held_first = 1;

  gtk_widget_init_template (GTK_WIDGET (self));
  lajna_document_viewer_add_arrow_keys (GTK_WIDGET (self));
}

/**
 * lajna_document_viewer_new:
 * @parent: the window it belongs to
 * @worker: the database worker
 * @document_id: the document
 * @title: the window's title
 *
 * Returns: (transfer none): the viewer, presented; it reads the document
 */
LajnaDocumentViewer *
lajna_document_viewer_new (GtkWindow     *parent,
                           LajnaDbWorker *worker,
                           gint64         document_id,
                           const char    *title)
{
  LajnaDocumentViewer *self = g_object_new (LAJNA_TYPE_DOCUMENT_VIEWER, "transient-for", parent,
                                            "title", title, NULL);

  self->worker = g_object_ref (worker);
  self->document_id = document_id;
  lajna_page_previews_fetch_async (worker, document_id, self->cancellable, previews_cb,
                                   g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * lajna_document_viewer_get_n_pages:
 * @self: a #LajnaDocumentViewer
 *
 * Returns: the document's pages, 0 until it is open
 */
guint
lajna_document_viewer_get_n_pages (LajnaDocumentViewer *self)
{
  g_return_val_if_fail (LAJNA_IS_DOCUMENT_VIEWER (self), 0);

  return self->pictures != NULL ? self->pictures->len : 0;
}

/**
 * lajna_document_viewer_get_page_shown:
 * @self: a #LajnaDocumentViewer
 * @page: a page, from 0
 *
 * Returns: what the page shows: nothing yet, its preview, or a picture
 *   rendered at the size shown
 */
LajnaPageShown
lajna_document_viewer_get_page_shown (LajnaDocumentViewer *self,
                                      guint                page)
{
  g_return_val_if_fail (LAJNA_IS_DOCUMENT_VIEWER (self), LAJNA_PAGE_SHOWN_NOTHING);

  if (self->pictures == NULL || page >= self->pictures->len
      || gtk_picture_get_paintable (g_ptr_array_index (self->pictures, page)) == NULL)
    return LAJNA_PAGE_SHOWN_NOTHING;
  return lajna_sharp_pages_get (self->sharp, page) != NULL ? LAJNA_PAGE_SHOWN_SHARP
                                                            : LAJNA_PAGE_SHOWN_PREVIEW;
}
