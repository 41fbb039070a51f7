/* lajna-dashboard.c: a committee's oversight figures over a period, or
 * those of every committee the person may see: the key figures as cards,
 * then the charts, each with its table for screen readers. The figures
 * are read when the page is shown, the committee or the period changes,
 * or the person asks again. */

#include "lajna-dashboard.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <time.h>

#include "lajna-chart-view.h"
#include "lajna-pdf-export-run.h"
#include "lajna-stats-charts.h"
#include "lajna-stats-period.h"
#include "lajna-stats-report.h"
#include "lajna-text.h"

/* The key figures of lajna_stats_figures_new(), a card each. */
#define N_CARDS 9

/* The periods of the chooser, in its order. */
static const struct
{
  LajnaStatsPeriod period;
  int              back;
} periods[] = {
  { LAJNA_STATS_MONTH, 0 }, { LAJNA_STATS_MONTH, 1 },
  { LAJNA_STATS_QUARTER, 0 }, { LAJNA_STATS_QUARTER, 1 },
  { LAJNA_STATS_YEAR, 0 }, { LAJNA_STATS_YEAR, 1 },
};

#define N_CHARTS 5

typedef struct
{
  GtkWidget *card;
  GtkLabel  *value;
  GtkLabel  *title;
  GtkLabel  *note;
} Card;

struct _LajnaDashboard
{
  GtkWidget         parent_instance;

  GtkDropDown      *period_choice;
  GtkLabel         *period_label;
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  GtkBox           *figures;
  GtkFlowBox       *cards;

  Card              card[N_CARDS];
  LajnaChartView   *charts[N_CHARTS];

  LajnaDbWorker    *worker;
  GCancellable     *cancellable;
  LajnaStats       *stats;
  int               committee_id;
  LajnaChartDigits  digits;
  /* The figures shown are not those of the committee and period chosen. */
  gboolean          stale;
};

G_DEFINE_FINAL_TYPE (LajnaDashboard, lajna_dashboard, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COMMITTEE_ID,
  PROP_DIGITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_card (Card                   *card,
          const LajnaStatsFigure *figure,
          LajnaChartDigits        digits)
{
  g_autofree char *value = lajna_chart_digits_format_value (digits, figure->value);
  g_autofree char *description = g_strdup_printf ("%s: %s", figure->title, value);

  gtk_label_set_label (card->value, value);
  gtk_label_set_label (card->title, figure->title);
  gtk_label_set_label (card->note, figure->note != NULL ? figure->note : "");
  gtk_widget_set_visible (GTK_WIDGET (card->note), figure->note != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
show_stats (LajnaDashboard *self)
{
  g_autoptr(GArray) figures = lajna_stats_figures_new (self->stats, self->digits);
  g_autoptr(GPtrArray) charts = lajna_stats_charts_new (self->stats);

  for (guint i = 0; i < N_CARDS && i < figures->len; i++)
    set_card (&self->card[i], &g_array_index (figures, LajnaStatsFigure, i), self->digits);
  for (guint i = 0; i < N_CHARTS && i < charts->len; i++)
    lajna_chart_view_set_chart (self->charts[i], g_ptr_array_index (charts, i));
  gtk_stack_set_visible_child_name (self->stack, "figures");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.save-pdf", TRUE);
}

static void
fetch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LajnaStats *stats = lajna_stats_fetch_finish (LAJNA_DB_WORKER (source), result, &error);
  LajnaDashboard *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_DASHBOARD (user_data);
  g_clear_object (&self->cancellable);
  if (stats == NULL)
    {
      g_clear_pointer (&self->stats, lajna_stats_free);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.save-pdf", FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->stats, lajna_stats_free);
  self->stats = stats;
  show_stats (self);
}

/* The period chosen, from today. */
static void
chosen_period (LajnaDashboard *self,
               GDate          *from,
               GDate          *to)
{
  guint chosen = MIN (gtk_drop_down_get_selected (self->period_choice), G_N_ELEMENTS (periods) - 1);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  lajna_stats_period_range (periods[chosen].period, &today, periods[chosen].back, from, to);
}

/**
 * lajna_dashboard_reload:
 * @self: a #LajnaDashboard
 *
 * Reads the figures of the committee and period chosen again, now if the
 * page is shown, else when it is.
 */
void
lajna_dashboard_reload (LajnaDashboard *self)
{
  GDate from, to;
  char first[16], last[16];
  g_autofree char *period = NULL, *first_isolated = NULL, *last_isolated = NULL;

  g_return_if_fail (LAJNA_IS_DASHBOARD (self));

  self->stale = TRUE;
  if (self->worker == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  chosen_period (self, &from, &to);
  g_date_strftime (first, sizeof first, "%Y-%m-%d", &from);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", &to);
  /* Translators: a period, from its first day to its last. */
  first_isolated = lajna_isolate (first);
  last_isolated = lajna_isolate (last);
  period = g_strdup_printf (_("From %s to %s"), first_isolated, last_isolated);
  gtk_label_set_label (self->period_label, period);
  if (self->stats == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  lajna_stats_fetch_async (self->worker, self->committee_id, &from, &to, self->cancellable,
                           fetch_done_cb, self);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LajnaDashboard *self = LAJNA_DASHBOARD (widget);
  GtkWidget *toasts = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  char first[16], last[16];
  g_autofree char *name = NULL;

  if (self->stats == NULL || self->worker == NULL || toasts == NULL)
    return;
  g_date_strftime (first, sizeof first, "%Y-%m-%d", &self->stats->from);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", &self->stats->to);
  /* Translators: the name offered for the statistics report, from its
   * first day to its last. */
  name = g_strdup_printf (_("Statistics %s to %s.pdf"), first, last);
  lajna_pdf_export_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->worker,
                        _("Save the Statistics as a PDF"), name,
                        lajna_export_job_new_stats (self->stats->committee_id, &self->stats->from,
                                                    &self->stats->to, self->digits),
                        ADW_TOAST_OVERLAY (toasts));
}

static void
period_changed_cb (LajnaDashboard *self)
{
  lajna_dashboard_reload (self);
}

static void
lajna_dashboard_map (GtkWidget *widget)
{
  LajnaDashboard *self = LAJNA_DASHBOARD (widget);

  GTK_WIDGET_CLASS (lajna_dashboard_parent_class)->map (widget);
  if (self->stale)
    lajna_dashboard_reload (self);
}

static Card
new_card (void)
{
  Card card;

  card.card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card.card, "card");
  gtk_widget_add_css_class (card.card, "dashboard-card");
  card.value = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (card.value), "title-1");
  card.title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (card.title, TRUE);
  gtk_label_set_justify (card.title, GTK_JUSTIFY_CENTER);
  card.note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (card.note, TRUE);
  gtk_label_set_justify (card.note, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (card.note), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (card.note), "caption");
  gtk_box_append (GTK_BOX (card.card), GTK_WIDGET (card.value));
  gtk_box_append (GTK_BOX (card.card), GTK_WIDGET (card.title));
  gtk_box_append (GTK_BOX (card.card), GTK_WIDGET (card.note));
  return card;
}

static void
lajna_dashboard_dispose (GObject *object)
{
  LajnaDashboard *self = LAJNA_DASHBOARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->stats, lajna_stats_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_DASHBOARD);
  G_OBJECT_CLASS (lajna_dashboard_parent_class)->dispose (object);
}

static void
lajna_dashboard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LajnaDashboard *self = LAJNA_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_COMMITTEE_ID:
      g_value_set_int (value, self->committee_id);
      break;
    case PROP_DIGITS:
      g_value_set_enum (value, self->digits);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_dashboard_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LajnaDashboard *self = LAJNA_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_COMMITTEE_ID:
      lajna_dashboard_set_committee (self, g_value_get_int (value));
      break;
    case PROP_DIGITS:
      if (self->digits == (LajnaChartDigits) g_value_get_enum (value))
        break;
      self->digits = g_value_get_enum (value);
      if (self->stats != NULL)
        show_stats (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_dashboard_class_init (LajnaDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_dashboard_dispose;
  object_class->get_property = lajna_dashboard_get_property;
  object_class->set_property = lajna_dashboard_set_property;
  widget_class->map = lajna_dashboard_map;

  /**
   * LajnaDashboard:committee-id:
   *
   * The committee counted, 0 for every one the person may see.
   */
  properties[PROP_COMMITTEE_ID] =
    g_param_spec_int ("committee-id", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDashboard:digits:
   *
   * The digits the figures are written in.
   */
  properties[PROP_DIGITS] =
    g_param_spec_enum ("digits", NULL, NULL, LAJNA_TYPE_CHART_DIGITS, LAJNA_CHART_DIGITS_LATIN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LAJNA_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/stats/lajna-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaDashboard, period_choice);
  gtk_widget_class_bind_template_child (widget_class, LajnaDashboard, period_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaDashboard, error_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaDashboard, figures);
  gtk_widget_class_bind_template_child (widget_class, LajnaDashboard, cards);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lajna_dashboard_reload);
  gtk_widget_class_install_action (widget_class, "dashboard.save-pdf", NULL, save_pdf_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

static void
lajna_dashboard_init (LajnaDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stale = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.save-pdf", FALSE);
  for (guint i = 0; i < N_CARDS; i++)
    {
      self->card[i] = new_card ();
      gtk_flow_box_append (self->cards, self->card[i].card);
    }
  for (guint i = 0; i < N_CHARTS; i++)
    {
      self->charts[i] = LAJNA_CHART_VIEW (lajna_chart_view_new ());
      g_object_bind_property (self, "digits", self->charts[i], "digits", G_BINDING_SYNC_CREATE);
      gtk_box_append (self->figures, GTK_WIDGET (self->charts[i]));
    }
}

/**
 * lajna_dashboard_new:
 *
 * Returns: (transfer floating): a new dashboard, with no figures until it
 *   has a worker and is shown
 */
GtkWidget *
lajna_dashboard_new (void)
{
  return g_object_new (LAJNA_TYPE_DASHBOARD, NULL);
}

/**
 * lajna_dashboard_set_worker:
 * @self: a #LajnaDashboard
 * @worker: the connection the figures are read through
 */
void
lajna_dashboard_set_worker (LajnaDashboard *self,
                            LajnaDbWorker  *worker)
{
  g_return_if_fail (LAJNA_IS_DASHBOARD (self));

  if (g_set_object (&self->worker, worker))
    lajna_dashboard_reload (self);
}

/**
 * lajna_dashboard_set_committee:
 * @self: a #LajnaDashboard
 * @committee_id: the committee to count, 0 for every one the person sees
 */
void
lajna_dashboard_set_committee (LajnaDashboard *self,
                               int             committee_id)
{
  g_return_if_fail (LAJNA_IS_DASHBOARD (self));
  g_return_if_fail (committee_id >= 0);

  if (self->committee_id == committee_id)
    return;
  self->committee_id = committee_id;
  lajna_dashboard_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTEE_ID]);
}
