/* lajna-filter-chips.c: the filters in use, above the file list, each a
 * button that takes it off ("remove", with its LajnaCaseFilter). */

#include "lajna-filter-chips.h"

#include <glib/gi18n.h>

struct _LajnaFilterChips
{
  GtkWidget   parent_instance;

  GtkFlowBox *box;
};

G_DEFINE_FINAL_TYPE (LajnaFilterChips, lajna_filter_chips, GTK_TYPE_WIDGET)

enum
{
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chip_clicked_cb (GtkButton        *chip,
                 LajnaFilterChips *self)
{
  guint filter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chip), "lajna-filter"));

  g_signal_emit (self, signals[REMOVE], 0, filter);
}

static GtkWidget *
new_chip (LajnaFilterChips *self,
          LajnaCaseFilter   filter,
          const char       *label)
{
  g_autofree char *name = g_strdup_printf (_("Remove the filter “%s”"), label);
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), gtk_label_new (label));
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), content);
  /* As wide as its words, not as the line. */
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "pill");
  gtk_widget_add_css_class (chip, "small");
  gtk_widget_set_tooltip_text (chip, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (chip), "lajna-filter", GUINT_TO_POINTER (filter));
  g_signal_connect_object (chip, "clicked", G_CALLBACK (chip_clicked_cb), self, 0);
  return chip;
}

static void
lajna_filter_chips_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_FILTER_CHIPS);

  G_OBJECT_CLASS (lajna_filter_chips_parent_class)->dispose (object);
}

static void
lajna_filter_chips_class_init (LajnaFilterChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_filter_chips_dispose;

  /**
   * LajnaFilterChips::remove:
   * @filter: the #LajnaCaseFilter to take off
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-filter-chips.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LajnaFilterChips, box);
}

static void
lajna_filter_chips_init (LajnaFilterChips *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_filter_chips_show:
 * @self: a #LajnaFilterChips
 * @query: the list's query
 * @committee: (nullable): the name of the committee chosen, or %NULL for
 *   all
 *
 * Shows a chip for each filter @query holds, none when it holds none.
 */
void
lajna_filter_chips_show (LajnaFilterChips     *self,
                         const LajnaCaseQuery *query,
                         const char           *committee)
{
  GtkWidget *child;
  gboolean any = FALSE;

  g_return_if_fail (LAJNA_IS_FILTER_CHIPS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_flow_box_remove (self->box, child);
  for (guint filter = 0; filter < LAJNA_CASE_N_FILTERS; filter++)
    {
      g_autofree char *label = filter == LAJNA_CASE_FILTER_COMMITTEE
                                 ? g_strdup (committee)
                                 : lajna_case_query_dup_label (query, filter);

      if (label == NULL)
        continue;
      gtk_flow_box_append (self->box, new_chip (self, filter, label));
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}
