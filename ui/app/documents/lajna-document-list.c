/* lajna-document-list.c: a file's documents in the file view, and how
 * they are attached and opened: a row opens the document in the viewer;
 * "Scan…" opens the scan dialog, "Attach…" a file chooser (several files
 * at once, into the checklist slot chosen in it), or files are dropped on
 * the list (into "other"). Each file is read, checked and
 * stored on the database worker; a file that cannot be attached says why
 * in a toast and leaves nothing behind, the others are attached. The list
 * emits "changed" when documents were added, for the view to read the
 * file's checklist again. Each document says who has opened it. Scanning
 * and attaching are offered only to those whose groups may store
 * documents, and never on a list only to read (the presenter's screen):
 * the buttons of lajna-document-list.ui follow "can-attach". A document's
 * row is made in code, from the document. */

#include "lajna-document-list.h"

#include <glib/gi18n.h>

#include "lajna-case-documents.h"
#include "lajna-document-viewer.h"
#include "lajna-labels.h"
#include "lajna-scan-dialog.h"
#include "lajna-text.h"

struct _LajnaDocumentList
{
  AdwPreferencesGroup  parent_instance;

  LajnaDbWorker       *worker;
  gint64               case_id;
  GPtrArray           *rows;
  /* The checklist's slots, for the file chooser to offer. */
  GPtrArray           *slots;
  /* Whether the database lets the person attach to the file. */
  gboolean             may_attach;
  gboolean             read_only;
  /* Scanning and attaching: may attach, and not only to read. */
  gboolean             can_attach;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaDocumentList, lajna_document_list, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_CASE_ID,
  PROP_READ_ONLY,
  PROP_CAN_ATTACH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (LajnaDocumentList *self,
            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
update_can_attach (LajnaDocumentList *self)
{
  gboolean can_attach = self->may_attach && !self->read_only;

  if (self->can_attach == can_attach)
    return;
  self->can_attach = can_attach;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ATTACH]);
}

static void
clear_rows (LajnaDocumentList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* "Opened by …", or that nobody has opened it yet. */
static char *
readers_text (GHashTable *readers,
              gint64      document_id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  GPtrArray *readers_of = g_hash_table_lookup (readers, key);
  g_autoptr(GString) names = g_string_new (NULL);

  if (readers_of == NULL)
    return g_strdup (_("Not opened yet"));
  for (guint i = 0; i < readers_of->len; i++)
    {
      g_autofree char *name = lajna_isolate (g_ptr_array_index (readers_of, i));

      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  return g_strdup_printf (_("Opened by %s"), names->str);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LajnaDocumentList *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaCaseDocuments) listed = lajna_case_documents_load_finish (LAJNA_DB_WORKER (source),
                                                                           result, &error);
  GPtrArray *documents = listed != NULL ? listed->documents : NULL;

  if (listed != NULL)
    {
      g_clear_pointer (&self->slots, g_ptr_array_unref);
      self->slots = g_ptr_array_ref (listed->slots);
      self->may_attach = listed->can_attach;
      update_can_attach (self);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_rows (self);
  if (documents == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         documents->len == 0
                                           ? _("No documents yet. Attach scans or drop files here.")
                                           : NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      LajnaDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *date = lajna_isolate (document->added_at);
      g_autofree char *pages = g_strdup_printf (ngettext ("%d page", "%d pages", document->pages),
                                                document->pages);
      g_autofree char *readers = readers_text (listed->readers, document->id);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s\n%s", pages, date,
                                                   *document->title != '\0' ? " · " : "",
                                                   document->title, readers);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *origin = gtk_image_new_from_icon_name (document->source[0] == 's'
                                                          ? "scanner-symbolic"
                                                          : "x-office-document-symbolic");
      GtkWidget *open;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), document->type_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* How it came, for those who do not see or know the icon. */
      gtk_widget_set_tooltip_text (origin, lajna_label_for (document->source));
      gtk_accessible_update_property (GTK_ACCESSIBLE (origin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lajna_label_for (document->source), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), origin);
      open = gtk_button_new_from_icon_name ("document-open-symbolic");
      gtk_widget_set_tooltip_text (open, _("Open"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the Document"), -1);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "documents.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(xs)", document->id,
                                        document->type_name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
reload (LajnaDocumentList *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lajna_case_documents_load_async (self->worker, self->case_id, self->cancellable, listed_cb,
                                   self);
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LajnaDocumentList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDocumentsAttached) attached =
    lajna_case_documents_attach_finish (LAJNA_DB_WORKER (source), result, &error);

  if (attached == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (attached->problems->len > 0)
    show_toast (self, g_strchomp (attached->problems->str));
  if (attached->attached > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u document attached",
                                                            "%u documents attached",
                                                            attached->attached),
                                                  attached->attached);

      if (attached->problems->len == 0)
        show_toast (self, message);
      reload (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* Attaches the files into the slot @type_code ("other" for files dropped
 * on the list). */
static void
attach_files (LajnaDocumentList *self,
              GSList            *files,
              const char        *type_code)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;

  if (self->worker == NULL || self->case_id == 0 || files == NULL)
    return;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }
  chosen = g_strv_builder_end (paths);
  lajna_case_documents_attach_async (self->worker, self->case_id,
                                     type_code != NULL ? type_code : "other",
                                     (const char * const *) chosen, NULL, attached_cb,
                                     g_object_ref (self));
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         LajnaDocumentList *self)
{
  if (!self->can_attach)
    return FALSE;
  attach_files (self, g_value_get_boxed (value), "other");
  return TRUE;
}

static void
chosen_cb (GtkNativeDialog   *chooser,
           int                response,
           LajnaDocumentList *self)
{
  g_autoptr(GListModel) files = NULL;
  GSList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      attach_files (self, list, gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "slot"));
      g_slist_free_full (list, g_object_unref);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
attach_clicked_cb (LajnaDocumentList *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _("Attach Documents"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF, JPEG, PNG and TIFF"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/tiff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->slots != NULL && self->slots->len > 0)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new ();
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      /* The checklist's slot the files fill: "other" first, as the
       * default, then the others in the checklist's order. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < self->slots->len; i++)
          {
            LajnaDocumentSlot *slot = g_ptr_array_index (self->slots, i);

            if (g_str_equal (slot->code, "other") != (pass == 0))
              continue;
            g_ptr_array_add (codes, slot->code);
            g_ptr_array_add (names, lajna_document_slot_label (slot));
          }
      g_ptr_array_add (codes, NULL);
      g_ptr_array_add (names, NULL);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "slot", _("Document"),
                                   (const char **) codes->pdata, (const char **) names->pdata);
    }
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
scan_saved_cb (LajnaDocumentList *self)
{
  show_toast (self, _("Pages attached"));
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
scan_clicked_cb (LajnaDocumentList *self)
{
  LajnaScanDialog *dialog;

  if (self->worker == NULL || self->case_id == 0)
    return;
  dialog = lajna_scan_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->worker, self->case_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (scan_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaDocumentList *self = LAJNA_DOCUMENT_LIST (widget);
  LajnaDocumentViewer *viewer;
  gint64 id;
  const char *title;

  g_variant_get (parameter, "(x&s)", &id, &title);
  if (self->worker == NULL)
    return;
  viewer = lajna_document_viewer_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->worker, id,
                                      title);
  /* The opening is recorded: the list says who has read what. */
  g_signal_connect_object (viewer, "destroy", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
}

static void
lajna_document_list_dispose (GObject *object)
{
  LajnaDocumentList *self = LAJNA_DOCUMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_document_list_parent_class)->dispose (object);
}

static void
lajna_document_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LajnaDocumentList *self = LAJNA_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_ATTACH:
      g_value_set_boolean (value, self->can_attach);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_document_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LajnaDocumentList *self = LAJNA_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      lajna_document_list_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_READ_ONLY:
      lajna_document_list_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_document_list_class_init (LajnaDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_document_list_dispose;
  object_class->get_property = lajna_document_list_get_property;
  object_class->set_property = lajna_document_list_set_property;

  /**
   * LajnaDocumentList:case-id:
   *
   * The file whose documents are listed, 0 for none. Setting it lists the
   * file's documents, once lajna_document_list_show() gave the worker.
   */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDocumentList:read-only:
   *
   * Whether the documents are only opened, never scanned or attached here.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaDocumentList:can-attach:
   *
   * Whether scanning and attaching are offered: the database lets the
   * person attach to the file, and the list is not #LajnaDocumentList:read-only.
   */
  properties[PROP_CAN_ATTACH] =
    g_param_spec_boolean ("can-attach", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LajnaDocumentList::changed:
   *
   * Emitted when documents were attached.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "documents.open", "(xs)", open_activated);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/documents/lajna-document-list.ui");
  gtk_widget_class_bind_template_callback (widget_class, scan_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_cb);
}

static void
lajna_document_list_init (LajnaDocumentList *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lajna_document_list_show:
 * @self: a #LajnaDocumentList
 * @worker: the database worker
 * @case_id: the file whose documents to list
 *
 * Lists the file's documents, again if it is the file listed.
 */
void
lajna_document_list_show (LajnaDocumentList *self,
                          LajnaDbWorker     *worker,
                          gint64             case_id)
{
  g_return_if_fail (LAJNA_IS_DOCUMENT_LIST (self));

  g_set_object (&self->worker, worker);
  if (self->case_id != case_id)
    {
      self->case_id = case_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
    }
  reload (self);
}

/**
 * lajna_document_list_get_case_id:
 * @self: a #LajnaDocumentList
 *
 * Returns: the file whose documents are listed, 0 for none
 */
gint64
lajna_document_list_get_case_id (LajnaDocumentList *self)
{
  g_return_val_if_fail (LAJNA_IS_DOCUMENT_LIST (self), 0);

  return self->case_id;
}

/**
 * lajna_document_list_set_case_id:
 * @self: a #LajnaDocumentList
 * @case_id: the file whose documents to list
 *
 * Lists another file's documents, with the worker given to
 * lajna_document_list_show().
 */
void
lajna_document_list_set_case_id (LajnaDocumentList *self,
                                  gint64             case_id)
{
  g_return_if_fail (LAJNA_IS_DOCUMENT_LIST (self));
  g_return_if_fail (case_id >= 0);

  if (self->case_id == case_id)
    return;
  self->case_id = case_id;
  if (self->worker != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

/**
 * lajna_document_list_get_read_only:
 * @self: a #LajnaDocumentList
 *
 * Returns: whether the documents are only opened here
 */
gboolean
lajna_document_list_get_read_only (LajnaDocumentList *self)
{
  g_return_val_if_fail (LAJNA_IS_DOCUMENT_LIST (self), FALSE);

  return self->read_only;
}

/**
 * lajna_document_list_set_read_only:
 * @self: a #LajnaDocumentList
 * @read_only: whether the documents are only opened, never scanned or
 *   attached here
 */
void
lajna_document_list_set_read_only (LajnaDocumentList *self,
                                   gboolean           read_only)
{
  g_return_if_fail (LAJNA_IS_DOCUMENT_LIST (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_can_attach (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
