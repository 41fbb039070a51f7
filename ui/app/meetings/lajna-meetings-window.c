/* lajna-meetings-window.c: a committee's meetings, the latest first, and
 * the one chosen (LajnaMeetingView). The window follows every change to
 * meetings through a LajnaMeetingWatch of its own: the list is read again
 * when any meeting changes, the meeting shown by its session. As it opens,
 * juvenile files whose review has fallen due go back to wait for a
 * meeting. From here the clerk prepares a new meeting, saves the minutes
 * as a PDF, prints the rulings issued for the meeting's decisions as one
 * job, and opens the presenter view for the room's projector. */

#include "lajna-meetings-window.h"

#include <glib/gi18n.h>

#include "lajna-labels.h"
#include "lajna-meeting-actions.h"
#include "lajna-meeting-listing.h"
#include "lajna-meeting-text.h"
#include "lajna-meeting-view.h"
#include "lajna-minutes.h"
#include "lajna-new-meeting-dialog.h"
#include "lajna-pdf-export-run.h"
#include "lajna-presenter-window.h"
#include "lajna-ruling-issue.h"
#include "lajna-ruling.h"
#include "lajna-ruling-print.h"
#include "lajna-text.h"

/* Changes come in bursts (a vote moves a file, which moves its meeting). */
#define RELIST_DELAY_MS 150

struct _LajnaMeetingsWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkListBox          *meeting_list;
  GtkWidget           *new_button;
  AdwWindowTitle      *meeting_title;
  GtkStack            *content_stack;
  LajnaMeetingView    *view;

  LajnaDbWorker       *worker;
  LajnaMeetingWatch   *watch;
  LajnaMeetingSession *session;
  int                  committee_id;
  gint64               selected;
  gboolean             relisting;
  char                *last_place;
  GPtrArray           *clerks;
  guint                relist_id;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaMeetingsWindow, lajna_meetings_window, ADW_TYPE_WINDOW)

static void
toast (LajnaMeetingsWindow *self,
       const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *shown = adw_toast_new (escaped);

  adw_toast_set_timeout (shown, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, shown);
}

static void
message_cb (LajnaMeetingsWindow *self,
            const char          *message)
{
  toast (self, message);
}

/* A listing on its way: the meeting just prepared, if any, is shown. */
typedef struct
{
  LajnaMeetingsWindow *self;
  gint64               created;
} Relisting;

static void
select_meeting (LajnaMeetingsWindow *self,
                gint64               id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "id") == id)
      {
        gtk_list_box_select_row (self->meeting_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static GtkWidget *
new_meeting_row (const LajnaMeetingRow *meeting)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%d", meeting->number);
  g_autofree char *year = g_strdup_printf ("%d", meeting->year);
  g_autofree char *day = lajna_isolate (meeting->held_on);
  g_autofree char *counts = g_strdup_printf (ngettext ("%d of %d file decided",
                                                       "%d of %d files decided",
                                                       meeting->n_items),
                                             meeting->n_decided, meeting->n_items);
  g_autofree char *title = g_strdup_printf (_("Meeting %s of %s"), number, year);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s\n%s", day,
                                               lajna_label_for (meeting->state), counts,
                                               meeting->committee_name);
  g_autofree char *directed = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  directed = lajna_text_directed (row, subtitle);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), directed);
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&meeting->id, sizeof (gint64)), g_free);
  return row;
}

/* What the list shows while it has no rows: a spinner while it is read
 * (text NULL), then why it is empty. */
static void
set_placeholder (LajnaMeetingsWindow *self,
                 const char          *text)
{
  GtkWidget *placeholder;

  if (text == NULL)
    {
      placeholder = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (placeholder));
      gtk_widget_set_size_request (placeholder, 32, 32);
      gtk_accessible_update_property (GTK_ACCESSIBLE (placeholder), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reading the meetings…"), -1);
    }
  else
    {
      placeholder = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
      gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (placeholder, "dim-label");
    }
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->meeting_list, placeholder);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Relisting *relisting = user_data;
  LajnaMeetingsWindow *self = relisting->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaMeetingListing) listed =
    lajna_meeting_listing_load_finish (LAJNA_DB_WORKER (source), result, &error);
  gint64 keep;
  GtkWidget *child;

  if (listed == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_placeholder (self, _("The meetings could not be read."));
          toast (self, error->message);
        }
      return;
    }
  set_placeholder (self, self->committee_id != 0
                   ? _("This committee has no meetings yet. Prepare one with the + button.")
                   : _("No meetings yet."));
  keep = relisting->created != 0 ? relisting->created : self->selected;
  if (listed->clerks != NULL)
    {
      g_clear_pointer (&self->clerks, g_ptr_array_unref);
      self->clerks = g_steal_pointer (&listed->clerks);
    }
  /* The meeting shown stays shown, on the session it has. */
  self->relisting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_list))) != NULL)
    gtk_list_box_remove (self->meeting_list, child);
  for (guint i = 0; i < listed->meetings->len; i++)
    {
      const LajnaMeetingRow *meeting = g_ptr_array_index (listed->meetings, i);

      if (i == 0)
        {
          g_free (self->last_place);
          self->last_place = g_strdup (meeting->place);
        }
      gtk_list_box_append (self->meeting_list, new_meeting_row (meeting));
    }
  self->relisting = FALSE;
  if (keep != 0)
    select_meeting (self, keep);
}

static void
relist (LajnaMeetingsWindow *self,
        gboolean             first,
        gint64               created)
{
  Relisting *relisting = g_new0 (Relisting, 1);

  relisting->self = self;
  relisting->created = created;
  lajna_meeting_listing_load_async (self->worker, self->committee_id, first, self->cancellable,
                                    listed_cb, relisting);
}

static gboolean
relist_later_cb (gpointer user_data)
{
  LajnaMeetingsWindow *self = user_data;

  self->relist_id = 0;
  relist (self, FALSE, 0);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (LajnaMeetingsWindow *self)
{
  if (self->relist_id == 0)
    self->relist_id = g_timeout_add (RELIST_DELAY_MS, relist_later_cb, self);
}

static void
meeting_selected_cb (LajnaMeetingsWindow *self,
                     GtkListBoxRow       *row)
{
  gint64 id = row != NULL ? *(gint64 *) g_object_get_data (G_OBJECT (row), "id") : 0;

  if (self->relisting)
    return;
  if (row != NULL)
    {
      adw_window_title_set_title (self->meeting_title,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
  if (id == self->selected)
    return;
  self->selected = id;
  g_clear_object (&self->session);
  if (id != 0)
    self->session = lajna_meeting_session_new (self->worker, self->watch, id);
  lajna_meeting_view_set_session (self->view, self->session);
  gtk_stack_set_visible_child_name (self->content_stack, id != 0 ? "meeting" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.minutes", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.present", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.print-rulings", id != 0);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LajnaMeetingsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_meeting_create_finish (LAJNA_DB_WORKER (source), result, &error);

  if (id == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  relist (self, FALSE, id);
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LajnaMeetingsWindow *self = user_data;
  g_autofree char *day = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *place = NULL;
  int secretary_id;

  /* Cancelled, the window may be gone: only an answer touches it. */
  if (!lajna_new_meeting_dialog_ask_finish (result, &day, &hour, &place, &secretary_id, NULL))
    return;
  lajna_meeting_create_async (self->worker, self->committee_id, day,
                              *hour != '\0' ? hour : NULL, place, secretary_id,
                              self->cancellable, created_cb, self);
}

static void
new_meeting_cb (LajnaMeetingsWindow *self)
{
  lajna_new_meeting_dialog_ask_async (GTK_WINDOW (self), self->last_place, self->clerks,
                                      self->cancellable, create_cb, self);
}

static void
minutes_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LajnaMeetingsWindow *self = LAJNA_MEETINGS_WINDOW (widget);
  const LajnaMeeting *meeting = self->session != NULL
                                  ? lajna_meeting_session_get_meeting (self->session)
                                  : NULL;
  g_autofree char *name = NULL;

  if (meeting == NULL)
    return;
  /* Translators: the file name offered for a meeting's minutes. */
  name = g_strdup_printf (_("minutes-%d-%d.pdf"), meeting->year, meeting->number);
  lajna_pdf_export_run (GTK_WINDOW (self), self->worker, _("Save the Minutes as a PDF"), name,
                        lajna_export_job_new_pdf (lajna_minutes_export, meeting->id),
                        self->toast_overlay);
}

static void
rulings_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LajnaMeetingsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contents = lajna_rulings_printable_finish (LAJNA_DB_WORKER (source), result,
                                                                  &error);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (contents == NULL || contents->len == 0)
    {
      toast (self, contents == NULL ? error->message
                                    : _("No ruling of this meeting is issued yet."));
      return;
    }
  operation = lajna_ruling_print_new (contents);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
print_rulings_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LajnaMeetingsWindow *self = LAJNA_MEETINGS_WINDOW (widget);
  const LajnaMeeting *meeting = self->session != NULL
                                  ? lajna_meeting_session_get_meeting (self->session)
                                  : NULL;
  GArray *case_ids;

  if (meeting == NULL)
    return;
  case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const LajnaAgendaItem *item = g_ptr_array_index (meeting->items, i);

      if (lajna_agenda_item_decision (item) != NULL)
        g_array_append_val (case_ids, item->case_id);
    }
  lajna_rulings_printable_async (self->worker, case_ids, self->cancellable, rulings_read_cb,
                                 self);
}

static void
present_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LajnaMeetingsWindow *self = LAJNA_MEETINGS_WINDOW (widget);

  if (self->session != NULL)
    gtk_window_present (GTK_WINDOW (lajna_presenter_window_new (GTK_WINDOW (self),
                                                                self->session)));
}

static void
lajna_meetings_window_dispose (GObject *object)
{
  LajnaMeetingsWindow *self = LAJNA_MEETINGS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->relist_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->watch);
  g_clear_object (&self->worker);
  /* The list unselects its row as it goes, which must not reach the view
   * that goes with it. */
  if (self->meeting_list != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_MEETINGS_WINDOW);

  G_OBJECT_CLASS (lajna_meetings_window_parent_class)->dispose (object);
}

static void
lajna_meetings_window_finalize (GObject *object)
{
  LajnaMeetingsWindow *self = LAJNA_MEETINGS_WINDOW (object);

  g_free (self->last_place);
  g_clear_pointer (&self->clerks, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_meetings_window_parent_class)->finalize (object);
}

static void
lajna_meetings_window_class_init (LajnaMeetingsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_meetings_window_dispose;
  object_class->finalize = lajna_meetings_window_finalize;

  g_type_ensure (LAJNA_TYPE_MEETING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/meetings/lajna-meetings-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, meeting_title);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaMeetingsWindow, view);
  gtk_widget_class_bind_template_callback (widget_class, meeting_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_meeting_cb);
  gtk_widget_class_bind_template_callback (widget_class, message_cb);

  gtk_widget_class_install_action (widget_class, "meetings.minutes", NULL, minutes_activated);
  gtk_widget_class_install_action (widget_class, "meetings.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "meetings.print-rulings", NULL,
                                   print_rulings_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "meetings.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
lajna_meetings_window_init (LajnaMeetingsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.minutes", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.present", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.print-rulings", FALSE);
}

/**
 * lajna_meetings_window_new:
 * @parent: the main window
 * @worker: the database worker
 * @committee_id: the committee whose meetings are shown; 0 for all, and
 *   then no new meeting can be prepared here
 *
 * Returns: (transfer floating): the window, to present
 */
LajnaMeetingsWindow *
lajna_meetings_window_new (GtkWindow     *parent,
                           LajnaDbWorker *worker,
                           int            committee_id)
{
  LajnaMeetingsWindow *self = g_object_new (LAJNA_TYPE_MEETINGS_WINDOW,
                                            "transient-for", parent, NULL);

  self->worker = g_object_ref (worker);
  self->committee_id = committee_id;
  self->watch = lajna_meeting_watch_new (lajna_db_worker_get_database (worker));
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->new_button, committee_id != 0);
  if (committee_id == 0)
    gtk_widget_set_tooltip_text (self->new_button,
                                 _("To prepare a meeting, choose its committee in the main"
                                   " window first"));
  set_placeholder (self, NULL);
  relist (self, TRUE, 0);
  return self;
}
