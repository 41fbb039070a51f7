/* lajna-presenter-window.c: the meeting on the room's projector, full
 * screen: the item under discussion in large type (its file, parties,
 * checklist, the votes so far with the reasons of those who reject, and
 * the decision), its documents to open but not to add to, and the items
 * before and after it. It opens on the first item not decided. It is driven from the keyboard: Page
 * Down, Space or the arrow that points along the reading direction go to
 * the next item, Page Up or the other arrow to the one before, Home and End
 * to the first and last, Escape leaves. It shows the session's latest
 * snapshot, so a vote entered on any workstation appears on the screen. */

#include "lajna-presenter-window.h"

#include <glib/gi18n.h>

#include "lajna-document-list.h"
#include "lajna-labels.h"
#include "lajna-meeting-text.h"
#include "lajna-text.h"

struct _LajnaPresenterWindow
{
  AdwWindow            parent_instance;

  LajnaMeetingSession *session;
  guint                index;
  GtkLabel            *heading;
  GtkLabel            *position;
  GtkLabel            *file;
  GtkLabel            *summary;
  GtkLabel            *outcome;
  GtkLabel            *previous;
  GtkLabel            *next;
  GtkWidget           *documents_box;
  /* The file whose documents are listed, and how many it had then. */
  gint64               documents_of;
  int                  n_documents;
  /* Whether the window went to the item under discussion yet. */
  gboolean             placed;
};

G_DEFINE_FINAL_TYPE (LajnaPresenterWindow, lajna_presenter_window, ADW_TYPE_WINDOW)

/* The votes, the reasons of those who reject, and the decision. */
static char *
describe_outcome (const LajnaAgendaItem *item)
{
  const LajnaDecision *decision = lajna_agenda_item_decision (item);
  LajnaVoteTally tally = lajna_agenda_item_tally (item);
  g_autofree char *votes = lajna_vote_tally_describe (&tally);
  g_autofree char *rejections = lajna_agenda_item_rejections (item);
  g_autofree char *decided = decision != NULL ? lajna_decision_describe (decision)
                                              : g_strdup (_("Not decided yet"));

  return g_strjoin ("\n", votes, decided, *rejections != '\0' ? rejections : NULL, NULL);
}

static char *
item_line (const LajnaMeeting *meeting,
           guint               index)
{
  const LajnaAgendaItem *item;
  g_autofree char *number = NULL;

  if (index >= meeting->items->len)
    return g_strdup ("");
  item = g_ptr_array_index (meeting->items, index);
  number = lajna_isolate (item->file_number);
  return g_strdup_printf ("%d. %s — %s", item->position, number, item->title);
}

static void
show_item (LajnaPresenterWindow *self)
{
  const LajnaMeeting *meeting = lajna_meeting_session_get_meeting (self->session);
  const LajnaAgendaItem *item;
  g_autofree char *heading = NULL, *position = NULL, *number = NULL, *file = NULL;
  g_autofree char *summary = NULL, *outcome = NULL;
  g_autofree char *previous = NULL, *next = NULL, *day = NULL, *directed = NULL;

  if (meeting == NULL)
    return;
  day = lajna_isolate (meeting->held_on);
  heading = g_strdup_printf ("%s — %s", meeting->committee_name, day);
  directed = lajna_text_directed (GTK_WIDGET (self), heading);
  gtk_label_set_text (self->heading, directed);
  if (!self->placed)
    {
      guint current = lajna_meeting_under_discussion (meeting);

      self->index = current < meeting->items->len ? current : 0;
      self->placed = TRUE;
    }
  if (meeting->items->len == 0)
    {
      gtk_label_set_text (self->position, _("The agenda is empty"));
      gtk_label_set_text (self->file, "");
      gtk_label_set_text (self->summary, "");
      gtk_label_set_text (self->outcome, "");
      gtk_label_set_text (self->previous, "");
      gtk_label_set_text (self->next, "");
      return;
    }
  self->index = MIN (self->index, meeting->items->len - 1);
  item = g_ptr_array_index (meeting->items, self->index);
  position = g_strdup_printf (_("Item %u of %u"), self->index + 1, meeting->items->len);
  number = lajna_isolate (item->file_number);
  file = g_strdup_printf ("%s\n%s", number, item->title);
  summary = g_strdup_printf ("%s · %s", lajna_label_for (item->kind),
                             *item->lacking == '\0' ? _("Every mandatory document is there")
                                                    : item->lacking);
  outcome = describe_outcome (item);
  previous = self->index > 0 ? item_line (meeting, self->index - 1) : g_strdup ("");
  next = item_line (meeting, self->index + 1);
  gtk_label_set_text (self->position, position);
  gtk_label_set_text (self->file, file);
  gtk_label_set_text (self->summary, summary);
  gtk_label_set_text (self->outcome, outcome);
  gtk_label_set_text (self->previous, previous);
  gtk_label_set_text (self->next, next);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->file), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  file, -1);

  /* Again when documents are attached, here or elsewhere. */
  if (self->documents_of != item->case_id || self->n_documents != item->n_documents)
    {
      GtkWidget *child = gtk_widget_get_first_child (self->documents_box);
      LajnaDocumentList *documents = g_object_new (LAJNA_TYPE_DOCUMENT_LIST, NULL);

      if (child != NULL)
        gtk_box_remove (GTK_BOX (self->documents_box), child);
      gtk_box_append (GTK_BOX (self->documents_box), GTK_WIDGET (documents));
      lajna_document_list_set_read_only (documents, TRUE);
      lajna_document_list_show (documents, lajna_meeting_session_get_worker (self->session),
                                item->case_id);
      self->documents_of = item->case_id;
      self->n_documents = item->n_documents;
    }
}

static void
step (LajnaPresenterWindow *self,
      int                   by)
{
  const LajnaMeeting *meeting = lajna_meeting_session_get_meeting (self->session);
  int last = meeting != NULL ? (int) meeting->items->len - 1 : 0;

  self->index = CLAMP ((int) self->index + by, 0, MAX (last, 0));
  show_item (self);
}

/* The keys of the room: caught before the scrolled view can take Page Up
 * and Page Down for itself. The arrows follow the reading direction: in
 * Arabic, Left is onward. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LajnaPresenterWindow  *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      step (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      step (self, -G_MAXINT16);
      return TRUE;
    case GDK_KEY_End:
      step (self, G_MAXINT16);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      step (self, (keyval == GDK_KEY_Left) == rtl ? 1 : -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
lajna_presenter_window_dispose (GObject *object)
{
  LajnaPresenterWindow *self = LAJNA_PRESENTER_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lajna_presenter_window_parent_class)->dispose (object);
}

static void
lajna_presenter_window_class_init (LajnaPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_presenter_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
lajna_presenter_window_init (LajnaPresenterWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
  gtk_window_set_title (GTK_WINDOW (self), _("Presenter View"));
  /* Where the window manager cannot make it full screen, still large. */
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  self->heading = add_label (box, "presenter-heading");
  self->position = add_label (box, "presenter-position");
  self->file = add_label (box, "presenter-file");
  self->summary = add_label (box, "presenter-summary");
  self->outcome = add_label (box, "presenter-outcome");
  self->documents_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (self->documents_box, TRUE);
  gtk_box_append (GTK_BOX (box), self->documents_box);
  self->previous = add_label (box, "presenter-neighbour");
  self->next = add_label (box, "presenter-neighbour");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_window_set_content (ADW_WINDOW (self), scroller);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * lajna_presenter_window_new:
 * @parent: the meetings window
 * @session: the meeting
 *
 * Returns: (transfer floating): the window, full screen once presented
 */
LajnaPresenterWindow *
lajna_presenter_window_new (GtkWindow           *parent,
                            LajnaMeetingSession *session)
{
  LajnaPresenterWindow *self = g_object_new (LAJNA_TYPE_PRESENTER_WINDOW,
                                             "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "loaded", G_CALLBACK (show_item), self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  show_item (self);
  return self;
}
