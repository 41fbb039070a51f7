/* lajna-icon-button.c: the small flat button with an icon that rows and
 * group headings carry; its label is its tooltip and what a screen
 * reader says. */

#include "lajna-icon-button.h"

/**
 * lajna_icon_button_new:
 * @icon_name: the icon
 * @label: what the button does
 *
 * Returns: (transfer floating): the button, centred in its row
 */
GtkWidget *
lajna_icon_button_new (const char *icon_name,
                       const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}
