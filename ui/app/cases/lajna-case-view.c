/* lajna-case-view.c: one file, read-only: its facts in titled groups.
 *
 * The view reads the file itself through the window's LajnaDbWorker, and
 * reads it again when asked (after an edit), keeping the file it shows.
 *
 * Dates, numbers and Latin names are shown inside bidi isolates so that an
 * Arabic line around them cannot reorder them (2026-11-23 stays so).
 */

#include "lajna-case-view.h"

#include <glib/gi18n.h>

#include "lajna-case-details.h"
#include "lajna-db-worker.h"
#include "lajna-text.h"

struct _LajnaCaseView
{
  GtkWidget  parent_instance;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkBox        *sections;
  GtkLabel      *heading;

  /* The groups below the heading, removed when another file is shown. */
  GPtrArray     *groups;

  LajnaDbWorker *worker;
  GCancellable  *cancellable;
  gint64         case_id;
};

G_DEFINE_FINAL_TYPE (LajnaCaseView, lajna_case_view, GTK_TYPE_WIDGET)

static void
remove_groups (LajnaCaseView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->sections, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static GtkWidget *
new_group (const LajnaFactSection *section)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section->title);
  for (guint i = 0; i < section->facts->len; i++)
    {
      const LajnaFact *fact = g_ptr_array_index (section->facts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *clean = lajna_strip_bidi (fact->value);
      g_autofree char *shown = lajna_isolate (clean != NULL ? clean : "");
      g_autofree char *escaped = g_markup_escape_text (shown, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fact->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
show_details (LajnaCaseView          *self,
              const LajnaCaseDetails *details)
{
  g_autofree char *title = lajna_strip_bidi (details->title);

  remove_groups (self);
  gtk_label_set_text (self->heading, title != NULL ? title : "");
  for (guint i = 0; i < details->sections->len; i++)
    {
      const LajnaFactSection *section = g_ptr_array_index (details->sections, i);
      GtkWidget *group;

      if (section->facts->len == 0)
        continue;
      group = new_group (section);
      gtk_box_append (self->sections, group);
      g_ptr_array_add (self->groups, group);
    }
  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
show_error (LajnaCaseView *self,
            const GError  *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static gpointer
details_thread (LajnaDb       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return lajna_case_details_fetch (db, *(gint64 *) data, error);
}

static void
details_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseDetails) details = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source),
                                                                    result, &error);
  LajnaCaseView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LAJNA_CASE_VIEW (user_data);
  if (details == NULL)
    show_error (self, error);
  else
    show_details (self, details);
}

static void
cancel_loading (LajnaCaseView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
lajna_case_view_dispose (GObject *object)
{
  LajnaCaseView *self = LAJNA_CASE_VIEW (object);

  cancel_loading (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_CASE_VIEW);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (lajna_case_view_parent_class)->dispose (object);
}

static void
lajna_case_view_class_init (LajnaCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_case_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, error_page);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, sections);
  gtk_widget_class_bind_template_child (widget_class, LajnaCaseView, heading);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lajna_case_view_init (LajnaCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

/**
 * lajna_case_view_set_worker:
 * @self: a #LajnaCaseView
 * @worker: the connection files are read through
 */
void
lajna_case_view_set_worker (LajnaCaseView *self,
                            LajnaDbWorker *worker)
{
  g_return_if_fail (LAJNA_IS_CASE_VIEW (self));

  g_set_object (&self->worker, worker);
}

/**
 * lajna_case_view_show_case:
 * @self: a #LajnaCaseView
 * @case_id: the file to show
 *
 * Reads the file and shows it; a spinner meanwhile, the reason if it
 * cannot be read.
 */
void
lajna_case_view_show_case (LajnaCaseView *self,
                           gint64         case_id)
{
  g_return_if_fail (LAJNA_IS_CASE_VIEW (self));
  g_return_if_fail (self->worker != NULL);

  cancel_loading (self);
  self->cancellable = g_cancellable_new ();
  if (case_id != self->case_id)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->case_id = case_id;
  lajna_db_worker_run_async (self->worker, details_thread, g_memdup2 (&case_id, sizeof case_id),
                             g_free, (GDestroyNotify) lajna_case_details_free, self->cancellable,
                             details_done_cb, self);
}

/**
 * lajna_case_view_get_case_id:
 * @self: a #LajnaCaseView
 *
 * Returns: the file shown, 0 when none is
 */
gint64
lajna_case_view_get_case_id (LajnaCaseView *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_VIEW (self), 0);

  return self->case_id;
}

void
lajna_case_view_clear (LajnaCaseView *self)
{
  g_return_if_fail (LAJNA_IS_CASE_VIEW (self));

  cancel_loading (self);
  self->case_id = 0;
  remove_groups (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}
