/* lajna-remote-stream.c: a document's bytes as another process holds them,
 * for the page renderer's bounded process (lajna-page-renderer.c): a read
 * past the bytes last given asks the renderer, over the socket, for the
 * bytes at the stream's position ('B' offset length, READ_AHEAD at least)
 * and takes its answer ('b' length bytes), so that a 160 MB scan kept in
 * the database is read a slice at a time, as the renderer reads it for
 * itself. Seekable, not writable. */

#include "lajna-remote-stream.h"

#include <gio/gio.h>
#include <string.h>

#include "lajna-bounded-process.h"

/* Bytes asked for at least, kept for the reads that follow (Poppler reads
 * a page's image a few kilobytes at a time): READ_AHEAD after a seek,
 * doubling while the reads follow each other, up to MAX_REQUEST. */
#define READ_AHEAD (16 * 1024)
#define MAX_REQUEST LAJNA_REMOTE_STREAM_MAX_REQUEST

struct _LajnaRemoteStream
{
  GInputStream parent_instance;

  int          fd;
  goffset      length;
  goffset      position;
  /* The bytes last given, from cache_at on. */
  guint8      *cache;
  gsize        cache_length;
  goffset      cache_at;
  gsize        ahead;
};

static void seekable_iface_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LajnaRemoteStream, lajna_remote_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE, seekable_iface_init))

/* Asks for the bytes from the stream's position on, into the cache. */
static gboolean
fetch (LajnaRemoteStream *self,
       gsize              count)
{
  guint32 asked, given;
  char tag;

  self->ahead = self->position == self->cache_at + (goffset) self->cache_length
                  ? MIN (self->ahead * 2, MAX_REQUEST) : READ_AHEAD;
  asked = CLAMP (count, self->ahead, MAX_REQUEST);

  self->cache = g_realloc (self->cache, asked);
  self->cache_length = 0;
  self->cache_at = self->position;
  if (!lajna_fd_write_all (self->fd, "B", 1) || !lajna_fd_put_u64 (self->fd, self->position)
      || !lajna_fd_put_u32 (self->fd, asked)
      || !lajna_fd_read_all (self->fd, &tag, 1, -1, NULL) || tag != 'b'
      || !lajna_fd_get_u32 (self->fd, &given, -1, NULL) || given > asked
      || !lajna_fd_read_all (self->fd, self->cache, given, -1, NULL))
    return FALSE;
  self->cache_length = given;
  return TRUE;
}

static gssize
lajna_remote_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  LajnaRemoteStream *self = LAJNA_REMOTE_STREAM (stream);
  gsize given;

  if (self->position >= self->length || count == 0)
    return 0;
  if ((self->position < self->cache_at
       || self->position >= self->cache_at + (goffset) self->cache_length)
      && !fetch (self, count))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                           "The document's bytes cannot be read.");
      return -1;
    }
  if (self->position >= self->cache_at + (goffset) self->cache_length)
    return 0;
  given = MIN (count, self->cache_at + self->cache_length - self->position);
  memcpy (buffer, self->cache + (self->position - self->cache_at), given);
  self->position += given;
  return given;
}

static goffset
lajna_remote_stream_tell (GSeekable *seekable)
{
  return LAJNA_REMOTE_STREAM (seekable)->position;
}

static gboolean
lajna_remote_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
lajna_remote_stream_seek (GSeekable     *seekable,
                          goffset        offset,
                          GSeekType      type,
                          GCancellable  *cancellable,
                          GError       **error)
{
  LajnaRemoteStream *self = LAJNA_REMOTE_STREAM (seekable);
  goffset to = type == G_SEEK_SET ? offset
             : type == G_SEEK_CUR ? self->position + offset : self->length + offset;

  if (to < 0 || to > self->length)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A position outside the document.");
      return FALSE;
    }
  self->position = to;
  return TRUE;
}

static gboolean
lajna_remote_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
lajna_remote_stream_truncate (GSeekable     *seekable,
                              goffset        offset,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "The document is read-only.");
  return FALSE;
}

static void
seekable_iface_init (GSeekableIface *iface)
{
  iface->tell = lajna_remote_stream_tell;
  iface->can_seek = lajna_remote_stream_can_seek;
  iface->seek = lajna_remote_stream_seek;
  iface->can_truncate = lajna_remote_stream_can_truncate;
  iface->truncate_fn = lajna_remote_stream_truncate;
}

static void
lajna_remote_stream_finalize (GObject *object)
{
  g_free (LAJNA_REMOTE_STREAM (object)->cache);

  G_OBJECT_CLASS (lajna_remote_stream_parent_class)->finalize (object);
}

static void
lajna_remote_stream_class_init (LajnaRemoteStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lajna_remote_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = lajna_remote_stream_read;
}

static void
lajna_remote_stream_init (LajnaRemoteStream *self)
{
}

/**
 * lajna_remote_stream_new:
 * @fd: the socket to the process that holds the bytes
 * @length: how many bytes it holds
 *
 * Returns: (transfer full): a stream of those bytes
 */
GInputStream *
lajna_remote_stream_new (int     fd,
                         goffset length)
{
  LajnaRemoteStream *self = g_object_new (LAJNA_TYPE_REMOTE_STREAM, NULL);

  self->fd = fd;
  self->length = length;
  self->ahead = READ_AHEAD;
  return G_INPUT_STREAM (self);
}
