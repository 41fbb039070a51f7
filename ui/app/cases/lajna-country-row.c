/* lajna-country-row.c: a nationality chosen by typing part of its name.
 *
 * The country list has 249 entries: moving through it by arrow keys took
 * a clerk 21 presses to reach Egypt. The row opens a search over the
 * Arabic and English names (lajna_country_matches()), and typing on the
 * row starts that search at once; Return takes the first match.
 */

#include "lajna-country-row.h"

#include <glib/gi18n.h>

#include "lajna-country.h"
#include "lajna-text.h"

struct _LajnaCountryRow
{
  AdwActionRow parent_instance;

  GtkMenuButton      *button;
  GtkLabel           *value_label;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  GPtrArray          *countries;
  /* Each country by its code; "" is no country chosen. */
  GHashTable         *by_code;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  /* The text the list is filtered by: the search entry reports a change
   * only after a pause in typing. */
  char               *filtered;
  char               *code;
};

G_DEFINE_FINAL_TYPE (LajnaCountryRow, lajna_country_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
name_of (LajnaCountryRow *self,
         const char      *code)
{
  const LajnaCountry *country = g_hash_table_lookup (self->by_code, code);

  if (country == NULL)
    return _("Not chosen");
  return lajna_prefer_arabic () ? country->name_ar : country->name_en;
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  LajnaCountryRow *self = user_data;
  const char *code = gtk_string_object_get_string (item);
  const char *query = self->filtered != NULL ? self->filtered : "";
  const LajnaCountry *country = g_hash_table_lookup (self->by_code, code);

  /* "Not chosen" is offered until a search starts. */
  if (country == NULL)
    return *query == '\0';
  return lajna_country_matches (country, query);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         LajnaCountryRow          *self)
{
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), name_of (self, code));
}

static void
select_position (LajnaCountryRow *self,
                 guint            position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
choose (LajnaCountryRow *self,
        guint            position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);

  if (item == NULL)
    return;
  gtk_popover_popdown (self->popover);
  lajna_country_row_set_code (self, gtk_string_object_get_string (item));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Opens the search, with the first letters typed on the row if any. */
static void
pop_up (LajnaCountryRow *self,
        const char      *typed)
{
  guint n;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), typed);
  g_free (self->filtered);
  self->filtered = g_strdup (typed);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_menu_button_popup (self->button);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; *typed == '\0' && i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (gtk_string_object_get_string (item), self->code) == 0)
        {
          select_position (self, i);
          return;
        }
    }
  select_position (self, 0);
}

static void
search_changed_cb (LajnaCountryRow *self)
{
  g_free (self->filtered);
  self->filtered = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_position (self, 0);
}

static void
search_activate_cb (LajnaCountryRow *self)
{
  /* Return pressed before the pause: the first match of what was typed. */
  if (g_strcmp0 (self->filtered, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    search_changed_cb (self);
  choose (self, gtk_single_selection_get_selected (self->selection));
}

static void
stop_search_cb (LajnaCountryRow *self)
{
  gtk_popover_popdown (self->popover);
}

static void
list_activate_cb (LajnaCountryRow *self,
                  guint            position)
{
  choose (self, position);
}

/* Up and Down in the search move through the matches. */
static gboolean
search_key_pressed_cb (LajnaCountryRow *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    select_position (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected + 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    select_position (self, selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0
                                                                                  : selected - 1);
  else
    return GDK_EVENT_PROPAGATE;
  return GDK_EVENT_STOP;
}

/* A letter typed on the row starts the search with it. */
static gboolean
row_key_pressed_cb (LajnaCountryRow *self,
                    guint            keyval,
                    guint            keycode,
                    GdkModifierType  state)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char typed[8] = { 0 };

  if (c == 0 || !g_unichar_isgraph (c)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  g_unichar_to_utf8 (c, typed);
  /* Letters typed faster than the search takes the focus belong to it. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      int end = -1;

      gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), typed, -1, &end);
      return GDK_EVENT_STOP;
    }
  pop_up (self, typed);
  return GDK_EVENT_STOP;
}

static void
activated_cb (LajnaCountryRow *self)
{
  pop_up (self, "");
}

static void
lajna_country_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LajnaCountryRow *self = LAJNA_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_country_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LajnaCountryRow *self = LAJNA_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      lajna_country_row_set_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_country_row_dispose (GObject *object)
{
  LajnaCountryRow *self = LAJNA_COUNTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LAJNA_TYPE_COUNTRY_ROW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);

  G_OBJECT_CLASS (lajna_country_row_parent_class)->dispose (object);
}

static void
lajna_country_row_finalize (GObject *object)
{
  g_free (LAJNA_COUNTRY_ROW (object)->code);
  g_free (LAJNA_COUNTRY_ROW (object)->filtered);

  G_OBJECT_CLASS (lajna_country_row_parent_class)->finalize (object);
}

static void
lajna_country_row_class_init (LajnaCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lajna_country_row_get_property;
  object_class->set_property = lajna_country_row_set_property;
  object_class->dispose = lajna_country_row_dispose;
  object_class->finalize = lajna_country_row_finalize;

  /**
   * LajnaCountryRow:code:
   *
   * The ISO 3166-1 code of the country chosen, "" when none is.
   */
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "",
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                 | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lajna/Lajna/app/cases/lajna-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LajnaCountryRow, button);
  gtk_widget_class_bind_template_child (widget_class, LajnaCountryRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, LajnaCountryRow, popover);
  gtk_widget_class_bind_template_child (widget_class, LajnaCountryRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LajnaCountryRow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  /* Read by a screen reader as the list it replaces. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
lajna_country_row_init (LajnaCountryRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *search_keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->code = g_strdup ("");
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (search_keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), search_keys);
  g_signal_connect (self, "activated", G_CALLBACK (activated_cb), NULL);
}

/**
 * lajna_country_row_new:
 * @countries: (element-type LajnaCountry): the countries offered, in order
 *
 * Returns: (transfer floating): a row to choose a nationality from @countries
 */
GtkWidget *
lajna_country_row_new (GPtrArray *countries)
{
  LajnaCountryRow *self = g_object_new (LAJNA_TYPE_COUNTRY_ROW, NULL);
  GtkStringList *codes = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->countries = g_ptr_array_ref (countries);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_string_list_append (codes, "");
  for (guint i = 0; i < countries->len; i++)
    {
      LajnaCountry *country = g_ptr_array_index (countries, i);

      g_hash_table_insert (self->by_code, country->code, country);
      gtk_string_list_append (codes, country->code);
    }
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (codes),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_label_set_text (self->value_label, name_of (self, ""));
  return GTK_WIDGET (self);
}

/**
 * lajna_country_row_get_code:
 * @self: a row
 *
 * Returns: the code of the country chosen, "" when none is
 */
const char *
lajna_country_row_get_code (LajnaCountryRow *self)
{
  return self->code;
}

/**
 * lajna_country_row_set_code:
 * @self: a row
 * @code: (nullable): a country's code; "", %NULL or an unknown code
 *   chooses none
 */
void
lajna_country_row_set_code (LajnaCountryRow *self,
                            const char      *code)
{
  if (code == NULL || g_hash_table_lookup (self->by_code, code) == NULL)
    code = "";
  if (g_strcmp0 (self->code, code) == 0)
    return;
  g_free (self->code);
  self->code = g_strdup (code);
  gtk_label_set_text (self->value_label, name_of (self, code));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}
