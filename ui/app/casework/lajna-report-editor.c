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
  GtkWidget       *save_button;
  GtkWidget       *submit_button;
  gboolean         unsaved;
  gboolean         busy;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaReportEditor, lajna_report_editor, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_buttons (LajnaReportEditor *self)
{
  gboolean ready = self->report != NULL && !self->busy;

  gtk_widget_set_sensitive (self->save_button, ready && self->unsaved);
  gtk_widget_set_sensitive (self->submit_button, ready);
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
  self->unsaved = TRUE;
  update_buttons (self);
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
  update_buttons (self);
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
}

/* After a save or a submission. */
static void
written (LajnaReportEditor *self,
         gboolean           done,
         const GError      *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (!done)
    {
      show_toast (self, g_error_matches (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_STALE)
                          ? _("This report was saved elsewhere since you opened it. Close it "
                              "and open it again to see that version; your text here is kept "
                              "until you close.")
                          : error->message);
      update_buttons (self);
      return;
    }
  self->unsaved = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  if (g_strcmp0 (self->report->state, "draft") != 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  show_toast (self, _("Draft saved"));
  update_buttons (self);
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
  self->busy = TRUE;
  update_buttons (self);
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
lajna_report_editor_dispose (GObject *object)
{
  LajnaReportEditor *self = LAJNA_REPORT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->report, lajna_report_free);
  g_clear_pointer (&self->buffers, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_report_editor_parent_class)->dispose (object);
}

static void
lajna_report_editor_class_init (LajnaReportEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lajna_report_editor_dispose;

  /**
   * LajnaReportEditor::changed:
   *
   * Emitted when the report was saved or submitted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
header_button (const char *label,
               GCallback   clicked,
               gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

static void
lajna_report_editor_init (LajnaReportEditor *self)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  self->buffers = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Report"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->save_button = header_button (_("_Save Draft"), G_CALLBACK (save_clicked_cb), self);
  self->submit_button = header_button (_("S_ubmit…"), G_CALLBACK (submit_clicked_cb), self);
  gtk_widget_add_css_class (self->submit_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->save_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->submit_button);

  self->sections = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->sections), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->sections), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->sections), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->sections), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->sections));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, scrolled, "report");

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), view);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  update_buttons (self);
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
