/* lajna-help-window.c: Help (F1): the day's tasks, a few lines each, in
 * the interface's language. Built in, since a committee's desktop may
 * have no help browser. */

#include "lajna-help-window.h"

struct _LajnaHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (LajnaHelpWindow, lajna_help_window, ADW_TYPE_WINDOW)

static void
lajna_help_window_class_init (LajnaHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/lajna-help-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_help_window_init (LajnaHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_help_window_new:
 * @parent: the window it helps with
 *
 * Returns: (transfer none): the help window, presented
 */
LajnaHelpWindow *
lajna_help_window_new (GtkWindow *parent)
{
  LajnaHelpWindow *self = g_object_new (LAJNA_TYPE_HELP_WINDOW, "transient-for", parent, NULL);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}
