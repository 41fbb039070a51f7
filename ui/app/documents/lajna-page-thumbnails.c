/* lajna-page-thumbnails.c: the viewer's sidebar, a picture of every page
 * in a GtkGridView (lajna-page-thumbnails.ui), from the viewer's
 * thumbnails: a cell shows its page's when bound and lets it go when
 * unbound. Choosing one (a click, or the arrow keys) emits
 * "page-activated" with the page (from 0); the sidebar follows its "page",
 * the viewer's page, without emitting it, and turns its pictures by its
 * "quarter-turns", the viewer's too (both bound to the viewer's). */

#include "lajna-page-thumbnails.h"

#include <glib/gi18n.h>

#include "lajna-turned-paintable.h"

struct _LajnaPageThumbnails
{
  GtkWidget           parent_instance;

  /* Bound for gtk_widget_dispose_template() to take it away. */
  GtkWidget          *scroller;
  GtkGridView        *grid;
  GtkSingleSelection *selection;

  GPtrArray          *previews;
  guint               turns;
  guint               page;
  gboolean            following;
};

G_DEFINE_FINAL_TYPE (LajnaPageThumbnails, lajna_page_thumbnails, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_QUARTER_TURNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();

  gtk_widget_set_size_request (picture, 120, 160);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         LajnaPageThumbnails      *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint page = gtk_list_item_get_position (item);
  g_autoptr(GdkPaintable) preview = NULL;
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *name = g_strdup_printf (_("Page %u"), page + 1);

  if (self->previews != NULL && page < self->previews->len
      && g_ptr_array_index (self->previews, page) != NULL)
    preview = lajna_turned_paintable_new (g_ptr_array_index (self->previews, page), self->turns);
  gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), preview);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), NULL);
}

static void
activate_cb (GtkGridView         *grid,
             guint                position,
             LajnaPageThumbnails *self)
{
  g_signal_emit (self, signals[PAGE_ACTIVATED], 0, position);
}

static void
selected_cb (GtkSelectionModel   *selection,
             guint                position,
             guint                n_items,
             LajnaPageThumbnails *self)
{
  guint page = gtk_single_selection_get_selected (self->selection);

  if (!self->following && page != GTK_INVALID_LIST_POSITION)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, page);
}

/* Makes the cells again, for new previews or a new turn, keeping the
 * page followed chosen, without moving the viewer. */
static void
refresh (LajnaPageThumbnails *self)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);

  if (self->previews == NULL)
    return;
  for (guint i = 0; i < self->previews->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_string_list_append (pages, number);
    }
  self->following = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (pages));
  if (self->page < self->previews->len)
    gtk_single_selection_set_selected (self->selection, self->page);
  self->following = FALSE;
}

static void
lajna_page_thumbnails_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LajnaPageThumbnails *self = LAJNA_PAGE_THUMBNAILS (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_QUARTER_TURNS:
      g_value_set_uint (value, self->turns);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_page_thumbnails_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LajnaPageThumbnails *self = LAJNA_PAGE_THUMBNAILS (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      lajna_page_thumbnails_select (self, g_value_get_uint (value));
      break;
    case PROP_QUARTER_TURNS:
      lajna_page_thumbnails_set_quarter_turns (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_page_thumbnails_dispose (GObject *object)
{
  LajnaPageThumbnails *self = LAJNA_PAGE_THUMBNAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_PAGE_THUMBNAILS);
  g_clear_pointer (&self->previews, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_page_thumbnails_parent_class)->dispose (object);
}

static void
lajna_page_thumbnails_class_init (LajnaPageThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_page_thumbnails_dispose;
  object_class->get_property = lajna_page_thumbnails_get_property;
  object_class->set_property = lajna_page_thumbnails_set_property;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * LajnaPageThumbnails:page:
   *
   * The page the viewer is on, from 0: the sidebar chooses it and
   * scrolls to it, without emitting #LajnaPageThumbnails::page-activated.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaPageThumbnails:quarter-turns:
   *
   * How the pages are turned, in quarters clockwise.
   */
  properties[PROP_QUARTER_TURNS] =
    g_param_spec_uint ("quarter-turns", NULL, NULL, 0, 3, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LajnaPageThumbnails::page-activated:
   * @self: the sidebar
   * @page: the page chosen, from 0
   */
  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/documents/lajna-page-thumbnails.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaPageThumbnails, scroller);
  gtk_widget_class_bind_template_child (widget_class, LajnaPageThumbnails, grid);
  gtk_widget_class_bind_template_child (widget_class, LajnaPageThumbnails, selection);
  gtk_widget_class_bind_template_callback (widget_class, setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
lajna_page_thumbnails_init (LajnaPageThumbnails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lajna_page_thumbnails_new (void)
{
  return g_object_new (LAJNA_TYPE_PAGE_THUMBNAILS, NULL);
}

/**
 * lajna_page_thumbnails_set_previews:
 * @self: a #LajnaPageThumbnails
 * @previews: (element-type GdkTexture): a thumbnail a page (%NULL until
 *   made)
 *
 * Shows the pages; called again once more of their thumbnails are made.
 */
void
lajna_page_thumbnails_set_previews (LajnaPageThumbnails *self,
                                    GPtrArray           *previews)
{
  g_return_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self));
  g_return_if_fail (previews != NULL);

  g_ptr_array_ref (previews);
  g_clear_pointer (&self->previews, g_ptr_array_unref);
  self->previews = previews;
  refresh (self);
}

/**
 * lajna_page_thumbnails_get_quarter_turns:
 * @self: a #LajnaPageThumbnails
 *
 * Returns: how the pages are turned, in quarters clockwise
 */
guint
lajna_page_thumbnails_get_quarter_turns (LajnaPageThumbnails *self)
{
  g_return_val_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self), 0);

  return self->turns;
}

/**
 * lajna_page_thumbnails_set_quarter_turns:
 * @self: a #LajnaPageThumbnails
 * @quarter_turns: how the pages are turned, clockwise, from 0 to 3
 */
void
lajna_page_thumbnails_set_quarter_turns (LajnaPageThumbnails *self,
                                         guint                quarter_turns)
{
  g_return_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self));
  g_return_if_fail (quarter_turns < 4);

  if (self->turns == quarter_turns)
    return;
  self->turns = quarter_turns;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER_TURNS]);
}

/**
 * lajna_page_thumbnails_get_page:
 * @self: a #LajnaPageThumbnails
 *
 * Returns: the page followed, from 0
 */
guint
lajna_page_thumbnails_get_page (LajnaPageThumbnails *self)
{
  g_return_val_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self), 0);

  return self->page;
}

/**
 * lajna_page_thumbnails_select:
 * @self: a #LajnaPageThumbnails
 * @page: the page the viewer shows, from 0
 *
 * Follows the page the viewer shows: the setter of
 * #LajnaPageThumbnails:page.
 */
void
lajna_page_thumbnails_select (LajnaPageThumbnails *self,
                              guint                page)
{
  g_return_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self));

  if (page < g_list_model_get_n_items (G_LIST_MODEL (self->selection))
      && gtk_single_selection_get_selected (self->selection) != page)
    {
      self->following = TRUE;
      gtk_single_selection_set_selected (self->selection, page);
      self->following = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", page);
    }
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}
