/* lajna-agenda-proposals.c: the files a meeting may take up, for the
 * clerk to put on its agenda: files complete and waiting, the longest
 * waiting first, and juvenile files whose periodic review falls due by the
 * meeting's day (lajna_agenda_proposals()). Each is ticked to be added;
 * "Add to the Agenda" adds them in the order shown. A file whose mandatory
 * documents are not all there (one expired since) is shown with what it
 * lacks, and cannot be ticked. */

#include "lajna-agenda-proposals.h"

#include <glib/gi18n.h>

#include "lajna-labels.h"
#include "lajna-meeting-actions.h"
#include "lajna-text.h"

typedef struct
{
  GtkWidget           *window;
  LajnaMeetingSession *session;
  AdwPreferencesGroup *group;
  GtkWidget           *add_button;
  GPtrArray           *checks;
  GArray              *case_ids;
  GCancellable        *cancellable;
} Proposals;

static void
proposals_free (Proposals *proposals)
{
  g_cancellable_cancel (proposals->cancellable);
  g_object_unref (proposals->cancellable);
  g_object_unref (proposals->session);
  g_ptr_array_unref (proposals->checks);
  g_array_unref (proposals->case_ids);
  g_free (proposals);
}

static void
checked_cb (Proposals *proposals)
{
  gboolean any = FALSE;

  for (guint i = 0; i < proposals->checks->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (proposals->checks, i));
  gtk_widget_set_sensitive (proposals->add_button, any);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Proposals *proposals = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lajna_agenda_proposals_finish (LAJNA_DB_WORKER (source), result,
                                                              &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (found == NULL || found->len == 0)
    {
      adw_preferences_group_set_description (proposals->group,
                                             found == NULL ? error->message
                                                           : _("No file is waiting for a meeting."));
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      const LajnaAgendaProposal *p = g_ptr_array_index (found, i);
      g_autofree char *number = lajna_isolate (p->file_number);
      g_autofree char *since = lajna_isolate (p->since);
      g_autofree char *title = g_strdup_printf ("%s — %s", number, p->title);
      g_autofree char *needed = *p->lacking != '\0'
                                  ? g_strdup_printf (_("Documents needed first: %s"), p->lacking)
                                  : NULL;
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s%s%s", lajna_label_for (p->kind),
                                                   lajna_label_for (p->reason), since,
                                                   needed != NULL ? "\n" : "",
                                                   needed != NULL ? needed : "");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Offered, but not to be ticked, until its checklist is met. */
      gtk_widget_set_sensitive (row, *p->lacking == '\0');
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (checked_cb), proposals);
      adw_preferences_group_add (proposals->group, row);
      g_ptr_array_add (proposals->checks, check);
      g_array_append_val (proposals->case_ids, p->case_id);
    }
}

static void
add_cb (Proposals *proposals)
{
  LajnaMeetingAct *act = lajna_meeting_act_new (LAJNA_MEETING_ACT_AGENDA_ADD);

  act->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < proposals->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (proposals->checks, i)))
      g_array_append_val (act->case_ids, g_array_index (proposals->case_ids, gint64, i));
  lajna_meeting_session_run (proposals->session, act);
  gtk_window_destroy (GTK_WINDOW (proposals->window));
}

/**
 * lajna_agenda_proposals_new:
 * @parent: a widget of the meeting's window
 * @session: the meeting
 *
 * Returns: (transfer floating): the window, to present
 */
GtkWidget *
lajna_agenda_proposals_new (GtkWidget           *parent,
                            LajnaMeetingSession *session)
{
  Proposals *proposals = g_new0 (Proposals, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkRoot *root = gtk_widget_get_root (parent);
  gint64 id = lajna_meeting_session_get_id (session);

  proposals->window = window;
  proposals->session = g_object_ref (session);
  proposals->checks = g_ptr_array_new ();
  proposals->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  proposals->cancellable = g_cancellable_new ();
  proposals->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (proposals->group, _("Files Waiting for a Meeting"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), proposals->group);

  gtk_window_set_title (GTK_WINDOW (window), _("Add Files to the Agenda"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 560);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  proposals->add_button = gtk_button_new_with_mnemonic (_("_Add to the Agenda"));
  gtk_widget_add_css_class (proposals->add_button, "suggested-action");
  gtk_widget_set_sensitive (proposals->add_button, FALSE);
  g_signal_connect_swapped (proposals->add_button, "clicked", G_CALLBACK (add_cb), proposals);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), proposals->add_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "proposals", proposals,
                          (GDestroyNotify) proposals_free);

  lajna_agenda_proposals_async (lajna_meeting_session_get_worker (session), id,
                                proposals->cancellable, listed_cb, proposals);
  return window;
}
