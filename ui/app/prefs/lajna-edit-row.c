/* lajna-edit-row.c: a row of the administration pages: a name, what it
 * holds, and an Edit button that activating the row presses too, so that
 * a screen reader finds a button to press. */

#include "lajna-edit-row.h"

#include <glib/gi18n.h>

/**
 * lajna_edit_row_new:
 * @title: what the row names, as plain text
 * @subtitle: what it holds, as plain text
 * @index: the row's place in its list, for lajna_edit_row_get_index()
 * @edit: the button's #GtkButton::clicked handler
 * @user_data: data for @edit
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
lajna_edit_row_new (const char *title,
                    const char *subtitle,
                    guint       index,
                    GCallback   edit,
                    gpointer    user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", edit, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

/**
 * lajna_edit_row_get_index:
 * @button: the Edit button of a row
 *
 * Returns: the row's place in its list
 */
guint
lajna_edit_row_get_index (GtkWidget *button)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
}

/**
 * lajna_edit_rows_clear:
 * @group: the group that shows the rows
 * @rows: (element-type GtkWidget): its rows, emptied
 */
void
lajna_edit_rows_clear (AdwPreferencesGroup *group,
                       GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}
