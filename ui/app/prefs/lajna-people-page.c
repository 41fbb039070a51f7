/* lajna-people-page.c: the people of the committees an administrator
 * administers, by full name, with their login and their roles on each
 * committee; a row opens the person's editor (lajna-person-editor.c), as
 * does "Add Person…" for a new one. */

#include "lajna-people-page.h"

#include <glib/gi18n.h>

#include "lajna-admin-form.h"
#include "lajna-committee-settings.h"
#include "lajna-edit-row.h"
#include "lajna-labels.h"
#include "lajna-people.h"
#include "lajna-person-editor.h"

struct _LajnaPeoplePage
{
  AdwPreferencesPage    parent_instance;

  LajnaDbWorker        *worker;
  GCancellable         *cancellable;
  GPtrArray            *people;
  GPtrArray            *committees;
  /* The rows shown, to take away on a reload. */
  GPtrArray            *rows;

  AdwPreferencesGroup  *group;
};

G_DEFINE_FINAL_TYPE (LajnaPeoplePage, lajna_people_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  GPtrArray *people;
  GPtrArray *committees;
} Fetched;

static void
fetched_free (Fetched *fetched)
{
  g_clear_pointer (&fetched->people, g_ptr_array_unref);
  g_clear_pointer (&fetched->committees, g_ptr_array_unref);
  g_free (fetched);
}

static void reload (LajnaPeoplePage *self);

static void
saved_cb (LajnaPeoplePage *self)
{
  lajna_admin_page_toast (GTK_WIDGET (self), _("The person is saved."));
  reload (self);
}

static void
open_editor (LajnaPeoplePage      *self,
             const LajnaPeopleRow *person)
{
  GtkWindow *editor = lajna_person_editor_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->worker, self->committees,
      person);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
edit_clicked_cb (GtkButton       *button,
                 LajnaPeoplePage *self)
{
  guint index = lajna_edit_row_get_index (GTK_WIDGET (button));

  open_editor (self, g_ptr_array_index (self->people, index));
}

static void
add_clicked_cb (LajnaPeoplePage *self)
{
  if (self->committees != NULL)
    open_editor (self, NULL);
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

/* "login — Clerk (committee), Member (committee)": the roles on the
 * committees shown here; those on others are not this administrator's. */
static char *
describe (LajnaPeoplePage      *self,
          const LajnaPeopleRow *person)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  g_string_append_printf (text, "\u2068%s\u2069", person->login);
  for (guint i = 0; i < person->roles->len; i++)
    {
      const LajnaPeopleRole *role = g_ptr_array_index (person->roles, i);
      const char *committee = committee_name (self, role->committee_id);
      g_autofree char *isolated = NULL;

      if (committee == NULL)
        continue;
      isolated = g_strdup_printf ("\u2068%s\u2069", committee);
      /* Translators: a role and the committee it is held on. */
      g_string_append_printf (text, shown++ == 0 ? _(" — %s (%s)") : _(", %s (%s)"),
                              lajna_label_for (role->role), isolated);
    }
  if (!person->active)
    g_string_append_printf (text, " — %s", _("turned off"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_people (gpointer page,
             gpointer result)
{
  LajnaPeoplePage *self = page;
  Fetched *fetched = result;

  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->committees, g_ptr_array_unref);
  self->people = g_steal_pointer (&fetched->people);
  self->committees = g_steal_pointer (&fetched->committees);
  lajna_edit_rows_clear (self->group, self->rows);
  for (guint i = 0; i < self->people->len; i++)
    {
      const LajnaPeopleRow *person = g_ptr_array_index (self->people, i);
      g_autofree char *description = describe (self, person);
      GtkWidget *row = lajna_edit_row_new (*person->full_name != '\0' ? person->full_name
                                                                      : person->login,
                                           description, i, G_CALLBACK (edit_clicked_cb), self);

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
  Fetched *fetched = g_new0 (Fetched, 1);

  fetched->people = lajna_people_fetch_all (db, error);
  if (fetched->people != NULL)
    fetched->committees = lajna_committee_settings_fetch_all (db, error);
  if (fetched->committees == NULL)
    {
      fetched_free (fetched);
      return NULL;
    }
  return fetched;
}


static void
reload (LajnaPeoplePage *self)
{
  lajna_admin_page_load (self, self->group, self->worker, fetch_thread,
                         (GDestroyNotify) fetched_free, self->cancellable, show_people);
}

static void
lajna_people_page_dispose (GObject *object)
{
  LajnaPeoplePage *self = LAJNA_PEOPLE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->committees, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_people_page_parent_class)->dispose (object);
}

static void
lajna_people_page_class_init (LajnaPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_people_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/prefs/lajna-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaPeoplePage, group);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lajna_people_page_init (LajnaPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
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
  LajnaPeoplePage *self = g_object_new (LAJNA_TYPE_PEOPLE_PAGE, NULL);

  self->worker = g_object_ref (worker);
  reload (self);
  return ADW_PREFERENCES_PAGE (self);
}
