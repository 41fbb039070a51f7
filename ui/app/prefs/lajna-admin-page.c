/* lajna-admin-page.c: what the administration pages (committees, people)
 * share: one group of rows read on the worker, each with an Edit button
 * that activating the row presses too (so that a screen reader finds a
 * button to press), a button that adds a row, and, once an editor saved,
 * a toast and the rows read again. */

#include "lajna-admin-page.h"

#include <glib/gi18n.h>

typedef struct
{
  LajnaDbWorker       *worker;
  GCancellable        *cancellable;
  AdwPreferencesGroup *group;
  GtkButton           *add;
  /* The rows shown, to take away on a reload. */
  GPtrArray           *rows;
} LajnaAdminPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LajnaAdminPage, lajna_admin_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_WORKER,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
add_clicked_cb (LajnaAdminPage *self)
{
  LAJNA_ADMIN_PAGE_GET_CLASS (self)->add (self);
}

/* A read under way: the page, gone when the read was cancelled, and its
 * class, which stays. */
typedef struct
{
  LajnaAdminPage      *page;
  LajnaAdminPageClass *klass;
} Loading;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Loading *loading = user_data;
  g_autoptr(GError) error = NULL;
  gpointer loaded = loading->klass->load_finish (LAJNA_DB_WORKER (source), result, &error);
  LajnaAdminPage *self = loading->page;
  LajnaAdminPagePrivate *priv;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  priv = lajna_admin_page_get_instance_private (self);
  if (loaded == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_group_set_description (priv->group, escaped);
      return;
    }
  loading->klass->show (self, loaded);
  loading->klass->result_free (loaded);
}

static void
lajna_admin_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (lajna_admin_page_parent_class)->constructed (object);

  lajna_admin_page_reload (LAJNA_ADMIN_PAGE (object));
}

static void
lajna_admin_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LajnaAdminPage *self = LAJNA_ADMIN_PAGE (object);
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKER:
      priv->worker = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_admin_page_dispose (GObject *object)
{
  LajnaAdminPage *self = LAJNA_ADMIN_PAGE (object);
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->worker);
  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  /* No gtk_widget_dispose_template (): in GTK 4.8 it reads the template
   * of the instance's class, a subclass without one, and fails. The group
   * is a child of the preferences page, which disposes it; the template's
   * references to it go when the page is finalized. */

  G_OBJECT_CLASS (lajna_admin_page_parent_class)->dispose (object);
}

static void
lajna_admin_page_class_init (LajnaAdminPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lajna_admin_page_constructed;
  object_class->set_property = lajna_admin_page_set_property;
  object_class->dispose = lajna_admin_page_dispose;

  properties[PROP_WORKER] =
    g_param_spec_object ("worker", NULL, NULL, LAJNA_TYPE_DB_WORKER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/prefs/lajna-admin-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LajnaAdminPage, group);
  gtk_widget_class_bind_template_child_private (widget_class, LajnaAdminPage, add);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lajna_admin_page_init (LajnaAdminPage *self)
{
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();
  priv->rows = g_ptr_array_new ();
}

/**
 * lajna_admin_page_set_texts:
 * @self: a page
 * @title: what its rows are
 * @description: what they hold
 * @add_label: the label of the button that adds one, with a mnemonic
 */
void
lajna_admin_page_set_texts (LajnaAdminPage *self,
                            const char     *title,
                            const char     *description,
                            const char     *add_label)
{
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);

  adw_preferences_group_set_title (priv->group, title);
  adw_preferences_group_set_description (priv->group, description);
  gtk_button_set_label (priv->add, add_label);
}

/**
 * lajna_admin_page_get_worker:
 * @self: a page
 *
 * Returns: (transfer none): the connection it reads and writes through
 */
LajnaDbWorker *
lajna_admin_page_get_worker (LajnaAdminPage *self)
{
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);

  return priv->worker;
}

/**
 * lajna_admin_page_reload:
 * @self: a page
 *
 * Reads the rows again; they are shown when they come.
 */
void
lajna_admin_page_reload (LajnaAdminPage *self)
{
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);
  Loading *loading = g_new0 (Loading, 1);

  loading->page = self;
  loading->klass = LAJNA_ADMIN_PAGE_GET_CLASS (self);
  loading->klass->load_async (priv->worker, priv->cancellable, loaded_cb, loading);
}

/**
 * lajna_admin_page_clear_rows:
 * @self: a page
 */
void
lajna_admin_page_clear_rows (LajnaAdminPage *self)
{
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (priv->group, g_ptr_array_index (priv->rows, i));
  g_ptr_array_set_size (priv->rows, 0);
}

/**
 * lajna_admin_page_add_row:
 * @self: a page
 * @title: what the row names, as plain text
 * @subtitle: what it holds, as plain text
 * @index: the row's place in the page's list, which the Edit button holds
 *   as "index"
 * @edit: the Edit button's #GtkButton::clicked handler, called with @self
 */
void
lajna_admin_page_add_row (LajnaAdminPage *self,
                          const char     *title,
                          const char     *subtitle,
                          guint           index,
                          GCallback       edit)
{
  LajnaAdminPagePrivate *priv = lajna_admin_page_get_instance_private (self);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", edit, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (priv->group, row);
  g_ptr_array_add (priv->rows, row);
}

/**
 * lajna_admin_page_saved:
 * @self: a page
 * @message: what an editor saved, as plain text
 *
 * Says it in a toast, and reads the rows again.
 */
void
lajna_admin_page_saved (LajnaAdminPage *self,
                        const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (escaped));
  lajna_admin_page_reload (self);
}
