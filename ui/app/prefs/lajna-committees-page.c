/* lajna-committees-page.c: the committees an administrator administers,
 * one row each, opening the committee's editor (lajna-committee-editor.c),
 * as does "Add Committee…" for a new one. */

#include "lajna-committees-page.h"

#include <glib/gi18n.h>

#include "lajna-committee-editor.h"
#include "lajna-committee-settings.h"

struct _LajnaCommitteesPage
{
  LajnaAdminPage  parent_instance;

  /* (element-type LajnaCommitteeSettings) */
  GPtrArray      *committees;
};

G_DEFINE_FINAL_TYPE (LajnaCommitteesPage, lajna_committees_page, LAJNA_TYPE_ADMIN_PAGE)

static void
saved_cb (LajnaAdminPage *self)
{
  lajna_admin_page_saved (self, _("The committee is saved."));
}

static void
open_editor (LajnaCommitteesPage          *self,
             const LajnaCommitteeSettings *settings)
{
  GtkWindow *editor = lajna_committee_editor_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
      lajna_admin_page_get_worker (LAJNA_ADMIN_PAGE (self)), settings);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
edit_clicked_cb (GtkButton           *button,
                 LajnaCommitteesPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  open_editor (self, g_ptr_array_index (self->committees, index));
}

static gpointer
load_finish (LajnaDbWorker  *worker,
             GAsyncResult   *result,
             GError        **error)
{
  return lajna_committee_settings_fetch_all_finish (worker, result, error);
}

static void
lajna_committees_page_show (LajnaAdminPage *page,
                            gpointer        result)
{
  LajnaCommitteesPage *self = LAJNA_COMMITTEES_PAGE (page);

  g_clear_pointer (&self->committees, g_ptr_array_unref);
  self->committees = g_ptr_array_ref (result);
  lajna_admin_page_clear_rows (page);
  for (guint i = 0; i < self->committees->len; i++)
    {
      const LajnaCommitteeSettings *settings = g_ptr_array_index (self->committees, i);

      lajna_admin_page_add_row (page, settings->name_ar, settings->city, i,
                                G_CALLBACK (edit_clicked_cb));
    }
}

static void
lajna_committees_page_add (LajnaAdminPage *page)
{
  open_editor (LAJNA_COMMITTEES_PAGE (page), NULL);
}

static void
lajna_committees_page_dispose (GObject *object)
{
  LajnaCommitteesPage *self = LAJNA_COMMITTEES_PAGE (object);

  g_clear_pointer (&self->committees, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_committees_page_parent_class)->dispose (object);
}

static void
lajna_committees_page_class_init (LajnaCommitteesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LajnaAdminPageClass *page_class = LAJNA_ADMIN_PAGE_CLASS (klass);

  object_class->dispose = lajna_committees_page_dispose;
  page_class->load_async = lajna_committee_settings_fetch_all_async;
  page_class->load_finish = load_finish;
  page_class->result_free = (GDestroyNotify) g_ptr_array_unref;
  page_class->show = lajna_committees_page_show;
  page_class->add = lajna_committees_page_add;
}

static void
lajna_committees_page_init (LajnaCommitteesPage *self)
{
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Committees"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-list-symbolic");
  lajna_admin_page_set_texts (LAJNA_ADMIN_PAGE (self), _("Committees You Administer"),
                              _("Names, place, letterhead, quorum and dates of each committee."),
                              _("_Add Committee…"));
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
  return g_object_new (LAJNA_TYPE_COMMITTEES_PAGE, "worker", worker, NULL);
}
