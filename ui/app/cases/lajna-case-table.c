/* lajna-case-table.c: the file list as a table.
 *
 * The rows come from a LajnaCaseList, which sorts in SQL: clicking a
 * header changes the list's query, never sorts rows in memory. GTK 4.8 has
 * no public way to ask a GtkColumnView which column it sorts by, so each
 * column's sorter answers a probe comparison with its own column, and the
 * view's sorter tells the direction (see read_sort()).
 */

#include "lajna-case-table.h"

#include <glib/gi18n.h>

#include "lajna-labels.h"
#include "lajna-text.h"

struct _LajnaCaseTable
{
  GtkWidget         parent_instance;

  GtkScrolledWindow *scroller;
  GtkColumnView     *view;

  LajnaCaseList     *list;
  GtkSingleSelection *selection;
  LajnaCaseSummary  *probe_a;
  LajnaCaseSummary  *probe_b;
  int                probed_column;
};

G_DEFINE_FINAL_TYPE (LajnaCaseTable, lajna_case_table, GTK_TYPE_WIDGET)

enum {
  CASE_SELECTED,
  SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef char *(*CellText) (LajnaCaseSummary *summary);

static char *
file_number_text (LajnaCaseSummary *summary)
{
  return g_strdup (lajna_case_summary_get_file_number (summary));
}

static char *
title_text (LajnaCaseSummary *summary)
{
  return lajna_strip_bidi (lajna_case_summary_get_title (summary));
}

static char *
kind_text (LajnaCaseSummary *summary)
{
  return g_strdup (lajna_label_for (lajna_case_summary_get_kind (summary)));
}

static char *
status_text (LajnaCaseSummary *summary)
{
  return g_strdup (lajna_label_for (lajna_case_summary_get_status (summary)));
}

static char *
received_text (LajnaCaseSummary *summary)
{
  return lajna_isolate (lajna_case_summary_get_received_on (summary));
}

static const struct
{
  const char    *title;
  CellText       text;
  int            sort;
  /* The characters a cell shows at least, and when it can */
  guint          min_chars;
  guint          chars;
} columns[] = {
  /* A file's number, status and day are never cut; its name gives way. */
  { N_("File number"), file_number_text, LAJNA_CASE_SORT_FILE_NUMBER, 13, 13 },
  { N_("Name"), title_text, LAJNA_CASE_SORT_TITLE, 8, 36 },
  { N_("Kind"), kind_text, -1, 10, 10 },
  { N_("Status"), status_text, LAJNA_CASE_SORT_STATUS, 15, 15 },
  { N_("Received"), received_text, LAJNA_CASE_SORT_RECEIVED, 9, 9 },
};

static void
update_cell (GtkInscription   *cell,
             LajnaCaseSummary *summary)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  g_autofree char *text = NULL;

  if (lajna_case_summary_get_loaded (summary))
    text = columns[column].text (summary);
  gtk_inscription_set_text (cell, text != NULL ? text : "…");
}

/* A row filled in, or changed elsewhere (a ruling issued or signed on
 * another workstation moves its status on). */
static void
summary_changed_cb (LajnaCaseSummary *summary,
                   GParamSpec       *pspec,
                   GtkInscription   *cell)
{
  update_cell (cell, summary);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell),
                                 columns[GPOINTER_TO_UINT (user_data)].min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), columns[GPOINTER_TO_UINT (user_data)].chars);
  g_object_set_data (G_OBJECT (cell), "column", user_data);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  LajnaCaseSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  update_cell (GTK_INSCRIPTION (cell), summary);
  g_signal_connect_object (summary, "notify", G_CALLBACK (summary_changed_cb), cell, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  LajnaCaseSummary *summary = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (summary, summary_changed_cb,
                                        gtk_list_item_get_child (item));
}

/* The probe: a column's sorter, asked to compare the two probe objects,
 * names its column; every real comparison is "equal" (rows are sorted in
 * SQL, never here). */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  LajnaCaseTable *self = g_object_get_data (G_OBJECT (a), "table");

  if (self == NULL || b != self->probe_b)
    return GTK_ORDERING_EQUAL;
  self->probed_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static gboolean
read_sort (LajnaCaseTable *self,
           LajnaCaseSort  *sort,
           gboolean       *descending)
{
  GtkOrdering order;

  self->probed_column = -1;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->view), self->probe_a,
                              self->probe_b);
  if (self->probed_column < 0)
    return FALSE;
  *sort = (LajnaCaseSort) self->probed_column;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

static void
sorter_changed_cb (LajnaCaseTable  *self,
                   GtkSorterChange  change,
                   GtkSorter       *sorter)
{
  g_signal_emit (self, signals[SORT_CHANGED], 0);
}

static void
selection_changed_cb (LajnaCaseTable *self,
                      GParamSpec     *pspec,
                      GtkSingleSelection *selection)
{
  LajnaCaseSummary *summary = gtk_single_selection_get_selected_item (selection);

  if (summary != NULL && lajna_case_summary_get_loaded (summary))
    g_signal_emit (self, signals[CASE_SELECTED], 0, lajna_case_summary_get_id (summary));
}

static void
row_activated_cb (LajnaCaseTable *self,
                  guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

static void
add_columns (LajnaCaseTable *self)
{

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].sort == LAJNA_CASE_SORT_TITLE);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].sort >= 0)
        {
          GtkCustomSorter *sorter = gtk_custom_sorter_new (probe_compare,
                                                           GINT_TO_POINTER (columns[i].sort), NULL);

          gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->view, column);
    }

  lajna_case_table_sort_by (self, LAJNA_CASE_SORT_RECEIVED, TRUE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
lajna_case_table_dispose (GObject *object)
{
  LajnaCaseTable *self = LAJNA_CASE_TABLE (object);

  /* The columns going away change the sorter: no sort a person asked for,
   * and the window listening may be half gone itself. */
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_CASE_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (lajna_case_table_parent_class)->dispose (object);
}

static void
lajna_case_table_class_init (LajnaCaseTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_case_table_dispose;

  /**
   * LajnaCaseTable::case-selected:
   * @id: the selected file's id
   */
  signals[CASE_SELECTED] =
    g_signal_new ("case-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LajnaCaseTable::sort-changed:
   *
   * A header was clicked; read the order with lajna_case_table_get_sort().
   */
  signals[SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-case-table.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseTable, view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lajna_case_table_init (LajnaCaseTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->probe_a = lajna_case_summary_new ();
  self->probe_b = lajna_case_summary_new ();
  g_object_set_data (G_OBJECT (self->probe_a), "table", self);
  add_columns (self);
}

/**
 * lajna_case_table_set_list:
 * @self: a #LajnaCaseTable
 * @list: the rows to show
 */
void
lajna_case_table_set_list (LajnaCaseTable *self,
                           LajnaCaseList  *list)
{
  g_return_if_fail (LAJNA_IS_CASE_TABLE (self));

  g_set_object (&self->list, list);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * lajna_case_table_get_sort:
 * @self: a #LajnaCaseTable
 * @descending: (out): whether the order is descending
 *
 * Returns: the order the headers show
 */
LajnaCaseSort
lajna_case_table_get_sort (LajnaCaseTable *self,
                           gboolean       *descending)
{
  LajnaCaseSort sort = LAJNA_CASE_SORT_RECEIVED;

  *descending = TRUE;
  read_sort (self, &sort, descending);
  return sort;
}

/**
 * lajna_case_table_sort_by:
 * @self: a #LajnaCaseTable
 * @sort: the order
 * @descending: whether it is descending
 *
 * Shows the order in the headers, as a click on one would.
 */
void
lajna_case_table_sort_by (LajnaCaseTable *self,
                          LajnaCaseSort   sort,
                          gboolean        descending)
{
  GListModel *view_columns;

  g_return_if_fail (LAJNA_IS_CASE_TABLE (self));

  view_columns = gtk_column_view_get_columns (self->view);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);

      if (columns[i].sort == (int) sort)
        gtk_column_view_sort_by_column (self->view, column,
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}

/**
 * lajna_case_table_get_vadjustment:
 * @self: a #LajnaCaseTable
 *
 * Returns: (transfer none): the vertical scrolling of the rows
 */
GtkAdjustment *
lajna_case_table_get_vadjustment (LajnaCaseTable *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_TABLE (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}
