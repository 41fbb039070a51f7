/* lajna-scan-dialog.c: scanning a file's documents. The clerk chooses the
 * scanner, the source (flatbed or document feeder), the resolution,
 * colour or grey and the checklist slot, and scans: batch after batch,
 * the pages join a strip in the order scanned. The page chosen in the
 * strip is shown large; it can be moved earlier or later, turned, or
 * deleted. Saving makes the pages one PDF attached to the slot (turned
 * as shown), on the database worker; if it fails the pages stay, to be
 * saved again. Closing with pages not saved asks first, and the window
 * stays while they are being saved.
 *
 * SANE calls run on the scanner's own thread, the small pictures of the
 * pages are made on a thread, and the PDF on the worker: the window never
 * waits on any of them.
 *
 * The window's widgets are lajna-scan-dialog.ui: its spinner, its status
 * line, its buttons' sensitivity and which of "No Pages Yet" and the pages
 * it shows follow the dialog's "busy", "status" and "n-pages". */

#include "lajna-scan-dialog.h"

#include <glib/gi18n.h>

#include "lajna-case-documents.h"
#include "lajna-discard-dialog.h"
#include "lajna-document-image.h"
#include "lajna-scanner.h"
#include "lajna-surface-texture.h"
#include "lajna-turned-paintable.h"

/* The longer side of a page's picture in the dialog, in pixels. */
#define SHOWN_SIDE 1100

static const guint resolutions[] = { 150, 200, 300, 600 };

struct _LajnaScanDialog
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;
  AdwComboRow       *device_row;
  AdwComboRow       *source_row;
  AdwComboRow       *resolution_row;
  AdwComboRow       *mode_row;
  AdwComboRow       *slot_row;
  GtkPicture        *shown;
  GtkFlowBox        *strip;

  LajnaDbWorker     *worker;
  gint64             case_id;
  LajnaScanner      *scanner;
  GPtrArray         *devices;
  GPtrArray         *slots;
  /* The pages, in order (Scanned). */
  GPtrArray         *pages;
  int                selected;
  /* The pages the strip shows. */
  guint              n_pages;
  gboolean           busy;
  /* What the dialog is doing, or why it cannot scan. */
  char              *status;
  gboolean           saving;
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (LajnaScanDialog, lajna_scan_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_STATUS,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A page scanned: its pixels, its picture in the dialog and how it is
 * turned. */
typedef struct
{
  LajnaImagePage *page;
  GdkTexture     *texture;
  guint           turns;
} Scanned;

static void
scanned_free (Scanned *scanned)
{
  lajna_image_page_free (scanned->page);
  g_clear_object (&scanned->texture);
  g_free (scanned);
}

static void
show_toast (LajnaScanDialog *self,
            const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Scan needs a scanner (the scanner row lists those found), Save pages
 * and the checklist's slots (the document row lists them once read), and
 * neither while the dialog is busy: closures of lajna-scan-dialog.ui. */
static gboolean
can_scan (LajnaScanDialog *self,
          gboolean         busy,
          GListModel      *devices)
{
  return !busy && devices != NULL && g_list_model_get_n_items (devices) > 0;
}

static gboolean
can_save (LajnaScanDialog *self,
          gboolean         busy,
          guint            n_pages,
          GListModel      *slots)
{
  return !busy && n_pages > 0 && slots != NULL;
}

static gboolean
can_change_pages (LajnaScanDialog *self,
                  gboolean         busy,
                  guint            n_pages)
{
  return !busy && n_pages > 0;
}

static char *
pages_shown (LajnaScanDialog *self,
             guint            n_pages)
{
  return g_strdup (n_pages > 0 ? "pages" : "empty");
}

static void
set_status (LajnaScanDialog *self,
            gboolean         busy,
            const char      *status)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Busy saying @status, or no longer busy (%NULL). */
static void
set_busy (LajnaScanDialog *self,
          const char      *status)
{
  set_status (self, status != NULL, status != NULL ? status : "");
}

/* Shows the pages in the strip, and the one chosen large. */
static void
show_pages (LajnaScanDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->strip))) != NULL)
    gtk_flow_box_remove (self->strip, child);
  self->selected = self->pages->len == 0 ? -1 : CLAMP (self->selected, 0,
                                                       (int) self->pages->len - 1);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Scanned *scanned = g_ptr_array_index (self->pages, i);
      g_autoptr(GdkPaintable) turned = lajna_turned_paintable_new (GDK_PAINTABLE (scanned->texture),
                                                                   scanned->turns);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *picture = gtk_picture_new_for_paintable (turned);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf (_("Page %u"), i + 1);

      gtk_widget_set_size_request (picture, 90, 120);
      gtk_widget_add_css_class (picture, "card");
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), gtk_label_new (number));
      gtk_flow_box_append (self->strip, box);
      child = gtk_widget_get_parent (box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      if ((int) i == self->selected)
        gtk_flow_box_select_child (self->strip, GTK_FLOW_BOX_CHILD (child));
    }
  if (self->selected >= 0)
    {
      Scanned *scanned = g_ptr_array_index (self->pages, self->selected);
      g_autoptr(GdkPaintable) turned = lajna_turned_paintable_new (GDK_PAINTABLE (scanned->texture),
                                                                   scanned->turns);

      gtk_picture_set_paintable (self->shown, turned);
    }
  else
    gtk_picture_set_paintable (self->shown, NULL);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_pages != self->pages->len)
    {
      self->n_pages = self->pages->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
  set_busy (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
selected_cb (GtkFlowBox      *strip,
             LajnaScanDialog *self)
{
  g_autoptr(GList) chosen = gtk_flow_box_get_selected_children (strip);
  int index;

  if (chosen == NULL)
    return;
  index = gtk_flow_box_child_get_index (chosen->data);
  if (index != self->selected && index >= 0)
    {
      Scanned *scanned = g_ptr_array_index (self->pages, index);
      g_autoptr(GdkPaintable) turned = lajna_turned_paintable_new (GDK_PAINTABLE (scanned->texture),
                                                                   scanned->turns);

      self->selected = index;
      gtk_picture_set_paintable (self->shown, turned);
    }
}

/* Pages scanned, waiting for their pictures. */
typedef struct
{
  LajnaScanDialog *self;
  GPtrArray       *pages;
} Picturing;

static void
picturing_free (Picturing *picturing)
{
  g_object_unref (picturing->self);
  g_ptr_array_unref (picturing->pages);
  g_free (picturing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picturing, picturing_free)

static void
pictured_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Picturing) picturing = user_data;
  LajnaScanDialog *self = picturing->self;
  GPtrArray *pages = picturing->pages;
  g_autoptr(GPtrArray) textures = lajna_surface_textures_finish (result, NULL);
  guint first = self->pages->len;

  if (textures == NULL)
    return;
  for (guint i = 0; pages->len > 0; i++)
    {
      Scanned *scanned = g_new0 (Scanned, 1);

      scanned->page = g_ptr_array_steal_index (pages, 0);
      scanned->texture = g_object_ref (g_ptr_array_index (textures, i));
      g_ptr_array_add (self->pages, scanned);
    }
  self->selected = (int) first;
  show_pages (self);
}

static void
scanned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LajnaScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *pages = lajna_scanner_scan_finish (LAJNA_SCANNER (source), result, &error);
  g_autoptr(GPtrArray) surfaces = NULL;
  Picturing *picturing;

  if (pages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, NULL);
          show_toast (self, error->message);
        }
      return;
    }
  /* A 300-dpi page is too large to show as it is. */
  surfaces = g_ptr_array_new ();
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (surfaces, ((LajnaImagePage *) g_ptr_array_index (pages, i))->surface);
  picturing = g_new0 (Picturing, 1);
  picturing->self = g_object_ref (self);
  picturing->pages = pages;
  lajna_surface_textures_async (surfaces, SHOWN_SIDE, self->cancellable, pictured_cb, picturing);
}

static void
scan_clicked_cb (LajnaScanDialog *self)
{
  guint device = adw_combo_row_get_selected (self->device_row);
  LajnaScanSettings settings = { 0 };

  if (self->devices == NULL || device >= self->devices->len)
    return;
  settings.device = ((LajnaScanDevice *) g_ptr_array_index (self->devices, device))->name;
  settings.feeder = adw_combo_row_get_selected (self->source_row) == 1;
  settings.dpi = resolutions[MIN (adw_combo_row_get_selected (self->resolution_row),
                                  G_N_ELEMENTS (resolutions) - 1)];
  settings.color = adw_combo_row_get_selected (self->mode_row) == 0;
  set_busy (self, settings.feeder ? _("Scanning the feeder’s pages…") : _("Scanning…"));
  lajna_scanner_scan_async (self->scanner, &settings, self->cancellable, scanned_cb,
                            g_object_ref (self));
}

/* Moves the page chosen by @step places, turns it by @turn quarters, or
 * deletes it. */
static void
page_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LajnaScanDialog *self = LAJNA_SCAN_DIALOG (widget);
  const char *what = NULL;
  int amount = 0;
  Scanned *scanned;

  g_variant_get (parameter, "(&si)", &what, &amount);
  if (self->busy || self->selected < 0 || self->selected >= (int) self->pages->len)
    return;
  scanned = g_ptr_array_index (self->pages, self->selected);
  if (g_str_equal (what, "move"))
    {
      int to = self->selected + amount;

      if (to < 0 || to >= (int) self->pages->len)
        return;
      g_ptr_array_index (self->pages, self->selected) = g_ptr_array_index (self->pages, to);
      g_ptr_array_index (self->pages, to) = scanned;
      self->selected = to;
    }
  else if (g_str_equal (what, "turn"))
    scanned->turns = (scanned->turns + 4 + amount) % 4;
  else
    g_ptr_array_remove_index (self->pages, self->selected);
  show_pages (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LajnaScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = lajna_case_documents_attach_scan_finish (LAJNA_DB_WORKER (source), result, &error);

  self->saving = FALSE;
  if (id == 0)
    {
      set_busy (self, NULL);
      show_toast (self, error->message);
      return;
    }
  g_ptr_array_set_size (self->pages, 0);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (LajnaScanDialog *self)
{
  guint slot = adw_combo_row_get_selected (self->slot_row);
  GPtrArray *pages;
  GArray *turns;

  if (self->busy || self->pages->len == 0 || self->slots == NULL || slot >= self->slots->len)
    return;
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_image_page_free);
  turns = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->pages->len; i++)
    {
      Scanned *scanned = g_ptr_array_index (self->pages, i);

      /* Shared with the dialog: the copy turns nothing. */
      g_ptr_array_add (pages, lajna_image_page_turned (scanned->page, 0));
      g_array_append_val (turns, scanned->turns);
    }
  set_busy (self, _("Saving…"));
  self->saving = TRUE;
  lajna_case_documents_attach_scan_async (
    self->worker, self->case_id,
    ((LajnaDocumentSlot *) g_ptr_array_index (self->slots, slot))->code, pages, turns, NULL,
    saved_cb, g_object_ref (self));
}

static void
devices_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LajnaScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->devices = lajna_scanner_devices_finish (LAJNA_SCANNER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; self->devices != NULL && i < self->devices->len; i++)
    {
      LajnaScanDevice *device = g_ptr_array_index (self->devices, i);

      gtk_string_list_append (labels, device->label);
    }
  adw_combo_row_set_model (self->device_row, G_LIST_MODEL (labels));
  if (self->devices == NULL || self->devices->len == 0)
    set_status (self, FALSE, error != NULL ? error->message
                                           : _("No scanner was found. Check that the "
                                               "scanner is on and connected."));
  else
    set_busy (self, NULL);
}

static void
slots_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LajnaScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->slots = lajna_document_slots_finish (LAJNA_DB_WORKER (source), result, &error);
  if (self->slots == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->slots->len; i++)
    {
      LajnaDocumentSlot *slot = g_ptr_array_index (self->slots, i);
      g_autofree char *name = lajna_document_slot_label (slot);

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->slot_row, G_LIST_MODEL (names));
}

/* Pages scanned and not saved are not lost by a slip: closing asks. */
static gboolean
close_request_cb (LajnaScanDialog *self)
{
  /* The pages being saved are left to arrive: the window closes then. */
  if (self->saving)
    return TRUE;
  return lajna_discard_dialog_stop_close (GTK_WINDOW (self), self->pages->len > 0,
                                          _("Discard the Scanned Pages?"),
                                          _("The pages have not been saved to the file."),
                                          _("_Keep Scanning"));
}

static void
lajna_scan_dialog_dispose (GObject *object)
{
  LajnaScanDialog *self = LAJNA_SCAN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->scanner);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_scan_dialog_parent_class)->dispose (object);
}

static void
lajna_scan_dialog_finalize (GObject *object)
{
  LajnaScanDialog *self = LAJNA_SCAN_DIALOG (object);

  g_free (self->status);

  G_OBJECT_CLASS (lajna_scan_dialog_parent_class)->finalize (object);
}

static void
lajna_scan_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LajnaScanDialog *self = LAJNA_SCAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_scan_dialog_class_init (LajnaScanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lajna_scan_dialog_dispose;
  object_class->finalize = lajna_scan_dialog_finalize;
  object_class->get_property = lajna_scan_dialog_get_property;

  /**
   * LajnaScanDialog:busy:
   *
   * Whether the dialog is looking for scanners, scanning or saving: Scan,
   * Save and the pages' buttons wait, and the spinner spins.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaScanDialog:status:
   *
   * What the dialog is doing, or why it cannot scan; empty otherwise.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LajnaScanDialog:n-pages:
   *
   * The pages scanned and not saved yet.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LajnaScanDialog::saved:
   *
   * Emitted when the pages were attached to the file.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/documents/lajna-scan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, device_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, slot_row);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, shown);
  gtk_widget_class_bind_template_child (widget_class, LajnaScanDialog, strip);
  gtk_widget_class_bind_template_callback (widget_class, can_scan);
  gtk_widget_class_bind_template_callback (widget_class, can_save);
  gtk_widget_class_bind_template_callback (widget_class, can_change_pages);
  gtk_widget_class_bind_template_callback (widget_class, pages_shown);
  gtk_widget_class_bind_template_callback (widget_class, scan_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  gtk_widget_class_install_action (widget_class, "scan.page", "(si)", page_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "scan.page", "(si)",
                                       "delete", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "scan.page",
                                       "(si)", "turn", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scan.page", "(si)", "turn", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lajna_scan_dialog_init (LajnaScanDialog *self)
{
  g_autoptr(GtkStringList) dpis = gtk_string_list_new (NULL);

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) scanned_free);
  self->selected = -1;
  self->status = g_strdup ("");
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The resolutions offered, by their index in resolutions[]. */
  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    {
      g_autofree char *label = g_strdup_printf (_("%u dpi"), resolutions[i]);

      gtk_string_list_append (dpis, label);
    }
  adw_combo_row_set_model (self->resolution_row, G_LIST_MODEL (dpis));
  adw_combo_row_set_selected (self->resolution_row, 2);
}

/**
 * lajna_scan_dialog_new:
 * @parent: the window it belongs to
 * @worker: the database worker
 * @case_id: the file the pages are for
 *
 * Returns: (transfer none): the dialog, presented; it looks for scanners
 */
LajnaScanDialog *
lajna_scan_dialog_new (GtkWindow     *parent,
                       LajnaDbWorker *worker,
                       gint64         case_id)
{
  LajnaScanDialog *self = g_object_new (LAJNA_TYPE_SCAN_DIALOG, "transient-for", parent, NULL);

  self->worker = g_object_ref (worker);
  self->case_id = case_id;
  self->scanner = lajna_scanner_new ();
  set_busy (self, _("Looking for scanners…"));
  lajna_scanner_devices_async (self->scanner, self->cancellable, devices_cb, g_object_ref (self));
  lajna_document_slots_async (worker, case_id, self->cancellable, slots_cb, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
