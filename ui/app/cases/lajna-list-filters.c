/* lajna-list-filters.c: the file list's "Filter" button and its popover:
 * a follow-up list, a status, a kind, the days received and "documents
 * missing", with the list's exports. It holds the filters while the
 * window lives; the window puts them in its query on "changed". */

#include "lajna-list-filters.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-case-fields.h"
#include "lajna-form-rows.h"
#include "lajna-labels.h"

struct _LajnaListFilters
{
  GtkWidget       parent_instance;

  GtkWidget      *button;
  GtkToggleButton *follow_none;
  GtkToggleButton *follow_due;
  GtkToggleButton *follow_overdue;
  GtkToggleButton *follow_waiting;
  GtkToggleButton *follow_reports;
  GtkSpinButton  *waiting_days;
  GtkDropDown    *status_drop;
  GtkDropDown    *kind_drop;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  GtkLabel       *date_error;
  GtkSwitch      *missing_switch;

  /* The days last typed right, YYYY-MM-DD, or NULL. */
  char           *from;
  char           *to;
};

G_DEFINE_FINAL_TYPE (LajnaListFilters, lajna_list_filters, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kinds[] = { NULL, "marriage", "juvenile" };

/* A day typed, as YYYY-MM-DD in @day; blank is no day. */
static gboolean
read_day (AdwEntryRow  *row,
          char        **day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GDate date;
  char buffer[16];

  *day = NULL;
  if (*text == '\0')
    return TRUE;
  if (!lajna_parse_date (text, &date))
    return FALSE;
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  *day = g_strdup (buffer);
  return TRUE;
}

static void
show_date_error (LajnaListFilters *self,
                 const char       *message)
{
  gtk_label_set_text (self->date_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), message != NULL);
}

static void
changed_cb (LajnaListFilters *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->waiting_days),
                            gtk_toggle_button_get_active (self->follow_waiting));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Days that are not days, or the wrong way round, are said and not
 * applied: the list keeps the days last typed right. */
static void
dates_changed_cb (LajnaListFilters *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean from_ok = read_day (self->from_row, &from);
  gboolean to_ok = read_day (self->to_row, &to);

  (from_ok ? gtk_widget_remove_css_class : gtk_widget_add_css_class) (GTK_WIDGET (self->from_row),
                                                                       "error");
  (to_ok ? gtk_widget_remove_css_class : gtk_widget_add_css_class) (GTK_WIDGET (self->to_row),
                                                                     "error");
  if (!from_ok || !to_ok)
    {
      show_date_error (self, _("Type the day as year-month-day, or pick it from the calendar."));
      return;
    }
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      show_date_error (self, _("The first day comes after the last."));
      return;
    }
  show_date_error (self, NULL);
  if (g_strcmp0 (from, self->from) == 0 && g_strcmp0 (to, self->to) == 0)
    return;
  g_free (self->from);
  g_free (self->to);
  self->from = g_steal_pointer (&from);
  self->to = g_steal_pointer (&to);
  changed_cb (self);
}

static void
clear_all_cb (LajnaListFilters *self)
{
  for (guint filter = LAJNA_CASE_FILTER_FOLLOW_UP; filter < LAJNA_CASE_N_FILTERS; filter++)
    lajna_list_filters_clear (self, filter);
}

static GListModel *
new_status_model (void)
{
  const char * const *statuses = lajna_case_statuses ();
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any status"));
  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (list, lajna_label_for (statuses[i]));
  return G_LIST_MODEL (list);
}

static GListModel *
new_kind_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Both kinds"));
  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (list, lajna_label_for (kinds[i]));
  return G_LIST_MODEL (list);
}

static void
lajna_list_filters_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_LIST_FILTERS);

  G_OBJECT_CLASS (lajna_list_filters_parent_class)->dispose (object);
}

static void
lajna_list_filters_finalize (GObject *object)
{
  LajnaListFilters *self = LAJNA_LIST_FILTERS (object);

  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (lajna_list_filters_parent_class)->finalize (object);
}

static void
lajna_list_filters_class_init (LajnaListFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_list_filters_dispose;
  object_class->finalize = lajna_list_filters_finalize;

  /**
   * LajnaListFilters::changed:
   *
   * A filter was chosen or cleared.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-list-filters.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, button);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, follow_none);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, follow_due);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, follow_overdue);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, follow_waiting);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, follow_reports);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, waiting_days);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, status_drop);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, kind_drop);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, from_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, to_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, date_error);
  gtk_widget_class_bind_template_child (widget_class, LajnaListFilters, missing_switch);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_all_cb);
}

static void
lajna_list_filters_init (LajnaListFilters *self)
{
  g_autofree char *due = lajna_case_query_dup_follow_up_label (LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW,
                                                               0);
  g_autofree char *overdue = lajna_case_query_dup_follow_up_label (LAJNA_CASE_FOLLOW_UP_OVERDUE, 0);
  g_autofree char *reports = lajna_case_query_dup_follow_up_label (LAJNA_CASE_FOLLOW_UP_REPORTS_DUE,
                                                                   0);
  g_autoptr(GListModel) statuses = new_status_model ();
  g_autoptr(GListModel) kind_names = new_kind_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_button_set_label (GTK_BUTTON (self->follow_due), due);
  gtk_button_set_label (GTK_BUTTON (self->follow_overdue), overdue);
  gtk_button_set_label (GTK_BUTTON (self->follow_reports), reports);
  gtk_drop_down_set_model (self->status_drop, statuses);
  gtk_drop_down_set_model (self->kind_drop, kind_names);
  gtk_widget_set_sensitive (GTK_WIDGET (self->waiting_days), FALSE);
  lajna_form_rows_add_date_picker (self->from_row);
  lajna_form_rows_add_date_picker (self->to_row);
}

/**
 * lajna_list_filters_apply:
 * @self: a #LajnaListFilters
 * @query: the list's query
 *
 * Puts the filters chosen in @query, but its committee and text.
 */
void
lajna_list_filters_apply (LajnaListFilters *self,
                          LajnaCaseQuery   *query)
{
  guint status = gtk_drop_down_get_selected (self->status_drop);
  guint kind = gtk_drop_down_get_selected (self->kind_drop);
  LajnaCaseFollowUp follow_up = LAJNA_CASE_FOLLOW_UP_NONE;

  g_return_if_fail (LAJNA_IS_LIST_FILTERS (self));

  if (gtk_toggle_button_get_active (self->follow_due))
    follow_up = LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW;
  else if (gtk_toggle_button_get_active (self->follow_overdue))
    follow_up = LAJNA_CASE_FOLLOW_UP_OVERDUE;
  else if (gtk_toggle_button_get_active (self->follow_waiting))
    follow_up = LAJNA_CASE_FOLLOW_UP_WAITING;
  else if (gtk_toggle_button_get_active (self->follow_reports))
    follow_up = LAJNA_CASE_FOLLOW_UP_REPORTS_DUE;
  lajna_case_query_set_follow_up (query, follow_up,
                                  (guint) gtk_spin_button_get_value_as_int (self->waiting_days));
  lajna_case_query_set_status (query, status > 0 && status != GTK_INVALID_LIST_POSITION
                                        ? lajna_case_statuses ()[status - 1] : NULL);
  lajna_case_query_set_kind (query, kind < G_N_ELEMENTS (kinds)
                                      && gtk_widget_get_sensitive (GTK_WIDGET (self->kind_drop))
                                      ? kinds[kind] : NULL);
  lajna_case_query_set_received (query, self->from, self->to);
  lajna_case_query_set_missing_documents (query, gtk_switch_get_active (self->missing_switch));
}

/**
 * lajna_list_filters_clear:
 * @self: a #LajnaListFilters
 * @filter: the filter to take off (not the committee, which the window's
 *   sidebar holds)
 */
void
lajna_list_filters_clear (LajnaListFilters *self,
                          LajnaCaseFilter   filter)
{
  g_return_if_fail (LAJNA_IS_LIST_FILTERS (self));

  switch (filter)
    {
    case LAJNA_CASE_FILTER_FOLLOW_UP:
      gtk_toggle_button_set_active (self->follow_none, TRUE);
      break;
    case LAJNA_CASE_FILTER_STATUS:
      gtk_drop_down_set_selected (self->status_drop, 0);
      break;
    case LAJNA_CASE_FILTER_KIND:
      gtk_drop_down_set_selected (self->kind_drop, 0);
      break;
    case LAJNA_CASE_FILTER_RECEIVED:
      gtk_editable_set_text (GTK_EDITABLE (self->from_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), "");
      break;
    case LAJNA_CASE_FILTER_MISSING_DOCUMENTS:
      gtk_switch_set_active (self->missing_switch, FALSE);
      break;
    case LAJNA_CASE_FILTER_COMMITTEE:
    case LAJNA_CASE_N_FILTERS:
    default:
      g_return_if_reached ();
    }
}

/**
 * lajna_list_filters_set_kind_fixed:
 * @self: a #LajnaListFilters
 * @fixed: whether a committee, and so the kind, is chosen
 *
 * A committee decides files of one kind: while one is chosen, the kind
 * is not asked.
 */
void
lajna_list_filters_set_kind_fixed (LajnaListFilters *self,
                                   gboolean          fixed)
{
  g_return_if_fail (LAJNA_IS_LIST_FILTERS (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_drop), !fixed);
}
