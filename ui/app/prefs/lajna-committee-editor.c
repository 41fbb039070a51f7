/* lajna-committee-editor.c: one committee's names, place, quorum, Hijri
 * dates and letterhead, as its administrator edits them; or a new
 * committee, with its kind, code and file-number prefix besides. What is
 * wrong is said above the form and marked on its row, and nothing is
 * written; the database refuses it again whatever client sends it. The
 * window emits "saved" once the database took the change. */

#include "lajna-committee-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lajna-admin-form.h"
#include "lajna-db-rules.h"

struct _LajnaCommitteeEditor
{
  AdwWindow               parent_instance;

  LajnaDbWorker          *worker;
  GCancellable           *cancellable;
  /* The committee edited; NULL for a new one. */
  LajnaCommitteeSettings *settings;

  GtkWidget              *save;
  GtkLabel               *error_label;
  GtkWidget              *new_group;
  AdwComboRow            *kind;
  GtkWidget              *code;
  GtkWidget              *file_prefix;
  GtkWidget              *name_ar;
  GtkWidget              *name_en;
  GtkWidget              *branch;
  GtkWidget              *city;
  GtkWidget              *quorum;
  GtkSwitch              *hijri_dates;
  GtkTextView            *letterhead;
};

G_DEFINE_FINAL_TYPE (LajnaCommitteeEditor, lajna_committee_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* The kinds, in the order of the kind row. */
static const char * const kinds[] = { "marriage", "juvenile" };

static char *
dup_trimmed (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}



/* The form as typed, and a new committee's prefix in @file_prefix; NULL,
 * with what is wrong shown, when it cannot be saved. */
static LajnaCommitteeSettings *
read_form (LajnaCommitteeEditor  *self,
           char                 **file_prefix)
{
  g_autoptr(LajnaValidation) validation = lajna_validation_new ();
  g_autofree char *quorum = dup_trimmed (self->quorum);
  g_autoptr(LajnaCommitteeSettings) settings = g_new0 (LajnaCommitteeSettings, 1);
  g_autofree char *prefix = dup_trimmed (self->file_prefix);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->letterhead);
  GtkTextIter start, end;
  const LajnaAdminField fields[] = {
    { "name_ar", self->name_ar }, { "name_en", self->name_en }, { "branch", self->branch },
    { "city", self->city }, { "letterhead", GTK_WIDGET (self->letterhead) },
    { "quorum", self->quorum }, { "code", self->code }, { "file_prefix", self->file_prefix },
  };

  settings->id = self->settings != NULL ? self->settings->id : 0;
  settings->kind = g_strdup (kinds[adw_combo_row_get_selected (self->kind) % G_N_ELEMENTS (kinds)]);
  settings->code = dup_trimmed (self->code);
  settings->name_ar = dup_trimmed (self->name_ar);
  settings->name_en = dup_trimmed (self->name_en);
  settings->branch = dup_trimmed (self->branch);
  settings->city = dup_trimmed (self->city);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  settings->letterhead = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  settings->hijri_dates = gtk_switch_get_active (self->hijri_dates);

  lajna_committee_settings_validate (settings, validation);
  if (!lajna_committee_settings_parse_quorum (quorum, &settings->quorum))
    lajna_validation_add (validation, "quorum", LAJNA_ISSUE_ERROR, "%s",
                          lajna_db_rule_message ("lajna:quorum_number"));
  if (self->settings == NULL && !g_regex_match_simple ("^[a-z][a-z0-9-]{1,40}$", settings->code,
                                                       0, 0))
    lajna_validation_add (validation, "code", LAJNA_ISSUE_ERROR, "%s",
                          lajna_db_rule_message ("lajna:committee_code"));
  if (self->settings == NULL
      && (*prefix == '\0' || g_utf8_strlen (prefix, -1) > 5
          || strpbrk (prefix, "/0123456789 ") != NULL))
    lajna_validation_add (validation, "file_prefix", LAJNA_ISSUE_ERROR, "%s",
                          lajna_db_rule_message ("lajna:file_prefix"));

  if (!lajna_admin_form_check (self->error_label, validation, fields, G_N_ELEMENTS (fields)))
    return NULL;
  *file_prefix = g_steal_pointer (&prefix);
  return g_steal_pointer (&settings);
}

/* Once written, or refused; the editor is gone when it was cancelled. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LajnaCommitteeEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (lajna_committee_settings_write_finish (LAJNA_DB_WORKER (source), result, &error)
      || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lajna_admin_form_written (GTK_WINDOW (self), self->save, self->error_label, error);
}

static void
save_clicked_cb (LajnaCommitteeEditor *self)
{
  g_autofree char *file_prefix = NULL;
  g_autoptr(LajnaCommitteeSettings) settings = read_form (self, &file_prefix);

  if (settings == NULL)
    return;
  gtk_widget_set_sensitive (self->save, FALSE);
  lajna_committee_settings_write_async (self->worker, settings, file_prefix, self->cancellable,
                                        written_cb, self);
}

static void
fill (LajnaCommitteeEditor         *self,
      const LajnaCommitteeSettings *settings)
{
  g_autofree char *quorum = settings->quorum > 0 ? g_strdup_printf ("%d", settings->quorum)
                                                 : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->name_ar), settings->name_ar);
  gtk_editable_set_text (GTK_EDITABLE (self->name_en), settings->name_en);
  gtk_editable_set_text (GTK_EDITABLE (self->branch), settings->branch);
  gtk_editable_set_text (GTK_EDITABLE (self->city), settings->city);
  gtk_editable_set_text (GTK_EDITABLE (self->quorum), quorum);
  gtk_switch_set_active (self->hijri_dates, settings->hijri_dates);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->letterhead), settings->letterhead, -1);
}

static void
lajna_committee_editor_dispose (GObject *object)
{
  LajnaCommitteeEditor *self = LAJNA_COMMITTEE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_COMMITTEE_EDITOR);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->settings, lajna_committee_settings_free);

  G_OBJECT_CLASS (lajna_committee_editor_parent_class)->dispose (object);
}

static void
lajna_committee_editor_class_init (LajnaCommitteeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_committee_editor_dispose;

  /**
   * LajnaCommitteeEditor::saved:
   *
   * The database took the committee as written.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/lajna/Lajna/app/prefs/lajna-committee-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, save);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, new_group);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, kind);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, code);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, file_prefix);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, name_ar);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, name_en);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, branch);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, city);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, quorum);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, hijri_dates);
  gtk_widget_class_bind_template_child (widget_class, LajnaCommitteeEditor, letterhead);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_committee_editor_init (LajnaCommitteeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * lajna_committee_editor_new:
 * @parent: the window it belongs to
 * @worker: the connection, as an administrator
 * @settings: (nullable): the committee to edit, %NULL for a new one
 *
 * Returns: (transfer none): the editor, not yet shown
 */
GtkWindow *
lajna_committee_editor_new (GtkWindow                    *parent,
                            LajnaDbWorker                *worker,
                            const LajnaCommitteeSettings *settings)
{
  LajnaCommitteeEditor *self = g_object_new (LAJNA_TYPE_COMMITTEE_EDITOR,
                                             "transient-for", parent,
                                             "application", gtk_window_get_application (parent),
                                             NULL);

  self->worker = g_object_ref (worker);
  if (settings != NULL)
    {
      self->settings = lajna_committee_settings_copy (settings);
      gtk_window_set_title (GTK_WINDOW (self), settings->name_ar);
      fill (self, settings);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Committee"));
      gtk_widget_set_visible (self->new_group, TRUE);
    }
  return GTK_WINDOW (self);
}
