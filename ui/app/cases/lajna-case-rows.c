/* lajna-case-rows.c: the rows of a file's view that do something: a
 * step to take, another file that may concern the same people. */

#include "lajna-case-rows.h"

#include <glib/gi18n.h>

#include "lajna-labels.h"
#include "lajna-text.h"

/* A row's title and subtitle are markup. */
void
lajna_case_row_set_text (GtkWidget  *row,
                         const char *title,
                         const char *subtitle)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
}

/* A row that does something: the whole row, or the small button at its
 * end, which is what a screen reader presses: it reads @what (when the
 * title does not say it) and the title. */
GtkWidget *
lajna_case_action_row_new (const char *title,
                           const char *subtitle,
                           const char *what,
                           const char *icon_name,
                           const char *action_name,
                           GVariant   *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  lajna_case_row_set_text (row, title, subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, what != NULL ? what : title);
  if (what != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, what,
                                    -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* An icon before a row's title that says something about it, also to a
 * screen reader. */
static void
add_flag (GtkWidget  *row,
          const char *icon_name,
          const char *css_class,
          const char *text)
{
  GtkWidget *flag = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (flag, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (flag, css_class);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), flag);
}

/* Another file that may concern the same people; its Compare button
 * passes @index to case.compare. */
GtkWidget *
lajna_case_duplicate_row_new (const LajnaDuplicate *duplicate,
                              guint                 index)
{
  g_autofree char *number = lajna_isolate (duplicate->file_number);
  g_autofree char *title = g_strdup_printf (C_("file number and title", "%s %s"), number,
                                            duplicate->title);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *warning = NULL;
  gboolean same_person = duplicate->person_id == duplicate->other_person_id;
  int percent = (int) (duplicate->score * 100 + 0.5);
  GtkWidget *row;

  g_string_printf (subtitle, C_("party, reason and score", "%s: %s (%d%%)"),
                   lajna_party_label (duplicate->role), lajna_label_for (duplicate->reason),
                   percent);
  if (duplicate->earlier_outcome != NULL)
    {
      warning = g_strdup_printf (_("Earlier decision on that file: %s"),
                                 lajna_label_for (duplicate->earlier_outcome));
      g_string_append_printf (subtitle, "\n%s", warning);
    }

  /* The same person on both files needs no verdict; a confirmed pair can
   * still be corrected. */
  if (same_person)
    {
      row = adw_action_row_new ();
      lajna_case_row_set_text (row, title, subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  else
    {
      row = lajna_case_action_row_new (title, subtitle->str, _("Compare"), "edit-find-symbolic",
                            "case.compare", g_variant_new_uint32 (index));
    }
  if (same_person || g_str_equal (duplicate->reason, "confirmed"))
    add_flag (row, "emblem-ok-symbolic", "success", lajna_label_for (duplicate->reason));
  if (warning != NULL)
    add_flag (row, "dialog-warning-symbolic", "warning", warning);
  return row;
}
