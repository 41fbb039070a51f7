/* lajna-committee-row.c: a row of the main window's sidebar, which
 * chooses the committee whose files the list shows. */

#include "lajna-committee-row.h"

/* A row of the sidebar: a committee (@id), or all files (0). */
GtkWidget *
lajna_committee_row_new (const char *name,
                         const char *icon_name,
                         int         id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A committee is told apart by its city, at the end of its name: the
   * whole name wraps rather than losing it. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* The row's whole width, so that only a name longer than that wraps. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, name);
  g_object_set_data (G_OBJECT (row), "committee", GINT_TO_POINTER (id));
  return row;
}
