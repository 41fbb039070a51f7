/* lajna-new-meeting-dialog.c: asks the day, hour, place and secretary of
 * a new meeting; the day is written year first (2026-11-23, in Latin or
 * Arabic-Indic digits) and checked before the dialog lets it go. The
 * meeting's number is the database's to give. */

#include "lajna-new-meeting-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lajna-case-fields.h"
#include "lajna-message-dialog.h"
#include "lajna-staff.h"

typedef struct
{
  GtkEditable         *day;
  GtkEditable         *hour;
  GtkEditable         *place;
  AdwComboRow         *secretary;
  GArray              *secretary_ids;
} Asked;

/* The day as the database takes it, from what was typed (Arabic-Indic
 * digits too), or %NULL. */
static char *
dup_day (const char *text)
{
  GDate date;

  return lajna_parse_date (text, &date) ? lajna_date_text (&date) : NULL;
}

static gboolean
is_hour (const char *text)
{
  int hour, minute;
  char end;

  return *text == '\0'
         || (sscanf (text, "%2d:%2d%c", &hour, &minute, &end) == 2 && hour >= 0 && hour < 24
             && minute >= 0 && minute < 60);
}

static void
changed_cb (AdwMessageDialog *dialog)
{
  Asked *asked = g_object_get_data (G_OBJECT (dialog), "asked");
  g_autofree char *day = dup_day (gtk_editable_get_text (asked->day));

  adw_message_dialog_set_response_enabled (dialog, "create",
                                           day != NULL
                                           && is_hour (gtk_editable_get_text (asked->hour)));
}

static void
asked_free (Asked *asked)
{
  g_array_unref (asked->secretary_ids);
  g_free (asked);
}

/* The clerk preparing the meeting, or one of the committee's clerks. */
static AdwComboRow *
add_secretary (GtkWidget *list,
               GPtrArray *clerks,
               GArray    *ids)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int none = 0;

  gtk_string_list_append (names, _("The clerk preparing it"));
  g_array_append_val (ids, none);
  for (guint i = 0; clerks != NULL && i < clerks->len; i++)
    {
      const LajnaStaff *clerk = g_ptr_array_index (clerks, i);

      gtk_string_list_append (names, clerk->full_name);
      g_array_append_val (ids, clerk->id);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Secretary"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_COMBO_ROW (row);
}

static GtkEditable *
add_entry (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

/**
 * lajna_new_meeting_dialog_ask_async:
 * @parent: the meetings window
 * @place: the place offered (the last meeting's)
 * @clerks: (element-type LajnaStaff) (nullable): the committee's clerks,
 *   one of whom may be the secretary
 * @cancellable: (nullable): a #GCancellable; cancelling it closes the dialog
 * @callback: called once the clerk created the meeting or cancelled
 * @user_data: for @callback
 *
 * Asks for a new meeting; the dialog is the source object of the result.
 */
void
lajna_new_meeting_dialog_ask_async (GtkWindow           *parent,
                                    const char          *place,
                                    GPtrArray           *clerks,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("New Meeting"),
                                              _("The meeting is numbered after the committee’s "
                                                "others of its year."));
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *day = g_date_time_format (tomorrow, "%Y-%m-%d");
  Asked *asked = g_new0 (Asked, 1);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  asked->day = add_entry (list, _("Day (YYYY-MM-DD)"), day);
  asked->hour = add_entry (list, _("Hour (HH:MM)"), "10:00");
  asked->place = add_entry (list, _("Place"), place != NULL ? place : "");
  asked->secretary_ids = g_array_new (FALSE, FALSE, sizeof (int));
  asked->secretary = add_secretary (list, clerks, asked->secretary_ids);
  g_object_set_data_full (G_OBJECT (dialog), "asked", asked, (GDestroyNotify) asked_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_swapped (asked->day, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (asked->hour, "changed", G_CALLBACK (changed_cb), dialog);
  lajna_message_dialog_choose_async (ADW_MESSAGE_DIALOG (dialog), cancellable, callback,
                                     user_data);
}

/**
 * lajna_new_meeting_dialog_ask_finish:
 * @result: the result given to the callback
 * @day: (out) (transfer full): return location for the day (YYYY-MM-DD)
 * @hour: (out) (transfer full): return location for the hour (HH:MM), maybe ""
 * @place: (out) (transfer full): return location for the place
 * @secretary_id: (out): return location for the secretary, 0 for the
 *   clerk preparing the meeting
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   clerk cancelled
 *
 * Returns: %TRUE once the clerk created the meeting
 */
gboolean
lajna_new_meeting_dialog_ask_finish (GAsyncResult  *result,
                                     char         **day,
                                     char         **hour,
                                     char         **place,
                                     int           *secretary_id,
                                     GError       **error)
{
  g_autoptr(GObject) dialog = g_async_result_get_source_object (result);
  g_autofree char *response = lajna_message_dialog_choose_finish (ADW_MESSAGE_DIALOG (dialog),
                                                                  result, error);
  Asked *asked = g_object_get_data (dialog, "asked");
  guint chosen = adw_combo_row_get_selected (asked->secretary);

  if (response == NULL)
    return FALSE;
  *day = dup_day (gtk_editable_get_text (asked->day));
  *hour = g_strdup (gtk_editable_get_text (asked->hour));
  *place = g_strdup (gtk_editable_get_text (asked->place));
  *secretary_id = chosen < asked->secretary_ids->len
                    ? g_array_index (asked->secretary_ids, int, chosen) : 0;
  return TRUE;
}
