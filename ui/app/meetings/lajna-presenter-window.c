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

  GtkLabel            *heading;
  GtkLabel            *position;
  GtkLabel            *file;
  GtkLabel            *summary;
  GtkLabel            *outcome;
  GtkLabel            *previous;
  GtkLabel            *next;
  GtkWidget           *documents_box;

  LajnaMeetingSession *session;
  guint                index;
  /* The file whose documents are listed, and how many it had then. */
  gint64               documents_of;
  int                  n_documents;
  /* Whether the window went to the item under discussion yet. */
  gboolean             placed;
};

G_DEFINE_FINAL_TYPE (LajnaPresenterWindow, lajna_presenter_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  const LajnaMeeting *meeting;
  const LajnaAgendaItem *item;
  g_autofree char *heading = NULL, *position = NULL, *number = NULL, *file = NULL;
  g_autofree char *summary = NULL, *outcome = NULL;
  g_autofree char *previous = NULL, *next = NULL, *day = NULL, *directed = NULL;

  if (self->session == NULL)
    return;
  meeting = lajna_meeting_session_get_meeting (self->session);
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
  const LajnaMeeting *meeting = self->session != NULL
                                 ? lajna_meeting_session_get_meeting (self->session) : NULL;
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

/* Another meeting shows from its item under discussion, with its own
 * documents. */
static void
set_session (LajnaPresenterWindow *self,
             LajnaMeetingSession  *session)
{
  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  self->placed = FALSE;
  self->documents_of = 0;
  if (session != NULL)
    g_signal_connect_swapped (session, "loaded", G_CALLBACK (show_item), self);
  show_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
lajna_presenter_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LajnaPresenterWindow *self = LAJNA_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_presenter_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LajnaPresenterWindow *self = LAJNA_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_presenter_window_dispose (GObject *object)
{
  LajnaPresenterWindow *self = LAJNA_PRESENTER_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_PRESENTER_WINDOW);

  G_OBJECT_CLASS (lajna_presenter_window_parent_class)->dispose (object);
}

static void
lajna_presenter_window_class_init (LajnaPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lajna_presenter_window_get_property;
  object_class->set_property = lajna_presenter_window_set_property;
  object_class->dispose = lajna_presenter_window_dispose;

  /**
   * LajnaPresenterWindow:session:
   *
   * The meeting shown: the window follows its latest snapshot.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LAJNA_TYPE_MEETING_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/meetings/lajna-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, heading);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, position);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, file);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, outcome);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, documents_box);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, previous);
  gtk_widget_class_bind_template_child (widget_class, LajnaPresenterWindow, next);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_presenter_window_init (LajnaPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
                                             "transient-for", parent,
                                             "session", session,
                                             NULL);

  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}
