/* lajna-document-viewer-controls.c: the keys a reader presses in the
 * document viewer. Page Down, Page Up, Home and End move by page, the
 * arrow keys follow the reading direction, Ctrl+plus, Ctrl+minus and
 * Ctrl+0 zoom, Ctrl+R and Ctrl+Shift+R turn, and Escape closes. Each
 * activates one of the viewer's actions (viewer.move, viewer.zoom and
 * viewer.turn), which lajna-document-viewer.c installs and carries out;
 * the header bar's buttons that zoom, fit the width or the page and turn
 * the pages activate the same, from lajna-document-viewer.ui. */

#include "lajna-document-viewer-controls.h"

#include <adwaita.h>

/**
 * lajna_document_viewer_bind_keys:
 * @widget_class: the viewer's class, with its actions installed
 *
 * Binds the keys that move by page, zoom, turn and close.
 */
void
lajna_document_viewer_bind_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "viewer.turn",
                                       "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "viewer.turn", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "viewer.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "viewer.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "viewer.move", "i",
                                       G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "viewer.move", "i",
                                       G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom",
                                       "d", 1.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "viewer.zoom", "d", 1.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "viewer.zoom", "d", 0.8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom",
                                       "d", 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Left and Right follow the reading direction: in Arabic the next page is
 * to the left. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GtkWidget *viewer = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean rtl = gtk_widget_get_direction (viewer) == GTK_TEXT_DIR_RTL;

  if ((keyval != GDK_KEY_Left && keyval != GDK_KEY_Right)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  gtk_widget_activate_action (viewer, "viewer.move", "i",
                              (keyval == GDK_KEY_Left) == rtl ? 1 : -1);
  return TRUE;
}

/**
 * lajna_document_viewer_add_arrow_keys:
 * @viewer: the viewer
 *
 * Lets Left and Right move by page, in the reading direction. They are
 * not bindings, which cannot tell the direction.
 */
void
lajna_document_viewer_add_arrow_keys (GtkWidget *viewer)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (viewer, keys);
}
