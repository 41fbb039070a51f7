/* lajna-case-summary.c: one row of the file list.
 *
 * A summary can exist before its row is read (the list hands out
 * placeholders for rows on their way); it is filled in later with
 * notifications, so a bound widget updates in place.
 */

#include "lajna-case-summary.h"

struct _LajnaCaseSummary
{
  GObject  parent_instance;

  gint64   id;
  char    *file_number;
  char    *title;
  char    *kind;
  char    *status;
  char    *received_on;
};

G_DEFINE_TYPE (LajnaCaseSummary, lajna_case_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_ID,
  PROP_FILE_NUMBER,
  PROP_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_RECEIVED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
lajna_case_summary_finalize (GObject *object)
{
  LajnaCaseSummary *self = LAJNA_CASE_SUMMARY (object);

  g_free (self->file_number);
  g_free (self->title);
  g_free (self->kind);
  g_free (self->status);
  g_free (self->received_on);

  G_OBJECT_CLASS (lajna_case_summary_parent_class)->finalize (object);
}

static void
lajna_case_summary_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LajnaCaseSummary *self = LAJNA_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->id != 0);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FILE_NUMBER:
      g_value_set_string (value, self->file_number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_RECEIVED_ON:
      g_value_set_string (value, self->received_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
lajna_case_summary_class_init (LajnaCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lajna_case_summary_finalize;
  object_class->get_property = lajna_case_summary_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_NUMBER] = string_property ("file-number");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_KIND] = string_property ("kind");
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_RECEIVED_ON] = string_property ("received-on");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lajna_case_summary_init (LajnaCaseSummary *self)
{
}

/**
 * lajna_case_summary_new:
 *
 * Returns: (transfer full): an empty summary, not loaded yet
 */
LajnaCaseSummary *
lajna_case_summary_new (void)
{
  return g_object_new (LAJNA_TYPE_CASE_SUMMARY, NULL);
}

/**
 * lajna_case_summary_set:
 * @self: a #LajnaCaseSummary
 * @id: the file's id
 * @file_number: the file number, such as ز/2026/00123
 * @title: the parties' names
 * @kind: `marriage` or `juvenile`
 * @status: the status name of the schema
 * @received_on: the received date, YYYY-MM-DD
 *
 * Fills the summary in, notifying what changed.
 */
void
lajna_case_summary_set (LajnaCaseSummary *self,
                        gint64            id,
                        const char       *file_number,
                        const char       *title,
                        const char       *kind,
                        const char       *status,
                        const char       *received_on)
{
  gboolean was_loaded;

  g_return_if_fail (LAJNA_IS_CASE_SUMMARY (self));

  was_loaded = self->id != 0;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (replace (&self->file_number, file_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NUMBER]);
  if (replace (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (replace (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  if (replace (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (replace (&self->received_on, received_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_ON]);
  if (was_loaded != (id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
lajna_case_summary_copy_from (LajnaCaseSummary *self,
                              LajnaCaseSummary *other)
{
  lajna_case_summary_set (self, other->id, other->file_number, other->title, other->kind,
                          other->status, other->received_on);
}

gboolean
lajna_case_summary_get_loaded (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), FALSE);

  return self->id != 0;
}

gint64
lajna_case_summary_get_id (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), 0);

  return self->id;
}

const char *
lajna_case_summary_get_file_number (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), NULL);

  return self->file_number;
}

const char *
lajna_case_summary_get_title (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), NULL);

  return self->title;
}

const char *
lajna_case_summary_get_kind (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), NULL);

  return self->kind;
}

const char *
lajna_case_summary_get_status (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), NULL);

  return self->status;
}

const char *
lajna_case_summary_get_received_on (LajnaCaseSummary *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_SUMMARY (self), NULL);

  return self->received_on;
}
