/* lajna-document-stream.c: a stored document's PDF, read a slice at a time.
 * Poppler reads a PDF where it needs it (the cross-reference table at the
 * end, then the objects of the pages shown), so a seekable stream lets a
 * long scan open without fetching every byte: each read fetches the
 * aligned block it falls in with substring(), and the last few blocks are
 * kept. The stream owns its connection, so it can be read from any one
 * thread at a time while the app's worker goes on with its own queries.
 * The rules of row-level security hold for every slice, as for any
 * query.
 *
 * The stream is a GMemoryInputStream by type only (it holds no bytes of
 * its own): Poppler reads a memory stream directly, where it would first
 * set aside a buffer as long as the whole document for any other. */

#include "lajna-document-stream.h"

#include "lajna-db-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The size of a slice, and how many are kept. */
#define BLOCK_SIZE (256 * 1024)
#define BLOCKS_KEPT 8

typedef struct
{
  goffset  index;
  GBytes  *bytes;
} Block;

struct _LajnaDocumentStream
{
  GMemoryInputStream parent_instance;

  LajnaDb      *db;
  char         *document_id;
  goffset       length;
  goffset       position;
  /* The blocks kept, the most recently read first. */
  Block         blocks[BLOCKS_KEPT];
};

static void lajna_document_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LajnaDocumentStream, lajna_document_stream,
                               G_TYPE_MEMORY_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE,
                                                      lajna_document_stream_seekable_init))

/* The block @index, fetched or kept; it becomes the first kept. */
static GBytes *
block_at (LajnaDocumentStream  *self,
          goffset               index,
          GError              **error)
{
  g_autofree char *from = NULL;
  g_autofree char *count = NULL;
  g_autoptr(PGresult) result = NULL;
  const int formats[] = { 0, 0, 0 };
  Block found = { -1, NULL };
  guint at = BLOCKS_KEPT - 1;

  for (guint i = 0; i < BLOCKS_KEPT; i++)
    if (self->blocks[i].bytes != NULL && self->blocks[i].index == index)
      {
        found = self->blocks[i];
        at = i;
        break;
      }
  if (found.bytes == NULL)
    {
      const char *values[3];

      from = g_strdup_printf ("%" G_GOFFSET_FORMAT, index * BLOCK_SIZE + 1);
      count = g_strdup_printf ("%d", BLOCK_SIZE);
      values[0] = self->document_id;
      values[1] = from;
      values[2] = count;
      result = lajna_db_exec_binary (self->db,
                                     "SELECT substring(coalesce(pdf, original) FROM $2::integer"
                                     "                 FOR $3::integer)"
                                     "  FROM document_blob WHERE document_id = $1",
                                     3, values, NULL, formats, TRUE, error);
      if (result == NULL)
        return NULL;
      if (PQntuples (result) != 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The document is no longer there."));
          return NULL;
        }
      g_clear_pointer (&self->blocks[at].bytes, g_bytes_unref);
      found.index = index;
      found.bytes = g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
    }
  memmove (&self->blocks[1], &self->blocks[0], at * sizeof (Block));
  self->blocks[0] = found;
  return found.bytes;
}

static gssize
lajna_document_stream_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LajnaDocumentStream *self = LAJNA_DOCUMENT_STREAM (stream);
  g_autoptr(GError) local_error = NULL;
  gsize done = 0;

  while (done < count && self->position < self->length)
    {
      GBytes *block;
      gsize size, offset, n;
      const guint8 *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return done > 0 ? (gssize) done : -1;
      if ((block = block_at (self, self->position / BLOCK_SIZE, &local_error)) == NULL)
        {
          /* Poppler only sees that the bytes are missing: say why. */
          g_warning ("Document %s: %s", self->document_id, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return done > 0 ? (gssize) done : -1;
        }
      data = g_bytes_get_data (block, &size);
      offset = self->position % BLOCK_SIZE;
      if (offset >= size)
        break;
      n = MIN (count - done, size - offset);
      memcpy ((guint8 *) buffer + done, data + offset, n);
      done += n;
      self->position += n;
    }
  return done;
}

static gssize
lajna_document_stream_skip (GInputStream  *stream,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LajnaDocumentStream *self = LAJNA_DOCUMENT_STREAM (stream);
  gsize skipped = MIN (count, (gsize) (self->length - self->position));

  self->position += skipped;
  return skipped;
}

static gboolean
lajna_document_stream_close (GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return TRUE;
}

static goffset
lajna_document_stream_tell (GSeekable *seekable)
{
  return LAJNA_DOCUMENT_STREAM (seekable)->position;
}

static gboolean
lajna_document_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
lajna_document_stream_seek (GSeekable     *seekable,
                            goffset        offset,
                            GSeekType      type,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LajnaDocumentStream *self = LAJNA_DOCUMENT_STREAM (seekable);
  goffset to = type == G_SEEK_SET ? offset
             : type == G_SEEK_CUR ? self->position + offset
             : self->length + offset;

  if (to < 0 || to > self->length)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A position outside the document was asked for."));
      return FALSE;
    }
  self->position = to;
  return TRUE;
}

static gboolean
lajna_document_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
lajna_document_stream_truncate (GSeekable     *seekable,
                                goffset        offset,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("A stored document cannot be changed."));
  return FALSE;
}

static void
lajna_document_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = lajna_document_stream_tell;
  iface->can_seek = lajna_document_stream_can_seek;
  iface->seek = lajna_document_stream_seek;
  iface->can_truncate = lajna_document_stream_can_truncate;
  iface->truncate_fn = lajna_document_stream_truncate;
}

static void
lajna_document_stream_finalize (GObject *object)
{
  LajnaDocumentStream *self = LAJNA_DOCUMENT_STREAM (object);

  for (guint i = 0; i < BLOCKS_KEPT; i++)
    g_clear_pointer (&self->blocks[i].bytes, g_bytes_unref);
  g_clear_object (&self->db);
  g_free (self->document_id);

  G_OBJECT_CLASS (lajna_document_stream_parent_class)->finalize (object);
}

static void
lajna_document_stream_class_init (LajnaDocumentStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lajna_document_stream_finalize;
  stream_class->read_fn = lajna_document_stream_read;
  stream_class->skip = lajna_document_stream_skip;
  stream_class->close_fn = lajna_document_stream_close;
}

static void
lajna_document_stream_init (LajnaDocumentStream *self)
{
}

/**
 * lajna_document_stream_new:
 * @db: (transfer full): a connection of the stream's own
 * @document_id: the document
 * @length: its PDF's length in bytes
 *
 * Returns: (transfer full): a seekable stream of the document's PDF
 */
GInputStream *
lajna_document_stream_new (LajnaDb *db,
                           gint64   document_id,
                           goffset  length)
{
  LajnaDocumentStream *self = g_object_new (LAJNA_TYPE_DOCUMENT_STREAM, NULL);

  self->db = db;
  self->document_id = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  self->length = length;
  return G_INPUT_STREAM (self);
}
