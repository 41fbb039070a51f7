/* lajna-committees-page.c: the committees an administrator administers,
 * one row each; a row opens the committee's editor
 * (lajna-committee-editor.c), as does "Add Committee…" for a new one. */

#include "lajna-committees-page.h"

#include <glib/gi18n.h>

#include "lajna-admin-form.h"
#include "lajna-committee-editor.h"
#include "lajna-committee-settings.h"
#include "lajna-edit-row.h"

struct _LajnaCommitteesPage
{
  AdwPreferencesPage    parent_instance;

  LajnaDbWorker        *worker;
  GCancellable         *cancellable;
  GPtrArray            *committees;
  /* The rows shown, to take away on a reload. */
  GPtrArray            *rows;

  AdwPreferencesGroup  *group;
};

G_DEFINE_FINAL_TYPE (LajnaCommitteesPage, lajna_committees_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (LajnaCommitteesPage *self);

static void
saved_cb (LajnaCommitteesPage *self)
{
  lajna_admin_page_toast (GTK_WIDGET (self), _("The committee is saved."));
  reload (self);
}

static void
open_editor (LajnaCommitteesPage          *self,
             const LajnaCommitteeSettings *settings)
{
  GtkWindow *editor = lajna_committee_editor_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->worker, settings);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
edit_clicked_cb (GtkButton           *button,
                 LajnaCommitteesPage *self)
{
  guint index = lajna_edit_row_get_index (GTK_WIDGET (button));

  open_editor (self, g_ptr_array_index (self->committees, index));
}

static void
add_clicked_cb (LajnaCommitteesPage *self)
{
  open_editor (self, NULL);
}

static void
show_committees (gpointer page,
                 gpointer result)
{
  LajnaCommitteesPage *self = page;

  g_clear_pointer (&self->committees, g_ptr_array_unref);
  self->committees = g_ptr_array_ref (result);
  lajna_edit_rows_clear (self->group, self->rows);
  for (guint i = 0; i < self->committees->len; i++)
    {
      const LajnaCommitteeSettings *settings = g_ptr_array_index (self->committees, i);
      GtkWidget *row = lajna_edit_row_new (settings->name_ar, settings->city, i,
                                           G_CALLBACK (edit_clicked_cb), self);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static gpointer
fetch_thread (LajnaDb       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return lajna_committee_settings_fetch_all (db, error);
}


static void
reload (LajnaCommitteesPage *self)
{
  lajna_admin_page_load (self, self->group, self->worker, fetch_thread,
                         (GDestroyNotify) g_ptr_array_unref, self->cancellable, show_committees);
}

static void
lajna_committees_page_dispose (GObject *object)
{
  LajnaCommitteesPage *self = LAJNA_COMMITTEES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_COMMITTEES_PAGE);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->committees, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_committees_page_parent_class)->dispose (object);
}

static void
lajna_committees_page_class_init (LajnaCommitteesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_committees_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/prefs/lajna-committees-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteesPage, group);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lajna_committees_page_init (LajnaCommitteesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

/**
 * lajna_committees_page_new:
 * @worker: the connection, as an administrator
 *
 * Returns: (transfer floating): the page, filling itself
 */
AdwPreferencesPage *
lajna_committees_page_new (LajnaDbWorker *worker)
{
  LajnaCommitteesPage *self = g_object_new (LAJNA_TYPE_COMMITTEES_PAGE, NULL);

  self->worker = g_object_ref (worker);
  reload (self);
  return ADW_PREFERENCES_PAGE (self);
}
