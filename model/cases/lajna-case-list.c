/* lajna-case-list.c: the file list as a lazy GListModel.
 *
 * The list knows how many files match (one count) but holds only the
 * blocks of rows that were asked for, at most MAX_BLOCKS of them. A block
 * is read with one keyset query starting at its anchor, the key of its
 * first row; the anchors of all blocks come in one pass over the index
 * after the first block is on screen. Until its block arrives, a position
 * holds a placeholder summary that is filled in place.
 */

#include "lajna-case-list.h"

#include "lajna-db-private.h"

#define BLOCK_SIZE 256
#define MAX_BLOCKS 64

struct _LajnaCaseList
{
  GObject         parent_instance;

  LajnaDbWorker  *worker;
  LajnaCaseQuery *query;
  GCancellable   *cancellable;

  guint           n_items;
  GHashTable     *blocks;
  GArray         *anchors;
  guint64         clock;

  gboolean        loading;
  gboolean        counted;
  GError         *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (LajnaCaseList, lajna_case_list, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_COUNTED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GPtrArray *rows;
  guint64    last_used;
  gboolean   requested;
} Block;

static void
block_free (Block *block)
{
  g_ptr_array_unref (block->rows);
  g_free (block);
}

/* Inputs and results of the jobs, owned by the worker while they run. */
typedef struct
{
  LajnaCaseQuery *query;
  LajnaCaseKey    from;
} PageJob;


static void
page_job_free (PageJob *job)
{
  lajna_case_query_free (job->query);
  lajna_case_key_clear (&job->from);
  g_free (job);
}

static PageJob *
page_job_new (LajnaCaseList *self)
{
  PageJob *job = g_new0 (PageJob, 1);

  job->query = lajna_case_query_copy (self->query);
  return job;
}

static gpointer
first_block_thread (LajnaDb       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  PageJob *job = data;

  return lajna_case_query_fetch (job->query, db, NULL, BLOCK_SIZE, error);
}

static gpointer
count_thread (LajnaDb       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  PageJob *job = data;
  guint n_rows;

  if (!lajna_case_query_count (job->query, db, &n_rows, error))
    return NULL;
  return g_memdup2 (&n_rows, sizeof n_rows);
}

static gpointer
anchors_thread (LajnaDb       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  PageJob *job = data;

  return lajna_case_query_anchors (job->query, db, BLOCK_SIZE, error);
}

static gpointer
block_thread (LajnaDb       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  PageJob *job = data;

  return lajna_case_query_fetch (job->query, db, &job->from, BLOCK_SIZE, error);
}

static void
set_loading (LajnaCaseList *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Keeps the last error for the view; cancellations are not errors. */
static gboolean
take_error (LajnaCaseList *self,
            GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return FALSE;
    }
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  return TRUE;
}

static void
clear_error (LajnaCaseList *self)
{
  if (self->error == NULL)
    return;
  g_clear_error (&self->error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Who waits for a block: the list (a reference) and the block's index. */
typedef struct
{
  LajnaCaseList *self;
  guint          index;
} BlockRequest;

static void
block_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BlockRequest *request = user_data;
  LajnaCaseList *self = request->self;
  GError *error = NULL;
  g_autoptr(GPtrArray) rows = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);
  Block *block;

  if (rows == NULL)
    {
      take_error (self, error);
    }
  else if ((block = g_hash_table_lookup (self->blocks, GUINT_TO_POINTER (request->index))) != NULL)
    {
      for (guint i = 0; i < MIN (rows->len, block->rows->len); i++)
        lajna_case_summary_copy_from (g_ptr_array_index (block->rows, i),
                                      g_ptr_array_index (rows, i));
    }

  g_object_unref (request->self);
  g_free (request);
}

/* Reads a block, once its anchor is known. */
static void
request_block (LajnaCaseList *self,
               guint          index,
               Block         *block)
{
  BlockRequest *request;
  PageJob *job;

  if (block->requested || self->anchors == NULL || index >= self->anchors->len)
    return;

  block->requested = TRUE;
  job = page_job_new (self);
  job->from.value = g_strdup (g_array_index (self->anchors, LajnaCaseKey, index).value);
  job->from.id = g_array_index (self->anchors, LajnaCaseKey, index).id;
  request = g_new0 (BlockRequest, 1);
  request->self = g_object_ref (self);
  request->index = index;
  lajna_db_worker_run_async (self->worker, block_thread, job, (GDestroyNotify) page_job_free,
                             (GDestroyNotify) g_ptr_array_unref, self->cancellable, block_done_cb,
                             request);
}

static void
evict_oldest_block (LajnaCaseList *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest_key = NULL;
  guint64 oldest = G_MAXUINT64;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Block *block = value;

      if (block->last_used < oldest)
        {
          oldest = block->last_used;
          oldest_key = key;
        }
    }
  g_hash_table_remove (self->blocks, oldest_key);
}

static Block *
add_block (LajnaCaseList *self,
           guint          index,
           GPtrArray     *rows)
{
  Block *block = g_new0 (Block, 1);

  if (g_hash_table_size (self->blocks) >= MAX_BLOCKS)
    evict_oldest_block (self);

  block->rows = rows;
  block->last_used = ++self->clock;
  g_hash_table_insert (self->blocks, GUINT_TO_POINTER (index), block);
  return block;
}

static void
anchors_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LajnaCaseList) self = user_data;
  GError *error = NULL;
  GArray *anchors = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);
  GHashTableIter iter;
  gpointer key, value;

  if (anchors == NULL)
    {
      take_error (self, error);
      return;
    }

  g_clear_pointer (&self->anchors, g_array_unref);
  self->anchors = anchors;

  /* Blocks asked for while the anchors were on their way. */
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    request_block (self, GPOINTER_TO_UINT (key), value);
}

static void
set_n_items (LajnaCaseList *self,
             guint          n_items)
{
  guint old_n_items = self->n_items;

  if (n_items == old_n_items)
    return;
  self->n_items = n_items;
  if (n_items > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, n_items - old_n_items);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, old_n_items - n_items, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_counted (LajnaCaseList *self,
             gboolean       counted)
{
  if (self->counted == counted)
    return;
  self->counted = counted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTED]);
}

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LajnaCaseList) self = user_data;
  GError *error = NULL;
  g_autofree guint *n_rows = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);

  if (n_rows == NULL)
    {
      take_error (self, error);
      return;
    }

  set_n_items (self, MAX (*n_rows, self->n_items));
  set_counted (self, TRUE);
  if (self->n_items > BLOCK_SIZE)
    lajna_db_worker_run_async (self->worker, anchors_thread, page_job_new (self),
                               (GDestroyNotify) page_job_free, (GDestroyNotify) g_array_unref,
                               self->cancellable, anchors_done_cb, g_object_ref (self));
}

/* The first block is shown as soon as it is read; the count, which can
 * take a while on a million files, follows and extends the list. */
static void
first_block_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LajnaCaseList) self = user_data;
  GError *error = NULL;
  GPtrArray *rows = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);
  guint old_n_items = self->n_items;
  Block *first;

  if (rows == NULL)
    {
      if (take_error (self, error))
        set_loading (self, FALSE);
      return;
    }

  g_hash_table_remove_all (self->blocks);
  g_clear_pointer (&self->anchors, g_array_unref);
  self->n_items = rows->len;
  first = add_block (self, 0, rows);
  first->requested = TRUE;

  clear_error (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_loading (self, FALSE);

  if (rows->len < BLOCK_SIZE)
    set_counted (self, TRUE);
  else
    lajna_db_worker_run_async (self->worker, count_thread, page_job_new (self),
                               (GDestroyNotify) page_job_free, g_free, self->cancellable,
                               count_done_cb, g_object_ref (self));
}

static GType
lajna_case_list_get_item_type (GListModel *model)
{
  return LAJNA_TYPE_CASE_SUMMARY;
}

static guint
lajna_case_list_get_n_items (GListModel *model)
{
  return LAJNA_CASE_LIST (model)->n_items;
}

static gpointer
lajna_case_list_get_item (GListModel *model,
                          guint       position)
{
  LajnaCaseList *self = LAJNA_CASE_LIST (model);
  guint index = position / BLOCK_SIZE;
  Block *block;

  if (position >= self->n_items)
    return NULL;

  block = g_hash_table_lookup (self->blocks, GUINT_TO_POINTER (index));
  if (block == NULL)
    {
      guint n = MIN (BLOCK_SIZE, self->n_items - index * BLOCK_SIZE);
      GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (rows, lajna_case_summary_new ());
      block = add_block (self, index, rows);
    }
  block->last_used = ++self->clock;
  request_block (self, index, block);

  if (position % BLOCK_SIZE >= block->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (block->rows, position % BLOCK_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lajna_case_list_get_item_type;
  iface->get_n_items = lajna_case_list_get_n_items;
  iface->get_item = lajna_case_list_get_item;
}

static void
lajna_case_list_dispose (GObject *object)
{
  LajnaCaseList *self = LAJNA_CASE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (lajna_case_list_parent_class)->dispose (object);
}

static void
lajna_case_list_finalize (GObject *object)
{
  LajnaCaseList *self = LAJNA_CASE_LIST (object);

  g_hash_table_unref (self->blocks);
  g_clear_pointer (&self->anchors, g_array_unref);
  lajna_case_query_free (self->query);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lajna_case_list_parent_class)->finalize (object);
}

static void
lajna_case_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LajnaCaseList *self = LAJNA_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_case_list_class_init (LajnaCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_case_list_dispose;
  object_class->finalize = lajna_case_list_finalize;
  object_class->get_property = lajna_case_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTED] =
    g_param_spec_boolean ("counted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lajna_case_list_init (LajnaCaseList *self)
{
  self->blocks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) block_free);
  self->query = lajna_case_query_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * lajna_case_list_new:
 * @worker: the worker whose connection reads the rows
 *
 * Returns: (transfer full): an empty list; set a query to fill it
 */
LajnaCaseList *
lajna_case_list_new (LajnaDbWorker *worker)
{
  LajnaCaseList *self = g_object_new (LAJNA_TYPE_CASE_LIST, NULL);

  self->worker = g_object_ref (worker);
  return self;
}

/**
 * lajna_case_list_reload:
 * @self: a #LajnaCaseList
 *
 * Reads the count and the first block again; what was on its way for the
 * previous contents is dropped. The rows change when the new ones arrive.
 */
void
lajna_case_list_reload (LajnaCaseList *self)
{
  g_return_if_fail (LAJNA_IS_CASE_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The last error belongs to the last attempt. */
  clear_error (self);
  set_loading (self, TRUE);
  set_counted (self, FALSE);
  lajna_db_worker_run_async (self->worker, first_block_thread, page_job_new (self),
                             (GDestroyNotify) page_job_free, (GDestroyNotify) g_ptr_array_unref,
                             self->cancellable, first_block_done_cb, g_object_ref (self));
}

static gpointer
status_thread (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) data);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db, "SELECT status FROM case_file"
                                                     " WHERE id = $1", 1, params, error);

  if (result == NULL)
    return NULL;
  /* A file no longer seen keeps its row until the list is read again. */
  return g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
}

static void
status_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LajnaCaseSummary) summary = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = lajna_db_worker_run_finish (LAJNA_DB_WORKER (source), result, &error);

  if (status == NULL || *status == '\0')
    return;
  lajna_case_summary_set (summary, lajna_case_summary_get_id (summary),
                          lajna_case_summary_get_file_number (summary),
                          lajna_case_summary_get_title (summary),
                          lajna_case_summary_get_kind (summary), status,
                          lajna_case_summary_get_received_on (summary));
}

/**
 * lajna_case_list_refresh_case:
 * @self: a #LajnaCaseList
 * @case_id: a file changed elsewhere
 *
 * Reads the file's status again if its row is held, and updates the row
 * in place: the rows keep their order and the view its place, unlike
 * lajna_case_list_reload().
 */
void
lajna_case_list_refresh_case (LajnaCaseList *self,
                              gint64         case_id)
{
  GHashTableIter iter;
  Block *block;

  g_return_if_fail (LAJNA_IS_CASE_LIST (self));

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &block))
    for (guint i = 0; i < block->rows->len; i++)
      {
        LajnaCaseSummary *summary = g_ptr_array_index (block->rows, i);

        if (lajna_case_summary_get_id (summary) != case_id)
          continue;
        lajna_db_worker_run_async (self->worker, status_thread,
                                   g_memdup2 (&case_id, sizeof case_id), g_free, g_free,
                                   self->cancellable, status_done_cb, g_object_ref (summary));
        return;
      }
}

/**
 * lajna_case_list_set_query:
 * @self: a #LajnaCaseList
 * @query: which files, in which order
 */
void
lajna_case_list_set_query (LajnaCaseList        *self,
                           const LajnaCaseQuery *query)
{
  g_return_if_fail (LAJNA_IS_CASE_LIST (self));

  lajna_case_query_free (self->query);
  self->query = lajna_case_query_copy (query);
  lajna_case_list_reload (self);
}

const LajnaCaseQuery *
lajna_case_list_get_query (LajnaCaseList *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_LIST (self), NULL);

  return self->query;
}

/**
 * lajna_case_list_get_counted:
 * @self: a #LajnaCaseList
 *
 * Returns: whether the number of items is the number of matching files
 *   (until the count arrives, it is the number read so far)
 */
gboolean
lajna_case_list_get_counted (LajnaCaseList *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_LIST (self), FALSE);

  return self->counted;
}

gboolean
lajna_case_list_get_loading (LajnaCaseList *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_LIST (self), FALSE);

  return self->loading;
}

/**
 * lajna_case_list_get_error:
 * @self: a #LajnaCaseList
 *
 * Returns: (nullable): why the last read failed, %NULL after a success
 */
const GError *
lajna_case_list_get_error (LajnaCaseList *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_LIST (self), NULL);

  return self->error;
}

/**
 * lajna_case_list_get_n_blocks:
 * @self: a #LajnaCaseList
 *
 * Returns: how many blocks of rows the list holds now (bounded, whatever
 *   the number of files)
 */
guint
lajna_case_list_get_n_blocks (LajnaCaseList *self)
{
  g_return_val_if_fail (LAJNA_IS_CASE_LIST (self), 0);

  return g_hash_table_size (self->blocks);
}
