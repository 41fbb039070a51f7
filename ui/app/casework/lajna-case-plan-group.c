/* lajna-case-plan-group.c: a juvenile file's case plan in the file view
 * and on a meeting's item: each goal with its domain, target day and
 * status, and its latest review (day, reviewer, note). Those who set the
 * plan (the file's social worker or psychologist, its committee's clerk,
 * rapporteur or chair) add a goal and review one; on a list only to read
 * (the meeting's item), nobody does. */

#include "lajna-case-plan-group.h"

#include <glib/gi18n.h>

#include "lajna-case-plan.h"
#include "lajna-goal-dialog.h"
#include "lajna-icon-button.h"
#include "lajna-labels.h"
#include "lajna-text.h"

struct _LajnaCasePlanGroup
{
  AdwPreferencesGroup  parent_instance;

  LajnaDbWorker       *worker;
  gint64               case_id;
  GPtrArray           *rows;
  GtkWidget           *add_button;
  gboolean             read_only;
  gboolean             may_write;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaCasePlanGroup, lajna_case_plan_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
new_goal_row (const LajnaPlanGoal *goal,
              gboolean             may_write)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *target = lajna_isolate (goal->target_on);
  g_autofree char *reviewed = lajna_isolate (goal->reviewed_on);
  g_autoptr(GString) subtitle = g_string_new (lajna_label_for (goal->domain));

  g_string_append_printf (subtitle, " · %s", lajna_label_for (goal->status));
  if (goal->target_on[0] != '\0')
    g_string_append_printf (subtitle, " · %s", target);
  if (goal->reviewed_on[0] != '\0')
    {
      g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, _("Reviewed on %s by %s"), reviewed, goal->reviewer_name);
      if (goal->note[0] != '\0')
        g_string_append_printf (subtitle, _(": %s"), goal->note);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), goal->goal);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (may_write)
    {
      GtkWidget *review = lajna_icon_button_new ("object-select-symbolic", _("Review the Goal…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (review), "plan.review");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (review), "(xss)", goal->id, goal->goal,
                                        goal->status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), review);
    }
  return row;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LajnaCasePlanGroup *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCasePlan) listed = lajna_case_plan_load_finish (LAJNA_DB_WORKER (source), result,
                                                                 &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (listed == NULL)
    {
      gtk_widget_set_visible (self->add_button, FALSE);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  self->may_write = listed->may_write && !self->read_only;
  gtk_widget_set_visible (self->add_button, self->may_write);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         listed->goals->len == 0 ? _("No goals yet.") : NULL);
  for (guint i = 0; i < listed->goals->len; i++)
    {
      GtkWidget *row = new_goal_row (g_ptr_array_index (listed->goals, i), self->may_write);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
reload (LajnaCasePlanGroup *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lajna_case_plan_load_async (self->worker, self->case_id, self->cancellable, listed_cb, self);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LajnaCasePlanGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (lajna_case_plan_write_finish (LAJNA_DB_WORKER (source), result, &error))
    reload (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
}

static void
goal_given_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LajnaCasePlanGroup) self = user_data;
  g_autofree char *domain = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *day = NULL;

  if (lajna_goal_dialog_ask_goal_finish (result, &domain, &goal, &day, NULL))
    lajna_case_plan_add_async (self->worker, self->case_id, domain, goal, day, NULL, written_cb,
                               g_object_ref (self));
}

static void
add_clicked_cb (LajnaCasePlanGroup *self)
{
  lajna_goal_dialog_ask_goal_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                                    goal_given_cb, g_object_ref (self));
}

typedef struct
{
  LajnaCasePlanGroup *self;
  gint64              goal_id;
} Review;

static void
review_given_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Review *review = user_data;
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;

  if (lajna_goal_dialog_ask_review_finish (result, &status, &note, NULL))
    lajna_case_plan_review_async (review->self->worker, review->goal_id, status, note, NULL,
                                  written_cb, g_object_ref (review->self));
  g_object_unref (review->self);
  g_free (review);
}

static void
review_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Review *review = g_new0 (Review, 1);
  const char *goal, *status;

  g_variant_get (parameter, "(x&s&s)", &review->goal_id, &goal, &status);
  review->self = g_object_ref (LAJNA_CASE_PLAN_GROUP (widget));
  lajna_goal_dialog_ask_review_async (GTK_WINDOW (gtk_widget_get_root (widget)), goal, status,
                                      NULL, review_given_cb, review);
}

static void
lajna_case_plan_group_dispose (GObject *object)
{
  LajnaCasePlanGroup *self = LAJNA_CASE_PLAN_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_case_plan_group_parent_class)->dispose (object);
}

static void
lajna_case_plan_group_class_init (LajnaCasePlanGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lajna_case_plan_group_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/lajna/Lajna/app/casework/lajna-case-plan-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCasePlanGroup, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_install_action (widget_class, "plan.review", "(xss)", review_activated);
}

static void
lajna_case_plan_group_init (LajnaCasePlanGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_case_plan_group_show:
 * @self: a #LajnaCasePlanGroup
 * @worker: the database worker
 * @case_id: a juvenile file
 */
void
lajna_case_plan_group_show (LajnaCasePlanGroup *self,
                            LajnaDbWorker      *worker,
                            gint64              case_id)
{
  g_return_if_fail (LAJNA_IS_CASE_PLAN_GROUP (self));

  g_set_object (&self->worker, worker);
  self->case_id = case_id;
  reload (self);
}

/**
 * lajna_case_plan_group_set_read_only:
 * @self: a #LajnaCasePlanGroup
 * @read_only: whether the plan is only read here, never changed
 */
void
lajna_case_plan_group_set_read_only (LajnaCasePlanGroup *self,
                                     gboolean            read_only)
{
  g_return_if_fail (LAJNA_IS_CASE_PLAN_GROUP (self));

  self->read_only = read_only;
}
