/* lajna-meeting-watch.c: tells a workstation that a meeting, or a file,
 * changed elsewhere.
 *
 * A thread of its own holds a connection that LISTENs on 'lajna_meeting'
 * and 'lajna_case'. A notification only wakes it: it then asks the change
 * sequences (meeting_change, case_notice) what is newer than what it told
 * last, and announces each meeting changed with "changed", each file with
 * "case-changed", on the main context it was made on.
 * When the connection breaks it connects again, LISTENs again and catches
 * up the same way, so that what was missed while it was away is not lost.
 * It also catches up every few seconds without being woken, for a
 * connection that died without a word. */

#include "lajna-meeting-watch.h"

#include "lajna-db-private.h"

/* Between catch-ups when nothing woke the thread, and the longest wait
 * before connecting again. */
#define QUIET_MS 5000
#define RETRY_MAX_MS 2000

/* What the thread and the object share: the thread never touches the
 * object itself, only this, and a message it posts finds the object gone
 * when the owner dropped it meanwhile. */
typedef struct
{
  gatomicrefcount    ref;
  LajnaMeetingWatch *owner;   /* main thread only */
  LajnaDatabase     *database;
  GCancellable      *cancellable;
  GMainContext      *context;
  /* Thread only: the latest change announced of each sequence, and
   * whether they were read once. */
  gint64             seq;
  gint64             case_seq;
  gboolean           started;
} Channel;

struct _LajnaMeetingWatch
{
  GObject   parent_instance;

  Channel  *channel;
  GThread  *thread;
  gboolean  connected;
  gint64    seq;
  int       server_pid;
};

G_DEFINE_FINAL_TYPE (LajnaMeetingWatch, lajna_meeting_watch, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONNECTED,
  PROP_SEQ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  CASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  MESSAGE_CONNECTED,
  MESSAGE_DISCONNECTED,
  MESSAGE_CHANGED,
  MESSAGE_CASE_CHANGED,
} MessageKind;

typedef struct
{
  Channel     *channel;
  MessageKind  kind;
  gint64       meeting_id;
  gint64       seq;
  int          server_pid;
} Message;

static Channel *
channel_ref (Channel *channel)
{
  g_atomic_ref_count_inc (&channel->ref);
  return channel;
}

static void
channel_unref (Channel *channel)
{
  if (!g_atomic_ref_count_dec (&channel->ref))
    return;
  g_object_unref (channel->database);
  g_object_unref (channel->cancellable);
  g_main_context_unref (channel->context);
  g_free (channel);
}

static void
message_free (Message *message)
{
  channel_unref (message->channel);
  g_free (message);
}

static gboolean
deliver (gpointer data)
{
  Message *message = data;
  LajnaMeetingWatch *self = message->channel->owner;

  if (self == NULL)
    return G_SOURCE_REMOVE;
  switch (message->kind)
    {
    case MESSAGE_CONNECTED:
    case MESSAGE_DISCONNECTED:
      self->server_pid = message->server_pid;
      if (message->seq > self->seq)
        {
          self->seq = message->seq;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQ]);
        }
      if (self->connected != (message->kind == MESSAGE_CONNECTED))
        {
          self->connected = message->kind == MESSAGE_CONNECTED;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
        }
      break;
    case MESSAGE_CHANGED:
      if (message->seq > self->seq)
        {
          self->seq = message->seq;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQ]);
        }
      g_signal_emit (self, signals[CHANGED], 0, message->meeting_id, message->seq);
      break;
    case MESSAGE_CASE_CHANGED:
      g_signal_emit (self, signals[CASE_CHANGED], 0, message->meeting_id, message->seq);
      break;
    }
  return G_SOURCE_REMOVE;
}

/* @meeting_id is the file's id for MESSAGE_CASE_CHANGED. */
static void
post (Channel     *channel,
      MessageKind  kind,
      gint64       meeting_id,
      gint64       seq,
      int          server_pid)
{
  Message *message = g_new0 (Message, 1);

  message->channel = channel_ref (channel);
  message->kind = kind;
  message->meeting_id = meeting_id;
  message->seq = seq;
  message->server_pid = server_pid;
  g_main_context_invoke_full (channel->context, G_PRIORITY_DEFAULT, deliver, message,
                              (GDestroyNotify) message_free);
}

/* Announces, as @kind, every meeting or file of @table changed since
 * *@last. The first catch-up only learns where the sequence stands. */
static gboolean
catch_up_on (Channel     *channel,
             LajnaDb     *db,
             const char  *table,
             const char  *column,
             MessageKind  kind,
             gint64      *last)
{
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, *last);
  const char *params[] = { after };
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) result = NULL;

  if (!channel->started)
    {
      sql = g_strdup_printf ("SELECT NULL, coalesce(max(seq), 0) FROM %s", table);
      result = lajna_db_exec (db, sql, NULL);
    }
  else
    {
      sql = g_strdup_printf ("SELECT %s, max(seq) FROM %s WHERE seq > $1"
                             " GROUP BY %s ORDER BY 2", column, table, column);
      result = lajna_db_exec_params (db, sql, 1, params, NULL);
    }
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 seq = g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10);

      *last = MAX (*last, seq);
      if (!PQgetisnull (result, i, 0))
        post (channel, kind, g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10), seq, 0);
    }
  return TRUE;
}

static gboolean
catch_up (Channel *channel,
          LajnaDb *db)
{
  if (!catch_up_on (channel, db, "meeting_change", "meeting_id", MESSAGE_CHANGED, &channel->seq)
      || !catch_up_on (channel, db, "case_notice", "case_id", MESSAGE_CASE_CHANGED,
                       &channel->case_seq))
    return FALSE;
  channel->started = TRUE;
  return TRUE;
}

/* Waits for the socket, or the end; returns whether to go on. */
static gboolean
wait_for (Channel  *channel,
          int       socket,
          int       timeout_ms,
          gboolean *readable)
{
  GPollFD fds[2] = { { 0 } };
  int n = 0;

  if (g_cancellable_make_pollfd (channel->cancellable, &fds[n]))
    n++;
  if (socket >= 0)
    {
      fds[n].fd = socket;
      fds[n].events = G_IO_IN | G_IO_HUP | G_IO_ERR;
      n++;
    }
  g_poll (fds, n, timeout_ms);
  g_cancellable_release_fd (channel->cancellable);
  *readable = socket >= 0 && fds[n - 1].revents != 0;
  return !g_cancellable_is_cancelled (channel->cancellable);
}

static LajnaDb *
connect_and_listen (Channel *channel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaDb) db = lajna_database_connect (channel->database, &error);

  if (db == NULL || !lajna_db_run (db, "LISTEN lajna_meeting", &error)
      || !lajna_db_run (db, "LISTEN lajna_case", &error) || !catch_up (channel, db))
    {
      g_debug ("Meeting changes cannot be followed: %s", error != NULL ? error->message : "");
      return NULL;
    }
  return g_steal_pointer (&db);
}

static gpointer
watch_thread (gpointer data)
{
  Channel *channel = data;
  g_autoptr(LajnaDb) db = NULL;
  int retry_ms = 100;
  gboolean readable = FALSE;

  while (!g_cancellable_is_cancelled (channel->cancellable))
    {
      PGconn *conn;
      PGnotify *notify;

      if (db == NULL)
        {
          if ((db = connect_and_listen (channel)) == NULL)
            {
              wait_for (channel, -1, retry_ms, &readable);
              retry_ms = MIN (retry_ms * 2, RETRY_MAX_MS);
              continue;
            }
          retry_ms = 100;
          post (channel, MESSAGE_CONNECTED, 0, channel->seq, PQbackendPID (lajna_db_get_conn (db)));
        }
      conn = lajna_db_get_conn (db);
      if (!wait_for (channel, PQsocket (conn), QUIET_MS, &readable))
        break;
      if (readable && !PQconsumeInput (conn))
        {
          g_clear_object (&db);
          post (channel, MESSAGE_DISCONNECTED, 0, 0, 0);
          continue;
        }
      while ((notify = PQnotifies (conn)) != NULL)
        PQfreemem (notify);
      /* Woken or not, a query tells whether the connection still lives. */
      if (!catch_up (channel, db) || PQstatus (conn) != CONNECTION_OK)
        {
          g_clear_object (&db);
          post (channel, MESSAGE_DISCONNECTED, 0, 0, 0);
        }
    }
  channel_unref (channel);
  return NULL;
}

static void
lajna_meeting_watch_dispose (GObject *object)
{
  LajnaMeetingWatch *self = LAJNA_MEETING_WATCH (object);

  if (self->channel != NULL)
    {
      self->channel->owner = NULL;
      g_cancellable_cancel (self->channel->cancellable);
      g_clear_pointer (&self->channel, channel_unref);
    }
  g_clear_pointer (&self->thread, g_thread_join);

  G_OBJECT_CLASS (lajna_meeting_watch_parent_class)->dispose (object);
}

static void
lajna_meeting_watch_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LajnaMeetingWatch *self = LAJNA_MEETING_WATCH (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lajna_meeting_watch_class_init (LajnaMeetingWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lajna_meeting_watch_dispose;
  object_class->get_property = lajna_meeting_watch_get_property;

  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LajnaMeetingWatch::changed:
   * @self: the watch
   * @meeting_id: the meeting that changed
   * @seq: the number of its latest change
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /**
   * LajnaMeetingWatch::case-changed:
   * @self: the watch
   * @case_id: the file whose status or documents changed
   * @seq: the number of its latest notice
   */
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                        G_TYPE_INT64, G_TYPE_INT64);
}

static void
lajna_meeting_watch_init (LajnaMeetingWatch *self)
{
}

/**
 * lajna_meeting_watch_new:
 * @database: the database to follow
 *
 * Starts following meeting changes at once; "changed" is emitted on the
 * thread-default main context of the caller.
 *
 * Returns: (transfer full): a new watch
 */
LajnaMeetingWatch *
lajna_meeting_watch_new (LajnaDatabase *database)
{
  LajnaMeetingWatch *self = g_object_new (LAJNA_TYPE_MEETING_WATCH, NULL);
  Channel *channel = g_new0 (Channel, 1);

  g_atomic_ref_count_init (&channel->ref);
  channel->owner = self;
  channel->database = g_object_ref (database);
  channel->cancellable = g_cancellable_new ();
  channel->context = g_main_context_ref_thread_default ();
  self->channel = channel;
  self->thread = g_thread_new ("lajna-meeting-watch", watch_thread, channel_ref (channel));
  return self;
}

/* Whether the watch's connection is up now. */
gboolean
lajna_meeting_watch_get_connected (LajnaMeetingWatch *self)
{
  g_return_val_if_fail (LAJNA_IS_MEETING_WATCH (self), FALSE);

  return self->connected;
}

/* The number of the latest change announced. */
gint64
lajna_meeting_watch_get_seq (LajnaMeetingWatch *self)
{
  g_return_val_if_fail (LAJNA_IS_MEETING_WATCH (self), 0);

  return self->seq;
}

/* The server process of the watch's connection, 0 while disconnected. */
int
lajna_meeting_watch_get_server_pid (LajnaMeetingWatch *self)
{
  g_return_val_if_fail (LAJNA_IS_MEETING_WATCH (self), 0);

  return self->server_pid;
}
