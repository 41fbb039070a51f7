/* lajna-page-thumbnails.c: the viewer's sidebar, a picture of every page
 * in a GtkGridView, from the viewer's thumbnails: a cell shows its page's
 * when bound and lets it go when unbound. Choosing one (a click, or the
 * arrow keys) emits "page-activated" with the page (from 0); the sidebar
 * follows the viewer's page without emitting it. */

#include "lajna-page-thumbnails.h"

#include <glib/gi18n.h>

#include "lajna-turned-paintable.h"

struct _LajnaPageThumbnails
{
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkGridView       *grid;
  GtkSingleSelection *selection;
  GPtrArray         *previews;
  guint              turns;
  gboolean           following;
};

G_DEFINE_FINAL_TYPE (LajnaPageThumbnails, lajna_page_thumbnails, GTK_TYPE_WIDGET)

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

static void
lajna_page_thumbnails_dispose (GObject *object)
{
  LajnaPageThumbnails *self = LAJNA_PAGE_THUMBNAILS (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->previews, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_page_thumbnails_parent_class)->dispose (object);
}

static void
lajna_page_thumbnails_class_init (LajnaPageThumbnailsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lajna_page_thumbnails_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);

  /**
   * LajnaPageThumbnails::page-activated:
   * @self: the sidebar
   * @page: the page chosen, from 0
   */
  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_UINT);
}

static void
lajna_page_thumbnails_init (LajnaPageThumbnails *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selected_cb), self);
  self->grid = GTK_GRID_VIEW (gtk_grid_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_grid_view_set_max_columns (self->grid, 1);
  gtk_grid_view_set_single_click_activate (self->grid, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages"), -1);
  g_signal_connect (self->grid, "activate", G_CALLBACK (activate_cb), self);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->grid));
  gtk_widget_set_size_request (self->scroller, 160, -1);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
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
 * @quarter_turns: how the pages are turned, clockwise
 */
void
lajna_page_thumbnails_set_previews (LajnaPageThumbnails *self,
                                    GPtrArray           *previews,
                                    guint                quarter_turns)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);
  guint selected;

  g_return_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self));

  g_clear_pointer (&self->previews, g_ptr_array_unref);
  self->previews = g_ptr_array_ref (previews);
  self->turns = quarter_turns;
  for (guint i = 0; i < previews->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_string_list_append (pages, number);
    }
  /* The new cells keep the viewer's page, without moving the viewer. */
  selected = gtk_single_selection_get_selected (self->selection);
  self->following = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (pages));
  if (selected != GTK_INVALID_LIST_POSITION && selected < previews->len)
    gtk_single_selection_set_selected (self->selection, selected);
  self->following = FALSE;
}

/* Follows the page the viewer shows. */
void
lajna_page_thumbnails_select (LajnaPageThumbnails *self,
                              guint                page)
{
  g_return_if_fail (LAJNA_IS_PAGE_THUMBNAILS (self));

  if (gtk_single_selection_get_selected (self->selection) == page)
    return;
  self->following = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  self->following = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", page);
}
