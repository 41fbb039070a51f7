/* lajna-chart-view.c: one chart on screen, drawn by reports/lajna-chart.c
 * as on paper, with its figures beside it as a table that a screen
 * reader reads: a row a category, named by the category and its values.
 * Both follow the interface's direction and the digits the person chose
 * (bind the "digits" property to the settings' key). */

#include "lajna-chart-view.h"

#include <glib/gi18n.h>

/* The chart lays out at 72 units an inch; the screen has 96 pixels an
 * inch at scale 1. */
#define PIXELS_A_UNIT (96.0 / 72.0)
#define SPACING 12

struct _LajnaChartView
{
  GtkWidget         parent_instance;

  LajnaChart       *chart;
  LajnaChartDigits  digits;

  GtkDrawingArea   *area;
  GtkListBox       *table;
};

G_DEFINE_FINAL_TYPE (LajnaChartView, lajna_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  PROP_DIGITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PangoDirection
direction (LajnaChartView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL
                                                                          : PANGO_DIRECTION_LTR;
}

static GtkWidget *
new_cell (const char *text,
          gboolean    figure)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), figure ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, !figure);
  if (figure)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* A row of the table: @cells side by side, read as @name; the figures'
 * cells as wide as the others of their @columns. */
static void
add_row (LajnaChartView  *self,
         GtkWidget      **cells,
         guint            n_cells,
         const char      *name,
         GPtrArray       *columns)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, SPACING);

  for (guint i = 0; i < n_cells; i++)
    {
      gtk_box_append (GTK_BOX (box), cells[i]);
      if (i > 0)
        gtk_size_group_add_widget (g_ptr_array_index (columns, i - 1), cells[i]);
    }
  gtk_widget_set_margin_start (box, SPACING);
  gtk_widget_set_margin_end (box, SPACING);
  gtk_widget_set_margin_top (box, SPACING / 2);
  gtk_widget_set_margin_bottom (box, SPACING / 2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_append (self->table, row);
}

/* The series' names over their columns, when there is more than one. */
static void
add_heading (LajnaChartView *self,
             GPtrArray      *columns)
{
  guint            n_series = lajna_chart_get_n_series (self->chart);
  g_autofree GtkWidget **cells = g_new (GtkWidget *, n_series + 1);
  g_autoptr(GString) name = g_string_new (NULL);

  cells[0] = new_cell ("", FALSE);
  for (guint s = 0; s < n_series; s++)
    {
      const char      *series_name = lajna_chart_get_series_name (self->chart, s);
      g_autofree char *series = lajna_chart_isolate_label (series_name);

      cells[s + 1] = new_cell (series, TRUE);
      gtk_widget_add_css_class (cells[s + 1], "heading");
      if (s > 0)
        /* Translators: between the items of a list read aloud. */
        g_string_append (name, C_("list", ", "));
      g_string_append (name, series);
    }
  add_row (self, cells, n_series + 1, name->str, columns);
}

/* A category's row: its name, then each series' value; read as "March:
 * 12" or "March: Received 12, Decided 7". */
static void
add_category (LajnaChartView *self,
              guint           category,
              GPtrArray      *columns)
{
  guint            n_series = lajna_chart_get_n_series (self->chart);
  g_autofree GtkWidget **cells = g_new (GtkWidget *, n_series + 1);
  const char      *category_name = lajna_chart_get_category (self->chart, category);
  g_autofree char *label = lajna_chart_isolate_label (category_name);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *name = NULL;

  cells[0] = new_cell (label, FALSE);
  for (guint s = 0; s < n_series; s++)
    {
      double           value = lajna_chart_get_value (self->chart, s, category);
      g_autofree char *figure = lajna_chart_digits_format_value (self->digits, value);
      const char      *series_name = lajna_chart_get_series_name (self->chart, s);
      g_autofree char *series = lajna_chart_isolate_label (series_name);

      cells[s + 1] = new_cell (figure, TRUE);
      if (s > 0)
        g_string_append (values, C_("list", ", "));
      if (n_series > 1)
        /* Translators: a series' name and its value, as a table row is read
         * aloud: "Received 12". */
        g_string_append_printf (values, C_("chart table", "%1$s %2$s"), series, figure);
      else
        g_string_append (values, figure);
    }
  /* Translators: a category and its values, as a table row is read aloud:
   * "March: 12". */
  name = g_strdup_printf (C_("chart table", "%1$s: %2$s"), label, values->str);
  add_row (self, cells, n_series + 1, name, columns);
}

/* The table again, from the chart and in the digits. */
static void
fill_table (LajnaChartView *self)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_list_box_remove (self->table, row);
  gtk_widget_set_visible (GTK_WIDGET (self->table),
                          self->chart != NULL && lajna_chart_get_n_categories (self->chart) > 0);
  if (self->chart == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lajna_chart_get_title (self->chart), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lajna_chart_get_title (self->chart), -1);
  for (guint s = 0; s < lajna_chart_get_n_series (self->chart); s++)
    g_ptr_array_add (columns, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));
  if (lajna_chart_get_n_series (self->chart) > 1)
    add_heading (self, columns);
  for (guint c = 0; c < lajna_chart_get_n_categories (self->chart); c++)
    add_category (self, c, columns);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  LajnaChartView *self = user_data;

  if (self->chart == NULL)
    return;
  cairo_scale (cr, PIXELS_A_UNIT, PIXELS_A_UNIT);
  lajna_chart_draw (self->chart, cr, 0, 0, width / PIXELS_A_UNIT, height / PIXELS_A_UNIT,
                    direction (self), self->digits);
}

static void
lajna_chart_view_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  LajnaChartView *self = LAJNA_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (lajna_chart_view_parent_class)->direction_changed (widget, previous);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
lajna_chart_view_dispose (GObject *object)
{
  LajnaChartView *self = LAJNA_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_CHART_VIEW);
  g_clear_pointer (&self->chart, lajna_chart_unref);

  G_OBJECT_CLASS (lajna_chart_view_parent_class)->dispose (object);
}

static void
lajna_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LajnaChartView *self = LAJNA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    case PROP_DIGITS:
      g_value_set_enum (value, self->digits);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LajnaChartView *self = LAJNA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      lajna_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    case PROP_DIGITS:
      lajna_chart_view_set_digits (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_chart_view_class_init (LajnaChartViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_chart_view_dispose;
  object_class->get_property = lajna_chart_view_get_property;
  object_class->set_property = lajna_chart_view_set_property;
  widget_class->direction_changed = lajna_chart_view_direction_changed;

  properties[PROP_CHART]
    = g_param_spec_boxed ("chart", NULL, NULL, LAJNA_TYPE_CHART,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIGITS]
    = g_param_spec_enum ("digits", NULL, NULL, LAJNA_TYPE_CHART_DIGITS, LAJNA_CHART_DIGITS_LATIN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/stats/lajna-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaChartView, area);
  gtk_widget_class_bind_template_child (widget_class, LajnaChartView, table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
lajna_chart_view_init (LajnaChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              SPACING);
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);
  fill_table (self);
}

GtkWidget *
lajna_chart_view_new (void)
{
  return g_object_new (LAJNA_TYPE_CHART_VIEW, NULL);
}

/* Returns: (transfer none) (nullable): the chart shown */
LajnaChart *
lajna_chart_view_get_chart (LajnaChartView *self)
{
  g_return_val_if_fail (LAJNA_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * lajna_chart_view_set_chart:
 * @self: a #LajnaChartView
 * @chart: (nullable): the chart to show, with its figures in the table
 *
 * Shows @chart: drawn, and its figures listed a category a row.
 */
void
lajna_chart_view_set_chart (LajnaChartView *self,
                            LajnaChart     *chart)
{
  g_return_if_fail (LAJNA_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, lajna_chart_unref);
  self->chart = chart != NULL ? lajna_chart_ref (chart) : NULL;
  fill_table (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

LajnaChartDigits
lajna_chart_view_get_digits (LajnaChartView *self)
{
  g_return_val_if_fail (LAJNA_IS_CHART_VIEW (self), LAJNA_CHART_DIGITS_LATIN);

  return self->digits;
}

/**
 * lajna_chart_view_set_digits:
 * @self: a #LajnaChartView
 * @digits: the digits of the chart's axis and values and of the table
 */
void
lajna_chart_view_set_digits (LajnaChartView   *self,
                             LajnaChartDigits  digits)
{
  g_return_if_fail (LAJNA_IS_CHART_VIEW (self));

  if (self->digits == digits)
    return;
  self->digits = digits;
  fill_table (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGITS]);
}
