/* lajna-report-editor.c: a social worker's or psychologist's draft
 * report, a section a text box under its title and prompt. "Save Draft"
 * keeps it; "Submit…" asks first, then prints it and puts it on record as
 * the file's document, after which it no longer changes. A required
 * section left empty is named before anything is sent. Closing with
 * unsaved text asks first. Every read and write runs on the database
 * worker; a save based on an older copy (another workstation saved
 * since) is refused and said in a toast, nothing overwritten. */

#include "lajna-report-editor.h"

#include <glib/gi18n.h>

#include "lajna-discard-dialog.h"
#include "lajna-report-pdf.h"
#include "lajna-text.h"

struct _LajnaReportEditor
{
  AdwWindow        parent_instance;

  LajnaDbWorker   *worker;
  LajnaReport     *report;
  /* A text buffer a section, in the report's order. */
  GPtrArray       *buffers;
  AdwWindowTitle  *title;
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkBox          *sections;
  gboolean         unsaved;
  gboolean         busy;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaReportEditor, lajna_report_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sets "busy" or "unsaved", held in @flag, telling on a change. */
static void
set_flag (LajnaReportEditor *self,
          gboolean          *flag,
          guint              prop_id,
          gboolean           value)
{
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Whether Save Draft can be pressed, which the template binds it to:
 * there is typed text to keep, and nothing under way. */
static gboolean
can_save (LajnaReportEditor *self,
          gboolean           busy,
          gboolean           unsaved)
{
  return unsaved && !busy;
}

static void
show_toast (LajnaReportEditor *self,
            const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
text_changed_cb (LajnaReportEditor *self)
{
  set_flag (self, &self->unsaved, PROP_UNSAVED, TRUE);
}

/* A section: its title, its prompt, whether it must be written, and a
 * box to write it in. */
static GtkWidget *
new_section (LajnaReportEditor        *self,
             const LajnaReportSection *section)
{
  gboolean arabic = lajna_prefer_arabic ();
  const char *title = arabic ? section->title_ar : section->title_en;
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *prompt = g_markup_escape_text (arabic ? section->prompt_ar
                                                         : section->prompt_en, -1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *need = gtk_label_new (section->required ? _("Required") : _("Optional"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), prompt);
  gtk_widget_add_css_class (need, section->required ? "accent" : "dim-label");
  gtk_widget_add_css_class (need, "caption");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), need);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  arabic ? section->prompt_ar : section->prompt_en, -1);
  gtk_text_buffer_set_text (buffer, section->body, -1);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_ptr_array_add (self->buffers, g_object_ref (buffer));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  return group;
}

static void
show_report (LajnaReportEditor *self)
{
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->title, lajna_prefer_arabic () ? self->report->kind_ar
                                                                    : self->report->kind_en);
  if (self->report->version > 1)
    subtitle = g_strdup_printf (_("Correction %d: %s"), self->report->version,
                                self->report->reason);
  adw_window_title_set_subtitle (self->title, subtitle);
  for (guint i = 0; i < self->report->sections->len; i++)
    gtk_box_append (self->sections, new_section (self, g_ptr_array_index (self->report->sections,
                                                                        i)));
  gtk_stack_set_visible_child_name (self->stack, "report");
}

/* The sections as typed, into the report, without direction controls. */
static void
collect (LajnaReportEditor *self)
{
  for (guint i = 0; i < self->buffers->len; i++)
    {
      GtkTextBuffer *buffer = g_ptr_array_index (self->buffers, i);
      LajnaReportSection *section = g_ptr_array_index (self->report->sections, i);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_free (section->body);
      section->body = lajna_strip_bidi (text);
    }
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LajnaReportEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  LajnaReport *report = lajna_report_load_finish (LAJNA_DB_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  self->report = report;
  show_report (self);
  set_flag (self, &self->busy, PROP_BUSY, FALSE);
}

/* After a save or a submission. */
static void
written (LajnaReportEditor *self,
         gboolean           done,
         const GError      *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!done)
    {
      show_toast (self, g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_STALE)
                          ? _("This report was saved elsewhere since you opened it. Close it "
                              "and open it again to see that version; your text here is kept "
                              "until you close.")
                          : error->message);
      set_flag (self, &self->busy, PROP_BUSY, FALSE);
      return;
    }
  set_flag (self, &self->unsaved, PROP_UNSAVED, FALSE);
  set_flag (self, &self->busy, PROP_BUSY, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
  if (g_strcmp0 (self->report->state, "draft") != 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  show_toast (self, _("Draft saved"));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LajnaReportEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = lajna_report_write_finish (LAJNA_DB_WORKER (source), result, &error);

  written (self, done, error);
}

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LajnaReportEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = lajna_report_pdf_submit_finish (LAJNA_DB_WORKER (source), result, &error);

  written (self, done, error);
}

static void
run_job (LajnaReportEditor *self,
         gboolean           submit)
{
  collect (self);
  set_flag (self, &self->busy, PROP_BUSY, TRUE);
  if (submit)
    lajna_report_pdf_submit_async (self->worker, self->report, self->unsaved, self->cancellable,
                                   submitted_cb, g_object_ref (self));
  else
    lajna_report_save_async (self->worker, self->report, self->cancellable, saved_cb,
                             g_object_ref (self));
}

static void
save_clicked_cb (LajnaReportEditor *self)
{
  run_job (self, FALSE);
}

static void
submit_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    LajnaReportEditor *self)
{
  if (g_str_equal (response, "submit"))
    run_job (self, TRUE);
}

static void
submit_clicked_cb (LajnaReportEditor *self)
{
  g_autofree char *missing = NULL;
  AdwMessageDialog *dialog;

  collect (self);
  missing = lajna_report_missing (self->report);
  if (missing != NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Sections Still Empty"), NULL));
      adw_message_dialog_format_body (dialog, _("Write these sections before submitting:\n%s"),
                                      missing);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _("Submit the Report?"),
      _("Once submitted, the report is on record as the file’s document and the committee "
        "reads it. It no longer changes: a correction is its next version.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_request_cb (LajnaReportEditor *self)
{
  return lajna_discard_dialog_stop_close (GTK_WINDOW (self), self->unsaved,
                                          _("Discard the Changes?"),
                                          _("What you wrote since the draft was last saved "
                                            "will be lost."),
                                          _("_Keep Writing"));
}

static void
lajna_report_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LajnaReportEditor *self = LAJNA_REPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_report_editor_dispose (GObject *object)
{
  LajnaReportEditor *self = LAJNA_REPORT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->report, lajna_report_free);
  g_clear_pointer (&self->buffers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_REPORT_EDITOR);

  G_OBJECT_CLASS (lajna_report_editor_parent_class)->dispose (object);
}

static void
lajna_report_editor_class_init (LajnaReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lajna_report_editor_get_property;
  object_class->dispose = lajna_report_editor_dispose;

  /**
   * LajnaReportEditor:busy:
   *
   * Whether it waits for the database: reading the report, then saving or
   * submitting it. Nothing is saved or submitted meanwhile; a report that
   * could not be read leaves it so.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaReportEditor:unsaved:
   *
   * Whether text was typed since the report was read or last saved.
   */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LajnaReportEditor::changed:
   *
   * Emitted when the report was saved or submitted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/lajna/Lajna/app/casework/lajna-report-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaReportEditor, title);
  gtk_widget_class_bind_template_child (widget_class, LajnaReportEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, LajnaReportEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, LajnaReportEditor, sections);
  gtk_widget_class_bind_template_callback (widget_class, can_save);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
}

static void
lajna_report_editor_init (LajnaReportEditor *self)
{
  /* Before the template, whose bindings start from it: the report is
   * read first. */
  self->busy = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffers = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * lajna_report_editor_new:
 * @parent: the window it belongs to
 * @worker: the database worker
 * @report_id: a draft of the person signed in
 *
 * Returns: (transfer none): the editor, presented; it reads the draft
 */
LajnaReportEditor *
lajna_report_editor_new (GtkWindow     *parent,
                         LajnaDbWorker *worker,
                         gint64         report_id)
{
  LajnaReportEditor *self = g_object_new (LAJNA_TYPE_REPORT_EDITOR, "transient-for", parent,
                                          NULL);

  self->worker = g_object_ref (worker);
  lajna_report_load_async (worker, report_id, self->cancellable, loaded_cb, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
