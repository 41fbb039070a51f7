/* lajna-template-editor.c: "Ruling Templates…": an administrator edits
 * the words of a committee's rulings, outcome by outcome, beside a live
 * preview of the ruling as it prints (lajna-template-preview.c). The title
 * and preamble are one paragraph each; the articles are one a line, and
 * print as المادة الأولى، المادة الثانية …. The placeholders are listed
 * with what each holds; choosing one writes it where the cursor is. A
 * name between braces that is not a placeholder is named under the editor
 * as it is typed, stays visible as written in the preview, and the
 * database refuses it on save. A template is saved as the committee's own
 * or as the one every committee shares. Anyone else sees the templates
 * read-only. */

#include "lajna-template-editor.h"

#include <glib/gi18n.h>

#include "lajna-meeting-actions.h"
#include "lajna-template-preview.h"
#include "lajna-template-setup.h"
#include "lajna-text.h"

/* The preview waits this long after the last key. */
#define PREVIEW_DELAY_MS 250

struct _LajnaTemplateEditor
{
  AdwWindow            parent_instance;

  LajnaDbWorker       *worker;
  int                  committee_id;
  char                *kind;
  GPtrArray           *choices;
  GPtrArray           *placeholders;
  LajnaRulingContent  *sample;
  gboolean             filling;

  AdwToastOverlay     *toasts;
  GtkWidget           *outcome;
  GtkWidget           *scope;
  GtkWidget           *title;
  GtkWidget           *preamble;
  GtkWidget           *articles;
  GtkWidget           *unknown;
  GtkWidget           *save;
  GtkWidget           *read_only;
  GtkWidget           *placeholder_list;
  GtkWidget           *preview;
  GtkWidget           *insert_into;
  guint                preview_source;
  /* The outcome shown, and whether its words were changed since read or
   * saved. */
  guint                shown;
  gboolean             changed;
  /* The last refusal to save, shown until the next save. */
  AdwToast            *refusal;
};

G_DEFINE_FINAL_TYPE (LajnaTemplateEditor, lajna_template_editor, ADW_TYPE_WINDOW)

/* The scope's positions: the committee's own template, or the shared. */
enum
{
  SCOPE_COMMITTEE,
  SCOPE_SHARED,
};

static void
toast (LajnaTemplateEditor *self,
       const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static char *
dup_text_view (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The template as written in the editor. */
static LajnaRulingTemplate *
dup_written (LajnaTemplateEditor *self)
{
  LajnaRulingTemplate *template = g_new0 (LajnaRulingTemplate, 1);
  g_autofree char *articles = dup_text_view (self->articles);

  template->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title)));
  template->preamble = dup_text_view (self->preamble);
  template->articles = g_strsplit (articles, "\n", -1);
  template->own = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->scope)) == SCOPE_COMMITTEE;
  return template;
}

static const char *
selected_outcome (LajnaTemplateEditor *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->outcome));
  const LajnaDecisionChoice *choice;

  if (self->choices == NULL || position >= self->choices->len)
    return NULL;
  choice = g_ptr_array_index (self->choices, position);
  return choice->code;
}

static gboolean
preview_cb (gpointer data)
{
  LajnaTemplateEditor *self = data;
  g_autoptr(LajnaRulingTemplate) template = dup_written (self);
  g_auto(GStrv) unknown = lajna_ruling_template_unknown (template, self->placeholders);

  self->preview_source = 0;
  if (unknown[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("، ", unknown);
      g_autofree char *isolated = lajna_isolate (names);
      /* Translators: the names between braces that are no placeholder. */
      g_autofree char *text = g_strdup_printf (_("Not a placeholder: %s. The template cannot be "
                                                 "saved with it."), isolated);

      gtk_label_set_text (GTK_LABEL (self->unknown), text);
    }
  gtk_widget_set_visible (self->unknown, unknown[0] != NULL);
  lajna_ruling_sample_fill (self->sample, template, self->placeholders);
  lajna_template_preview_show (LAJNA_TEMPLATE_PREVIEW (self->preview), self->sample);
  return G_SOURCE_REMOVE;
}

static void
written_cb (LajnaTemplateEditor *self)
{
  if (self->filling || self->sample == NULL)
    return;
  self->changed = TRUE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_cb, self);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaRulingTemplate) template =
    lajna_ruling_template_load_finish (LAJNA_DB_WORKER (source), result, &error);
  g_autofree char *articles = NULL;

  /* Closed meanwhile. */
  if (self->worker == NULL)
    return;
  if (template == NULL)
    {
      toast (self, error->message);
      return;
    }
  articles = g_strjoinv ("\n", template->articles);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title), template->title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preamble)),
                            template->preamble, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->articles)), articles,
                            -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->scope),
                              template->own ? SCOPE_COMMITTEE : SCOPE_SHARED);
  self->filling = FALSE;
  written_cb (self);
  self->changed = FALSE;
}

static void
load_selected (LajnaTemplateEditor *self)
{
  const char *outcome = selected_outcome (self);

  if (outcome == NULL)
    return;
  self->shown = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->outcome));
  lajna_ruling_template_load_async (self->worker, self->committee_id, outcome, NULL, loaded_cb,
                                    g_object_ref (self));
}

/* Asks before the changed words of the template shown are dropped; then
 * @then runs, or the outcome shown is chosen again. */
static void
discard_answered_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     LajnaTemplateEditor *self)
{
  void (*then) (LajnaTemplateEditor *) = g_object_get_data (G_OBJECT (dialog), "then");

  if (g_strcmp0 (response, "discard") == 0)
    {
      self->changed = FALSE;
      then (self);
    }
  else if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->outcome)) != self->shown)
    {
      self->filling = TRUE;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->outcome), self->shown);
      self->filling = FALSE;
    }
}

static void
ask_discard (LajnaTemplateEditor *self,
             void               (*then) (LajnaTemplateEditor *))
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Discard the Changes to This Template?"),
                                              _("The words changed since the template was last "
                                                "saved will be lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "then", then);
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_answered_cb), g_object_ref (self),
                         (GClosureNotify) G_CALLBACK (g_object_unref), 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
outcome_chosen_cb (LajnaTemplateEditor *self)
{
  if (self->filling || gtk_drop_down_get_selected (GTK_DROP_DOWN (self->outcome)) == self->shown)
    return;
  if (self->changed)
    ask_discard (self, load_selected);
  else
    load_selected (self);
}

static void
close_now (LajnaTemplateEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   data)
{
  LajnaTemplateEditor *self = LAJNA_TEMPLATE_EDITOR (window);

  if (!self->changed)
    return FALSE;
  ask_discard (self, close_now);
  return TRUE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LajnaTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = lajna_ruling_template_save_finish (LAJNA_DB_WORKER (source), result, &error);

  /* Closed meanwhile. */
  if (self->worker == NULL)
    return;
  if (!saved)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      self->refusal = adw_toast_new (escaped);
      g_object_add_weak_pointer (G_OBJECT (self->refusal), (gpointer *) &self->refusal);
      adw_toast_set_timeout (self->refusal, 0);
      adw_toast_overlay_add_toast (self->toasts, self->refusal);
      return;
    }
  self->changed = FALSE;
  toast (self, _("Template saved. Rulings issued from now on use it; those on record keep "
                 "their words."));
}

static void
save_clicked_cb (LajnaTemplateEditor *self)
{
  LajnaRulingTemplate *template;

  if (selected_outcome (self) == NULL)
    return;
  if (self->refusal != NULL)
    adw_toast_dismiss (self->refusal);
  template = dup_written (self);
  lajna_ruling_template_save_async (self->worker, template->own ? self->committee_id : 0,
                                    selected_outcome (self), template, NULL, saved_cb,
                                    g_object_ref (self));
}

/* Writes the chosen placeholder where the cursor is, in the field last
 * written in. */
static void
placeholder_activated_cb (GtkListBox          *list,
                          GtkListBoxRow       *row,
                          LajnaTemplateEditor *self)
{
  const LajnaPlaceholder *placeholder =
    g_ptr_array_index (self->placeholders, gtk_list_box_row_get_index (row));
  g_autofree char *text = g_strdup_printf ("{%s}", placeholder->name);

  if (GTK_IS_TEXT_VIEW (self->insert_into))
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->insert_into)),
                                      text, -1);
  else
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (self->title));

      gtk_editable_insert_text (GTK_EDITABLE (self->title), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (self->title), position);
    }
  gtk_widget_grab_focus (self->insert_into);
}

static void
field_entered_cb (GtkEventControllerFocus *focus,
                  LajnaTemplateEditor     *self)
{
  self->insert_into = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
}

static void
set_editable (LajnaTemplateEditor *self,
              gboolean             editable)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->title), editable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->preamble), editable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->articles), editable);
  gtk_widget_set_sensitive (self->scope, editable);
  gtk_widget_set_sensitive (self->save, editable);
  gtk_widget_set_sensitive (self->placeholder_list, editable);
  gtk_widget_set_visible (self->read_only, !editable);
}

static void
set_up_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaTemplateSetup) setup = lajna_template_setup_load_finish (LAJNA_DB_WORKER (source),
                                                                          result, &error);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);

  /* Closed meanwhile. */
  if (self->worker == NULL)
    return;
  if (setup == NULL)
    {
      toast (self, error->message);
      return;
    }
  self->choices = g_steal_pointer (&setup->choices);
  self->placeholders = g_steal_pointer (&setup->placeholders);
  self->sample = g_steal_pointer (&setup->sample);
  set_editable (self, setup->editable);
  for (guint i = 0; i < self->choices->len; i++)
    gtk_string_list_append (outcomes,
                            ((LajnaDecisionChoice *) g_ptr_array_index (self->choices, i))->label);
  for (guint i = 0; i < self->placeholders->len; i++)
    {
      const LajnaPlaceholder *placeholder = g_ptr_array_index (self->placeholders, i);
      g_autofree char *name = g_strdup_printf ("{%s}", placeholder->name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), placeholder->description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (self->placeholder_list), row);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->outcome), G_LIST_MODEL (outcomes));
  g_signal_connect_swapped (self->outcome, "notify::selected", G_CALLBACK (outcome_chosen_cb),
                            self);
  load_selected (self);
}

static void
watch_focus (LajnaTemplateEditor *self,
             GtkWidget           *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (field_entered_cb), self);
  gtk_widget_add_controller (field, focus);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *arguments,
                  gpointer   data)
{
  LajnaTemplateEditor *self = LAJNA_TEMPLATE_EDITOR (widget);

  if (gtk_widget_is_sensitive (self->save))
    save_clicked_cb (self);
  return TRUE;
}

static void
lajna_template_editor_dispose (GObject *object)
{
  LajnaTemplateEditor *self = LAJNA_TEMPLATE_EDITOR (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->refusal != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->refusal), (gpointer *) &self->refusal);
  self->refusal = NULL;
  g_clear_object (&self->worker);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->placeholders, g_ptr_array_unref);
  g_clear_pointer (&self->sample, lajna_ruling_content_free);
  g_clear_pointer (&self->kind, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), LAJNA_TYPE_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (lajna_template_editor_parent_class)->dispose (object);
}

static void
lajna_template_editor_class_init (LajnaTemplateEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lajna_template_editor_dispose;

  g_type_ensure (LAJNA_TYPE_TEMPLATE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/rulings/lajna-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, outcome);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, scope);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, title);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, preamble);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, articles);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, unknown);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, save);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, read_only);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, placeholder_list);
  gtk_widget_class_bind_template_child (widget_class, LajnaTemplateEditor, preview);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, written_cb);
  gtk_widget_class_bind_template_callback (widget_class, placeholder_activated_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
}

static void
lajna_template_editor_init (LajnaTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preamble)), "changed",
                            G_CALLBACK (written_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->articles)), "changed",
                            G_CALLBACK (written_cb), self);
  watch_focus (self, self->title);
  watch_focus (self, self->preamble);
  watch_focus (self, self->articles);
  self->insert_into = self->articles;
}

/**
 * lajna_template_editor_new:
 * @parent: the main window
 * @worker: the database worker
 * @committee_id: the committee whose templates are shown
 * @kind: its kind, "marriage" or "juvenile"
 *
 * Returns: (transfer none): the editor, shown
 */
LajnaTemplateEditor *
lajna_template_editor_new (GtkWindow     *parent,
                           LajnaDbWorker *worker,
                           int            committee_id,
                           const char    *kind)
{
  LajnaTemplateEditor *self = g_object_new (LAJNA_TYPE_TEMPLATE_EDITOR, "transient-for", parent,
                                            NULL);

  self->worker = g_object_ref (worker);
  self->committee_id = committee_id;
  self->kind = g_strdup (kind);
  lajna_template_setup_load_async (worker, committee_id, kind, lajna_prefer_arabic (), NULL,
                                   set_up_cb, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
