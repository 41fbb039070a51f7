/* lajna-people-page.c: the people of the committees an administrator
 * administers, by full name, with their login and their roles on each
 * committee; a row opens the person's editor (lajna-person-editor.c), as
 * does "Add Person…" for a new one. */

#include "lajna-people-page.h"

#include <glib/gi18n.h>

#include "lajna-committee-settings.h"
#include "lajna-labels.h"
#include "lajna-people-list.h"
#include "lajna-person-editor.h"

struct _LajnaPeoplePage
{
  LajnaAdminPage  parent_instance;

  /* (element-type LajnaPeopleRow) */
  GPtrArray      *people;
  /* (element-type LajnaCommitteeSettings): those the person administers */
  GPtrArray      *committees;
  /* Whether the server asks people for passwords. */
  gboolean        passwords;
};

G_DEFINE_FINAL_TYPE (LajnaPeoplePage, lajna_people_page, LAJNA_TYPE_ADMIN_PAGE)

static void
saved_cb (LajnaAdminPage *self)
{
  lajna_admin_page_saved (self, _("The person is saved."));
}

static void
open_editor (LajnaPeoplePage      *self,
             const LajnaPeopleRow *person)
{
  GtkWindow *editor = lajna_person_editor_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
      lajna_admin_page_get_worker (LAJNA_ADMIN_PAGE (self)), self->committees, person,
      self->passwords);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
edit_clicked_cb (GtkButton       *button,
                 LajnaPeoplePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  open_editor (self, g_ptr_array_index (self->people, index));
}

static const char *
committee_name (LajnaPeoplePage *self,
                int              id)
{
  for (guint i = 0; i < self->committees->len; i++)
    {
      const LajnaCommitteeSettings *committee = g_ptr_array_index (self->committees, i);

      if (committee->id == id)
        return committee->name_ar;
    }
  return NULL;
}

/* "Clerk (committee), Member (committee) — login": the roles on the
 * committees shown here (those on others are not this administrator's),
 * first, so that the line takes the direction of the interface's words,
 * not of the Latin login. */
static char *
describe (LajnaPeoplePage      *self,
          const LajnaPeopleRow *person)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < person->roles->len; i++)
    {
      const LajnaPeopleRole *role = g_ptr_array_index (person->roles, i);
      const char *committee = committee_name (self, role->committee_id);
      g_autofree char *isolated = NULL;

      if (committee == NULL)
        continue;
      isolated = g_strdup_printf ("\u2068%s\u2069", committee);
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      if (role->active)
        g_string_append_printf (text, C_("role and its committee", "%s (%s)"),
                                lajna_label_for (role->role), isolated);
      else
        g_string_append_printf (text, C_("role and its committee, turned off there",
                                         "%s (%s, turned off)"),
                                lajna_label_for (role->role), isolated);
    }
  if (!person->active)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " — " : "", _("turned off"));
  g_string_append_printf (text, "%s\u2068%s\u2069", text->len > 0 ? " — " : "", person->login);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gpointer
load_finish (LajnaDbWorker  *worker,
             GAsyncResult   *result,
             GError        **error)
{
  return lajna_people_list_load_finish (worker, result, error);
}

static void
lajna_people_page_show (LajnaAdminPage *page,
                        gpointer        result)
{
  LajnaPeoplePage *self = LAJNA_PEOPLE_PAGE (page);
  LajnaPeopleList *list = result;

  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->committees, g_ptr_array_unref);
  self->people = g_steal_pointer (&list->people);
  self->committees = g_steal_pointer (&list->committees);
  self->passwords = list->passwords;
  lajna_admin_page_clear_rows (page);
  for (guint i = 0; i < self->people->len; i++)
    {
      const LajnaPeopleRow *person = g_ptr_array_index (self->people, i);
      g_autofree char *description = describe (self, person);

      lajna_admin_page_add_row (page, *person->full_name != '\0' ? person->full_name
                                                                 : person->login,
                                description, i, G_CALLBACK (edit_clicked_cb));
    }
}

static void
lajna_people_page_add (LajnaAdminPage *page)
{
  LajnaPeoplePage *self = LAJNA_PEOPLE_PAGE (page);

  if (self->committees != NULL)
    open_editor (self, NULL);
}

static void
lajna_people_page_dispose (GObject *object)
{
  LajnaPeoplePage *self = LAJNA_PEOPLE_PAGE (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->committees, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_people_page_parent_class)->dispose (object);
}

static void
lajna_people_page_class_init (LajnaPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LajnaAdminPageClass *page_class = LAJNA_ADMIN_PAGE_CLASS (klass);

  object_class->dispose = lajna_people_page_dispose;
  page_class->load_async = lajna_people_list_load_async;
  page_class->load_finish = load_finish;
  page_class->result_free = (GDestroyNotify) lajna_people_list_free;
  page_class->show = lajna_people_page_show;
  page_class->add = lajna_people_page_add;
}

static void
lajna_people_page_init (LajnaPeoplePage *self)
{
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("People"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "system-users-symbolic");
  lajna_admin_page_set_texts (LAJNA_ADMIN_PAGE (self), _("People of Your Committees"),
                              _("Their full names and roles on each committee."),
                              _("_Add Person…"));
}

/**
 * lajna_people_page_new:
 * @worker: the connection, as an administrator
 *
 * Returns: (transfer floating): the page, filling itself
 */
AdwPreferencesPage *
lajna_people_page_new (LajnaDbWorker *worker)
{
  return g_object_new (LAJNA_TYPE_PEOPLE_PAGE, "worker", worker, NULL);
}
